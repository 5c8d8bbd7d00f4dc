#!/usr/bin/python3
"""Writes a synthetic MNIST-format dataset of 1x16x16 images, 10 classes (prototype + noise, fixed seed) into
the folder given, for `train ... --dataset mnist --data-dir FOLDER` (the memory measurement of compare.sh)."""
import os, random, struct, sys

def write(folder, prefix, n, rng, protos):
    images = bytearray()
    labels = bytearray()
    for _ in range(n):
        c = rng.randrange(10)
        labels.append(c)
        images += bytes(max(0, min(255, int(p + rng.gauss(0, 40)))) for p in protos[c])
    with open(os.path.join(folder, prefix + '-images-idx3-ubyte'), 'wb') as f:
        f.write(struct.pack('>IIII', 0x803, n, 16, 16) + images)
    with open(os.path.join(folder, prefix + '-labels-idx1-ubyte'), 'wb') as f:
        f.write(struct.pack('>II', 0x801, n) + labels)

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
rng = random.Random(1)
protos = [[rng.randrange(256) for _ in range(256)] for _ in range(10)]
write(folder, 'train', 4096, rng, protos)
write(folder, 't10k', 512, rng, protos)

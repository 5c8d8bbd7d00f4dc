#!/usr/bin/env python3
"""Make the Fashion-MNIST subset that ResNet Explorer ships in assets/datasets/fashion-mnist-subset/.

Reads the full Fashion-MNIST from Debian's package dataset-fashion-mnist
(apt-get install dataset-fashion-mnist; files /usr/share/datasets/fashion-mnist/*-idx*-ubyte.gz),
picks 600 training and 100 test images of each of the 10 classes with a fixed seed, keeps them in their
original order, and writes them as gzipped IDX files of the same format and names.

The output is byte-for-byte reproducible: the same input files, seed and sizes give the same files
(the gzip headers carry no time stamp and no file name).

Usage: python3 make-fashion-mnist-subset.py [--source DIR] [--out DIR] [--seed N] [--train-per-class N] [--test-per-class N]
Standard library only.
"""

import argparse
import gzip
import hashlib
import os
import random
import struct
import sys

CLASSES = 10
SPLITS = (("train", "train"), ("t10k", "test"))  # (file prefix, meaning)


def read_idx(path, dims):
    """The IDX file at path (gzipped or plain): (shape, payload bytes). Checks magic number and length."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08 or raw[3] != dims:
        sys.exit(f"{path}: not an IDX file of unsigned bytes with {dims} dimension(s)")
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    size = 1
    for d in shape:
        size *= d
    payload = raw[4 + 4 * dims:]
    if len(payload) != size:
        sys.exit(f"{path}: header announces {size} bytes of data, file has {len(payload)}")
    return shape, payload


def write_idx_gz(path, shape, payload):
    header = bytes([0, 0, 0x08, len(shape)]) + struct.pack(">" + "I" * len(shape), *shape)
    with open(path, "wb") as out:
        # filename="" and mtime=0: no name, no time stamp in the gzip header, so the bytes are reproducible
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
            gz.write(header)
            gz.write(payload)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "fashion-mnist-subset"))
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--train-per-class", type=int, default=600)
    parser.add_argument("--test-per-class", type=int, default=100)
    args = parser.parse_args()

    per_class = {"train": args.train_per_class, "t10k": args.test_per_class}
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    for prefix, meaning in SPLITS:
        images_in = os.path.join(args.source, f"{prefix}-images-idx3-ubyte.gz")
        labels_in = os.path.join(args.source, f"{prefix}-labels-idx1-ubyte.gz")
        for p in (images_in, labels_in):
            if not os.path.exists(p):
                sys.exit(f"{p} is missing: apt-get install dataset-fashion-mnist, or pass --source DIR")
        (count, rows, cols), pixels = read_idx(images_in, 3)
        (label_count,), labels = read_idx(labels_in, 1)
        if label_count != count:
            sys.exit(f"{labels_in} holds {label_count} labels, {images_in} holds {count} images")

        by_class = [[] for _ in range(CLASSES)]
        for index, label in enumerate(labels):
            if label >= CLASSES:
                sys.exit(f"{labels_in}: label {label} of example {index} is not 0-9")
            by_class[label].append(index)
        chosen = []
        for c in range(CLASSES):
            if len(by_class[c]) < per_class[prefix]:
                sys.exit(f"{labels_in}: class {c} has only {len(by_class[c])} examples")
            chosen.extend(rng.sample(by_class[c], per_class[prefix]))
        chosen.sort()  # keep the original order of the examples

        image_size = rows * cols
        sub_pixels = b"".join(pixels[i * image_size:(i + 1) * image_size] for i in chosen)
        sub_labels = bytes(labels[i] for i in chosen)
        images_out = os.path.join(args.out, f"{prefix}-images-idx3-ubyte.gz")
        labels_out = os.path.join(args.out, f"{prefix}-labels-idx1-ubyte.gz")
        write_idx_gz(images_out, (len(chosen), rows, cols), sub_pixels)
        write_idx_gz(labels_out, (len(chosen),), sub_labels)
        print(f"{meaning}: {len(chosen)} of {count} examples ({per_class[prefix]} per class)")

    for name in sorted(os.listdir(args.out)):
        if name.endswith(".gz"):
            print(f"{sha256(os.path.join(args.out, name))}  {name}")


if __name__ == "__main__":
    main()

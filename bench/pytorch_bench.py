#!/usr/bin/python3
"""PyTorch twin of `java -jar target/resnet-explorer.jar bench`: the same four workloads, data, optimiser and
timing method, so the two can be compared step for step. Not part of the app.

usage: /usr/bin/python3 bench/pytorch_bench.py [--json] [--seconds S] [--warmup S] [--workload NAME] [--threads N]

Run with Debian's python3-torch (1.13) and libopenblas0-pthread installed. Like the app, it runs on one
thread by default (torch.set_num_threads(1)); export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 as well.

What is timed, as in the app's Trainer: draw a random batch from a shuffled synthetic dataset, forward, softmax
cross-entropy, read the loss and the number of errors on the host, backward, SGD momentum 0.9 with weight decay
1e-4 on conv/dense weights only (not biases, not BatchNorm). With metrics on, every 10th step (and the first
and last) also computes what the app's charts show: the gradient norm of every layer's weights and of every
BatchNorm, the standard deviation of every 3x3 conv's response (after its BatchNorm) and, per residual block,
the std, norm ratio and a 30-bin histogram of the branch output, and checks the weights are finite.
"""
import argparse
import json
import math
import os
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

METRICS_EVERY = 10
ROUNDS = 2
SEED = 1


class Mlp(nn.Module):
    """Dense(2->32)+ReLU, D hidden Dense(32->32) (+ReLU; residual: y = relu(x + W2 relu(W1 x))), Dense(32->3)."""

    def __init__(self, depth, residual, width=32, classes=3):
        super().__init__()
        self.residual = residual
        self.stem = nn.Linear(2, width)
        self.hidden = nn.ModuleList([nn.Linear(width, width) for _ in range(depth)])
        self.fc = nn.Linear(width, classes)

    def forward(self, x, record=None):
        h = F.relu(self.stem(x))
        if self.residual:
            for i in range(0, len(self.hidden), 2):
                f = self.hidden[i + 1](F.relu(self.hidden[i](h)))
                if record is not None:
                    record['residual'].append((f, h))
                h = F.relu(h + f)
        else:
            for layer in self.hidden:
                h = F.relu(layer(h))
        return self.fc(h)


class Block(nn.Module):
    """Basic block, post-activation; option A shortcut (subsample, zero channels after the input's)."""

    def __init__(self, cin, cout, stride, residual):
        super().__init__()
        self.stride, self.extra, self.residual = stride, cout - cin, residual
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)

    def forward(self, x, record=None):
        r1 = self.b1(self.c1(x))
        f = self.b2(self.c2(F.relu(r1)))
        if record is not None:
            record['response'] += [r1, f]
        if not self.residual:
            return F.relu(f)
        s = x if self.stride == 1 else x[:, :, ::self.stride, ::self.stride]
        if self.extra:
            s = F.pad(s, (0, 0, 0, 0, 0, self.extra))
        if record is not None:
            record['residual'].append((f, s))
        return F.relu(f + s)


class Cnn(nn.Module):
    """conv3x3+BN+ReLU, three stages of n blocks (8/16/32 channels), global average pool, fc."""

    def __init__(self, depth, residual, width=8, classes=10):
        super().__init__()
        n = (depth - 2) // 6
        self.c0 = nn.Conv2d(1, width, 3, 1, 1, bias=False)
        self.b0 = nn.BatchNorm2d(width)
        blocks, cin = [], width
        for stage in range(3):
            for i in range(n):
                cout = width << stage
                blocks.append(Block(cin, cout, 2 if stage > 0 and i == 0 else 1, residual))
                cin = cout
        self.blocks = nn.ModuleList(blocks)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x, record=None):
        h = self.b0(self.c0(x))
        if record is not None:
            record['response'].append(h)
        h = F.relu(h)
        for block in self.blocks:
            h = block(h, record)
        return self.fc(h.mean((2, 3)))


WORKLOADS = {
    'mlp-plain-8': dict(model=lambda: Mlp(8, False), batch=64, lr=0.01, images=False),
    'mlp-resnet-32': dict(model=lambda: Mlp(32, True), batch=64, lr=0.01, images=False),
    'cifar-resnet-8': dict(model=lambda: Cnn(8, True), batch=32, lr=0.05, images=True),
    'cifar-plain-20': dict(model=lambda: Cnn(20, False), batch=32, lr=0.05, images=True),
}


def dataset(images, n=2048):
    """The same kind of synthetic data as the app's bench (not bit-identical: another generator)."""
    g = torch.Generator().manual_seed(SEED)
    if images:
        protos = torch.randn(10, 1, 16, 16, generator=g)
        y = torch.randint(0, 10, (n,), generator=g)
        return protos[y] + torch.randn(n, 1, 16, 16, generator=g), y
    c = torch.randint(0, 3, (n,), generator=g)
    t = torch.rand(n, generator=g)
    angle = c * 2 * math.pi / 3 + t * 4 + 0.2 * torch.randn(n, generator=g)
    return torch.stack([t * torch.cos(angle), t * torch.sin(angle)], 1), c


class Run:
    def __init__(self, spec, metrics_every):
        torch.manual_seed(SEED)
        self.model = spec['model']()
        self.batch = spec['batch']
        self.x, self.y = dataset(spec['images'])
        self.order = torch.randperm(len(self.y))
        self.next = 0
        decay = [p for n, p in self.model.named_parameters() if n.endswith('weight') and p.dim() > 1]
        rest = [p for n, p in self.model.named_parameters() if not (n.endswith('weight') and p.dim() > 1)]
        self.opt = torch.optim.SGD([{'params': decay, 'weight_decay': 1e-4}, {'params': rest, 'weight_decay': 0}],
                                   lr=spec['lr'], momentum=0.9)
        self.every = metrics_every
        self.sink = 0.0

    def indices(self):
        if self.next + self.batch > len(self.order):
            self.order = torch.randperm(len(self.y))
            self.next = 0
        idx = self.order[self.next:self.next + self.batch]
        self.next += self.batch
        return idx

    def step(self, i, steps):
        measure = (i + 1) % self.every == 0 or i == 0 or i == steps - 1
        idx = self.indices()
        x, y = self.x[idx], self.y[idx]
        record = {'response': [], 'residual': []} if measure else None
        self.opt.zero_grad(set_to_none=True)
        logits = self.model(x, record)
        loss = F.cross_entropy(logits, y)
        value = loss.item()
        errors = int((logits.argmax(1) != y).sum())
        loss.backward()
        if measure:
            self.measure(record)
        self.opt.step()
        if measure and not math.isfinite(sum(float(p.sum()) for p in self.model.parameters())):
            raise RuntimeError('diverged')
        return value + errors

    def measure(self, record):
        """What the app's snapshot holds: gradient norms, response std, residual-branch histograms."""
        with torch.no_grad():
            norms = [float(p.grad.norm()) for p in self.model.parameters()]
            stds = [float(r.std()) for r in record['response']]
            hists = []
            for f, s in record['residual']:
                values = f.detach().reshape(-1)
                lo, hi = float(values.min()), float(values.max())
                hists.append((float(values.std()), float(values.norm() / max(float(s.norm()), 1e-30)),
                              torch.histc(values, 30, lo, hi).tolist()))
            self.sink += sum(norms) + sum(stds) + len(hists)


def train(spec, steps, metrics_every):
    run = Run(spec, metrics_every)
    start = time.perf_counter()
    cpu = time.process_time()
    for i in range(steps):
        run.step(i, steps)
    return time.perf_counter() - start, time.process_time() - cpu


def warm_up(spec, seconds):
    run = Run(spec, METRICS_EVERY)
    start, i = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        run.step(i, 1 << 30)
        i += 1
    return i / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--seconds', type=float, default=6)
    parser.add_argument('--warmup', type=float, default=6)
    parser.add_argument('--workload')
    parser.add_argument('--threads', type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    names = [args.workload] if args.workload else list(WORKLOADS)
    results = []
    for name in names:
        spec = WORKLOADS[name]
        if not args.json:
            print(f'{name}: warming up {args.warmup:.0f} s ...', flush=True)
        rate = warm_up(spec, args.warmup)
        steps = max(20, round(rate * args.seconds / ROUNDS))
        totals = {True: [0, 0.0, 0.0], False: [0, 0.0, 0.0]}
        for _ in range(ROUNDS):
            for metrics in (True, False):
                wall, cpu = train(spec, steps, METRICS_EVERY if metrics else steps)
                totals[metrics][0] += steps
                totals[metrics][1] += wall
                totals[metrics][2] += cpu
        for metrics in (True, False):
            n, wall, cpu = totals[metrics]
            results.append(dict(workload=name, metrics=metrics, stepsPerSecond=round(n / wall, 2), cpuMsPerStep=cpu * 1000 / n))
    if args.json:
        print(json.dumps([{k: r[k] for k in ('workload', 'metrics', 'stepsPerSecond')} for r in results]))
        return
    print(f"\n{'workload':16} {'metrics':8} {'steps/s':>10} {'ms/step':>10} {'cpu ms/step':>12} {'overhead':>9}")
    for i in range(0, len(results), 2):
        on, off = results[i], results[i + 1]
        for r in (on, off):
            overhead = f"{100 * (off['stepsPerSecond'] / on['stepsPerSecond'] - 1):+.1f}%" if r['metrics'] else ''
            print(f"{r['workload']:16} {'on' if r['metrics'] else 'off':8} {r['stepsPerSecond']:10.1f} "
                  f"{1000 / r['stepsPerSecond']:10.3f} {r['cpuMsPerStep']:12.3f} {overhead:>9}")
    print(f"\ntorch {torch.__version__}, threads {torch.get_num_threads()}, peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10} MB, load average {os.getloadavg()}")


if __name__ == '__main__':
    main()

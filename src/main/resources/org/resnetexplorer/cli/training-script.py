

# ---------------------------------------------------------------------------------------------------------------
# Training, as ResNet Explorer's engine trains (its decision 0038): the same start, data, batches, loss, optimizer,
# weight decay and learning-rate schedule; the test error on the first TEST_LIMIT test examples in eval mode.
#
#     python3 train.py                          # on a GPU when PyTorch sees one, else on the CPU
#     python3 train.py --device cpu --steps 50  # fewer steps than the run's
#     torchrun --nproc_per_node 4 train.py      # DistributedDataParallel: each process a quarter of every batch

import argparse
import math
import os
import sys
import time

import numpy

import torch.distributed as dist

MASK48 = (1 << 48) - 1
MASK64 = (1 << 64) - 1


class JavaRandom:
    """java.util.Random, exactly: the engine draws its toy points, subsets and batches with it."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48
        self.next_gaussian_value = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        value = self.seed >> (48 - bits)
        # Java casts the 32 bits to a signed int; fewer bits are always positive
        return value - (1 << 32) if bits == 32 and value >= 1 << 31 else value

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:  # Java's int overflow: u - r + m < 0
            u = self.next(31)
            r = u % bound
        return r

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * (1.0 / (1 << 53))

    def next_boolean(self):
        return self.next(1) != 0

    def next_gaussian(self):
        if self.next_gaussian_value is not None:
            value, self.next_gaussian_value = self.next_gaussian_value, None
            return value
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        multiplier = math.sqrt(-2 * math.log(s) / s)
        self.next_gaussian_value = v2 * multiplier
        return v1 * multiplier


def derive(seed, stream):
    """An independent seed for one use of the data's seed (SplitMix64's finaliser, as the engine's Sampling)."""
    z = (seed + stream * 0x9E3779B97F4A7C15) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def shuffle(values, random):
    """Fisher-Yates in place, as the engine shuffles."""
    for i in range(len(values) - 1, 0, -1):
        j = random.next_int(i + 1)
        values[i], values[j] = values[j], values[i]


HALF_SIDE = 6.0


def offset(x, y, noise):
    """(x, y) plus a noise offset, drawn again while the point would leave Playground's square."""
    for _ in range(10000):
        px = x + noise()
        py = y + noise()
        if abs(px) <= HALF_SIDE and abs(py) <= HALF_SIDE:
            return px, py
    return max(-HALF_SIDE, min(HALF_SIDE, x)), max(-HALF_SIDE, min(HALF_SIDE, y))


def toy_point(kind, label, classes, noise, r):
    """One point of class label, in Playground's units, drawn as the engine's ToySets draws it."""
    def uniform(half):
        return lambda: (2 * r.next_double() - 1) * half
    if kind == "spiral":
        u = r.next_double()
        radius = 5 * u
        angle = 1.75 * u * 2 * math.pi + 2 * math.pi * label / classes
        return offset(radius * math.sin(angle), radius * math.cos(angle), uniform(noise))
    if kind == "circles":
        radius = 2.5 * r.next_double() if label == 0 else 3.5 + 1.5 * r.next_double()
        angle = 2 * math.pi * r.next_double()
        return offset(radius * math.sin(angle), radius * math.cos(angle), uniform(5 * noise))
    if kind == "xor":
        sx = 1.0 if r.next_boolean() else -1.0
        sy = sx if label == 1 else -sx
        x = sx * (0.3 + 5 * r.next_double())
        y = sy * (0.3 + 5 * r.next_double())
        return offset(x, y, uniform(5 * noise))
    if kind == "gauss":
        angle = math.pi / 4 + 2 * math.pi * label / classes
        centre = 2 * math.sqrt(2)
        sigma = math.sqrt(0.5 + 7 * noise)
        return offset(centre * math.cos(angle), centre * math.sin(angle), lambda: sigma * r.next_gaussian())
    if kind == "moons":
        t = math.pi * r.next_double()
        x = math.cos(t) if label == 0 else 1 - math.cos(t)
        y = math.sin(t) if label == 0 else 0.5 - math.sin(t)
        return offset(3 * (x - 0.5), 3 * (y - 0.25), lambda: 3 * noise * r.next_gaussian())
    raise ValueError("not a toy set: %s" % kind)


def toy_points(kind, n, classes, noise, random):
    """n points, class counts differing by at most one, in random order; features in [-1, 1] as float32."""
    labels = [i % classes for i in range(n)]
    shuffle(labels, random)
    points = [toy_point(kind, label, classes, noise, random) for label in labels]
    features = numpy.array(points, dtype=numpy.float64).reshape(n, 2) / HALF_SIDE
    return torch.from_numpy(features.astype(numpy.float32)), torch.tensor(labels, dtype=torch.long)


def stratified(labels, classes, n, random):
    """n indices, each class in its proportion (largest remainder), chosen and ordered at random, as the engine."""
    by_class = [[] for _ in range(classes)]
    for i, label in enumerate(labels):
        by_class[label].append(i)
    for members in by_class:
        shuffle(members, random)
    quota = []
    remainder = []
    for members in by_class:
        exact = n * len(members) / len(labels)
        quota.append(math.floor(exact))
        remainder.append(exact - math.floor(exact))
    while sum(quota) < n:
        best = -1
        for c in range(classes):
            if quota[c] < len(by_class[c]) and (best < 0 or remainder[c] > remainder[best]):
                best = c
        quota[best] += 1
        remainder[best] = -1
    chosen = [i for c in range(classes) for i in by_class[c][:quota[c]]]
    shuffle(chosen, random)
    return chosen


def pick(images, labels, size, stream):
    """All examples in file order, or a stratified subset of size of them drawn with the data's seed."""
    if size is None:
        return images, labels
    if size > len(labels):
        sys.exit("%s has %d examples, fewer than the %d asked for" % (DATASET, len(labels), size))
    chosen = torch.tensor(stratified(labels.tolist(), CLASSES, size, JavaRandom(derive(DATA_SEED, stream))))
    return images[chosen], labels[chosen]


def image_sets(args):
    """The raw images (uint8, N x C x H x W) and labels of both splits: torchvision's files, or random fake ones."""
    channels, side = (3, 32) if TORCHVISION == "CIFAR10" else (1, 28)
    if args.fake_data:
        generator = torch.Generator().manual_seed(SEED)
        sizes = (TRAIN_SIZE or 512, TEST_SIZE or 128)
        return [(torch.randint(0, 256, (n, channels, side, side), dtype=torch.uint8, generator=generator),
                 torch.randint(0, CLASSES, (n,), generator=generator)) for n in sizes]
    import torchvision  # only the image sets need it
    splits = []
    for train in (True, False):
        data = getattr(torchvision.datasets, TORCHVISION)(args.data_dir, train=train, download=True)
        images = torch.as_tensor(numpy.asarray(data.data))
        # CIFAR-10 comes as N x H x W x C, (Fashion-)MNIST as N x H x W
        images = images.permute(0, 3, 1, 2) if images.dim() == 4 else images.unsqueeze(1)
        splits.append((images.contiguous(), torch.as_tensor(numpy.asarray(data.targets), dtype=torch.long)))
    return splits


class Standardise:
    """Bytes to [0, 1], optionally halved by 2x2 averaging, then each channel standardised with the mean and
    standard deviation of the training split, as the engine's Preprocessing does; applied batch by batch."""

    def __init__(self, train_images):
        channels = train_images.shape[1]
        total = torch.zeros(channels, dtype=torch.float64)
        squares = torch.zeros(channels, dtype=torch.float64)
        count = 0
        for part in train_images.split(2000):
            x = self.scaled(part).double()
            total += x.sum(dim=(0, 2, 3))
            count += x.shape[0] * x.shape[2] * x.shape[3]
        mean = total / count
        for part in train_images.split(2000):
            x = self.scaled(part).double()
            squares += ((x - mean.view(1, -1, 1, 1)) ** 2).sum(dim=(0, 2, 3))
        std = (squares / count).sqrt()
        std[std <= 1e-12] = 1  # a constant channel is only centred
        self.mean = mean.float().view(1, -1, 1, 1)
        self.std = std.float().view(1, -1, 1, 1)

    @staticmethod
    def scaled(images):
        x = images.float() / 255
        return F.avg_pool2d(x, 2) if DOWNSCALE else x

    def __call__(self, images):
        return (self.scaled(images) - self.mean.to(images.device)) / self.std.to(images.device)


def datasets(args):
    """(train features, train labels, test features, test labels, prepare): prepare turns a batch of features
    into the network's input on its device (images are kept as bytes until then)."""
    if DATASET_KIND == "toy":
        train = toy_points(DATASET, TRAIN_SIZE, CLASSES, NOISE, JavaRandom(derive(DATA_SEED, 1)))
        test = toy_points(DATASET, TEST_SIZE, CLASSES, NOISE, JavaRandom(derive(DATA_SEED, 2)))
        return train + test + (lambda x: x,)
    if DATASET_KIND == "csv":
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), DATA_FILE)
        table = numpy.loadtxt(path, delimiter=",", skiprows=1, dtype=numpy.float64, ndmin=2)
        splits = []
        for split in (0, 1):
            rows = table[table[:, 0] == split]
            splits += [torch.from_numpy(rows[:, 2:].astype(numpy.float32)), torch.from_numpy(rows[:, 1].astype(numpy.int64))]
        return tuple(splits) + (lambda x: x,)
    (train_images, train_labels), (test_images, test_labels) = image_sets(args)
    train_images, train_labels = pick(train_images, train_labels, TRAIN_SIZE, 3)
    test_images, test_labels = pick(test_images, test_labels, TEST_SIZE, 4)
    return train_images, train_labels, test_images, test_labels, Standardise(train_images)


class Batches:
    """Batches drawn without replacement from a seeded shuffle, reshuffled every epoch: the engine's sequence."""

    def __init__(self, size, seed):
        self.random = JavaRandom(seed)
        self.order = list(range(size))
        self.next = len(self.order)

    def take(self, size):
        indices = []
        for _ in range(size):
            if self.next == len(self.order):
                shuffle(self.order, self.random)
                self.next = 0
            indices.append(self.order[self.next])
            self.next += 1
        return indices


def rate_at(step):
    """The learning rate of step (from 0): a linear warm-up, then LEARNING_RATE times LR_FACTOR per milestone."""
    if step < WARMUP_STEPS:
        return LEARNING_RATE * (step + 1) / WARMUP_STEPS
    return LEARNING_RATE * LR_FACTOR ** sum(1 for milestone in MILESTONES if step >= milestone)


def optimizer_for(model):
    """The engine's optimizer: weight decay on convolution and dense weights only, not biases nor BatchNorm."""
    decay, rest = [], []
    for module in model.modules():
        for name, parameter in module.named_parameters(recurse=False):
            decays = isinstance(module, (nn.Linear, nn.Conv2d)) and name == "weight"
            (decay if decays else rest).append(parameter)
    groups = [{"params": decay, "weight_decay": WEIGHT_DECAY}, {"params": rest, "weight_decay": 0.0}]
    if OPTIMIZER == "adam":
        return torch.optim.Adam(groups, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
    return torch.optim.SGD(groups, lr=LEARNING_RATE, momentum=MOMENTUM)


def test_error(model, features, labels, prepare, device):
    """The share of the first TEST_LIMIT test examples the model gets wrong in eval mode, 250 at a time."""
    model.eval()
    wrong = 0
    count = min(TEST_LIMIT, len(labels))
    with torch.no_grad():
        for start in range(0, count, 250):
            end = min(count, start + 250)
            logits = model(prepare(features[start:end].to(device)))
            wrong += (logits.argmax(dim=1).cpu() != labels[start:end]).sum().item()
    model.train()
    return wrong / count


def main():
    parser = argparse.ArgumentParser(description="Trains %s on %s as ResNet Explorer would." % (MODEL_NAME, DATASET))
    parser.add_argument("--steps", type=int, default=STEPS, help="steps to train (default: the run's, %(default)s)")
    parser.add_argument("--device", default=None, help="cpu, cuda, cuda:1... (default: cuda when available)")
    parser.add_argument("--data-dir", default="data", help="where torchvision keeps the image sets (default: data)")
    parser.add_argument("--fake-data", action="store_true", help="random images of the dataset's shape, to try it out")
    parser.add_argument("--save", default=None, help="save the trained state_dict to this file (torch.save)")
    args = parser.parse_args()
    if args.steps < 1:
        parser.error("--steps must be at least 1")

    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if args.device is None:
        args.device = "cuda:%d" % local_rank if torch.cuda.is_available() else "cpu"
    device = torch.device(args.device)
    if world > 1:
        if BATCH % world:
            sys.exit("the batch of %d examples does not split evenly over %d processes" % (BATCH, world))
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    torch.manual_seed(SEED)  # dropout's masks: the engine's generator is ND4J's, so these differ

    train_x, train_y, test_x, test_y, prepare = datasets(args)
    model = build().to(device)
    optimizer = optimizer_for(model)
    trained = model
    if world > 1:
        model = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    batches = Batches(len(train_y), SEED)
    every = max(10, args.steps // 20)
    if rank == 0:
        print("training %s on %s (%d train / %d test) for %d steps on %s%s" % (MODEL_NAME, DATASET, len(train_y),
              len(test_y), args.steps, device, ", %d processes" % world if world > 1 else ""), flush=True)
    started = time.time()
    for step in range(args.steps):
        # every process draws the same batch and takes its share: together they step as one process would
        indices = torch.tensor(batches.take(BATCH)[rank::world])
        x = prepare(train_x[indices].to(device))
        y = train_y[indices].to(device)
        for group in optimizer.param_groups:
            group["lr"] = rate_at(step)
        loss = F.cross_entropy(model(x), y)
        if not math.isfinite(loss.item()):
            sys.exit("diverged: the loss is %s at step %d; try a lower learning rate" % (loss.item(), step + 1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        last = step + 1 == args.steps
        evaluate = (step + 1) % EVAL_EVERY == 0 or last
        if rank == 0 and (evaluate or (step + 1) % every == 0):
            error = "%6.1f%%" % (100 * test_error(trained, test_x, test_y, prepare, device)) if evaluate else "     -"
            print("step %6d/%d  loss %.4f  test error %s  lr %.3g  %.1f steps/s" % (step + 1, args.steps,
                  loss.item(), error, rate_at(step), (step + 1) / (time.time() - started)), flush=True)
    if rank == 0 and args.save:
        torch.save(trained.state_dict(), args.save)
        print("saved the trained state_dict to %s" % args.save)
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()

package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.Examples;

/**
 * The loss landscape of a trained network (Li, Xu, Taylor, Studer, Goldstein 2018): the mean softmax
 * cross-entropy on a fixed training sample, in inference mode (BatchNorm's running statistics as trained, left
 * unchanged), at the weights w + a d1 + b d2 for two {@link FilterNormalisedDirection filter-normalised} random
 * directions drawn from a seed. The network compiles once; each point only loads its shifted weights into it.
 *
 * <p>Not thread-safe: one thread measures (the study's runner thread), setting up ND4J as the trainer does.
 */
public final class LossLandscape {
    /** Most grid points per axis (the paper's 51 x 51). */
    public static final int MAX_POINTS = 51;
    /** Most points of the 1-D slice. */
    public static final int MAX_SLICE_POINTS = 201;
    /**
     * The activations one pass may hold: 4x what a test evaluation takes at once. The loss is evaluated hundreds of
     * times, and a pass costs a native call per layer however few examples it carries: on cifar-resnet-20 of width
     * 8 (14x14 inputs), passes of 64 examples instead of 22 took a landscape's point from about 225 to 105 ms.
     */
    private static final long PASS_BYTES = 4 * RunMemory.EVALUATION_CHUNK;

    private final String run;
    private final CompiledNetwork compiled;
    private final float[] weights;
    private final float[] first;
    private final float[] second;
    private final float[] features;
    private final int[] labels;
    private final long[] exampleShape;
    private final int chunk;

    /** What the measurement has done so far, in loss evaluations (one point of the grid or the slice each). */
    @FunctionalInterface
    public interface Progress {
        void report(int evaluated, int total);
    }

    private LossLandscape(NetworkState state, Examples sample, long seed) throws EngineException {
        this.run = state.run();
        this.compiled = CompiledNetwork.compile(state.network(), DataType.FLOAT, 0);
        compiled.load(state);
        this.weights = state.values();
        Random random = new Random(seed);
        this.first = FilterNormalisedDirection.draw(compiled.parameters().all(), weights, random);
        this.second = FilterNormalisedDirection.draw(compiled.parameters().all(), weights, random);
        this.features = sample.features();
        this.labels = sample.labels();
        this.exampleShape = sample.shape().dims().stream().mapToLong(Integer::longValue).toArray();
        long perExample = Math.max(1, RunMemory.activations(compiled.analysis()) * RunMemory.BYTES_PER_EVALUATED_VALUE);
        this.chunk = (int) Math.max(1, Math.min(sample.size(), PASS_BYTES / perExample));
    }

    /**
     * The landscape around {@code state} on {@code sample} (examples of the network's input shape), its two
     * directions drawn from {@code seed}.
     *
     * @throws EngineException if the network cannot compile (it could when the run trained, so this is rare)
     * @throws IllegalArgumentException if the sample is empty or of another shape than the network's input
     */
    public static LossLandscape of(NetworkState state, Examples sample, long seed) throws EngineException {
        Objects.requireNonNull(state, "state");
        if (sample.size() == 0) {
            throw new IllegalArgumentException("an empty sample has no loss");
        }
        Nd4jRuntime.start();
        LossLandscape landscape = new LossLandscape(state, sample, seed);
        if (!sample.shape().equals(landscape.compiled.analysis().inputShape().orElse(null))) {
            throw new IllegalArgumentException("examples of shape " + sample.shape() + " do not fit "
                    + state.network().name());
        }
        return landscape;
    }

    /**
     * {@code count} training examples drawn from {@code seed} as a run with that seed draws its training sample
     * (decision 0024): the examples its training error was measured on.
     */
    public static Examples sample(Examples train, int count, long seed) {
        return train.subset(TrainingSample.indices(train.size(), count, seed));
    }

    /** The first (i = 0) or second (i = 1) direction, in the layout of the network's values. */
    float[] direction(int i) {
        return (i == 0 ? first : second).clone();
    }

    /** The mean loss on the sample at w + a d1 + b d2. */
    public double loss(double a, double b) {
        Nd4jRuntime.start();
        try {
            return evaluate(a, b);
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    /**
     * The grid ({@code points x points} over [-range, range]^2) and the 1-D slice ({@code slicePoints}), slice first.
     * Reports progress after the slice and after every grid row, and ends after the row in which {@code stopped}
     * turns true, returning what it measured (the rest NaN, not complete).
     *
     * @throws IllegalArgumentException if a count is even, below 3 or above its maximum, or the range not positive
     */
    public Landscape measure(double range, int points, int slicePoints, Progress progress, BooleanSupplier stopped) {
        requireOdd(points, MAX_POINTS, "points");
        requireOdd(slicePoints, MAX_SLICE_POINTS, "slice points");
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("the range must be positive (got " + range + ")");
        }
        double[] grid = new double[points * points];
        double[] slice = new double[slicePoints];
        Arrays.fill(grid, Double.NaN);
        Arrays.fill(slice, Double.NaN);
        int total = slicePoints + points * points;
        int evaluated = 0;
        boolean complete = false;
        Nd4jRuntime.start();
        try {
            if (!stopped.getAsBoolean()) {
                for (int k = 0; k < slicePoints; k++) {
                    slice[k] = evaluate(Landscape.coordinate(range, k, slicePoints), 0);
                }
                evaluated += slicePoints;
                progress.report(evaluated, total);
                int j = 0;
                for (; j < points && !stopped.getAsBoolean(); j++) {
                    double b = Landscape.coordinate(range, j, points);
                    for (int i = 0; i < points; i++) {
                        grid[j * points + i] = evaluate(Landscape.coordinate(range, i, points), b);
                    }
                    evaluated += points;
                    progress.report(evaluated, total);
                }
                complete = j == points;
            }
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
        double centre = Double.isNaN(slice[slicePoints / 2]) ? loss(0, 0) : slice[slicePoints / 2];
        return new Landscape(run, range, points, grid, slice, centre, labels.length, complete);
    }

    private static void requireOdd(int count, int max, String what) {
        if (count < 3 || count > max || count % 2 == 0) {
            throw new IllegalArgumentException(what + " must be odd, 3 to " + max + " (got " + count + ")");
        }
    }

    /** Loads w + a d1 + b d2 and returns the mean loss over the sample; ND4J is set up on this thread. */
    private double evaluate(double a, double b) {
        float[] shifted = new float[weights.length];
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] = (float) (weights[k] + a * first[k] + b * second[k]);
        }
        if (shifted.length > 0) {
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                compiled.values().assign(Nd4j.createFromArray(shifted));
            }
        }
        double sum = 0;
        int count = labels.length;
        for (int from = 0; from < count; from += chunk) {
            int size = Math.min(chunk, count - from);
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                int[] partLabels = Arrays.copyOfRange(labels, from, from + size);
                INDArray logits = compiled.forward(HostArrays.batch(features, from, size, exampleShape), false);
                sum += SoftmaxCrossEntropy.of(logits, partLabels).loss() * size;
            }
        }
        return sum / count;
    }
}

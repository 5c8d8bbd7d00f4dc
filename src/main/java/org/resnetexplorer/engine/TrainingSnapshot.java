package org.resnetexplorer.engine;

import java.util.List;

/**
 * What a run measured at one step: immutable, so a trainer can hand it to any thread. Error rates are
 * fractions in [0, 1]; {@code trainError} and {@code testError} are NaN at steps without an evaluation. The
 * per-layer lists are in network order.
 *
 * @param batchError        the running error of the training batches since the previous snapshot (each batch
 *                          counted once), measured while training: BatchNorm on batch statistics, dropout on
 * @param trainError        the error on the run's fixed sample of the training set, in inference mode
 *                          (BatchNorm's running statistics, no dropout), exactly as {@code testError} is measured
 *                          (decision 0024); NaN at steps without an evaluation
 * @param testError         the error on the first {@code testLimit} test examples, in inference mode; NaN at steps
 *                          without an evaluation
 * @param gradNorms         L2 norm of each weighted layer's weight gradient ({@link GradientKind#WEIGHT}), and of
 *                          each BatchNorm's gamma and beta gradients ({@link GradientKind#BATCH_NORM})
 * @param responseStd       std of each 3x3 convolution's response, after its BatchNorm, before ReLU or
 *                          addition (the paper's Fig. 7)
 * @param residuals         each residual block's branch output F(x), before the addition
 */
public record TrainingSnapshot(String run, int step, int totalSteps, double loss, double batchError,
        double trainError, double testError, double learningRate, double stepsPerSecond,
        List<GradientNorm> gradNorms, List<LayerValue> responseStd, List<ResidualResponse> residuals) {

    public TrainingSnapshot {
        gradNorms = List.copyOf(gradNorms);
        responseStd = List.copyOf(responseStd);
        residuals = List.copyOf(residuals);
    }

    /** Whether this step evaluated the network: then both {@code trainError} and {@code testError} are measured. */
    public boolean hasTrainError() {
        return !Double.isNaN(trainError);
    }

    public boolean hasTestError() {
        return !Double.isNaN(testError);
    }

    /** Which of a layer's parameters a gradient norm is taken over (biases count in neither). */
    public enum GradientKind {
        /** The weights of a dense layer, a convolution or a projection shortcut. */
        WEIGHT,
        /** A BatchNorm's gamma and beta together. */
        BATCH_NORM
    }

    /** The L2 norm of one layer's gradient over its parameters of one kind. */
    public record GradientNorm(String layer, GradientKind kind, double value) {
    }

    /** A value measured at one layer. */
    public record LayerValue(String layer, double value) {
    }

    /**
     * The residual branch output F(x) of one block: its std, its L2 norm relative to the shortcut's output
     * (0 when the branch is silent, 1 when both are as large), and its distribution.
     */
    public record ResidualResponse(String block, double std, double ratio, Histogram histogram) {
    }

    /** Counts of values in {@code counts.length} equal bins spanning [low, high]. */
    public record Histogram(double low, double high, long[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        /** Equal when the range and every count are (a record compares arrays by identity). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Histogram h && Double.compare(low, h.low) == 0 && Double.compare(high, h.high) == 0
                    && java.util.Arrays.equals(counts, h.counts);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Double.hashCode(low) + Double.hashCode(high)) + java.util.Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Histogram[low=" + low + ", high=" + high + ", counts=" + java.util.Arrays.toString(counts) + "]";
        }

        public double binLow(int bin) {
            return low + (high - low) * bin / counts.length;
        }

        public double binHigh(int bin) {
            return low + (high - low) * (bin + 1) / counts.length;
        }
    }
}

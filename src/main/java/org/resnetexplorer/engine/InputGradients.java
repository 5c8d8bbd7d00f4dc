package org.resnetexplorer.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Network;

/**
 * The gradient of a network's output with respect to its input, along a line of inputs: Balduzzi et al. 2017, "The
 * shattered gradients problem". The network takes one number in; the output differentiated is its first class score
 * (the logit, before the softmax). BatchNorm normalises with the statistics of the points themselves, as a
 * training pass over them would, but held constant: one training pass over all the points fixes every BatchNorm's
 * mean and variance, and the gradient is then that of the function each point goes through on its own (an inference
 * pass with those statistics), so that the gradient at a point is the slope of one curve, the one the chart draws.
 *
 * <p>{@link #neighbourCorrelation} is what the paper's figure measures: how alike the gradients of neighbouring
 * inputs are, near 1 for a smooth gradient (brown noise), near 0 for white noise.
 */
public final class InputGradients {
    private InputGradients() {
    }

    /** {@code count} points from {@code from} to {@code to}, both included, evenly spaced. */
    public static double[] evenlySpaced(double from, double to, int count) {
        if (count < 2 || !(to > from)) {
            throw new IllegalArgumentException("at least 2 points over a range that rises: " + count + " from " + from
                    + " to " + to);
        }
        double[] points = new double[count];
        for (int i = 0; i < count; i++) {
            points[i] = from + (to - from) * i / (count - 1);
        }
        return points;
    }

    /**
     * d(first class score)/d(input) at each point, for the network initialised from {@code seed} and computed in
     * float, as the app trains.
     *
     * @throws EngineException if the network is not valid
     * @throws IllegalArgumentException if the network does not take exactly one number in
     */
    public static double[] of(Network network, long seed, double[] points) throws EngineException {
        Nd4jRuntime.start();
        return of(CompiledNetwork.compile(network, DataType.FLOAT, seed), points);
    }

    /** The same for a compiled network, in its own precision; its BatchNorm running statistics are overwritten. */
    static double[] of(CompiledNetwork network, double[] points) {
        if (network.analysis().inputShape().orElseThrow().elementCount() != 1) {
            throw new IllegalArgumentException(network.network().name() + " takes more than one number in");
        }
        try {
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                INDArray x = Nd4j.createFromArray(points).castTo(network.dataType()).reshape(points.length, 1);
                network.forward(x, true);
                network.keepBatchStatistics();
                INDArray logits = network.forward(x, false);
                INDArray firstScore = Nd4j.zeros(logits.dataType(), logits.shape());
                firstScore.getColumn(0).assign(1);
                network.backward(firstScore);
                return network.inputGradient().orElseThrow().castTo(DataType.DOUBLE).reshape(points.length)
                        .toDoubleVector();
            }
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    /**
     * The Pearson correlation of each value with the next one (of v[i] and v[i+1] over i): about 1 for samples of
     * a smooth function, about 0 for white noise, NaN for fewer than 3 values or values that do not vary.
     */
    public static double neighbourCorrelation(double[] values) {
        int n = values.length - 1;
        if (n < 2) {
            return Double.NaN;
        }
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += values[i];
            meanB += values[i + 1];
        }
        meanA /= n;
        meanB /= n;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            double a = values[i] - meanA;
            double b = values[i + 1] - meanB;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Double.NaN;
    }
}

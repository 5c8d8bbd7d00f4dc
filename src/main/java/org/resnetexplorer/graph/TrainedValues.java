package org.resnetexplorer.graph;

import java.util.List;
import java.util.Objects;

/**
 * A network's trained values as an export writes them: the run and step they come from, and every block of
 * values by node and part, in the graph's own layout: a dense layer's weights [inputs, units], a convolution's
 * [filters, channels, kernel height, kernel width], a projection shortcut's as the 1x1 convolution or dense layer
 * it is; biases, BatchNorm's scales and shifts, and running means and variances one value per feature.
 *
 * @param run  the run's name, for the reader of the export
 * @param step the steps trained
 */
public record TrainedValues(String run, int step, List<Tensor> tensors) {

    /** What a block of values is to its node. */
    public enum Part { WEIGHT, BIAS, GAMMA, BETA, RUNNING_MEAN, RUNNING_VAR }

    /** One block of values: its node, its part, its shape and its values in row-major order of that shape. */
    public record Tensor(String node, Part part, long[] shape, float[] values) {
        public Tensor {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(part, "part");
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            if (count != values.length) {
                throw new IllegalArgumentException(node + " " + part + ": " + values.length + " values for a shape of "
                        + count);
            }
        }
    }

    public TrainedValues {
        Objects.requireNonNull(run, "run");
        tensors = List.copyOf(tensors);
    }
}

package org.resnetexplorer.engine;

import java.util.List;
import java.util.Random;

/**
 * A random direction in a network's weight space, filter-normalised as Li, Xu, Taylor, Studer and Goldstein
 * (2018, "Visualizing the Loss Landscape of Neural Nets") define it: Gaussian values, then each filter of the
 * direction rescaled so that its norm equals the norm of the same filter of the trained weights, and every bias
 * and BatchNorm scale and shift of the direction zero.
 *
 * <p>A filter is what one output of a layer is computed with: a convolution's output channel (axis 0 of its
 * [filters, channels, height, width] weights: one kernel over all input channels) and a dense layer's output unit
 * (axis 1 of its [inputs, units] weights: one column). The paper treats a dense layer as a 1x1 convolution, whose
 * filters are its units; normalising per output is also what makes the picture fair to BatchNorm, which divides
 * each output channel by its own scale, so only the direction relative to that channel's size changes the loss.
 * A projection shortcut's weights count as the convolution or dense layer they are.
 */
final class FilterNormalisedDirection {
    private FilterNormalisedDirection() {
    }

    /**
     * A direction in the layout of {@code parameters}' values: the next Gaussians of {@code random} for each
     * weight in parameter order, row-major, each filter rescaled to the norm of that filter of {@code weights}
     * (zero where the weights' filter is zero); every other value zero.
     *
     * @param weights the trained values, in the same layout
     */
    static float[] draw(List<Parameters.Parameter> parameters, float[] weights, Random random) {
        float[] direction = new float[weights.length];
        for (Parameters.Parameter p : parameters) {
            if (p.role() != Parameters.Role.WEIGHT) {
                continue;
            }
            int offset = Math.toIntExact(p.offset());
            int length = Math.toIntExact(p.length());
            for (int i = 0; i < length; i++) {
                direction[offset + i] = (float) random.nextGaussian();
            }
            Filters filters = Filters.of(p.value().shape());
            for (int f = 0; f < filters.count(); f++) {
                double trained = norm(weights, offset, filters, f);
                double drawn = norm(direction, offset, filters, f);
                double scale = drawn == 0 ? 0 : trained / drawn;
                for (int k = 0; k < filters.size(); k++) {
                    int at = offset + filters.index(f, k);
                    direction[at] = (float) (direction[at] * scale);
                }
            }
        }
        return direction;
    }

    private static double norm(float[] values, int offset, Filters filters, int f) {
        double sum = 0;
        for (int k = 0; k < filters.size(); k++) {
            double v = values[offset + filters.index(f, k)];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /**
     * How a weight array of this shape splits into filters: {@code count} filters of {@code size} values; value
     * {@code k} of filter {@code f} lies at {@code f * size + k} (a convolution: filters along axis 0) or at
     * {@code k * count + f} (a dense layer's [inputs, units]: a filter is a column).
     */
    record Filters(int count, int size, boolean columns) {
        static Filters of(long[] shape) {
            if (shape.length == 2) {
                return new Filters(Math.toIntExact(shape[1]), Math.toIntExact(shape[0]), true);
            }
            long size = 1;
            for (int axis = 1; axis < shape.length; axis++) {
                size *= shape[axis];
            }
            return new Filters(Math.toIntExact(shape[0]), Math.toIntExact(size), false);
        }

        int index(int f, int k) {
            return columns ? k * count + f : f * size + k;
        }
    }
}

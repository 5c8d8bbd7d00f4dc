package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the shattered-gradients study measured ({@link InputGradients}): for each network family (a plain or a
 * residual MLP, one per run), how alike the gradients of neighbouring inputs are at each depth, and for a few depths
 * the gradient itself along the input line, to draw. Immutable: the arrays are copied in and out.
 *
 * @param inputs   the points the gradients were taken at, rising
 * @param networks how many networks of each depth, each from its own seed, the correlations average over
 * @param families one per run, in the experiment's order
 */
public record GradientShattering(double[] inputs, int networks, List<Family> families) {

    /**
     * One family of networks at every measured depth.
     *
     * @param name        the run's name
     * @param residual    whether its blocks have shortcuts
     * @param depths      the depths measured, rising
     * @param correlation per depth, the neighbour correlation averaged over the networks (NaN where none was
     *                    measured, e.g. after a stop)
     * @param lowest      per depth, the smallest of the networks' correlations
     * @param highest     per depth, the largest
     * @param gradients   the gradients of the depths pictured (of the first network of each)
     */
    public record Family(String name, boolean residual, int[] depths, double[] correlation, double[] lowest,
            double[] highest, List<Gradient> gradients) {
        public Family {
            Objects.requireNonNull(name, "name");
            depths = depths.clone();
            correlation = correlation.clone();
            lowest = lowest.clone();
            highest = highest.clone();
            gradients = List.copyOf(gradients);
            if (correlation.length != depths.length || lowest.length != depths.length || highest.length != depths.length) {
                throw new IllegalArgumentException("one correlation, lowest and highest value per depth");
            }
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        @Override
        public double[] correlation() {
            return correlation.clone();
        }

        @Override
        public double[] lowest() {
            return lowest.clone();
        }

        @Override
        public double[] highest() {
            return highest.clone();
        }

        /** The mean correlation at {@code depth}, NaN if that depth was not measured. */
        public double correlationAt(int depth) {
            for (int i = 0; i < depths.length; i++) {
                if (depths[i] == depth) {
                    return correlation[i];
                }
            }
            return Double.NaN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Family f && name.equals(f.name) && residual == f.residual && Arrays.equals(depths, f.depths)
                    && Arrays.equals(correlation, f.correlation) && Arrays.equals(lowest, f.lowest)
                    && Arrays.equals(highest, f.highest) && gradients.equals(f.gradients);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, residual, Arrays.hashCode(depths), Arrays.hashCode(correlation), gradients);
        }
    }

    /**
     * The gradient of one network along the input line.
     *
     * @param values      d(first class score)/d(input) at each of the inputs
     * @param correlation the neighbour correlation of these values
     */
    public record Gradient(int depth, double[] values, double correlation) {
        public Gradient {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Gradient g && depth == g.depth && Arrays.equals(values, g.values)
                    && Double.compare(correlation, g.correlation) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(depth, Arrays.hashCode(values), correlation);
        }
    }

    public GradientShattering {
        inputs = inputs.clone();
        families = List.copyOf(families);
    }

    @Override
    public double[] inputs() {
        return inputs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientShattering s && Arrays.equals(inputs, s.inputs) && networks == s.networks
                && families.equals(s.families);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(inputs), networks, families);
    }
}

package org.resnetexplorer.graph;

import java.util.List;

/**
 * Batch normalisation per channel (or per feature of a flat vector), with a learned scale (gamma) and
 * shift (beta). {@code momentum} is the weight of the newest batch in the running statistics used for
 * evaluation; {@code epsilon} keeps the division away from zero.
 */
public record BatchNorm(double epsilon, double momentum) implements LayerSpec {
    public static final double DEFAULT_EPSILON = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    public BatchNorm {
        Checks.positive(epsilon, "epsilon");
        Checks.fraction(momentum, "momentum");
    }

    public BatchNorm() {
        this(DEFAULT_EPSILON, DEFAULT_MOMENTUM);
    }

    @Override
    public String kind() {
        return "BatchNorm";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public long params(List<Shape> inputs) {
        return 2L * LayerSpec.features(inputs.get(0));
    }
}

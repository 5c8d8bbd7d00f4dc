package org.resnetexplorer.graph;

import java.util.List;
import java.util.Objects;

/** An element-wise non-linearity; it keeps the shape and has no parameters. */
public record Activation(ActivationFunction function) implements LayerSpec {
    public static final Activation RELU = new Activation(ActivationFunction.RELU);

    public Activation {
        Objects.requireNonNull(function, "function");
    }

    @Override
    public String kind() {
        return "Activation";
    }

    @Override
    public String label() {
        return function.label();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }
}

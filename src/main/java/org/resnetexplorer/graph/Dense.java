package org.resnetexplorer.graph;

import java.util.List;

/** A fully connected layer: {@code units} outputs, each a weighted sum of all inputs (plus a bias). */
public record Dense(int units, boolean bias) implements LayerSpec {
    public Dense {
        Checks.atLeast(1, units, "units");
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        ShapeException.requireFlat(inputs.get(0), ShapeException.HINT_FLATTEN_FIRST);
        return Shape.flat(units);
    }

    @Override
    public long params(List<Shape> inputs) {
        return Math.addExact(weights(inputs), bias ? units : 0);
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        return weights(inputs);
    }

    /** Inputs x units. */
    private long weights(List<Shape> inputs) {
        return Math.multiplyExact(inputs.get(0).elementCount(), units);
    }
}

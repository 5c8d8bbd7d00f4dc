package org.resnetexplorer.graph;

import java.util.List;

/** Keeps the largest value of each {@code kernel x kernel} window, moved {@code stride} pixels at a time. */
public record MaxPool(int kernel, int stride, int padding) implements LayerSpec {
    public MaxPool {
        Checks.atLeast(1, kernel, "kernel");
        Checks.atLeast(1, stride, "stride");
        Checks.atLeast(0, padding, "padding");
        Checks.poolPadding(padding, kernel);
    }

    @Override
    public String kind() {
        return "MaxPool";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        return Windows.pooled(inputs.get(0), kernel, stride, padding);
    }
}

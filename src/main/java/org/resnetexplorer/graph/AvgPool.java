package org.resnetexplorer.graph;

import java.util.List;

/** Averages each {@code kernel x kernel} window, moved {@code stride} pixels at a time. */
public record AvgPool(int kernel, int stride, int padding) implements LayerSpec {
    public AvgPool {
        Checks.atLeast(1, kernel, "kernel");
        Checks.atLeast(1, stride, "stride");
        Checks.atLeast(0, padding, "padding");
        Checks.poolPadding(padding, kernel);
    }

    @Override
    public String kind() {
        return "AvgPool";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        return Windows.pooled(inputs.get(0), kernel, stride, padding);
    }
}

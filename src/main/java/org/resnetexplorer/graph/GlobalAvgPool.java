package org.resnetexplorer.graph;

import java.util.List;

/** Averages each channel over the whole image: C x H x W becomes a flat vector of C values. */
public record GlobalAvgPool() implements LayerSpec {
    @Override
    public String kind() {
        return "GlobalAvgPool";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape.Image in = ShapeException.requireImage(inputs.get(0), ShapeException.HINT_ALREADY_FLAT);
        return Shape.flat(in.channels());
    }
}

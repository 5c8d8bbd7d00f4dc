package org.resnetexplorer.graph;

import java.util.List;

/** Lays an image out as one flat vector of C*H*W values; a flat vector passes unchanged. */
public record Flatten() implements LayerSpec {
    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape in = inputs.get(0);
        if (in.elementCount() > Integer.MAX_VALUE) {
            throw new ShapeException(String.format(ShapeException.TOO_MANY_VALUES, in));
        }
        return Shape.flat((int) in.elementCount());
    }
}

package org.resnetexplorer.graph;

import java.util.List;
import java.util.Objects;

/** Where one example enters the network: an image (C,H,W) or a flat vector. */
public record Input(Shape shape) implements LayerSpec {
    public Input {
        Objects.requireNonNull(shape, "shape");
    }

    @Override
    public String kind() {
        return "Input";
    }

    @Override
    public List<String> inputPorts() {
        return List.of();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return shape;
    }
}

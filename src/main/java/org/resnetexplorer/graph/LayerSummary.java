package org.resnetexplorer.graph;

import java.util.Optional;

/**
 * One row of a model summary: a node's name, what it is ({@link LayerSpec#label()}), the shape it outputs
 * (empty while unknown), its trainable parameters and its multiply-adds per example.
 */
public record LayerSummary(String name, String kind, Shape outputShape, long params, long macs) {

    public Optional<Shape> shape() {
        return Optional.ofNullable(outputShape);
    }
}

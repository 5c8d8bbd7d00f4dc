package org.resnetexplorer.graph;

import java.util.List;

/**
 * The end of a classifier: softmax over {@code classes} scores and the cross-entropy loss against the label.
 * Its input must be exactly one score per class.
 */
public record Output(int classes) implements LayerSpec {
    public Output {
        Checks.atLeast(2, classes, "classes");
    }

    @Override
    public String kind() {
        return "Output";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape in = inputs.get(0);
        if (!in.equals(Shape.flat(classes))) {
            throw new ShapeException(String.format(ShapeException.WRONG_CLASSES, in, classes, classes));
        }
        return in;
    }
}

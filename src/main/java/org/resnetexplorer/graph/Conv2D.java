package org.resnetexplorer.graph;

import java.util.List;

/**
 * A 2-D convolution of {@code filters} square {@code kernel x kernel} filters, moved {@code stride} pixels
 * at a time over the input padded with {@code padding} zeros on each side.
 */
public record Conv2D(int filters, int kernel, int stride, int padding, boolean bias) implements LayerSpec {
    public Conv2D {
        Checks.atLeast(1, filters, "filters");
        Checks.atLeast(1, kernel, "kernel");
        Checks.atLeast(1, stride, "stride");
        Checks.atLeast(0, padding, "padding");
    }

    /** A convolution that keeps the image size at stride 1 (padding = kernel / 2), without bias. */
    public static Conv2D same(int filters, int kernel, int stride) {
        return new Conv2D(filters, kernel, stride, kernel / 2, false);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape.Image in = ShapeException.requireImage(inputs.get(0), ShapeException.HINT_CONV_BEFORE_FLATTEN);
        return Windows.image(in, filters, Windows.outputSize(in.height(), kernel, stride, padding, in),
                Windows.outputSize(in.width(), kernel, stride, padding, in));
    }

    @Override
    public long params(List<Shape> inputs) {
        return Math.addExact(weights(inputs), bias ? filters : 0);
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        Shape.Image out = (Shape.Image) output;
        return Math.multiplyExact(Math.multiplyExact(weights(inputs), out.height()), out.width());
    }

    /** kernel x kernel x input channels x filters. */
    private long weights(List<Shape> inputs) {
        return Math.multiplyExact(Math.multiplyExact((long) kernel * kernel, LayerSpec.features(inputs.get(0))),
                filters);
    }
}

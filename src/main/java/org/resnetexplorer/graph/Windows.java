package org.resnetexplorer.graph;

/** The arithmetic of a window (kernel) sliding over an image, shared by convolutions and pooling. */
final class Windows {
    private Windows() {
    }

    /** Output length along one axis: {@code floor((n + 2 padding - kernel) / stride) + 1}. */
    static int outputSize(int n, int kernel, int stride, int padding, Shape.Image in) throws ShapeException {
        int span = n + 2 * padding - kernel;
        if (span < 0) {
            throw new ShapeException(String.format(ShapeException.WINDOW_TOO_BIG, in, kernel, kernel));
        }
        return span / stride + 1;
    }

    /** The shape after a pooling window: the same channels, each axis shrunk as a convolution would shrink it. */
    static Shape pooled(Shape input, int kernel, int stride, int padding) throws ShapeException {
        Shape.Image in = ShapeException.requireImage(input, ShapeException.HINT_POOL_BEFORE_FLATTEN);
        return Shape.image(in.channels(), outputSize(in.height(), kernel, stride, padding, in),
                outputSize(in.width(), kernel, stride, padding, in));
    }
}

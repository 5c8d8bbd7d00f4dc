package org.resnetexplorer.graph;

/** The arithmetic of a window (kernel) sliding over an image, shared by convolutions and pooling. */
final class Windows {
    private Windows() {
    }

    /**
     * Output length along one axis: {@code floor((n + 2 padding - kernel) / stride) + 1}, computed in long so that a
     * padding near 2^31 gives its true length (refused by {@link #image} when it passes an int) rather than a wrapped one.
     */
    static long outputSize(int n, int kernel, int stride, int padding, Shape.Image in) throws ShapeException {
        long span = (long) n + 2L * padding - kernel;
        if (span < 0) {
            throw new ShapeException(String.format(ShapeException.WINDOW_TOO_BIG, in, kernel, kernel));
        }
        return span / stride + 1;
    }

    /** The shape after a pooling window: the same channels, each axis shrunk as a convolution would shrink it. */
    static Shape pooled(Shape input, int kernel, int stride, int padding) throws ShapeException {
        Shape.Image in = ShapeException.requireImage(input, ShapeException.HINT_POOL_BEFORE_FLATTEN);
        return image(in, in.channels(), outputSize(in.height(), kernel, stride, padding, in),
                outputSize(in.width(), kernel, stride, padding, in));
    }

    /**
     * The image a layer outputs from {@code in}, refused when an axis passes 2^31-1 or its values cannot be counted
     * in a long: too large to train or even to count, and a layer must say so rather than wrap around.
     */
    static Shape.Image image(Shape.Image in, long channels, long height, long width) throws ShapeException {
        if (height > Integer.MAX_VALUE || width > Integer.MAX_VALUE
                || Shape.Image.count(channels, height, width) < 0) {
            throw new ShapeException(String.format(ShapeException.TOO_LARGE, in, channels, height, width));
        }
        return Shape.image((int) channels, (int) height, (int) width);
    }
}

package org.resnetexplorer.graph;

import java.util.List;
import org.resnetexplorer.i18n.Texts;

/**
 * The shape of one example's tensor as it flows between layers, without the batch dimension: either an
 * image ({@code channels x height x width}) or a flat vector of features.
 */
public sealed interface Shape permits Shape.Image, Shape.Flat {

    /** Number of values in one example. */
    long elementCount();

    /** The dimensions, outermost first: {@code [C, H, W]} for an image, {@code [N]} for a flat vector. */
    List<Integer> dims();

    static Image image(int channels, int height, int width) {
        return new Image(channels, height, width);
    }

    static Flat flat(int size) {
        return new Flat(size);
    }

    /**
     * Reads {@code "3,32,32"} (or {@code 3x32x32}) as an image and {@code "2"} as a flat vector.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    static Shape parse(String text) {
        String[] parts = text.trim().split("\\s*[,xX]\\s*", -1);
        int[] dims = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            // plain decimal digits only: Integer.parseInt would take "+3" and digits of other scripts
            if (!parts[i].matches("-?[0-9]{1,10}")) {
                throw new IllegalArgumentException(Texts.format("shape.parse", text));
            }
            long dim = Long.parseLong(parts[i]);
            if (dim > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(Texts.format("shape.dimension.too.big", text, Integer.MAX_VALUE));
            }
            dims[i] = (int) dim;
        }
        return of(dims);
    }

    /** A shape from its dimensions: one for a flat vector, three for an image. */
    static Shape of(int... dims) {
        if (dims.length == 1) {
            return flat(dims[0]);
        }
        if (dims.length == 3) {
            return image(dims[0], dims[1], dims[2]);
        }
        throw new IllegalArgumentException(Texts.format("shape.dimensions", dims.length));
    }

    /**
     * An image of {@code channels x height x width} values; the count of its values must fit in a {@code long}
     * (every image up to 2^31-1 x 2^31-1 x 2 does), so that {@link #elementCount()} is always exact.
     */
    record Image(int channels, int height, int width) implements Shape {
        public Image {
            Checks.atLeast(1, channels, "channels");
            Checks.atLeast(1, height, "height");
            Checks.atLeast(1, width, "width");
            if (count(channels, height, width) < 0) {
                throw new IllegalArgumentException(Texts.format("shape.too.many.to.count", channels, height, width));
            }
        }

        /** {@code channels x height x width}, or -1 when that passes {@code Long.MAX_VALUE}. */
        static long count(long channels, long height, long width) {
            try {
                return Math.multiplyExact(Math.multiplyExact(channels, height), width);
            } catch (ArithmeticException e) {
                return -1;
            }
        }

        @Override
        public long elementCount() {
            return count(channels, height, width);
        }

        @Override
        public List<Integer> dims() {
            return List.of(channels, height, width);
        }

        @Override
        public String toString() {
            return channels + "x" + height + "x" + width;
        }
    }

    /** A flat vector of {@code size} features. */
    record Flat(int size) implements Shape {
        public Flat {
            Checks.atLeast(1, size, "size");
        }

        @Override
        public long elementCount() {
            return size;
        }

        @Override
        public List<Integer> dims() {
            return List.of(size);
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }
}

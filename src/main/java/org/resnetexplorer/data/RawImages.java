package org.resnetexplorer.data;

import org.resnetexplorer.graph.Shape;

/**
 * Images as read from their files, before any conversion: the shape of one image, the labels, and a way to copy
 * one image's pixels (bytes 0-255, C/H/W order) as floats in [0, 1]. {@code origin} names the file for messages.
 */
record RawImages(String origin, Shape.Image shape, int[] labels, Pixels pixels) {

    /** Copies image {@code example}, scaled to [0, 1], into {@code target} from {@code offset} on. */
    interface Pixels {
        void copy(int example, float[] target, int offset);
    }

    int count() {
        return labels.length;
    }

    /** Pixels stored one image after another, {@code stride} bytes apart, from {@code start}. */
    static Pixels packed(byte[] bytes, int start, int stride, int size) {
        return (example, target, offset) -> {
            int from = start + example * stride;
            for (int j = 0; j < size; j++) {
                target[offset + j] = (bytes[from + j] & 0xff) / 255f;
            }
        };
    }
}

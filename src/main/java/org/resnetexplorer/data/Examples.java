package org.resnetexplorer.data;

import java.util.Arrays;
import java.util.Objects;

import org.resnetexplorer.graph.Shape;

/**
 * N labelled examples of one shape, as flat arrays: {@code features} holds N x {@code shape.elementCount()}
 * floats, example after example (an image in C, H, W order, row-major), and {@code labels} holds N class indices
 * in {@code [0, classes)}.
 *
 * <p>The arrays are shared, not copied, because a full dataset is hundreds of megabytes: treat them as
 * read-only. Equality, hash code and {@link #toString()} look at the contents.
 */
public record Examples(Shape shape, int classes, float[] features, int[] labels) {

    public Examples {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1 (got " + classes + ")");
        }
        long perExample = shape.elementCount();
        if (perExample > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + shape + " has too many values per example");
        }
        long expected = labels.length * perExample;
        if (features.length != expected) {
            throw new IllegalArgumentException("features holds " + features.length + " floats, but " + labels.length
                    + " examples of shape " + shape + " need " + expected);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
    }

    /** The number of examples, N. */
    public int size() {
        return labels.length;
    }

    /** The number of floats in one example, {@code shape().elementCount()}. */
    public int featureCount() {
        return (int) shape.elementCount();
    }

    /** A copy of example {@code i}'s features. */
    public float[] example(int i) {
        Objects.checkIndex(i, size());
        int n = featureCount();
        return Arrays.copyOfRange(features, i * n, (i + 1) * n);
    }

    /** The class of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** How many examples each class has: element {@code c} counts the labels equal to {@code c}. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The examples at {@code indices}, in that order (copied; an index may repeat). */
    public Examples subset(int[] indices) {
        int n = featureCount();
        float[] f = new float[Math.multiplyExact(indices.length, n)];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], size());
            System.arraycopy(features, i * n, f, k * n, n);
            l[k] = labels[i];
        }
        return new Examples(shape, classes, f, l);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Examples e && shape.equals(e.shape) && classes == e.classes
                && Arrays.equals(features, e.features) && Arrays.equals(labels, e.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, classes, Arrays.hashCode(features), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "Examples[" + size() + " of " + shape + ", " + classes + " classes]";
    }
}

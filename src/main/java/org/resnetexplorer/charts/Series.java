package org.resnetexplorer.charts;

import java.util.Arrays;
import java.util.Objects;

/**
 * A line of a chart: x values (steps) and y values, the same length, x increasing. Immutable: the arrays are
 * copied in, and a chart may read them from any thread.
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        Objects.requireNonNull(name, "name");
        x = x.clone();
        y = y.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("a series needs as many x as y values (" + x.length + " and " + y.length + ")");
        }
    }

    public int size() {
        return x.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The i-th x value (no copy). */
    public double xAt(int i) {
        return x[i];
    }

    /** The i-th y value (no copy). */
    public double yAt(int i) {
        return y[i];
    }

    /** The index of the first point whose x is {@code x} or more ({@link #size()} if none): a binary search. */
    public int firstIndexAtOrAfter(double value) {
        int lo = 0;
        int hi = x.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the point whose x is nearest {@code value}, or -1 if the series is empty. */
    public int nearestIndex(double value) {
        if (x.length == 0) {
            return -1;
        }
        int i = firstIndexAtOrAfter(value);
        if (i == x.length) {
            return i - 1;
        }
        return i > 0 && value - x[i - 1] <= x[i] - value ? i - 1 : i;
    }

    /** The exponential moving average of y with weight {@code weight} on the past (0 = unchanged). */
    public Series smoothed(double weight) {
        if (weight <= 0 || y.length == 0) {
            return this;
        }
        double[] out = new double[y.length];
        double average = y[0];
        for (int i = 0; i < y.length; i++) {
            average = Double.isFinite(y[i]) ? weight * average + (1 - weight) * y[i] : average;
            out[i] = average;
        }
        return new Series(name, x, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }
}

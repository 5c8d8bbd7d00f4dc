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

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
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

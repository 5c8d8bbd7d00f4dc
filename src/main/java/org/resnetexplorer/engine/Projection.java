package org.resnetexplorer.engine;

import java.util.Random;

/**
 * How a layer's output, one vector of {@code width} values per example, becomes a point of the plane to draw
 * (decision 0028). Neither rescales: a layer whose outputs grow draws larger, and the axes say so.
 */
public enum Projection {
    /** The first two values of each vector (units 1 and 2): exact, but blind to every other unit. */
    FIRST_TWO_UNITS,
    /**
     * A fixed random orthonormal 2 x width matrix applied to each vector: sees every unit a little, keeps
     * distances along its two directions, and is the same for every layer of that width in every network (so a
     * ResNet and its plain twin are seen from the same directions). A width of 2 is drawn as it is.
     */
    RANDOM;

    /** The seed of every random projection: fixed, so the pictures are the same at every start. */
    public static final long SEED = 15;

    /**
     * The projections of {@code count} vectors of {@code width} values stored one after another: two values per
     * vector, x then y (y is 0 for a width of 1).
     */
    public float[] project(float[] vectors, int count, int width) {
        if ((long) count * width != vectors.length) {
            throw new IllegalArgumentException(vectors.length + " values are not " + count + " vectors of " + width);
        }
        double[][] basis = this == RANDOM && width > 2 ? basis(width, SEED) : null;
        float[] points = new float[2 * count];
        for (int i = 0; i < count; i++) {
            int at = i * width;
            if (basis == null) {
                points[2 * i] = vectors[at];
                points[2 * i + 1] = width > 1 ? vectors[at + 1] : 0;
            } else {
                double x = 0;
                double y = 0;
                for (int u = 0; u < width; u++) {
                    x += basis[0][u] * vectors[at + u];
                    y += basis[1][u] * vectors[at + u];
                }
                points[2 * i] = (float) x;
                points[2 * i + 1] = (float) y;
            }
        }
        return points;
    }

    /**
     * A random orthonormal 2 x {@code width} matrix drawn from {@code seed} and the width alone: two Gaussian
     * directions made orthonormal (Gram-Schmidt), so every direction of the space is as likely.
     */
    public static double[][] basis(int width, long seed) {
        if (width < 2) {
            throw new IllegalArgumentException("a projection onto 2 directions needs at least 2 units, not " + width);
        }
        Random random = new Random(seed * 1_000_003L + width);
        double[] a = new double[width];
        double[] b = new double[width];
        for (int u = 0; u < width; u++) {
            a[u] = random.nextGaussian();
            b[u] = random.nextGaussian();
        }
        normalise(a);
        double along = dot(a, b);
        for (int u = 0; u < width; u++) {
            b[u] -= along * a[u];
        }
        normalise(b);
        return new double[][] {a, b};
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }
}

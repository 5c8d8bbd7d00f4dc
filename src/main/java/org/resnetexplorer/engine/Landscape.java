package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A network's loss around its trained weights w, as {@link LossLandscape} measured it: the mean softmax
 * cross-entropy (in nats) on a fixed training sample, in inference mode, at w + a d1 + b d2 for two
 * filter-normalised random directions d1 and d2. Both axes run over [-range, range] in units of the directions: at
 * a = 1 every filter has moved by its own norm.
 *
 * @param run        the run whose trained state it is
 * @param range      the grid spans [-range, range] on both axes
 * @param points     grid points per axis (odd, so the trained point is the centre)
 * @param losses     the grid, {@code points x points} values, row-major: row j is b's j-th value, column i a's;
 *                   NaN where a stop came before the row was measured (or where the loss overflowed)
 * @param slice      the 1-D slice b = 0 over the same range, {@code slice.length} (odd) points; NaN if not measured
 * @param centreLoss the loss at the trained weights (a = b = 0)
 * @param sampleSize training examples the loss is the mean over
 * @param complete   whether every point was measured (false after a stop)
 */
public record Landscape(String run, double range, int points, double[] losses, double[] slice, double centreLoss,
        int sampleSize, boolean complete) {

    public Landscape {
        Objects.requireNonNull(run, "run");
        if (points < 3 || points % 2 == 0 || losses.length != points * points) {
            throw new IllegalArgumentException("a grid of " + points + " points per axis cannot hold " + losses.length
                    + " losses");
        }
        if (slice.length < 3 || slice.length % 2 == 0) {
            throw new IllegalArgumentException("a slice needs an odd number of points, at least 3 (got "
                    + slice.length + ")");
        }
        losses = losses.clone();
        slice = slice.clone();
    }

    /**
     * The coordinate of point {@code i} of {@code n} spread evenly over [-range, range]; exactly 0 at the middle
     * point, so the centre of the grid and of the slice are the trained weights themselves.
     */
    public static double coordinate(double range, int i, int n) {
        return range * (2.0 * i - (n - 1)) / (n - 1);
    }

    /** A copy of the grid's losses, row-major (row j: b's j-th value). */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** A copy of the slice's losses, a from -range to range. */
    @Override
    public double[] slice() {
        return slice.clone();
    }

    /** The loss at grid point (i along a, j along b). */
    public double loss(int i, int j) {
        return losses[j * points + i];
    }

    /** The value of a (or b) at grid index {@code i}. */
    public double gridCoordinate(int i) {
        return coordinate(range, i, points);
    }

    /** The value of a at slice index {@code k}. */
    public double sliceCoordinate(int k) {
        return coordinate(range, k, slice.length);
    }

    /**
     * The width of the low-loss basin along the slice: the length (in units of the direction) of the interval
     * around a = 0 where the loss stays below {@code level} ({@link #basin}). The whole range (2 x range) if the loss
     * never reaches the level; 0 if the centre itself is not below it.
     */
    public double basinWidth(double level) {
        double[] ends = basin(level);
        return ends[1] - ends[0];
    }

    /**
     * The ends {a0, a1} of the interval around a = 0 where the slice's loss stays below {@code level}, each placed by
     * linear interpolation between the last point below the level and the next; {0, 0} if the centre itself is not
     * below it. A point not measured (NaN) counts as above the level, and the interval ends at the last point below.
     */
    public double[] basin(double level) {
        int centre = slice.length / 2;
        if (!(slice[centre] < level)) {
            return new double[] {0, 0};
        }
        return new double[] {-reach(level, centre, -1), reach(level, centre, 1)};
    }

    /** How far from a = 0 the slice stays below {@code level}, walking in direction {@code step}. */
    private double reach(double level, int centre, int step) {
        int k = centre;
        while (k + step >= 0 && k + step < slice.length && slice[k + step] < level) {
            k += step;
        }
        double inside = Math.abs(sliceCoordinate(k));
        if (k + step < 0 || k + step >= slice.length) {
            return inside;
        }
        double next = slice[k + step];
        double spacing = 2 * range / (slice.length - 1);
        double fraction = Double.isFinite(next) ? (level - slice[k]) / (next - slice[k]) : 0;
        return inside + spacing * fraction;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Landscape l && run.equals(l.run) && range == l.range && points == l.points
                && Arrays.equals(losses, l.losses) && Arrays.equals(slice, l.slice)
                && Double.compare(centreLoss, l.centreLoss) == 0 && sampleSize == l.sampleSize
                && complete == l.complete;
    }

    @Override
    public int hashCode() {
        return Objects.hash(run, range, points, Arrays.hashCode(losses), Arrays.hashCode(slice), centreLoss);
    }

    @Override
    public String toString() {
        return "Landscape[" + run + ", " + points + "x" + points + " over +-" + range + ", centre loss " + centreLoss
                + (complete ? "" : ", stopped") + "]";
    }
}

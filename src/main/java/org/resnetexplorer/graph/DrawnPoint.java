package org.resnetexplorer.graph;

import org.resnetexplorer.i18n.Texts;

/**
 * One point a student drew on the plane of the Decision regions view: its coordinates (the units of the 2-D
 * datasets, whose points lie in [-1, 1]) and its class (from 0; the view shows it as class {@code label + 1}).
 *
 * @param x     the first feature, within +-{@link DrawnPoints#LIMIT}
 * @param y     the second feature, within +-{@link DrawnPoints#LIMIT}
 * @param label the class, from 0 to {@link DrawnPoints#MAX_CLASSES} - 1
 */
public record DrawnPoint(double x, double y, int label) {
    public DrawnPoint {
        if (!inPlane(x) || !inPlane(y)) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.outside", x, y, DrawnPoints.LIMIT));
        }
        if (label < 0 || label >= DrawnPoints.MAX_CLASSES) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.bad.class", label, DrawnPoints.MAX_CLASSES - 1));
        }
        // -0.0 is 0: a point keeps its value through a CSV file, whose text has no negative zero
        x += 0.0;
        y += 0.0;
    }

    /** Whether a coordinate is finite and within the plane points may be drawn on. */
    public static boolean inPlane(double value) {
        return Double.isFinite(value) && Math.abs(value) <= DrawnPoints.LIMIT;
    }
}

package org.resnetexplorer.graph;

/** A place on the editor's canvas, in canvas units (the top-left corner of a box). */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates, not (" + x + ", " + y + ")");
        }
    }

    /** This point moved by (dx, dy). */
    public Point plus(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }
}

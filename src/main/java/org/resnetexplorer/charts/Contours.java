package org.resnetexplorer.charts;

import java.awt.geom.Path2D;

/**
 * Contour lines of a square grid of values by marching squares: in each cell whose corners lie on both sides of the
 * level, a segment between the points where the level crosses its edges (linear interpolation); a cell with a NaN
 * corner has none. A saddle (opposite corners on the same side) is resolved by the cell's mean, as usual.
 */
final class Contours {
    private Contours() {
    }

    /**
     * The contour of {@code level} through {@code grid} (row j from the bottom, column i from the left) as one path
     * in a {@code side x side} square whose top-left corner is ({@code x}, {@code y}).
     */
    static Path2D path(double[][] grid, double level, double x, double y, double side) {
        int m = grid.length;
        double unit = side / (m - 1);
        Path2D.Double path = new Path2D.Double();
        for (int j = 0; j < m - 1; j++) {
            for (int i = 0; i < m - 1; i++) {
                // corners counter-clockwise from the bottom left: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
                double v0 = grid[j][i];
                double v1 = grid[j][i + 1];
                double v2 = grid[j + 1][i + 1];
                double v3 = grid[j + 1][i];
                if (Double.isNaN(v0) || Double.isNaN(v1) || Double.isNaN(v2) || Double.isNaN(v3)) {
                    continue;
                }
                int index = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                // the crossing on each edge: bottom, right, top, left, as grid coordinates
                double[] bottom = {i + t(v0, v1, level), j};
                double[] right = {i + 1, j + t(v1, v2, level)};
                double[] top = {i + t(v3, v2, level), j + 1};
                double[] left = {i, j + t(v0, v3, level)};
                boolean centreAbove = (v0 + v1 + v2 + v3) / 4 > level;
                switch (index) {
                    case 1, 14 -> segment(path, left, bottom, x, y, side, unit);
                    case 2, 13 -> segment(path, bottom, right, x, y, side, unit);
                    case 3, 12 -> segment(path, left, right, x, y, side, unit);
                    case 4, 11 -> segment(path, right, top, x, y, side, unit);
                    case 6, 9 -> segment(path, bottom, top, x, y, side, unit);
                    case 7, 8 -> segment(path, left, top, x, y, side, unit);
                    case 5 -> {
                        // bottom-left and top-right above
                        if (centreAbove) {
                            segment(path, left, top, x, y, side, unit);
                            segment(path, bottom, right, x, y, side, unit);
                        } else {
                            segment(path, left, bottom, x, y, side, unit);
                            segment(path, right, top, x, y, side, unit);
                        }
                    }
                    case 10 -> {
                        // bottom-right and top-left above
                        if (centreAbove) {
                            segment(path, left, bottom, x, y, side, unit);
                            segment(path, right, top, x, y, side, unit);
                        } else {
                            segment(path, left, top, x, y, side, unit);
                            segment(path, bottom, right, x, y, side, unit);
                        }
                    }
                    default -> throw new IllegalStateException("case " + index);
                }
            }
        }
        return path;
    }

    /** Where between values a and b (at 0 and 1) the level lies. */
    private static double t(double a, double b, double level) {
        return a == b ? 0.5 : (level - a) / (b - a);
    }

    private static void segment(Path2D path, double[] from, double[] to, double x, double y, double side, double unit) {
        path.moveTo(x + from[0] * unit, y + side - from[1] * unit);
        path.lineTo(x + to[0] * unit, y + side - to[1] * unit);
    }
}

package org.resnetexplorer.charts;

/**
 * Where a picture of the 2-D plane drew it: the plot's rectangle in drawing units (points, y down) and the data
 * range it shows (y up), so that a click can be turned into data coordinates and a point into a place on screen.
 *
 * @param left   the plot's left edge, in points from the picture's left
 * @param top    the plot's top edge, in points from the picture's top
 * @param width  the plot's width in points, more than 0
 * @param height the plot's height in points, more than 0
 * @param xMin   the first feature at the left edge
 * @param xMax   the first feature at the right edge, more than {@code xMin}
 * @param yMin   the second feature at the bottom edge
 * @param yMax   the second feature at the top edge, more than {@code yMin}
 */
public record PlaneMapping(double left, double top, double width, double height, double xMin, double xMax,
        double yMin, double yMax) {
    public PlaneMapping {
        if (!(width > 0 && height > 0 && xMax > xMin && yMax > yMin)) {
            throw new IllegalArgumentException("an empty plot or range: " + width + "x" + height + " showing x "
                    + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
    }

    /** Whether the drawing position ({@code px}, {@code py}) lies on the plot. */
    public boolean contains(double px, double py) {
        return px >= left && px <= left + width && py >= top && py <= top + height;
    }

    /** The first feature at horizontal drawing position {@code px}. */
    public double dataX(double px) {
        return xMin + (px - left) / width * (xMax - xMin);
    }

    /** The second feature at vertical drawing position {@code py} (up is more). */
    public double dataY(double py) {
        return yMax - (py - top) / height * (yMax - yMin);
    }

    /** The horizontal drawing position of first feature {@code x}. */
    public double pixelX(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** The vertical drawing position of second feature {@code y}. */
    public double pixelY(double y) {
        return top + (yMax - y) / (yMax - yMin) * height;
    }
}

package org.resnetexplorer.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.Landscape;

/**
 * The logarithmic colour scale of loss landscapes: log10 of the loss, from the lowest to the highest loss on any of
 * the grids, so that landscapes drawn side by side share it. A loss grows by orders of magnitude away from the
 * trained weights (0.3 at the centre, thousands at the edge): on a linear scale the whole basin would be one colour.
 *
 * @param low  log10 of the lowest loss
 * @param high log10 of the highest loss (above {@code low})
 */
record LogScale(double low, double high) {
    /** The scale over every grid's finite losses; null if no grid has one. */
    static LogScale of(List<Landscape> landscapes) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Landscape landscape : landscapes) {
            for (double loss : landscape.losses()) {
                if (loss > 0 && Double.isFinite(loss)) {
                    low = Math.min(low, Math.log10(loss));
                    high = Math.max(high, Math.log10(loss));
                }
            }
        }
        if (!Double.isFinite(low)) {
            return null;
        }
        return new LogScale(low, Math.max(high, low + 1e-3));
    }

    /** Where log10 value {@code log} lies on the scale, from 0 (lowest) to 1 (highest), clamped. */
    double fraction(double log) {
        return Math.max(0, Math.min(1, (log - low) / (high - low)));
    }

    /**
     * A landscape's grid as log10 of its losses, row {@code j} for b's j-th value (row 0: b = -range), column i for
     * a's; NaN where nothing was measured, an overflowed loss at the top of the scale.
     */
    double[][] logGrid(Landscape landscape) {
        int n = landscape.points();
        double[][] grid = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double loss = landscape.loss(i, j);
                grid[j][i] = Double.isNaN(loss) ? Double.NaN : loss > 0 ? Math.min(high, Math.log10(loss)) : low;
            }
        }
        return grid;
    }

    /** The contour levels (log10): the losses 1, 2 and 5 times a power of ten inside the scale. */
    List<Double> contourLevels() {
        List<Double> levels = new ArrayList<>();
        for (int decade = (int) Math.floor(low); decade <= Math.ceil(high); decade++) {
            for (double mantissa : new double[] {1, 2, 5}) {
                double level = decade + Math.log10(mantissa);
                if (level > low && level < high) {
                    levels.add(level);
                }
            }
        }
        return levels;
    }

    /** The colour bar's labels (log10): the powers of ten inside the scale, or the 1-2-5 levels if fewer than 3. */
    List<Double> labelLevels() {
        List<Double> decades = new ArrayList<>();
        for (int decade = (int) Math.ceil(low); decade <= Math.floor(high); decade++) {
            decades.add((double) decade);
        }
        return decades.size() >= 3 ? decades : contourLevels();
    }

    /** A loss given as its log10, as a label: 0.01, 0.5, 2, 100, 1e+04. */
    static String label(double log) {
        double value = Math.pow(10, log);
        if (value >= 1e4 || value < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}

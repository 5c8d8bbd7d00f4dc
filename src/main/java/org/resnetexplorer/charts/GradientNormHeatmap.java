package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;

/**
 * The gradient norm of every weighted layer (rows, first layer at the top) over the iterations (columns), on a
 * log colour scale: vanishing gradients show as a dark band at the top of a deep plain net without BatchNorm.
 *
 * <p>Columns are placed by step, so the iteration axis is linear even where snapshots are sparse; when there are
 * more snapshots than pixel columns, each column shows the mean of the log norms that fall into it, so thousands
 * of steps of a 50-layer net draw as one small image.
 */
public final class GradientNormHeatmap {
    public static final String TITLE = Texts.get("gradientNormHeatmap.title");
    static final String NO_NORMS = Texts.get("gradientNormHeatmap.no.norms");
    static final String ITERATION = Texts.get("gradientNormHeatmap.iteration");

    private GradientNormHeatmap() {
    }

    /** A cell under the pointer: the layer, the step at the column's middle, the norm (mean of its log). */
    public record Cell(String layer, int step, double norm) {
    }

    /** Where the last drawing put the cells, to tell which one lies under the pointer (hover). */
    public record Layout(int left, int top, int right, int bottom, int firstStep, int lastStep, List<String> layers,
            double[][] cells) {
        /** The cell at drawing position ({@code x}, {@code y}), empty outside the map or where nothing was measured. */
        public java.util.Optional<Cell> cellAt(double x, double y) {
            if (x < left || x >= right || y < top || y >= bottom || layers.isEmpty()) {
                return java.util.Optional.empty();
            }
            int row = Math.min(layers.size() - 1, (int) ((y - top) / (bottom - top) * layers.size()));
            int columns = cells[row].length;
            int column = Math.min(columns - 1, (int) ((x - left) / (right - left) * columns));
            double log = cells[row][column];
            if (Double.isNaN(log)) {
                return java.util.Optional.empty();
            }
            int step = (int) Math.round(firstStep + (column + 0.5) / columns * (lastStep - firstStep + 1) - 0.5);
            return java.util.Optional.of(new Cell(layers.get(row), Math.max(firstStep, Math.min(lastStep, step)),
                    Math.pow(10, log)));
        }
    }

    /** The chart of one run, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(RunHistory run, int width, int height, double scale) {
        return render(run, width, height, scale, ChartStyle.LIGHT);
    }

    /** The chart of one run in {@code style}, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(RunHistory run, int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, run, w, h, style));
    }

    /** The weighted layers with a gradient norm in the run's last measured snapshot, in network order. */
    public static List<String> layers(RunHistory run) {
        List<TrainingSnapshot> snapshots = run.snapshots();
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            if (!snapshots.get(i).gradNorms().isEmpty()) {
                List<String> names = new ArrayList<>();
                for (TrainingSnapshot.GradientNorm v : snapshots.get(i).gradNorms()) {
                    if (v.kind() == TrainingSnapshot.GradientKind.WEIGHT) {
                        names.add(v.layer());
                    }
                }
                return names;
            }
        }
        return List.of();
    }

    /**
     * The cells of the heatmap: {@code log10} of the norm per row (layer) and column, {@code columns} columns
     * evenly spread over the steps from the first measured to the last; a column no snapshot falls into repeats
     * the one before it, and NaN marks a layer not measured yet.
     */
    public static double[][] cells(List<TrainingSnapshot> measured, List<String> layers, int columns) {
        Map<String, Integer> row = new LinkedHashMap<>();
        for (int r = 0; r < layers.size(); r++) {
            row.put(layers.get(r), r);
        }
        double[][] sum = new double[layers.size()][columns];
        int[][] count = new int[layers.size()][columns];
        if (measured.isEmpty() || columns <= 0) {
            return sum;
        }
        int first = measured.get(0).step();
        int last = measured.get(measured.size() - 1).step();
        for (TrainingSnapshot s : measured) {
            int c = last > first ? (int) Math.min(columns - 1, (long) (s.step() - first) * columns / (last - first + 1)) : 0;
            for (TrainingSnapshot.GradientNorm v : s.gradNorms()) {
                Integer r = row.get(v.layer());
                if (r != null && v.kind() == TrainingSnapshot.GradientKind.WEIGHT && v.value() > 0
                        && Double.isFinite(v.value())) {
                    sum[r][c] += Math.log10(v.value());
                    count[r][c]++;
                }
            }
        }
        for (int r = 0; r < layers.size(); r++) {
            double previous = Double.NaN;
            for (int c = 0; c < columns; c++) {
                sum[r][c] = count[r][c] > 0 ? sum[r][c] / count[r][c] : previous;
                previous = sum[r][c];
            }
        }
        return sum;
    }

    /**
     * Draws the chart of one run into {@code width x height} units of {@code g}; returns where the cells went
     * (null when there is nothing to show).
     */
    public static Layout draw(Graphics2D g, RunHistory run, int width, int height) {
        return draw(g, run, width, height, ChartStyle.LIGHT);
    }

    /** As {@link #draw(Graphics2D, RunHistory, int, int)}, in {@code style}. */
    public static Layout draw(Graphics2D g, RunHistory run, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, TITLE + run.run(), width, height, style);
        FontMetrics fm = g.getFontMetrics();

        List<String> layers = layers(run);
        List<TrainingSnapshot> measured = run.snapshots().stream().filter(s -> !s.gradNorms().isEmpty()).toList();
        int labelWidth = layers.stream().mapToInt(fm::stringWidth).max().orElse(40);
        int left = 16 + Math.min(labelWidth, width / 4) + 8;
        int top = 24 + titleHeight;
        int right = width - 24 - Math.max(66, fm.stringWidth("1e-0.0") + 22);
        int bottom = height - 16 - 2 * fm.getHeight();
        if (layers.isEmpty() || measured.isEmpty() || right <= left || bottom <= top) {
            g.setColor(style.axis());
            g.drawString(NO_NORMS, left, top + fm.getAscent());
            return null;
        }
        double pixelsPerUnit = Math.abs(g.getTransform().getScaleX());
        int firstStep = measured.get(0).step();
        int lastStep = measured.get(measured.size() - 1).step();
        int columns = (int) Math.max(1, Math.min(lastStep - firstStep + 1, Math.ceil((right - left) * Math.max(1, pixelsPerUnit))));
        double[][] cells = cells(measured, layers, columns);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : cells) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!Double.isFinite(low)) {
            low = 0;
            high = 1;
        }
        if (high - low < 1e-9) {
            high = low + 1;
        }
        int[] scale = new int[256];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = colour(i / 255.0).getRGB();
        }
        BufferedImage raster = new BufferedImage(columns, layers.size(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[columns * layers.size()];
        for (int r = 0; r < layers.size(); r++) {
            for (int c = 0; c < columns; c++) {
                double v = cells[r][c];
                pixels[r * columns + c] = Double.isNaN(v) ? style.background().getRGB()
                        : scale[(int) Math.round(Math.max(0, Math.min(1, (v - low) / (high - low))) * 255)];
            }
        }
        raster.setRGB(0, 0, columns, layers.size(), pixels, 0, columns);
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(raster, left, top, right - left, bottom - top, null);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
        double cellH = (double) (bottom - top) / layers.size();
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        int every = Math.max(1, (int) Math.ceil(fm.getHeight() / cellH));
        for (int r = 0; r < layers.size(); r += every) {
            String label = layers.get(r);
            while (fm.stringWidth(label) > left - 24 && label.length() > 4) {
                label = label.substring(1);
            }
            g.drawString(label, left - 8 - fm.stringWidth(label), top + (int) ((r + 0.5) * cellH) + fm.getAscent() / 2 - 1);
        }
        double span = Math.max(1, lastStep - firstStep);
        for (double x : LinePlot.niceTicks(firstStep, lastStep, 8)) {
            int px = left + (int) Math.round((x - firstStep) / span * (right - left));
            String label = String.format(Locale.ROOT, "%.0f", x);
            g.drawLine(px, bottom, px, bottom + 3);
            g.drawString(label, px - fm.stringWidth(label) / 2, bottom + 4 + fm.getAscent());
        }
        g.drawString(ITERATION, (left + right - fm.stringWidth(ITERATION)) / 2, height - 10);
        drawColourBar(g, fm, right + 24, top, bottom, low, high, style);
        return new Layout(left, top, right, bottom, firstStep, lastStep, List.copyOf(layers), cells);
    }

    private static void drawColourBar(Graphics2D g, FontMetrics fm, int x, int top, int bottom, double low, double high,
            ChartStyle style) {
        int barWidth = (int) Math.round(14 * Math.max(1, style.fontScale()));
        g.setStroke(new BasicStroke(1f));
        for (int y = top; y <= bottom; y++) {
            g.setColor(colour(1 - (double) (y - top) / (bottom - top)));
            g.drawLine(x, y, x + barWidth, y);
        }
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, top, barWidth, bottom - top);
        g.drawString(String.format(Locale.ROOT, "1e%.1f", high), x - 4, top - 4);
        g.drawString(String.format(Locale.ROOT, "1e%.1f", low), x - 4, bottom + fm.getAscent() + 2);
    }

    /** A dark-to-bright scale (dark blue, teal, yellow) that stays readable in grey. */
    static Color colour(double t) {
        double v = Math.max(0, Math.min(1, t));
        float[][] stops = {{0.07f, 0.04f, 0.25f}, {0.13f, 0.45f, 0.55f}, {0.35f, 0.75f, 0.40f}, {0.99f, 0.91f, 0.15f}};
        double position = v * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) position);
        double f = position - i;
        return new Color((float) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                (float) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                (float) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
    }
}

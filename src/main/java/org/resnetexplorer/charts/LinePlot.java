package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart with title, axes, grid and legend, drawn with Java2D. Long series are decimated to the minimum
 * and maximum of each pixel column, so thousands of steps draw as fast as a few hundred and keep their shape.
 * The y axis may be logarithmic (values that are not positive are left out there).
 */
public final class LinePlot {
    /**
     * One drawn line: thin for training curves, bold for test curves, as in the paper's figures; {@code filled}
     * shades the area under it (histograms).
     */
    public record Line(Series series, Color color, float width, boolean dashed, boolean filled) {
        public Line(Series series, Color color, float width, boolean dashed) {
            this(series, color, width, dashed, false);
        }
    }

    /**
     * Where the last drawing put the data: the plot area in drawing units (points) and the data range it
     * shows, to map the pointer to data and back (hover).
     */
    public record Frame(int left, int top, int right, int bottom, double x0, double x1, double y0, double y1, boolean log) {
        /** The horizontal drawing position of data value {@code x}. */
        public double px(double x) {
            return left + (x - x0) / (x1 - x0) * (right - left);
        }

        /** The vertical drawing position of data value {@code y}. */
        public double py(double y) {
            double t = log ? (Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) : (y - y0) / (y1 - y0);
            return bottom - t * (bottom - top);
        }

        /** The data x at drawing position {@code px}. */
        public double x(double px) {
            return x0 + (px - left) / (right - left) * (x1 - x0);
        }

        /** Whether the drawing position lies in the plot area. */
        public boolean contains(double px, double py) {
            return px >= left && px <= right && py >= top && py <= bottom;
        }
    }

    /** The point of a line nearest the pointer: which line, which point, its data and drawing positions. */
    public record Hit(int lineIndex, Line line, int index, double x, double y, double px, double py) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private boolean logY;
    private boolean percent;
    private boolean wholeX;
    private Double yMin;
    private Double yMax;
    private volatile Frame frame;
    /** The legend's entries, or null for one per line. */
    private List<Legend.Entry> legend;
    private final List<Legend.Entry> keys = new ArrayList<>();
    private volatile Legend.Layout legendLayout = Legend.Layout.NONE;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot add(Line line) {
        lines.add(line);
        return this;
    }

    /**
     * The legend's entries instead of one per line: e.g. one per run when a run draws several lines, hidden runs
     * among them (greyed).
     */
    public LinePlot legend(List<Legend.Entry> entries) {
        legend = List.copyOf(entries);
        return this;
    }

    /** Adds a key entry before the others, saying what a line style means (thin: training). */
    public LinePlot key(Legend.Entry entry) {
        keys.add(entry);
        return this;
    }

    /** The legend's entries: the keys, then one per run or per line. */
    public List<Legend.Entry> legendEntries() {
        List<Legend.Entry> all = new ArrayList<>(keys);
        if (legend != null) {
            all.addAll(legend);
        } else {
            for (Line line : lines) {
                String name = line.series().name();
                all.add(Legend.Entry.run(name, name, line.color(), line.width(), line.dashed(), false));
            }
        }
        return all;
    }

    /** Where the last {@link #draw} put the legend (no entries before the first drawing). */
    public Legend.Layout legendLayout() {
        return legendLayout;
    }

    /** Log scale on y. */
    public LinePlot logY(boolean value) {
        logY = value;
        return this;
    }

    /** Writes y ticks as percentages of 1 (0.25 as 25%). */
    public LinePlot percent(boolean value) {
        percent = value;
        return this;
    }

    /** Ticks on x only at whole numbers (layer indices, ranks): never "layer 1.5". */
    public LinePlot wholeX(boolean value) {
        wholeX = value;
        return this;
    }

    /** Whether x ticks fall on whole numbers only. */
    boolean wholeX() {
        return wholeX;
    }

    /** Fixes the y range instead of fitting the data (e.g. 0 to 1 for error rates). */
    public LinePlot yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** An image of the chart, {@code width x height} points drawn at {@code scale} pixels per point. */
    public BufferedImage render(int width, int height, double scale) {
        return render(width, height, scale, ChartStyle.LIGHT);
    }

    /** An image of the chart in {@code style}, {@code width x height} points drawn at {@code scale} pixels per point. */
    public BufferedImage render(int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, w, h, style));
    }

    /** Draws the chart into {@code width x height} units of {@code g}. */
    public void draw(Graphics2D g, int width, int height) {
        draw(g, width, height, ChartStyle.LIGHT);
    }

    /** Draws the chart into {@code width x height} units of {@code g}, in {@code style}. */
    public void draw(Graphics2D g, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, title, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        int left = 16 + fm.stringWidth("00000%") + fm.getHeight() + 6;
        int bottom = height - 12 - 2 * fm.getHeight();
        List<Legend.Entry> entries = lines.isEmpty() ? List.of() : legendEntries();
        Legend.Layout placed = Legend.layout(entries, fm, style, width, height, left, width - 16, 16 + titleHeight,
                bottom - 20 - titleHeight);
        legendLayout = placed;
        int top = 20 + titleHeight + (placed.beside() ? 0 : placed.extent());
        int right = width - 16 - (placed.beside() ? placed.extent() : 0);
        if (right - left < 20 || bottom - top < 20) {
            return;
        }
        double[] xr = xRange();
        double[] yr = yRange();
        Frame axes = new Frame(left, top, right, bottom, xr[0], xr[1], yr[0], yr[1], logY);
        frame = axes;
        drawGridAndTicks(g, fm, axes, style);
        Legend.draw(g, fm, placed, style);
        java.awt.Shape clip = g.getClip();
        g.clipRect(left, top, right - left + 1, bottom - top + 1);
        for (Line line : lines) {
            drawLine(g, axes, line, style);
        }
        g.setClip(clip);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1.2f)));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, height - 10);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, 14 + fm.getAscent());
        rotated.dispose();
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** The lines, in the order added. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Where the last {@link #draw} put the plot area and its data range (empty before the first drawing). */
    public java.util.Optional<Frame> frame() {
        return java.util.Optional.ofNullable(frame);
    }

    /**
     * The drawn point nearest to drawing position ({@code px}, {@code py}) within {@code radius} drawing units,
     * over every line, as the last {@link #draw} placed it; empty if none is that close or nothing was drawn.
     * Looks only at the points whose x lies within the radius (a binary search), so it stays fast on long series.
     */
    public java.util.Optional<Hit> nearest(double px, double py, double radius) {
        Frame f = frame;
        if (f == null) {
            return java.util.Optional.empty();
        }
        Hit best = null;
        double bestDistance = radius * radius;
        double fromX = Math.min(f.x(px - radius), f.x(px + radius));
        double toX = Math.max(f.x(px - radius), f.x(px + radius));
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            Series s = line.series();
            for (int i = Math.max(0, s.firstIndexAtOrAfter(fromX)); i < s.size() && s.xAt(i) <= toX; i++) {
                double y = s.yAt(i);
                if (!Double.isFinite(y) || (f.log() && y <= 0)) {
                    continue;
                }
                double dx = f.px(s.xAt(i)) - px;
                double dy = f.py(y) - py;
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new Hit(l, line, i, s.xAt(i), y, f.px(s.xAt(i)), f.py(y));
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private double[] xRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            Series s = line.series();
            if (s.size() > 0) {
                min = Math.min(min, s.xAt(0));
                max = Math.max(max, s.xAt(s.size() - 1));
            }
        }
        if (!Double.isFinite(min)) {
            return new double[] {0, 1};
        }
        return max > min ? new double[] {min, max} : new double[] {min - 1, min + 1};
    }

    private double[] yRange() {
        if (yMin != null && !(logY && yMin <= 0)) {
            return new double[] {yMin, yMax};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            Series s = line.series();
            for (int i = 0; i < s.size(); i++) {
                double y = s.yAt(i);
                if (Double.isFinite(y) && (!logY || y > 0)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (!Double.isFinite(min)) {
            return logY ? new double[] {0.1, 1} : new double[] {0, 1};
        }
        if (logY) {
            double low = Math.pow(10, Math.floor(Math.log10(min)));
            double high = Math.pow(10, Math.ceil(Math.log10(max)));
            return high > low ? new double[] {low, high} : new double[] {low, low * 10};
        }
        double pad = (max - min) * 0.05;
        return max > min ? new double[] {Math.min(0, min) == 0 && min >= 0 ? 0 : min - pad, max + pad}
                : new double[] {min - 1, max + 1};
    }

    private void drawGridAndTicks(Graphics2D g, FontMetrics fm, Frame a, ChartStyle style) {
        g.setStroke(new BasicStroke(1f));
        // as many ticks as fit their labels: fewer when the text is large or the chart small
        int yAbout = (int) Math.max(2, Math.min(6, (a.bottom() - a.top()) / (1.8 * fm.getHeight())));
        for (double y : yTicks(a, yAbout)) {
            int py = (int) Math.round(a.py(y));
            g.setColor(style.grid());
            g.drawLine(a.left(), py, a.right(), py);
            g.setColor(style.axis());
            String label = formatY(y);
            g.drawString(label, a.left() - 6 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        int labelWidth = Math.max(fm.stringWidth(formatNumber(a.x0())), fm.stringWidth(formatNumber(a.x1())));
        int xAbout = (int) Math.max(2, Math.min(8, (a.right() - a.left()) / (2.2 * Math.max(1, labelWidth))));
        for (double x : wholeX ? wholeTicks(a.x0(), a.x1(), xAbout) : niceTicks(a.x0(), a.x1(), xAbout)) {
            int px = (int) Math.round(a.px(x));
            g.setColor(style.grid());
            g.drawLine(px, a.top(), px, a.bottom());
            g.setColor(style.axis());
            String label = formatNumber(x);
            g.drawString(label, px - fm.stringWidth(label) / 2, a.bottom() + 4 + fm.getAscent());
        }
    }

    private List<Double> yTicks(Frame a, int about) {
        if (!logY) {
            return niceTicks(a.y0(), a.y1(), about);
        }
        List<Double> ticks = new ArrayList<>();
        for (double v = a.y0(); v <= a.y1() * 1.0001; v *= 10) {
            ticks.add(v);
        }
        // every decade, or every second or third when they would crowd
        int every = (int) Math.ceil(ticks.size() / (double) Math.max(2, about + 1));
        List<Double> shown = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += Math.max(1, every)) {
            shown.add(ticks.get(i));
        }
        return shown;
    }

    /** Like {@link #niceTicks}, but at whole numbers only: at least 1 apart. */
    static List<Double> wholeTicks(double min, double max, int about) {
        List<Double> ticks = new ArrayList<>();
        if (max - min >= Math.max(1, about)) {
            ticks.addAll(niceTicks(min, max, about));
        } else {
            for (double t = Math.ceil(min); t <= max; t++) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    /** Round tick values (1, 2 or 5 times a power of ten apart) covering [min, max]. */
    static List<Double> niceTicks(double min, double max, int about) {
        double span = max - min;
        double raw = span / Math.max(1, about);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9);
        for (int i = 0; (first + i) * step <= max + step * 1e-9; i++) {
            // rounded to 12 digits, so that 3 x 0.2 reads 0.6 and not 0.6000000000000001
            ticks.add(Double.parseDouble(String.format(Locale.ROOT, "%.12g", (first + i) * step)) + 0.0);
        }
        return ticks;
    }

    private String formatY(double y) {
        if (percent) {
            return String.format(Locale.ROOT, y * 100 >= 10 || y == 0 ? "%.0f%%" : "%.1f%%", y * 100);
        }
        return formatNumber(y);
    }

    /** A tick label: whole numbers plain, others to three digits, very large or small ones in e-notation. */
    static String formatNumber(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e4 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    private void drawLine(Graphics2D g, Frame a, Line line, ChartStyle style) {
        Series s = line.series();
        Color colour = style.line(line.color());
        g.setColor(colour);
        g.setStroke(stroke(line.width(), line.dashed(), BasicStroke.CAP_ROUND, style));
        Path2D.Double path = new Path2D.Double();
        double firstPx = Double.NaN;
        double lastPx = Double.NaN;
        boolean open = false;
        int column = Integer.MIN_VALUE;
        double low = 0;
        double high = 0;
        for (int i = 0; i < s.size(); i++) {
            double y = s.yAt(i);
            if (!Double.isFinite(y) || (logY && y <= 0)) {
                open = false;
                continue;
            }
            double px = a.px(s.xAt(i));
            double py = a.py(y);
            int c = (int) Math.floor(px);
            if (open && c == column) {
                // same pixel column: keep its extremes only
                if (py < low || py > high) {
                    path.lineTo(px, py);
                    low = Math.min(low, py);
                    high = Math.max(high, py);
                }
                continue;
            }
            if (open) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                open = true;
            }
            if (Double.isNaN(firstPx)) {
                firstPx = px;
            }
            lastPx = px;
            column = c;
            low = py;
            high = py;
        }
        if (line.filled() && !Double.isNaN(firstPx)) {
            Path2D.Double area = new Path2D.Double(path);
            area.lineTo(lastPx, a.bottom());
            area.lineTo(firstPx, a.bottom());
            area.closePath();
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), style.dark() ? 96 : 56));
            g.fill(area);
            g.setColor(colour);
        }
        g.draw(path);
    }

    /** A line's stroke in {@code style}: its width scaled, and its dashes with it. */
    private static BasicStroke stroke(float width, boolean dashed, int cap, ChartStyle style) {
        float w = style.width(width);
        float unit = (float) style.lineScale();
        return dashed ? new BasicStroke(w, cap, BasicStroke.JOIN_ROUND, 1f, new float[] {6f * unit, 4f * unit}, 0f)
                : new BasicStroke(w, cap, BasicStroke.JOIN_ROUND);
    }
}

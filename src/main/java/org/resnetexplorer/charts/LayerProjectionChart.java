package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.LayerProjection;
import org.resnetexplorer.engine.NetworkStages;
import org.resnetexplorer.engine.Projection;
import org.resnetexplorer.i18n.Texts;

/**
 * One stage of a network of 2-D data as a picture (decision 0028): the grid over the data's range as the stage
 * warps it (thin grey lines) and the data points on it, coloured by class. A run and its plain twin are drawn side
 * by side at the same stage, in the same class colours. Each panel's axes fit its own data points with one scale
 * for both axes (a circle stays a circle); the tick labels tell how large the values have grown.
 */
public final class LayerProjectionChart {
    static final String TITLE = Texts.get("layerProjectionChart.title");
    static final String INPUT = Texts.get("layerProjectionChart.stage.input");
    static final String STEM = Texts.get("layerProjectionChart.stage.stem");
    static final String BLOCK = Texts.get("layerProjectionChart.stage.block");
    static final String LAYER = Texts.get("layerProjectionChart.stage.layer");
    static final String SCORES = Texts.get("layerProjectionChart.stage.scores");
    static final String UNIT = Texts.get("layerProjectionChart.axis.unit");
    static final String DIRECTION = Texts.get("layerProjectionChart.axis.direction");
    /** Between the parts of a title: "Block 3 of 8 · block3.relu2". */
    public static final String JOIN = " · ";

    /** One panel: a heading (the run and its step) and the stage's picture. */
    public record Panel(String heading, LayerProjection.Picture picture) {
    }

    private LayerProjectionChart() {
    }

    /** The stage in words, with its node: "Block 3 of 8 · block3.relu2", "Input · input". */
    public static String stageLabel(NetworkStages.Stage stage) {
        String what = switch (stage.kind()) {
            case INPUT -> INPUT;
            case STEM -> STEM;
            case BLOCK -> String.format(BLOCK, stage.number(), stage.of());
            case LAYER -> String.format(LAYER, stage.number(), stage.of());
            case SCORES -> SCORES;
        };
        return what + JOIN + stage.node();
    }

    /** The picture, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(List<Panel> panels, Projection projection, List<String> classNames, String message,
            int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, w, h, style, panels, projection, classNames,
                message));
    }

    /** A data point under the pointer: its panel (0 the first), its index in the picture, its place and class. */
    public record Hit(int panel, int index, double x, double y, int label) {
    }

    /** Where a drawing put its panels' points, to tell which one lies under the pointer (hover). */
    public static final class Layout {
        private final List<Panel> panels;
        private final List<Frame> frames = new java.util.ArrayList<>();

        private Layout(List<Panel> panels) {
            this.panels = panels;
        }

        /** The data point nearest drawing position ({@code px}, {@code py}) within {@code radius}, if any. */
        public java.util.Optional<Hit> pointAt(double px, double py, double radius) {
            Hit best = null;
            double nearest = radius * radius;
            for (int p = 0; p < frames.size(); p++) {
                Frame f = frames.get(p);
                LayerProjection.Picture picture = panels.get(p).picture();
                float[] points = picture.points();
                for (int i = 0; i < picture.labels().length; i++) {
                    double dx = f.px(points[2 * i]) - px;
                    double dy = f.py(points[2 * i + 1]) - py;
                    if (dx * dx + dy * dy <= nearest) {
                        nearest = dx * dx + dy * dy;
                        best = new Hit(p, i, points[2 * i], points[2 * i + 1], picture.labels()[i]);
                    }
                }
            }
            return java.util.Optional.ofNullable(best);
        }
    }

    /**
     * Draws the panels side by side into {@code width x height} units of {@code g}, titled with the first panel's
     * stage; with no panels, {@code message} (why there is nothing to draw) in the middle. Returns where the
     * points went.
     */
    public static Layout draw(Graphics2D g, int width, int height, ChartStyle style, List<Panel> panels,
            Projection projection, List<String> classNames, String message) {
        Layout layout = new Layout(List.copyOf(panels));
        String title = panels.isEmpty() ? TITLE : TITLE + JOIN + stageLabel(panels.get(0).picture().stage());
        int titleHeight = ChartFrame.begin(g, title, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        if (panels.isEmpty()) {
            g.setColor(style.axis());
            String text = message == null ? "" : message;
            g.drawString(text, Math.max(16, (width - fm.stringWidth(text)) / 2), height / 2);
            return layout;
        }
        int top = 14 + titleHeight;
        top += drawClasses(g, fm, classNames, 16, top, width - 32, style) + 8;
        int gap = 24;
        int panelWidth = (width - 32 - gap * (panels.size() - 1)) / panels.size();
        for (int i = 0; i < panels.size(); i++) {
            layout.frames.add(drawPanel(g, fm, panels.get(i), projection, 16 + i * (panelWidth + gap), top,
                    panelWidth, height - 8 - top, style));
        }
        return layout;
    }

    /** The class legend: a dot of each class's colour and its name, in one row; returns the height it takes. */
    private static int drawClasses(Graphics2D g, FontMetrics fm, List<String> names, int left, int top, int width,
            ChartStyle style) {
        int x = left;
        int dot = fm.getAscent() * 2 / 3;
        int y = top + fm.getAscent();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (x + dot + 6 + fm.stringWidth(name) > left + width) {
                break;
            }
            g.setColor(ClassColours.of(c));
            g.fill(new Ellipse2D.Double(x, y - fm.getAscent() / 2.0 - dot / 2.0 + 1, dot, dot));
            g.setColor(style.foreground());
            g.drawString(name, x + dot + 6, y);
            x += dot + 6 + fm.stringWidth(name) + 18;
        }
        return fm.getHeight();
    }

    /** Draws one panel; returns where its values land (nowhere, when it has no room: no point is hit then). */
    private static Frame drawPanel(Graphics2D g, FontMetrics fm, Panel panel, Projection projection, int left, int top,
            int width, int height, ChartStyle style) {
        g.setColor(style.foreground());
        String heading = Legend.shorten(panel.heading(), fm::stringWidth, width);
        g.drawString(heading, left + (width - fm.stringWidth(heading)) / 2, top + fm.getAscent());
        LayerProjection.Picture picture = panel.picture();
        boolean units = projection == Projection.FIRST_TWO_UNITS || picture.width() <= 2;
        String xLabel = String.format(units ? UNIT : DIRECTION, 1);
        String yLabel = String.format(units ? UNIT : DIRECTION, 2);
        int plotLeft = left + fm.getHeight() + 6 + fm.stringWidth("-0.000");
        int plotTop = top + fm.getHeight() + 6;
        int plotRight = left + width - 4;
        int plotBottom = top + height - 2 * fm.getHeight() - 6;
        if (plotRight - plotLeft < 30 || plotBottom - plotTop < 30) {
            return new Frame(0, 0, 0, -1e9, -1e9);
        }
        double[] range = range(picture);
        // one scale for both axes, the picture centred: a grid of squares stays square where the stage keeps it so
        double scale = Math.min((plotRight - plotLeft) / (range[1] - range[0]), (plotBottom - plotTop) / (range[3] - range[2]));
        double cx = (range[0] + range[1]) / 2;
        double cy = (range[2] + range[3]) / 2;
        double midX = (plotLeft + plotRight) / 2.0;
        double midY = (plotTop + plotBottom) / 2.0;
        Frame frame = new Frame(scale, cx, cy, midX, midY);
        drawTicks(g, fm, frame, plotLeft, plotTop, plotRight, plotBottom, style);
        java.awt.Shape clip = g.getClip();
        g.clipRect(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1);
        drawGrid(g, picture, frame, style);
        drawPoints(g, picture, frame, style);
        g.setClip(clip);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        g.drawString(xLabel, (plotLeft + plotRight - fm.stringWidth(xLabel)) / 2, plotBottom + 2 * fm.getHeight() + 2);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(plotTop + plotBottom + fm.stringWidth(yLabel)) / 2, left + fm.getAscent());
        rotated.dispose();
        return frame;
    }

    /** Where a value of the picture lands: one scale for both axes about the picture's centre. */
    private record Frame(double scale, double cx, double cy, double midX, double midY) {
        double px(double x) {
            return midX + (x - cx) * scale;
        }

        double py(double y) {
            return midY - (y - cy) * scale;
        }

        double x(double px) {
            return cx + (px - midX) / scale;
        }

        double y(double py) {
            return cy - (py - midY) / scale;
        }
    }

    /**
     * The range the axes show: that of the data points (the grid's far corners, where no data lies, may stretch
     * far and would shrink the points to a corner: they are cut off), with a margin; min x, max x, min y, max y.
     * Without finite points, the grid's range.
     */
    static double[] range(LayerProjection.Picture picture) {
        double[] r = finiteRange(picture.points());
        if (r[0] > r[1]) {
            r = finiteRange(picture.grid());
        }
        if (r[0] > r[1]) {
            return new double[] {-1, 1, -1, 1};
        }
        for (int axis = 0; axis < 2; axis++) {
            // a stage that squashes everything onto a line still gets an area to draw in
            double extent = Math.max(r[2 * axis + 1] - r[2 * axis], 1e-6 * Math.max(1, Math.abs(r[2 * axis])));
            double pad = extent * 0.08;
            r[2 * axis] -= pad;
            r[2 * axis + 1] = r[2 * axis] + extent + 2 * pad;
        }
        return r;
    }

    private static double[] finiteRange(float[] values) {
        double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i + 1 < values.length; i += 2) {
            if (Float.isFinite(values[i]) && Float.isFinite(values[i + 1])) {
                r[0] = Math.min(r[0], values[i]);
                r[1] = Math.max(r[1], values[i]);
                r[2] = Math.min(r[2], values[i + 1]);
                r[3] = Math.max(r[3], values[i + 1]);
            }
        }
        return r;
    }

    private static void drawTicks(Graphics2D g, FontMetrics fm, Frame f, int left, int top, int right, int bottom,
            ChartStyle style) {
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        int about = Math.max(2, (right - left) / (fm.stringWidth("-0.000") + 24));
        for (double t : LinePlot.niceTicks(f.x(left), f.x(right), Math.min(6, about))) {
            int px = (int) Math.round(f.px(t));
            g.drawLine(px, bottom, px, bottom + 4);
            String text = tick(t);
            g.drawString(text, px - fm.stringWidth(text) / 2, bottom + 4 + fm.getAscent());
        }
        for (double t : LinePlot.niceTicks(f.y(bottom), f.y(top), Math.max(2, Math.min(6, (bottom - top) / (2 * fm.getHeight()))))) {
            int py = (int) Math.round(f.py(t));
            g.drawLine(left - 4, py, left, py);
            String text = tick(t);
            g.drawString(text, left - 6 - fm.stringWidth(text), py + fm.getAscent() / 2 - 1);
        }
    }

    private static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e4 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    /** The grid lines: thin, grey between the axis colour and the background, so the points stand out on them. */
    private static void drawGrid(Graphics2D g, LayerProjection.Picture picture, Frame f, ChartStyle style) {
        g.setColor(mix(style.axis(), style.background(), 0.45));
        g.setStroke(new BasicStroke(style.width(0.8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        float[] grid = picture.grid();
        int per = LayerProjection.POINTS_PER_LINE;
        for (int line = 0; line < picture.lines(); line++) {
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int p = 0; p < per; p++) {
                int at = 2 * (line * per + p);
                float x = grid[at];
                float y = grid[at + 1];
                if (!Float.isFinite(x) || !Float.isFinite(y)) {
                    open = false;
                } else if (open) {
                    path.lineTo(f.px(x), f.py(y));
                } else {
                    path.moveTo(f.px(x), f.py(y));
                    open = true;
                }
            }
            g.draw(path);
        }
    }

    /** The data points: a dot of the class's colour with a thin dark outline, so overlapping dots stay apart. */
    private static void drawPoints(Graphics2D g, LayerProjection.Picture picture, Frame f, ChartStyle style) {
        // larger on a projector, but not so large that a class's dots merge into a band
        double r = 2.6 * Math.min(style.lineScale(), 1.6);
        Markers markers = new Markers(g, r, (float) (0.6 * style.lineScale()));
        Color edge = new Color(0, 0, 0, 150);
        float[] points = picture.points();
        int[] labels = picture.labels();
        for (int i = 0; i < labels.length; i++) {
            float x = points[2 * i];
            float y = points[2 * i + 1];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                markers.draw(Markers.Kind.CIRCLE, f.px(x), f.py(y), ClassColours.of(labels[i]), edge);
            }
        }
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color((int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
                (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
                (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
    }
}

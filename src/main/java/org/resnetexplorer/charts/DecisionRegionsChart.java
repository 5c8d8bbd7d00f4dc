package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.i18n.Texts;

/**
 * The decision regions of one or more networks over 2-D data, side by side on the same grid and in the same
 * colours (a ResNet and its plain twin): each cell coloured by the class predicted there, stronger where the
 * network is surer ({@link ClassColours#region}) or at full strength when discretised; the training points drawn
 * on it as filled circles and, if asked, the test points as hollow diamonds; axes with ticks and a class legend.
 */
public final class DecisionRegionsChart {
    public static final String TITLE = Texts.get("decisionRegions.title");
    /** Its file among the exported charts and the pictures of {@code train --png}. */
    public static final String FILE = "decision-regions.png";
    static final String TRAINING_POINTS = Texts.get("decisionRegions.training.points");
    static final String TEST_POINTS = Texts.get("decisionRegions.test.points");
    static final String COMPUTING = Texts.get("decisionRegions.computing");
    static final String X1 = "x\u2081";
    static final String X2 = "x\u2082";
    /** The points' outline: dark on every background, so a point stays visible on a region of its own colour. */
    private static final Color OUTLINE = new Color(0x1a1a1a);

    private DecisionRegionsChart() {
    }

    /** One network's panel: its title (the run, its step, its test error) and its regions (null until computed). */
    public record Panel(String title, DecisionRegions regions) {
        public Panel {
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * What to draw besides the training points.
     *
     * @param testPoints whether the test points show too
     * @param discretise whether each region shows at full strength, whatever the confidence
     */
    public record Options(boolean testPoints, boolean discretise) {
    }

    /** A cell under the pointer: the panel's title, the class predicted there and the confidence. */
    public record Hit(String panel, String predicted, float confidence) {
    }

    /**
     * Where the last drawing put each panel's plot area, to tell what lies under the pointer (hover), and where the
     * legend begins ({@code legendLeft} and {@code legendTop}, drawing units from the top left: beside the panels, or
     * in a row below them when that leaves them more room).
     */
    public record Layout(DecisionRegions.Grid grid, List<String> classNames, List<Area> areas, int legendLeft,
            int legendTop) {
        /** The cell of a computed panel at drawing position ({@code x}, {@code y}), if any. */
        public Optional<Hit> hitAt(double x, double y) {
            for (Area a : areas) {
                if (a.panel().regions() != null && x >= a.left() && x < a.left() + a.width() && y >= a.top()
                        && y < a.top() + a.height()) {
                    double fx = grid.left() + (x - a.left()) / a.width() * (grid.right() - grid.left());
                    double fy = grid.top() - (y - a.top()) / a.height() * (grid.top() - grid.bottom());
                    Optional<Integer> cell = a.panel().regions().grid().cellAt(fx, fy);
                    if (cell.isPresent()) {
                        int c = a.panel().regions().predicted(cell.get());
                        String name = c < classNames.size() ? classNames.get(c) : String.valueOf(c);
                        return Optional.of(new Hit(a.panel().title(), name, a.panel().regions().confidence(cell.get())));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A panel's plot area in drawing units. */
    public record Area(Panel panel, double left, double top, double width, double height) {
    }

    /** The chart as an image of {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(String title, Dataset data, DecisionRegions.Grid grid, List<Panel> panels,
            Options options, int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, w, h, style, title, data, grid, panels,
                options));
    }

    /**
     * Draws the panels side by side into {@code width x height} units of {@code g}: each over {@code grid}, with
     * {@code data}'s points and class names.
     */
    public static Layout draw(Graphics2D g, int width, int height, ChartStyle style, String title, Dataset data,
            DecisionRegions.Grid grid, List<Panel> panels, Options options) {
        int titleHeight = ChartFrame.begin(g, title, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        float lines = (float) style.lineScale();
        List<String> names = data.classNames();

        int swatch = Math.round(fm.getAscent() * 0.8f);
        int legendWidth = swatch + 10 + names.stream().mapToInt(fm::stringWidth).max().orElse(0);
        legendWidth = Math.max(legendWidth, swatch + 10 + fm.stringWidth(TRAINING_POINTS));
        if (options.testPoints()) {
            legendWidth = Math.max(legendWidth, swatch + 10 + fm.stringWidth(TEST_POINTS));
        }
        legendWidth = Math.min(legendWidth, width / 4);
        int tickWidth = fm.stringWidth("-0.00") + 8;
        int gap = line * 2;
        int count = Math.max(1, panels.size());
        int top = 16 + titleHeight + line + 10;
        double axes = count * (tickWidth + line) + (count - 1) * gap;
        double roomWidth = width - 16 - legendWidth - 24 - axes;
        double roomHeight = height - top - 2 * line - 16;
        double aspect = (double) grid.columns() / grid.rows();
        // a tall, narrow area (the charts beside the run list at 1280x720): the legend goes in a row below the
        // panels, so that they take the whole width instead of a third of the height
        int row = legendRowWidth(fm, names, options, swatch);
        double beside = Math.min(roomWidth / count, roomHeight * aspect);
        double underneath = Math.min((width - 32 - axes) / count, (roomHeight - line - 8) * aspect);
        boolean below = underneath > 1.15 * beside && row <= width - 32;
        if (below) {
            roomWidth = width - 32 - axes;
            roomHeight -= line + 8;
        }
        double plotWidth = Math.max(20, Math.min(roomWidth / count, roomHeight * aspect));
        double plotHeight = plotWidth / aspect;
        double used = count * (plotWidth + tickWidth + line) + (count - 1) * gap;
        // the panels and the legend centred together, the legend right beside the last panel (or centred below)
        double x = 16 + Math.max(0, (width - 32 - (below ? 0 : legendWidth + 24) - used) / 2);
        int legendLeft = below ? Math.max(16, (width - row) / 2) : (int) Math.round(x + used + 24);
        int legendTop = below ? (int) Math.round(top + plotHeight + 2 * line + 8) : top;

        List<Area> areas = new ArrayList<>();
        for (Panel panel : panels) {
            double left = x + line + tickWidth;
            Area area = new Area(panel, left, top, plotWidth, plotHeight);
            drawPanel(g, fm, style, area, grid, data, options, lines);
            areas.add(area);
            x = left + plotWidth + gap;
        }
        drawLegend(g, fm, style, names, options, legendLeft, legendTop, swatch, lines, below);
        return new Layout(grid, names, List.copyOf(areas), legendLeft, legendTop);
    }

    private static void drawPanel(Graphics2D g, FontMetrics fm, ChartStyle style, Area a, DecisionRegions.Grid grid,
            Dataset data, Options options, float lines) {
        int left = (int) Math.round(a.left());
        int top = (int) Math.round(a.top());
        int w = (int) Math.round(a.width());
        int h = (int) Math.round(a.height());
        g.setColor(style.foreground());
        String title = fitted(a.panel().title(), fm, (int) (w + fm.getHeight() + fm.stringWidth("-0.00")));
        g.drawString(title, left + (w - fm.stringWidth(title)) / 2, top - 8 - fm.getDescent());
        DecisionRegions regions = a.panel().regions();
        if (regions != null) {
            drawRegions(g, regions, style, options.discretise(), left, top, w, h);
        } else {
            g.setColor(style.axis());
            g.drawString(COMPUTING, left + (w - fm.stringWidth(COMPUTING)) / 2, top + h / 2);
        }
        Shape clip = g.getClip();
        g.clipRect(left, top, w, h);
        // smaller in a small panel, a little larger (not as much as the lines) on a projector, where points crowd
        double radius = Math.max(1.5, Math.min(w, h) / 140.0) * Math.sqrt(lines);
        g.setStroke(new BasicStroke(Math.max(0.8f, (float) radius / 3)));
        drawPoints(g, data.train(), grid, a, radius, false);
        if (options.testPoints()) {
            drawPoints(g, data.test(), grid, a, radius, true);
        }
        g.setClip(clip);
        drawAxes(g, fm, style, grid, left, top, w, h);
    }

    private static void drawRegions(Graphics2D g, DecisionRegions regions, ChartStyle style, boolean discretise,
            int left, int top, int w, int h) {
        DecisionRegions.Grid cells = regions.grid();
        BufferedImage raster = new BufferedImage(cells.columns(), cells.rows(), BufferedImage.TYPE_INT_RGB);
        double unsure = 1.0 / Math.max(2, regions.classes());
        for (int row = 0; row < cells.rows(); row++) {
            for (int column = 0; column < cells.columns(); column++) {
                int i = row * cells.columns() + column;
                // confidence runs from 1/classes (a guess) to 1: a guess shows the background, certainty the class
                double strength = discretise ? 1 : (regions.confidence(i) - unsure) / (1 - unsure);
                raster.setRGB(column, cells.rows() - 1 - row,
                        ClassColours.region(regions.predicted(i), strength, style.background()).getRGB());
            }
        }
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, discretise
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(raster, left, top, w, h, null);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    private static void drawPoints(Graphics2D g, Examples examples, DecisionRegions.Grid grid, Area a, double r,
            boolean test) {
        Markers markers = new Markers(g, test ? r * 1.3 : r, ((BasicStroke) g.getStroke()).getLineWidth());
        float[] f = examples.features();
        for (int i = 0; i < examples.size(); i++) {
            double px = a.left() + (f[2 * i] - grid.left()) / (grid.right() - grid.left()) * a.width();
            double py = a.top() + (grid.top() - f[2 * i + 1]) / (grid.top() - grid.bottom()) * a.height();
            Color colour = ClassColours.of(examples.label(i));
            if (test) {
                markers.draw(Markers.Kind.DIAMOND, px, py, Color.WHITE, colour);
            } else {
                markers.draw(Markers.Kind.CIRCLE, px, py, colour, OUTLINE);
            }
        }
    }

    private static void drawAxes(Graphics2D g, FontMetrics fm, ChartStyle style, DecisionRegions.Grid grid, int left,
            int top, int w, int h) {
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(left, top, w, h);
        int about = Math.max(2, Math.min(6, w / (fm.stringWidth("-0.0") * 3)));
        for (double t : LinePlot.niceTicks(grid.left(), grid.right(), about)) {
            int px = left + (int) Math.round((t - grid.left()) / (grid.right() - grid.left()) * w);
            String label = tick(t);
            g.drawLine(px, top + h, px, top + h + 4);
            g.drawString(label, px - fm.stringWidth(label) / 2, top + h + 5 + fm.getAscent());
        }
        for (double t : LinePlot.niceTicks(grid.bottom(), grid.top(), about)) {
            int py = top + h - (int) Math.round((t - grid.bottom()) / (grid.top() - grid.bottom()) * h);
            String label = tick(t);
            g.drawLine(left - 4, py, left, py);
            g.drawString(label, left - 6 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
        g.drawString(X1, left + (w - fm.stringWidth(X1)) / 2, top + h + 6 + fm.getHeight() + fm.getAscent());
        int labelsWidth = fm.stringWidth("-0.00") + 8;
        g.drawString(X2, left - labelsWidth - fm.stringWidth(X2), top + h / 2 + fm.getAscent() / 2);
    }

    /** The width of the legend as one row: each class, the training points and, if shown, the test points. */
    private static int legendRowWidth(FontMetrics fm, List<String> names, Options options, int swatch) {
        int entry = swatch + 10 + LEGEND_ROW_GAP;
        int width = names.stream().mapToInt(n -> entry + fm.stringWidth(n)).sum() + entry + fm.stringWidth(TRAINING_POINTS);
        return options.testPoints() ? width + entry + fm.stringWidth(TEST_POINTS) : width;
    }

    /** Space between two entries of the legend drawn as a row. */
    private static final int LEGEND_ROW_GAP = 18;

    /** The legend from ({@code x}, {@code top}): its entries one under the other, or in one row. */
    private static void drawLegend(Graphics2D g, FontMetrics fm, ChartStyle style, List<String> names, Options options,
            int x, int top, int swatch, float lines, boolean inRow) {
        int[] at = {x, top};
        double r = swatch / 2.0;
        g.setStroke(new BasicStroke(Math.max(1f, lines)));
        java.util.function.Consumer<String> next = text -> {
            if (inRow) {
                at[0] += swatch + 10 + fm.stringWidth(text) + LEGEND_ROW_GAP;
            } else {
                at[1] += fm.getHeight() + 4;
            }
        };
        for (int c = 0; c < names.size(); c++) {
            g.setColor(ClassColours.of(c));
            g.fillRect(at[0], at[1] + fm.getAscent() - swatch, swatch, swatch);
            g.setColor(style.foreground());
            String name = fitted(names.get(c), fm, 16 * fm.getHeight());
            g.drawString(name, at[0] + swatch + 10, at[1] + fm.getAscent());
            next.accept(name);
        }
        if (!inRow) {
            at[1] += fm.getHeight() / 2;
        }
        double cy = at[1] + fm.getAscent() - r;
        Shape circle = new Ellipse2D.Double(at[0], cy - r, 2 * r, 2 * r);
        g.setColor(style.dark() ? style.foreground() : style.axis());
        g.fill(circle);
        g.setColor(OUTLINE);
        g.draw(circle);
        g.setColor(style.foreground());
        g.drawString(TRAINING_POINTS, at[0] + swatch + 10, at[1] + fm.getAscent());
        if (options.testPoints()) {
            next.accept(TRAINING_POINTS);
            Shape d = Markers.shape(Markers.Kind.DIAMOND, at[0] + r, at[1] + fm.getAscent() - r, r * 1.2);
            g.setColor(Color.WHITE);
            g.fill(d);
            g.setColor(style.dark() ? style.foreground() : style.axis());
            g.draw(d);
            g.setColor(style.foreground());
            g.drawString(TEST_POINTS, at[0] + swatch + 10, at[1] + fm.getAscent());
        }
    }

    /** {@code text}, cut with an ellipsis to {@code room} units. */
    static String fitted(String text, FontMetrics fm, int room) {
        if (fm.stringWidth(text) <= room) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && fm.stringWidth(cut + "\u2026") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    private static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}

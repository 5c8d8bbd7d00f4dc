package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.resnetexplorer.engine.GradientShattering;
import org.resnetexplorer.i18n.Texts;

/**
 * The pictures of the shattered-gradients study (Balduzzi et al. 2017, Fig. 1 and 2 in miniature): the gradient of
 * the first class score along the input line for a few depths, the families side by side (a smooth curve against
 * white noise), and the neighbour correlation of the gradients against depth, one line per family with the lowest
 * and highest of its networks dashed. Each family keeps its run colour in both.
 */
public final class ShatteredGradientsChart {
    static final String TITLE = Texts.get("shatteredGradients.title");
    static final String CORRELATION_TITLE = Texts.get("shatteredGradients.correlation.title");
    static final String INPUT = Texts.get("shatteredGradients.input");
    static final String GRADIENT = Texts.get("shatteredGradients.gradient");
    static final String DEPTH = Texts.get("shatteredGradients.depth");
    static final String CORRELATION = Texts.get("shatteredGradients.correlation");
    static final String PANEL = Texts.get("shatteredGradients.panel");
    static final String DEPTH_ROW = Texts.get("shatteredGradients.depth.row");
    static final String RANGE = Texts.get("shatteredGradients.range");
    static final String NOTHING = Texts.get("shatteredGradients.nothing");
    /** The space between two panels of the gradients' grid, in drawing units. */
    private static final int GAP = 6;

    private ShatteredGradientsChart() {
    }

    /** Both pictures of a measurement: the gradients, then the correlation against depth. */
    public static List<StudyCharts.Picture> pictures(GradientShattering shattering) {
        return List.of(
                new StudyCharts.Picture("shattered-gradients.png", Texts.get("shatteredGradients.picture.gradients"),
                        (g, w, h, style) -> paintGradients(g, w, h, style, shattering)),
                new StudyCharts.Picture("shattered-gradients-correlation.png",
                        Texts.get("shatteredGradients.picture.correlation"),
                        (g, w, h, style) -> correlation(shattering).draw(g, w, h, style)));
    }

    /**
     * The gradients as small multiples: one row per pictured depth (shallowest on top), one column per family, each
     * panel on its own y scale (a deep plain net's gradients are thousands of times larger than a shallow one's),
     * written at its top right, with its correlation at its top left. Axis labels once, so the panels stay readable
     * in the window's small chart area.
     */
    static void paintGradients(Graphics2D g, int width, int height, ChartStyle style, GradientShattering shattering) {
        int titleHeight = ChartFrame.begin(g, TITLE, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        List<GradientShattering.Family> families = shattering.families();
        TreeSet<Integer> depths = new TreeSet<>();
        families.forEach(f -> f.gradients().forEach(gradient -> depths.add(gradient.depth())));
        int top = 16 + titleHeight + fm.getHeight();
        if (depths.isEmpty()) {
            g.setColor(style.axis());
            g.drawString(NOTHING, 16, top);
            return;
        }
        String widest = depths.stream().map(d -> String.format(DEPTH_ROW, d)).reduce((a, b) -> fm.stringWidth(a)
                >= fm.stringWidth(b) ? a : b).orElse("");
        int left = 16 + fm.stringWidth(widest) + GAP;
        int bottom = height - 10 - 2 * fm.getHeight();
        int columns = families.size();
        int rows = depths.size();
        double cellWidth = (width - 16 - left - GAP * (columns - 1)) / (double) columns;
        double cellHeight = (bottom - top - GAP * (rows - 1)) / (double) rows;
        if (cellWidth < 20 || cellHeight < 12) {
            return;
        }
        for (int column = 0; column < columns; column++) {
            GradientShattering.Family family = families.get(column);
            g.setColor(style.line(Palette.run(column)));
            g.drawString(family.name(), (int) (left + column * (cellWidth + GAP)), top - fm.getDescent() - 2);
        }
        int row = 0;
        for (int depth : depths) {
            int y = (int) Math.round(top + row * (cellHeight + GAP));
            g.setColor(style.axis());
            String label = String.format(DEPTH_ROW, depth);
            g.drawString(label, 16, (int) (y + cellHeight / 2 + fm.getAscent() / 2.0));
            for (int column = 0; column < columns; column++) {
                int x = (int) Math.round(left + column * (cellWidth + GAP));
                for (GradientShattering.Gradient gradient : families.get(column).gradients()) {
                    if (gradient.depth() == depth) {
                        panel(g, fm, style, shattering.inputs(), gradient, Palette.run(column), x, y, (int) cellWidth,
                                (int) cellHeight);
                    }
                }
            }
            row++;
        }
        g.setColor(style.axis());
        for (int column = 0; column < columns; column++) {
            int x = (int) Math.round(left + column * (cellWidth + GAP));
            double[] inputs = shattering.inputs();
            String from = LinePlot.formatNumber(inputs[0]);
            String to = LinePlot.formatNumber(inputs[inputs.length - 1]);
            g.drawString(from, x, bottom + 2 + fm.getAscent());
            g.drawString(to, x + (int) cellWidth - fm.stringWidth(to), bottom + 2 + fm.getAscent());
        }
        g.drawString(INPUT, (left + width - 16 - fm.stringWidth(INPUT)) / 2, height - 10);
    }

    /**
     * One gradient in a framed panel: the zero line, the curve scaled to the panel's largest |value|, that value at
     * the top right and the correlation at the top left.
     */
    private static void panel(Graphics2D g, FontMetrics fm, ChartStyle style, double[] inputs,
            GradientShattering.Gradient gradient, Color colour, int x, int y, int w, int h) {
        double[] values = gradient.values();
        double largest = 0;
        for (double v : values) {
            largest = Double.isFinite(v) ? Math.max(largest, Math.abs(v)) : largest;
        }
        double scale = largest > 0 ? largest * 1.08 : 1;
        double from = inputs[0];
        double span = inputs[inputs.length - 1] - from;
        g.setColor(style.grid());
        g.drawLine(x, y + h / 2, x + w, y + h / 2);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < values.length; i++) {
            double px = x + (inputs[i] - from) / span * w;
            double py = y + h / 2.0 - values[i] / scale * (h / 2.0);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, w + 1, h + 1);
        g.setColor(style.line(colour));
        g.setStroke(new BasicStroke(style.width(1.2f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setClip(clip);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, y, w, h);
        String correlation = panelLabel(gradient);
        String size = "±" + LinePlot.formatNumber(largest);
        int baseline = y + fm.getAscent() + 1;
        if (h >= fm.getHeight() + 2) {
            // on a veil of the background, so that the curve under the text does not garble it
            Color veil = style.background();
            g.setColor(new Color(veil.getRed(), veil.getGreen(), veil.getBlue(), 200));
            g.fillRect(x + 1, y + 1, fm.stringWidth(correlation) + 6, fm.getHeight());
            g.fillRect(x + w - 6 - fm.stringWidth(size), y + 1, fm.stringWidth(size) + 5, fm.getHeight());
            g.setColor(style.foreground());
            g.drawString(correlation, x + 4, baseline);
            g.setColor(style.axis());
            g.drawString(size, x + w - 4 - fm.stringWidth(size), baseline);
        }
    }

    /** The text of a panel: its correlation, as its corner shows it. */
    static String panelLabel(GradientShattering.Gradient gradient) {
        return String.format(PANEL, format(gradient.correlation()));
    }

    /** The mean correlation against depth per family (bold), the lowest and highest of its networks (dashed). */
    static LinePlot correlation(GradientShattering shattering) {
        LinePlot plot = new LinePlot(CORRELATION_TITLE, DEPTH, CORRELATION).wholeX(true);
        List<Legend.Entry> entries = new ArrayList<>();
        double low = -0.2;
        for (int i = 0; i < shattering.families().size(); i++) {
            GradientShattering.Family family = shattering.families().get(i);
            Color colour = Palette.run(i);
            double[] depths = new double[family.depths().length];
            for (int d = 0; d < depths.length; d++) {
                depths[d] = family.depths()[d];
            }
            plot.add(new LinePlot.Line(new Series(family.name(), depths, family.correlation()), colour, 2.6f, false));
            if (shattering.networks() > 1) {
                plot.add(new LinePlot.Line(new Series(family.name(), depths, family.lowest()), colour, 1.2f, true));
                plot.add(new LinePlot.Line(new Series(family.name(), depths, family.highest()), colour, 1.2f, true));
            }
            for (double v : family.lowest()) {
                low = Double.isFinite(v) ? Math.min(low, Math.floor(v * 10) / 10) : low;
            }
            entries.add(Legend.Entry.run(family.name(), family.name(), colour, 2.6f, false, false));
        }
        if (shattering.networks() > 1) {
            plot.key(Legend.Entry.key(String.format(RANGE, shattering.networks()), 1.2f, true));
        }
        return plot.legend(entries).yRange(low, 1);
    }

    private static String format(double correlation) {
        return Double.isNaN(correlation) ? "-" : String.format(Locale.ROOT, "%.2f", correlation);
    }
}

package org.resnetexplorer.charts;

import java.awt.Color;
import java.awt.Graphics2D;
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
     * The gradients: one row per pictured depth (shallowest on top), one column per family, each panel its own
     * y scale (deep plain nets' gradients are thousands of times larger) with its correlation in its title.
     */
    static void paintGradients(Graphics2D g, int width, int height, ChartStyle style, GradientShattering shattering) {
        int titleHeight = ChartFrame.begin(g, TITLE, width, height, style);
        List<GradientShattering.Family> families = shattering.families();
        TreeSet<Integer> depths = new TreeSet<>();
        families.forEach(f -> f.gradients().forEach(gradient -> depths.add(gradient.depth())));
        int top = 16 + titleHeight;
        if (depths.isEmpty()) {
            g.setColor(style.axis());
            g.drawString(NOTHING, 16, top + g.getFontMetrics().getAscent());
            return;
        }
        int columns = families.size();
        int rows = depths.size();
        int cellWidth = (width - GAP * (columns - 1)) / columns;
        int cellHeight = (height - top - GAP * (rows - 1)) / rows;
        int row = 0;
        for (int depth : depths) {
            for (int column = 0; column < columns; column++) {
                GradientShattering.Family family = families.get(column);
                for (GradientShattering.Gradient gradient : family.gradients()) {
                    if (gradient.depth() == depth) {
                        Graphics2D cell = (Graphics2D) g.create(column * (cellWidth + GAP), top + row * (cellHeight + GAP),
                                cellWidth, cellHeight);
                        try {
                            panel(shattering, family, gradient, Palette.run(column)).draw(cell, cellWidth, cellHeight, style);
                        } finally {
                            cell.dispose();
                        }
                    }
                }
            }
            row++;
        }
    }

    /** One family's gradient at one depth against the input. */
    static LinePlot panel(GradientShattering shattering, GradientShattering.Family family,
            GradientShattering.Gradient gradient, Color colour) {
        String title = String.format(PANEL, family.name(), gradient.depth(), format(gradient.correlation()));
        return new LinePlot(title, INPUT, GRADIENT).legend(List.of())
                .add(new LinePlot.Line(new Series(family.name(), shattering.inputs(), gradient.values()), colour, 1.4f,
                        false));
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

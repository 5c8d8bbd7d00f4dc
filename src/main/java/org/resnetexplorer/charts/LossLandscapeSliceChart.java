package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.i18n.Texts;

/**
 * The 1-D slices of several runs' loss landscapes (b = 0: the loss along the first direction), one curve per run on
 * a logarithmic loss axis, each with its basin level as a dashed line of its colour and the basin itself, the
 * interval whose width the study reports, as a bold bar on that line.
 */
public final class LossLandscapeSliceChart {
    public static final String FILE = "loss-landscape-slice.png";
    static final String TITLE = Texts.get("lossLandscapeSliceChart.title");
    static final String LOSS = Texts.get("lossLandscapeSliceChart.loss");
    static final String BASIN = Texts.get("lossLandscapeSliceChart.basin");

    private LossLandscapeSliceChart() {
    }

    /** The chart's plot: a curve per run, its basin level dashed, in palette order. */
    static LinePlot plot(Landscapes measured) {
        LinePlot plot = new LinePlot(TITLE, LossLandscapeChart.A_AXIS, LOSS).logY(true);
        List<Legend.Entry> legend = new ArrayList<>();
        legend.add(Legend.Entry.key(String.format(Locale.ROOT, BASIN, trim(measured.basinFactor())), 1.5f, true));
        List<Landscape> landscapes = measured.landscapes();
        for (int n = 0; n < landscapes.size(); n++) {
            Landscape landscape = landscapes.get(n);
            Color colour = Palette.run(n);
            double[] x = new double[landscape.slice().length];
            for (int k = 0; k < x.length; k++) {
                x[k] = landscape.sliceCoordinate(k);
            }
            plot.add(new LinePlot.Line(new Series(landscape.run(), x, landscape.slice()), colour, 2.5f, false));
            double level = measured.basinLevel(landscape);
            plot.add(new LinePlot.Line(new Series(landscape.run() + " basin", new double[] {x[0], x[x.length - 1]},
                    new double[] {level, level}), colour, 1.5f, true));
            legend.add(Legend.Entry.run(landscape.run(), String.format(Locale.ROOT, LossLandscapeChart.PANEL,
                    landscape.run(), measured.basinWidth(landscape)), colour, 2.5f, false, false));
        }
        return plot.legend(legend);
    }

    /** Draws the chart into {@code width x height} units of {@code g}, background and title included. */
    public static void paint(Graphics2D g, Landscapes measured, int width, int height, ChartStyle style) {
        LinePlot plot = plot(measured);
        plot.draw(g, width, height, style);
        LinePlot.Frame frame = plot.frame().orElse(null);
        if (frame == null) {
            return;
        }
        List<Landscape> landscapes = measured.landscapes();
        for (int n = 0; n < landscapes.size(); n++) {
            Landscape landscape = landscapes.get(n);
            double level = measured.basinLevel(landscape);
            double[] ends = landscape.basin(level);
            if (!(level > 0) || ends[1] <= ends[0]) {
                continue;
            }
            g.setColor(style.line(Palette.run(n)));
            g.setStroke(new BasicStroke(style.width(6f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            int y = (int) Math.round(frame.py(level));
            g.drawLine((int) Math.round(frame.px(ends[0])), y, (int) Math.round(frame.px(ends[1])), y);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

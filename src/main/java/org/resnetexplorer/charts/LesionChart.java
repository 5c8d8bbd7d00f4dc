package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resnetexplorer.engine.LesionResult;
import org.resnetexplorer.i18n.Texts;

/**
 * The lesion study's pictures (Veit, Wilber, Belongie 2016): for each block, the test error with that block alone
 * deleted, as bars, one per run side by side (a ResNet beside its plain twin), with each run's error as trained as a
 * dashed line across; and the test error against the number of blocks deleted at random, the mean of the draws bold
 * and the lowest and highest draw thin.
 */
public final class LesionChart {
    /** The bars' PNG. */
    public static final String FILE = "lesion.png";
    /** The random deletions' PNG. */
    public static final String RANDOM_FILE = "lesion-random.png";
    static final String TITLE = Texts.get("lesionChart.title");
    static final String RANDOM_TITLE = Texts.get("lesionChart.random.title");
    static final String PICTURE = Texts.get("lesionChart.picture");
    static final String RANDOM_PICTURE = Texts.get("lesionChart.random.picture");
    static final String BLOCK = Texts.get("lesionChart.block");
    static final String ERROR = Texts.get("lesionChart.error");
    static final String AS_TRAINED = Texts.get("lesionChart.as.trained");
    static final String DELETED = Texts.get("lesionChart.deleted");
    static final String MEAN = Texts.get("lesionChart.mean");
    static final String RANGE = Texts.get("lesionChart.range");
    static final String NOTHING = Texts.get("lesionChart.nothing");

    private LesionChart() {
    }

    /** Both pictures of the runs' studies, their colours the palette's in the runs' order. */
    public static List<StudyCharts.Picture> pictures(List<LesionResult> results) {
        return pictures(results, Palette.first(results.size()));
    }

    /** Both pictures of the runs' studies, each run in its colour (a run's colour in the window's charts). */
    public static List<StudyCharts.Picture> pictures(List<LesionResult> results, List<Color> colours) {
        List<LesionResult> runs = List.copyOf(results);
        List<Color> of = List.copyOf(colours);
        return List.of(new StudyCharts.Picture(FILE, PICTURE, (g, w, h, style) -> drawBars(g, runs, of, w, h, style)),
                new StudyCharts.Picture(RANDOM_FILE, RANDOM_PICTURE, (g, w, h, style) -> random(runs, of).draw(g, w, h,
                        style)));
    }

    /** The error against the number of blocks deleted at random: per run its mean bold, lowest and highest thin. */
    public static LinePlot random(List<LesionResult> results, List<Color> colours) {
        LinePlot plot = new LinePlot(RANDOM_TITLE, DELETED, ERROR).percent(true).wholeX(true);
        List<Legend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            LesionResult r = results.get(i);
            Color colour = colours.get(i);
            int n = r.random().size();
            double[] k = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int j = 0; j < n; j++) {
                LesionResult.RandomLesions draws = r.random().get(j);
                k[j] = draws.deleted();
                mean[j] = draws.mean();
                low[j] = draws.min();
                high[j] = draws.max();
            }
            plot.add(new LinePlot.Line(new Series(r.run(), k, mean), colour, 2.6f, false));
            plot.add(new LinePlot.Line(new Series(r.run() + " min", k, low), colour, 1f, false));
            plot.add(new LinePlot.Line(new Series(r.run() + " max", k, high), colour, 1f, false));
            entries.add(Legend.Entry.run(r.run(), r.run(), colour, 2.6f, false, false));
        }
        int draws = results.stream().flatMap(r -> r.random().stream()).mapToInt(d -> d.errors().length).max().orElse(0);
        return plot.legend(entries).key(Legend.Entry.key(String.format(MEAN, draws), 2.6f, false))
                .key(Legend.Entry.key(RANGE, 1f, false)).yRange(0, top(results));
    }

    /** The bars: for each block (by its number in network order), each run's error with that block deleted. */
    public static void drawBars(Graphics2D g, List<LesionResult> results, List<Color> colours, int width, int height,
            ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, TITLE, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        List<String> blocks = blocks(results);
        if (blocks.isEmpty()) {
            g.setColor(style.axis());
            g.drawString(NOTHING, 16, 20 + titleHeight + fm.getAscent());
            return;
        }
        int left = 16 + fm.stringWidth("100%") + fm.getHeight() + 10;
        int bottom = height - 14 - 2 * fm.getHeight();
        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(Legend.Entry.key(AS_TRAINED, 1.6f, true));
        for (int i = 0; i < results.size(); i++) {
            entries.add(Legend.Entry.run(results.get(i).run(), results.get(i).run(), colours.get(i), 8f, false, false));
        }
        Legend.Layout legend = Legend.layout(entries, fm, style, width, height, left, width - 16, 16 + titleHeight,
                bottom - 20 - titleHeight);
        int top = 20 + titleHeight + (legend.beside() ? 0 : legend.extent());
        int right = width - 16 - (legend.beside() ? legend.extent() : 0);
        if (right - left < 20 || bottom - top < 20) {
            return;
        }
        double yMax = top(results);
        LinePlot.Frame axes = new LinePlot.Frame(left, top, right, bottom, 0, blocks.size(), 0, yMax, false);
        grid(g, fm, axes, style);
        Legend.draw(g, fm, legend, style);
        bars(g, results, colours, blocks, axes, style);
        for (int i = 0; i < results.size(); i++) {
            int y = (int) Math.round(axes.py(results.get(i).error()));
            g.setColor(style.line(colours.get(i)));
            g.setStroke(new BasicStroke(style.width(1.6f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {7f * (float) style.lineScale(), 4f * (float) style.lineScale()}, 0f));
            g.drawLine(left, y, right, y);
        }
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1.2f)));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        blockLabels(g, fm, blocks.size(), axes);
        g.drawString(BLOCK, (left + right - fm.stringWidth(BLOCK)) / 2, height - 10);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(ERROR, -(top + bottom + fm.stringWidth(ERROR)) / 2, 14 + fm.getAscent());
        rotated.dispose();
    }

    private static void bars(Graphics2D g, List<LesionResult> results, List<Color> colours, List<String> blocks,
            LinePlot.Frame axes, ChartStyle style) {
        double slot = (axes.right() - axes.left()) / (double) blocks.size();
        // a gap of a fifth of the slot between groups, the runs' bars touching within a group
        double bar = slot * 0.8 / Math.max(1, results.size());
        for (int i = 0; i < results.size(); i++) {
            g.setColor(style.line(colours.get(i)));
            for (LesionResult.BlockLesion lesion : results.get(i).blocks()) {
                int index = blocks.indexOf(lesion.block());
                double x = axes.left() + index * slot + slot * 0.1 + i * bar;
                // at least two units tall: a block whose deletion changes nothing still shows it was measured
                double y = Math.min(axes.bottom() - 2, axes.py(Math.min(lesion.error(), axes.y1())));
                g.fill(new java.awt.geom.Rectangle2D.Double(x, y, Math.max(1, bar - (bar > 4 ? 1 : 0)), axes.bottom() - y));
            }
        }
    }

    /** The blocks' numbers under their groups: every one when they fit, else every second, fifth or tenth. */
    private static void blockLabels(Graphics2D g, FontMetrics fm, int count, LinePlot.Frame axes) {
        double slot = (axes.right() - axes.left()) / (double) count;
        int widest = fm.stringWidth(Integer.toString(count)) + 6;
        int every = 1;
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            every = step;
            if (slot * step >= widest) {
                break;
            }
        }
        for (int b = 1; b <= count; b++) {
            if (b % every == 0 || b == 1) {
                String label = Integer.toString(b);
                int x = (int) Math.round(axes.left() + (b - 0.5) * slot);
                g.drawString(label, x - fm.stringWidth(label) / 2, axes.bottom() + 4 + fm.getAscent());
            }
        }
    }

    private static void grid(Graphics2D g, FontMetrics fm, LinePlot.Frame a, ChartStyle style) {
        g.setStroke(new BasicStroke(1f));
        int about = (int) Math.max(2, Math.min(6, (a.bottom() - a.top()) / (1.8 * fm.getHeight())));
        for (double y : LinePlot.niceTicks(0, a.y1(), about)) {
            int py = (int) Math.round(a.py(y));
            g.setColor(style.grid());
            g.drawLine(a.left(), py, a.right(), py);
            g.setColor(style.axis());
            String label = String.format(Locale.ROOT, "%.0f%%", y * 100);
            g.drawString(label, a.left() - 6 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
    }

    /** Every block of the runs, in the order of the first run that has it. */
    static List<String> blocks(List<LesionResult> results) {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> r.blocks().forEach(b -> names.add(b.block())));
        return List.copyOf(names);
    }

    /** The top of the error axis: the largest error shown, rounded up to a tenth, at most 100%. */
    static double top(List<LesionResult> results) {
        double max = 0;
        for (LesionResult r : results) {
            max = Math.max(max, r.error());
            for (LesionResult.BlockLesion b : r.blocks()) {
                max = Math.max(max, b.error());
            }
            for (LesionResult.RandomLesions d : r.random()) {
                max = Math.max(max, d.max());
            }
        }
        return Math.min(1, Math.max(0.1, Math.ceil(max * 10 + 1e-9) / 10));
    }
}

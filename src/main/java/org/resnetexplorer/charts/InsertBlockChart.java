package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.engine.BlockSurgery;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * The insert-block study in one picture: left, a bar per row for the test error of the trained net and right after
 * each insertion (residual middle and end in the first run colour, plain middle and end in the second), each labelled
 * with its value; right, the test error of the four edited nets as they train on from the carried weights, the trained
 * net's error as a thin reference line. The middle insertions solid, the end ones dashed.
 */
public final class InsertBlockChart {
    /** The PNG {@code experiment insert-block --png} writes it as. */
    public static final String FILE = "insert-block.png";
    private static final Color RESIDUAL = Palette.run(0);
    private static final Color PLAIN = Palette.run(1);
    /** The trained net's colour: the palette's black (white in the dark and high-contrast styles). */
    private static final Color TRAINED = Palette.run(6);

    private final BlockSurgery.Findings findings;

    public InsertBlockChart(BlockSurgery.Findings findings) {
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /** The picture's title, as the Study tab lists it. */
    public static String title() {
        return Texts.get("insertBlockChart.title");
    }

    /** Paints the whole picture into {@code width x height} units of {@code g}. */
    public void paint(Graphics2D g, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, title() + " (" + findings.run() + ")", width, height, style);
        int top = 10 + titleHeight;
        // the bars take 40% of the width, more (up to 55%) when their names are long (Chinese, a projector's text)
        FontMetrics fm = g.getFontMetrics();
        int names = rowLabels().stream().mapToInt(fm::stringWidth).max().orElse(0);
        int wanted = 16 + names + 8 + 4 * fm.stringWidth("100%") + fm.stringWidth("100.0%") + 22;
        int split = (int) Math.min(width * 0.55, Math.max(width * 0.4, wanted));
        Graphics2D bars = (Graphics2D) g.create(0, top, split, height - top);
        try {
            paintBars(bars, split, height - top, style);
        } finally {
            bars.dispose();
        }
        Graphics2D curves = (Graphics2D) g.create(split, top, width - split, height - top);
        try {
            curves(style).draw(curves, width - split, height - top, style);
        } finally {
            curves.dispose();
        }
    }

    /** The continued training's test error curves, with the trained net's error as a reference. */
    LinePlot curves(ChartStyle style) {
        LinePlot plot = new LinePlot(Texts.get("insertBlockChart.continued"), Texts.get("insertBlockChart.steps"),
                Texts.get("insertBlockChart.testError")).percent(true);
        int last = 0;
        for (BlockSurgery.Insertion insertion : findings.insertions()) {
            last = Math.max(last, insertion.steps()[insertion.steps().length - 1]);
            double[] x = new double[insertion.steps().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = insertion.steps()[i];
            }
            plot.add(new LinePlot.Line(new Series(label(insertion), x, insertion.testErrors().clone()),
                    insertion.residual() ? RESIDUAL : PLAIN, 2f, insertion.position() == BlockSurgery.Position.END));
        }
        plot.add(new LinePlot.Line(new Series(Texts.get("insertBlock.trained"), new double[] {0, Math.max(1, last)},
                new double[] {findings.trainedError(), findings.trainedError()}), TRAINED, 1.5f, false));
        // four short entries instead of five long ones: the colour says which kind, a dashed line the end
        return plot.legend(List.of(
                Legend.Entry.run("residual", Texts.get("insertBlockChart.residual"), RESIDUAL, 2f, false, false),
                Legend.Entry.run("plain", Texts.get("insertBlockChart.plain"), PLAIN, 2f, false, false),
                Legend.Entry.key(Texts.get("insertBlockChart.atEnd"), 2f, true),
                Legend.Entry.run("trained", Texts.get("insertBlock.trained"), TRAINED, 1.5f, false, false)));
    }

    /**
     * Bars of the test error before and right after each insertion, one row each with its name on the left and its
     * value at its end (rows stay readable however narrow the picture), on an axis from 0.
     */
    private void paintBars(Graphics2D g, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, Texts.get("insertBlockChart.after"), width, height, style);
        FontMetrics fm = g.getFontMetrics();
        List<String> labels = rowLabels();
        List<Double> values = new ArrayList<>(List.of(findings.trainedError()));
        List<Color> colours = new ArrayList<>(List.of(TRAINED));
        for (BlockSurgery.Insertion insertion : findings.insertions()) {
            values.add(insertion.errorAfter());
            colours.add(insertion.residual() ? RESIDUAL : PLAIN);
        }
        int labelWidth = labels.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int right = width - 16 - fm.stringWidth("100.0%") - 6;
        // names too long for the panel's width go above their bars, so the bars keep a usable length
        boolean above = right - (16 + labelWidth + 8) < 60;
        int left = above ? 16 : 16 + labelWidth + 8;
        int top = 20 + titleHeight;
        int bottom = height - 12 - 2 * fm.getHeight();
        if (right - left < 40 || bottom - top < (above ? 2 * fm.getHeight() + 4 : 5) * labels.size()) {
            return;
        }
        double max = Math.max(0.1, values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max()
                .orElse(0.1));
        // as many ticks as fit their labels side by side, so a narrow panel shows 0% and 50% rather than a smear
        int room = (right - left) / (2 * fm.stringWidth("100%"));
        List<Double> ticks = LinePlot.niceTicks(0, max, Math.max(1, Math.min(4, room)));
        double end = Math.max(max, ticks.get(ticks.size() - 1));
        for (double tick : ticks) {
            int x = (int) Math.round(left + tick / end * (right - left));
            g.setColor(style.grid());
            g.drawLine(x, top, x, bottom);
            g.setColor(style.axis());
            String text = Counts.percent(tick).replace(".0%", "%");
            g.drawString(text, x - fm.stringWidth(text) / 2, bottom + fm.getAscent() + 4);
        }
        String axis = Texts.get("insertBlockChart.testError");
        g.drawString(axis, (left + right - fm.stringWidth(axis)) / 2, height - 10);
        double row = (bottom - top) / (double) labels.size();
        int thickness = (int) Math.max(2, Math.min((above ? row - fm.getHeight() : row) * 0.62, 3.0 * fm.getHeight()));
        for (int i = 0; i < labels.size(); i++) {
            int middle = (int) Math.round(top + (i + 0.5) * row + (above ? fm.getHeight() / 2.0 : 0));
            g.setColor(style.axis());
            if (above) {
                g.drawString(labels.get(i), left, middle - thickness / 2 - fm.getDescent() - 2);
            } else {
                g.drawString(labels.get(i), left - 8 - fm.stringWidth(labels.get(i)), middle + fm.getAscent() / 2 - 1);
            }
            double value = values.get(i);
            if (Double.isFinite(value)) {
                int length = (int) Math.round(value / end * (right - left));
                g.setColor(style.line(colours.get(i)));
                g.fillRect(left, middle - thickness / 2, Math.max(1, length), thickness);
                g.setColor(style.foreground());
                g.drawString(Counts.percent(value), left + length + 6, middle + fm.getAscent() / 2 - 1);
            }
        }
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1.2f)));
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);
    }

    /** The bars' names, top to bottom: the trained net, then each insertion. */
    private List<String> rowLabels() {
        List<String> labels = new ArrayList<>(List.of(Texts.get("insertBlock.trained")));
        findings.insertions().forEach(insertion -> labels.add(label(insertion)));
        return labels;
    }

    /** "residual middle", "plain end", in the user's language. */
    private static String label(BlockSurgery.Insertion insertion) {
        return Texts.get("insertBlock." + insertion.name());
    }
}

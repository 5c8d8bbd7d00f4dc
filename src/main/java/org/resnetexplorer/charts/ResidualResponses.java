package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;

/**
 * The paper's Fig. 7: the std of each 3x3 layer's response (after BatchNorm, before ReLU or addition) at the
 * last measured step, in layer order (solid) and sorted from largest to smallest (dashed), one colour per run;
 * and the distribution of one residual block's branch output F(x) at one step.
 */
public final class ResidualResponses {
    public static final String TITLE = Texts.get("residualResponses.title");
    public static final String HISTOGRAM_TITLE = Texts.get("residualResponses.histogram.title");
    static final String LAYER_ORDER = Texts.get("residualResponses.layer.order");
    static final String SORTED_ORDER = Texts.get("residualResponses.sorted.order");
    static final String BOTH_ORDERS = Texts.get("residualResponses.both.orders");
    static final String RANK = Texts.get("residualResponses.rank");
    static final String LAYER_INDEX = Texts.get("residualResponses.layer.index");
    static final String STD = Texts.get("residualResponses.std");
    static final String LAYER_ORDER_SERIES = Texts.get("residualResponses.layer.order.series");
    static final String SORTED_SERIES = Texts.get("residualResponses.sorted.series");
    static final String AT_STEP = Texts.get("residualResponses.at.step");
    static final String COUNT = Texts.get("residualResponses.count");
    static final String MEASURED_AT = Texts.get("residualResponses.measured.at");
    static final String RANGE = Texts.get("residualResponses.range");

    /** Which of the Fig. 7 curves to draw. */
    public enum Order {
        LAYER, SORTED, BOTH
    }

    private ResidualResponses() {
    }

    public static LinePlot plot(List<RunHistory> runs) {
        return plot(runs, Palette.first(runs.size()), Order.BOTH);
    }

    public static LinePlot plot(List<RunHistory> runs, List<Color> colours, Order order) {
        String what = switch (order) {
            case LAYER -> LAYER_ORDER;
            case SORTED -> SORTED_ORDER;
            case BOTH -> BOTH_ORDERS;
        };
        LinePlot plot = new LinePlot(TITLE + what, order == Order.SORTED ? RANK : LAYER_INDEX, STD).wholeX(true);
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            List<TrainingSnapshot> measured = run.snapshots().stream().filter(s -> !s.responseStd().isEmpty()).toList();
            if (measured.isEmpty()) {
                continue;
            }
            double[] std = measured.get(measured.size() - 1).responseStd().stream()
                    .mapToDouble(TrainingSnapshot.LayerValue::value).toArray();
            double[] index = new double[std.length];
            for (int k = 0; k < std.length; k++) {
                index[k] = k + 1;
            }
            if (order != Order.SORTED) {
                plot.add(new LinePlot.Line(new Series(run.run() + (order == Order.BOTH ? LAYER_ORDER_SERIES : ""), index, std),
                        colours.get(i), 2.2f, false));
            }
            if (order != Order.LAYER) {
                plot.add(new LinePlot.Line(new Series(run.run() + (order == Order.BOTH ? SORTED_SERIES : ""), index,
                        sortedDescending(std)), colours.get(i), 1.6f, order == Order.BOTH));
            }
        }
        return plot;
    }

    /**
     * Whether the runs were measured but have no 3x3 convolution to measure (a dense network): true when the last
     * per-layer measurement of each run that has one holds no response, so Fig. 7 stays empty for good.
     */
    public static boolean noConvolutions(List<RunHistory> runs) {
        boolean measured = false;
        for (RunHistory run : runs) {
            for (int k = run.snapshots().size() - 1; k >= 0; k--) {
                TrainingSnapshot s = run.snapshots().get(k);
                if (!s.responseStd().isEmpty()) {
                    return false;
                }
                if (!s.gradNorms().isEmpty()) {
                    measured = true;
                    break;
                }
            }
        }
        return measured;
    }

    /** The values from largest to smallest. */
    static double[] sortedDescending(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length / 2; k++) {
            double t = sorted[k];
            sorted[k] = sorted[sorted.length - 1 - k];
            sorted[sorted.length - 1 - k] = t;
        }
        return sorted;
    }

    /** The residual blocks measured in any of the runs, in network order of the first run that has them. */
    public static List<String> blocks(List<RunHistory> runs) {
        Set<String> names = new LinkedHashSet<>();
        for (RunHistory run : runs) {
            for (int k = run.snapshots().size() - 1; k >= 0; k--) {
                List<TrainingSnapshot.ResidualResponse> residuals = run.snapshots().get(k).residuals();
                if (!residuals.isEmpty()) {
                    residuals.forEach(r -> names.add(r.block()));
                    break;
                }
            }
        }
        return List.copyOf(names);
    }

    /** The response of {@code block} in the run's last snapshot at or before {@code step} that measured it, or null. */
    public static TrainingSnapshot.ResidualResponse responseAt(RunHistory run, String block, int step) {
        TrainingSnapshot s = measuredAt(run, block, step);
        return s == null ? null : s.residuals().stream().filter(r -> r.block().equals(block)).findFirst().orElseThrow();
    }

    /**
     * The run's last snapshot at or before {@code step} that measured {@code block} (the first that did, if all
     * come after), or null.
     */
    static TrainingSnapshot measuredAt(RunHistory run, String block, int step) {
        TrainingSnapshot best = null;
        for (TrainingSnapshot s : run.snapshots()) {
            if (s.step() > step && best != null) {
                break;
            }
            for (TrainingSnapshot.ResidualResponse r : s.residuals()) {
                if (r.block().equals(block)) {
                    best = s;
                    break;
                }
            }
        }
        return best;
    }

    /**
     * A histogram as the outline of its bars: (low, 0), then for each bin its left and right edge at its
     * count, then (high, 0); x never decreases, so it draws as one filled line.
     */
    public static Series outline(String name, TrainingSnapshot.Histogram histogram) {
        long[] counts = histogram.counts();
        double[] x = new double[2 * counts.length + 2];
        double[] y = new double[x.length];
        x[0] = histogram.low();
        for (int bin = 0; bin < counts.length; bin++) {
            x[1 + 2 * bin] = histogram.binLow(bin);
            y[1 + 2 * bin] = counts[bin];
            x[2 + 2 * bin] = histogram.binHigh(bin);
            y[2 + 2 * bin] = counts[bin];
        }
        x[x.length - 1] = histogram.high();
        return new Series(name, x, y);
    }

    /**
     * The distribution of {@code block}'s branch output F(x) at {@code step} (or the last measured step before
     * it) in every run that has the block, as shaded bar outlines in the run's colour; the legend gives each
     * run's range and std.
     */
    public static LinePlot histogram(List<RunHistory> runs, List<Color> colours, String block, int step) {
        LinePlot plot = new LinePlot(HISTOGRAM_TITLE + block + AT_STEP + step, "F(x)", COUNT);
        for (int i = 0; i < runs.size(); i++) {
            TrainingSnapshot measured = measuredAt(runs.get(i), block, step);
            if (measured == null) {
                continue;
            }
            TrainingSnapshot.ResidualResponse r = responseAt(runs.get(i), block, step);
            TrainingSnapshot.Histogram h = r.histogram();
            String at = measured.step() == step ? "" : String.format(MEASURED_AT, measured.step());
            String name = String.format(Locale.ROOT, RANGE, runs.get(i).run(), at, h.low(),
                    h.high(), r.std());
            plot.add(new LinePlot.Line(outline(name, h), colours.get(i), 1.6f, false, true));
        }
        return plot;
    }
}

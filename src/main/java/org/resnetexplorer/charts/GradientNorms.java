package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;

/**
 * Line views of the per-layer gradient norms: chosen layers of one run against iteration, and every layer's
 * norm against its depth at one step, runs overlaid (a plain net's norms fall towards the input, a ResNet's
 * stay level).
 */
public final class GradientNorms {
    public static final String LAYERS_TITLE = Texts.get("gradientNorms.layers.title");
    public static final String DEPTH_TITLE = Texts.get("gradientNorms.depth.title");
    static final String ITERATION = Texts.get("gradientNorms.iteration");
    static final String NORM_AXIS = Texts.get("gradientNorms.norm.axis");
    static final String DEPTH_AXIS = Texts.get("gradientNorms.depth.axis");
    static final String AT_STEP = Texts.get("gradientNorms.at.step");

    private GradientNorms() {
    }

    /** The norm of each of {@code layers} of one run against iteration, log scale, a colour per layer. */
    public static LinePlot layers(RunHistory run, List<String> layers) {
        LinePlot plot = new LinePlot(LAYERS_TITLE + run.run(), ITERATION, NORM_AXIS).logY(true);
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            plot.add(new LinePlot.Line(run.series(layer, s -> normOf(s, layer)), Palette.run(i), 1.6f, false));
        }
        return plot;
    }

    /** The weight gradient norm of {@code layer} in the snapshot, NaN if it was not measured there. */
    public static double normOf(TrainingSnapshot s, String layer) {
        for (TrainingSnapshot.GradientNorm v : s.gradNorms()) {
            if (v.kind() == TrainingSnapshot.GradientKind.WEIGHT && v.layer().equals(layer)) {
                return v.value();
            }
        }
        return Double.NaN;
    }

    /**
     * The snapshot of the run with per-layer norms at {@code step}, or the last one before it; the first one
     * if all come after, null if none has norms.
     */
    public static TrainingSnapshot measuredAt(RunHistory run, int step) {
        TrainingSnapshot best = null;
        for (TrainingSnapshot s : run.snapshots()) {
            if (s.gradNorms().isEmpty()) {
                continue;
            }
            if (best == null || s.step() <= step) {
                best = s;
            }
            if (s.step() >= step) {
                break;
            }
        }
        return best;
    }

    /**
     * Every weighted layer's norm against its depth (1 = nearest the input) at {@code step} (or the last
     * measured step before it), one line per run, log scale.
     */
    public static LinePlot versusDepth(List<RunHistory> runs, List<Color> colours, int step) {
        LinePlot plot = new LinePlot(DEPTH_TITLE + step, DEPTH_AXIS, NORM_AXIS).logY(true).wholeX(true);
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            TrainingSnapshot s = measuredAt(run, step);
            if (s == null) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (TrainingSnapshot.GradientNorm v : s.gradNorms()) {
                if (v.kind() == TrainingSnapshot.GradientKind.WEIGHT) {
                    values.add(v.value());
                }
            }
            double[] x = new double[values.size()];
            double[] y = new double[values.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
                y[k] = values.get(k);
            }
            plot.add(new LinePlot.Line(new Series(run.run() + String.format(AT_STEP, s.step()), x, y), colours.get(i), 2.2f, false));
        }
        return plot;
    }
}

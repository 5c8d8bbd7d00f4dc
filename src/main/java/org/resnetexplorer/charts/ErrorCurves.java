package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.List;

/**
 * Training and test error against iteration for every run compared, as the paper's Fig. 1 and 6 draw them:
 * one colour per run, thin lines for training error, bold for test error; optionally the loss (dashed, on a
 * log scale), smoothing and a log scale for the errors.
 */
public final class ErrorCurves {
    public static final String TITLE = "Training (thin) and test (bold) error";
    public static final String LOSS_TITLE = "Training loss";

    private ErrorCurves() {
    }

    /**
     * @param smoothing weight of the past in an exponential moving average of the training curve (0 = none)
     */
    public static LinePlot plot(List<RunHistory> runs, double smoothing, boolean logScale) {
        return plot(runs, Palette.first(runs.size()), smoothing, logScale);
    }

    /**
     * The chart with the given colour per run. Its lines alternate per run: training error (line {@code 2i}),
     * test error (line {@code 2i + 1}).
     */
    public static LinePlot plot(List<RunHistory> runs, List<Color> colours, double smoothing, boolean logScale) {
        LinePlot plot = new LinePlot(TITLE, "iteration", "error").percent(true).logY(logScale);
        if (!logScale) {
            plot.yRange(0, 1);
        }
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run() + " train", s -> s.trainErrorAverage()).smoothed(smoothing),
                    colours.get(i), 1.3f, false));
            plot.add(new LinePlot.Line(run.series(run.run() + " test", s -> s.testError()), colours.get(i), 3.2f, false));
        }
        return plot;
    }

    /** The training loss of every run, dashed, on a log scale. */
    public static LinePlot loss(List<RunHistory> runs, double smoothing) {
        return loss(runs, Palette.first(runs.size()), smoothing);
    }

    /** The training loss of every run in its colour (line {@code i} is run {@code i}), dashed, on a log scale. */
    public static LinePlot loss(List<RunHistory> runs, List<Color> colours, double smoothing) {
        LinePlot plot = new LinePlot(LOSS_TITLE, "iteration", "cross-entropy loss").logY(true);
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run(), s -> s.loss()).smoothed(smoothing), colours.get(i), 1.6f, true));
        }
        return plot;
    }
}

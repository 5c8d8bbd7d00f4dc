package org.resnetexplorer.charts;

import java.util.List;

/**
 * Training and test error against iteration for every run compared, as the paper's Fig. 1 and 6 draw them:
 * one colour per run, thin lines for training error, bold for test error; optionally the loss (dashed, on a
 * log scale), smoothing and a log scale for the errors.
 */
public final class ErrorCurves {
    private ErrorCurves() {
    }

    /**
     * @param smoothing weight of the past in an exponential moving average of the training curve (0 = none)
     */
    public static LinePlot plot(List<RunHistory> runs, double smoothing, boolean logScale) {
        LinePlot plot = new LinePlot("Training (thin) and test (bold) error", "iteration", "error").percent(true)
                .logY(logScale);
        if (!logScale) {
            plot.yRange(0, 1);
        }
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run() + " train", s -> s.trainErrorAverage()).smoothed(smoothing),
                    Palette.run(i), 1.3f, false));
            plot.add(new LinePlot.Line(run.series(run.run() + " test", s -> s.testError()), Palette.run(i), 3.2f, false));
        }
        return plot;
    }

    /** The training loss of every run, dashed, on a log scale. */
    public static LinePlot loss(List<RunHistory> runs, double smoothing) {
        LinePlot plot = new LinePlot("Training loss", "iteration", "cross-entropy loss").logY(true);
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run(), s -> s.loss()).smoothed(smoothing), Palette.run(i), 1.6f, true));
        }
        return plot;
    }
}

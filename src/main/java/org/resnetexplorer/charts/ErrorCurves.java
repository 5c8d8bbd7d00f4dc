package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.List;
import org.resnetexplorer.i18n.Texts;

/**
 * Training and test error against iteration for every run compared, as the paper's Fig. 1 and 6 draw them:
 * one colour per run, thin lines for training error, bold for test error, both measured at the evaluations in
 * inference mode; optionally the running error of the training batches (thinner, dashed, smoothed), the loss
 * (dashed, on a log scale) and a log scale for the errors.
 */
public final class ErrorCurves {
    public static final String TITLE = Texts.get("errorCurves.title");
    public static final String LOSS_TITLE = Texts.get("errorCurves.loss.title");
    static final String ITERATION = Texts.get("errorCurves.iteration");
    static final String ERROR_AXIS = Texts.get("errorCurves.error.axis");
    static final String LOSS_AXIS = Texts.get("errorCurves.loss.axis");
    static final String TRAIN = Texts.get("errorCurves.train");
    static final String TEST = Texts.get("errorCurves.test");
    static final String RUNNING = Texts.get("errorCurves.running");
    /** Line widths: the running error is drawn thinner than the training error, the test error boldest. */
    private static final float RUNNING_WIDTH = 1.0f;
    private static final float TRAIN_WIDTH = 1.3f;
    private static final float TEST_WIDTH = 3.2f;

    private ErrorCurves() {
    }

    /** The chart without the running error, in the first colours of the palette. */
    public static LinePlot plot(List<RunHistory> runs, double smoothing, boolean logScale) {
        return plot(runs, Palette.first(runs.size()), smoothing, logScale, false);
    }

    /** The chart with the given colour per run, without the running error. */
    public static LinePlot plot(List<RunHistory> runs, List<Color> colours, double smoothing, boolean logScale) {
        return plot(runs, colours, smoothing, logScale, false);
    }

    /**
     * The chart with the given colour per run. Its lines alternate per run: training error (line {@code 2i}),
     * test error (line {@code 2i + 1}); with {@code runningError}, the running batch errors follow them (line
     * {@code 2n + i} of {@code n} runs). Its legend has one entry per run, after a key to the line styles.
     *
     * @param smoothing weight of the past in an exponential moving average of the running error (0 = none); the
     *                  training and test errors are evaluated, not noisy, and are drawn as measured
     */
    public static LinePlot plot(List<RunHistory> runs, List<Color> colours, double smoothing, boolean logScale,
            boolean runningError) {
        LinePlot plot = new LinePlot(TITLE, ITERATION, ERROR_AXIS).wholeX(true).percent(true).logY(logScale)
                .key(Legend.Entry.key(TRAIN.strip(), TRAIN_WIDTH, false))
                .key(Legend.Entry.key(TEST.strip(), TEST_WIDTH, false));
        if (runningError) {
            plot.key(Legend.Entry.key(RUNNING.strip(), RUNNING_WIDTH, true));
        }
        if (!logScale) {
            plot.yRange(0, 1);
        }
        plot.legend(runLegend(runs, colours, TEST_WIDTH, false));
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run() + TRAIN, s -> s.trainError()), colours.get(i), TRAIN_WIDTH,
                    false));
            plot.add(new LinePlot.Line(run.series(run.run() + TEST, s -> s.testError()), colours.get(i), TEST_WIDTH,
                    false));
        }
        if (runningError) {
            for (int i = 0; i < runs.size(); i++) {
                RunHistory run = runs.get(i);
                plot.add(new LinePlot.Line(run.series(run.run() + RUNNING, s -> s.batchError()).smoothed(smoothing),
                        colours.get(i), RUNNING_WIDTH, true));
            }
        }
        return plot;
    }

    /** One legend entry per run, drawn as {@code width} (dashed or not) in its colour. */
    public static List<Legend.Entry> runLegend(List<RunHistory> runs, List<Color> colours, float width, boolean dashed) {
        List<Legend.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            entries.add(Legend.Entry.run(runs.get(i).run(), runs.get(i).run(), colours.get(i), width, dashed, false));
        }
        return entries;
    }

    /** The training loss of every run, dashed, on a log scale. */
    public static LinePlot loss(List<RunHistory> runs, double smoothing) {
        return loss(runs, Palette.first(runs.size()), smoothing);
    }

    /** The training loss of every run in its colour (line {@code i} is run {@code i}), dashed, on a log scale. */
    public static LinePlot loss(List<RunHistory> runs, List<Color> colours, double smoothing) {
        LinePlot plot = new LinePlot(LOSS_TITLE, ITERATION, LOSS_AXIS).wholeX(true).logY(true);
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run(), s -> s.loss()).smoothed(smoothing), colours.get(i), 1.6f, true));
        }
        return plot;
    }
}

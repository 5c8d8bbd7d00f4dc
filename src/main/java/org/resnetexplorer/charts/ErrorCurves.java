package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.List;
import org.resnetexplorer.i18n.Texts;

/**
 * Training and test error against iteration for every run compared, as the paper's Fig. 1 and 6 draw them:
 * one colour per run, thin lines for training error, bold for test error; optionally the loss (dashed, on a
 * log scale), smoothing and a log scale for the errors.
 */
public final class ErrorCurves {
    public static final String TITLE = Texts.get("errorCurves.title");
    public static final String LOSS_TITLE = Texts.get("errorCurves.loss.title");
    static final String ITERATION = Texts.get("errorCurves.iteration");
    static final String ERROR_AXIS = Texts.get("errorCurves.error.axis");
    static final String LOSS_AXIS = Texts.get("errorCurves.loss.axis");
    static final String TRAIN = Texts.get("errorCurves.train");
    static final String TEST = Texts.get("errorCurves.test");

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
     * test error (line {@code 2i + 1}); its legend has one entry per run, after a key to the two line widths.
     */
    public static LinePlot plot(List<RunHistory> runs, List<Color> colours, double smoothing, boolean logScale) {
        LinePlot plot = new LinePlot(TITLE, ITERATION, ERROR_AXIS).wholeX(true).percent(true).logY(logScale)
                .key(Legend.Entry.key(TRAIN.strip(), 1.3f, false)).key(Legend.Entry.key(TEST.strip(), 3.2f, false));
        if (!logScale) {
            plot.yRange(0, 1);
        }
        plot.legend(runLegend(runs, colours, 3.2f, false));
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            plot.add(new LinePlot.Line(run.series(run.run() + TRAIN, s -> s.trainErrorAverage()).smoothed(smoothing),
                    colours.get(i), 1.3f, false));
            plot.add(new LinePlot.Line(run.series(run.run() + TEST, s -> s.testError()), colours.get(i), 3.2f, false));
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

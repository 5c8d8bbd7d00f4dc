package org.resnetexplorer.ui.charts;

import org.resnetexplorer.graph.Counts;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.resnetexplorer.charts.ErrorCurves;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.charts.Series;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;

/**
 * Training (thin) and test (bold) error of every run, or the loss; optionally the running batch error (dashed);
 * smoothing of the noisy curves (running error, loss) and a log scale.
 */
final class ErrorCurvesView extends ChartView {
    static final String TITLE = Texts.get("errorCurvesView.title");
    static final String FILE = "error-curves.png";
    static final String LOSS_FILE = "loss.png";
    static final String LOSS = Texts.get("errorCurvesView.loss");
    static final String LOSS_TIP = Texts.get("errorCurvesView.loss.tip");
    static final String SMOOTHING = Texts.get("errorCurvesView.smoothing");
    static final String SMOOTHING_TIP = Texts.get("errorCurvesView.smoothing.tip");
    static final String LOG = Texts.get("errorCurvesView.log");
    static final String LOG_TIP = Texts.get("errorCurvesView.log.tip");
    static final String RUNNING = Texts.get("errorCurvesView.running");
    static final String RUNNING_TIP = Texts.get("errorCurvesView.running.tip");

    static final String HOVER_LOSS = Texts.get("errorCurvesView.hover.loss");
    static final String HOVER_ERRORS = Texts.get("errorCurvesView.hover.errors");
    static final String HOVER_RUNNING = Texts.get("errorCurvesView.hover.running");

    final ToggleButton loss = new ToggleButton(LOSS);
    final Slider smoothing = new Slider(0, 0.98, 0.6);
    final CheckBox log = new CheckBox(LOG);
    /** Adds each run's running batch error (BatchNorm in training mode), as earlier versions drew it. */
    final CheckBox running = new CheckBox(RUNNING);
    private final Label smoothingValue = new Label();

    ErrorCurvesView(ChartsPane pane) {
        super(pane, ChartKind.ERROR_CURVES);
        loss.setId("error-loss");
        loss.setTooltip(new Tooltip(LOSS_TIP));
        smoothing.setId("error-smoothing");
        smoothing.setTooltip(new Tooltip(SMOOTHING_TIP));
        smoothing.setPrefWidth(160);
        smoothing.setBlockIncrement(0.05);
        log.setId("error-log");
        log.setTooltip(new Tooltip(LOG_TIP));
        running.setId("error-running");
        running.setTooltip(new Tooltip(RUNNING_TIP));
        smoothingValue.getStyleClass().add("chart-value");
        controls.getChildren().addAll(loss, running, Choosers.labelFor(SMOOTHING, smoothing), smoothing, smoothingValue,
                log);
        smoothing.valueProperty().addListener((o, a, b) -> changed());
        loss.selectedProperty().addListener((o, a, b) -> changed());
        log.selectedProperty().addListener((o, a, b) -> changed());
        running.selectedProperty().addListener((o, a, b) -> changed());
        log.disableProperty().bind(loss.selectedProperty());
        running.disableProperty().bind(loss.selectedProperty());
        // only the running error and the loss are smoothed: the evaluated errors are drawn as measured
        smoothing.disableProperty().bind(loss.selectedProperty().or(running.selectedProperty()).not());
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String fileName() {
        return loss.isSelected() ? LOSS_FILE : FILE;
    }

    @Override
    Chart chart() {
        smoothingValue.setText(String.format(Locale.ROOT, "%.2f", smoothing.getValue()));
        return loss.isSelected() ? Chart.of(lossPlot()) : Chart.of(errorPlot());
    }

    private LinePlot errorPlot() {
        return withRunLegend(ErrorCurves.plot(store.histories(), store.colours(), smoothing.getValue(), log.isSelected(),
                running.isSelected()), 3.2f, false);
    }

    private LinePlot lossPlot() {
        return withRunLegend(ErrorCurves.loss(store.histories(), store.colours(), smoothing.getValue()), 1.6f, true);
    }

    /** Both the error curves and the loss, whichever shows. */
    @Override
    List<Export> exports() {
        return List.of(new Export(FILE, Chart.of(errorPlot())), new Export(LOSS_FILE, Chart.of(lossPlot())));
    }

    /** "step 1200 · run", then its training and test error there (or its running error, or its loss). */
    @Override
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        List<RunHistory> runs = store.histories();
        int step = (int) Math.round(hit.x());
        if (loss.isSelected()) {
            String run = hit.lineIndex() < runs.size() ? runs.get(hit.lineIndex()).run() : hit.line().series().name();
            return String.format(HOVER_LOSS, step, run, number(hit.y()));
        }
        if (hit.lineIndex() >= 2 * runs.size()) {
            int r = hit.lineIndex() - 2 * runs.size();
            return r < runs.size() ? String.format(HOVER_RUNNING, step, runs.get(r).run(), Counts.percent(hit.y()))
                    : hit.line().series().name();
        }
        int r = hit.lineIndex() / 2;
        RunHistory run = runs.get(r);
        double train;
        double test;
        if (hit.lineIndex() % 2 == 0) {
            train = hit.y();
            test = testErrorAt(run, step);
        } else {
            test = hit.y();
            train = valueAt(plot, hit.lineIndex() - 1, step);
        }
        return String.format(HOVER_ERRORS, step, run.run(), Counts.percent(train), Counts.percent(test));
    }

    /** The value of the plot's line {@code lineIndex} at the point nearest {@code step}. */
    static double valueAt(LinePlot plot, int lineIndex, int step) {
        Series line = plot.lines().get(lineIndex).series();
        int i = line.nearestIndex(step);
        return i < 0 ? Double.NaN : line.yAt(i);
    }

    /** The last test error measured at or before {@code step} (NaN if none). */
    static double testErrorAt(RunHistory run, int step) {
        double test = Double.NaN;
        for (TrainingSnapshot s : run.snapshots()) {
            if (s.step() > step) {
                break;
            }
            if (s.hasTestError()) {
                test = s.testError();
            }
        }
        return test;
    }
}

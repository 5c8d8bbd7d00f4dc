package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * What the prediction gallery and the confusion matrix share: the runs they offer (those trained on images), the
 * predictions of the chosen run, and why the view stays blank while it has none (2-D data, a pass under way, a
 * run whose images the window no longer holds).
 */
final class PredictionsShown {
    static final String NEEDS_IMAGES = Texts.get("predictionsShown.needs.images");
    static final String COMPUTING = Texts.get("predictionsShown.computing");
    static final String NO_STATE = Texts.get("predictionsShown.no.state");
    static final String NOT_HELD = Texts.get("predictionsShown.not.held");
    static final String FAILED = Texts.get("predictionsShown.failed");

    /** The chart of a view with nothing to show: its background (the reason shows above it). */
    static final Chart BLANK = new Chart() {
        @Override
        public void paint(Graphics2D g, int width, int height, ChartStyle style) {
            g.setColor(style.background());
            g.fillRect(0, 0, width, height);
        }
    };

    private final ChartView view;

    PredictionsShown(ChartView view) {
        this.view = view;
    }

    /** Offers the runs of the dataset shown that trained on images (the first is chosen if none is). */
    void refreshRuns(ComboBox<String> run) {
        List<String> images = Choosers.runNames(view.store).stream().filter(view.pane.predictions()::hasImages).toList();
        Choosers.setItems(run, images, null);
        run.setDisable(images.isEmpty());
    }

    /**
     * The newest predictions of {@code run} (a newer pass starts if it has a newer state); shows why the view is
     * blank when there are none.
     */
    Optional<Predictions> predictions(String run) {
        RunPredictions.Answer answer = run == null ? null : view.pane.predictions().of(run);
        Optional<Predictions> found = answer == null ? Optional.empty() : answer.predictions();
        if (view.store.hasSnapshots()) {
            view.canvas.setEmptyText(found.isPresent() ? null : reason(run, answer));
        }
        return found;
    }

    /** Whether {@code run} has predictions to show now (starts no pass). */
    boolean hasPredictions(String run) {
        return run != null && view.pane.predictions().peek(run).predictions().isPresent();
    }

    /** Why the view is blank for {@code run} now, or null if it has predictions to show (starts no pass). */
    String reason(String run) {
        return run == null ? reason(null, null) : reason(run, view.pane.predictions().peek(run));
    }

    private String reason(String run, RunPredictions.Answer answer) {
        if (run == null) {
            return Choosers.runNames(view.store).isEmpty() ? null : NEEDS_IMAGES;
        }
        if (answer.predictions().isPresent()) {
            return null;
        }
        if (answer.computing()) {
            return String.format(COMPUTING, Counts.grouped(Predictions.FIRST_TEST_EXAMPLES));
        }
        if (answer.failure() != null) {
            return String.format(FAILED, answer.failure());
        }
        return view.pane.predictions().dataset(run).isEmpty() ? NOT_HELD : NO_STATE;
    }
}

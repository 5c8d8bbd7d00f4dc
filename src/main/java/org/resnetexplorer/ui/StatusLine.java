package org.resnetexplorer.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.experiments.ExperimentSession;
import org.resnetexplorer.ui.training.TrainingController;

/**
 * The status bar at the bottom of the window: the last message on the left ({@link #tell}); on the right the
 * dataset, the step and the speed of the training that runs (the editor's graph, or an experiment), with its
 * progress.
 */
final class StatusLine {
    static final String READY = Texts.get("main.ready");
    static final String DATASET = Texts.get("main.status.dataset");
    static final String STEP = Texts.get("main.status.step");
    static final String SPEED = Texts.get("main.status.speed");

    private final StatusBar bar = new StatusBar();
    private final Label dataset = new Label();
    private final Label step = new Label();
    private final Label speed = new Label();

    StatusLine(TrainingController training, ExperimentSession experiments) {
        bar.setId("status-bar");
        bar.setText(READY);
        dataset.setId("status-dataset");
        step.setId("status-step");
        speed.setId("status-speed");
        for (Label label : List.of(dataset, step, speed)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getRightItems().addAll(dataset, new Separator(Orientation.VERTICAL), step,
                new Separator(Orientation.VERTICAL), speed);
        dataset.textProperty().bind(Bindings.createStringBinding(() -> training.datasetProperty().get().isEmpty()
                ? "" : String.format(DATASET, training.datasetProperty().get()), training.datasetProperty()));
        training.currentProperty().addListener((obs, old, run) -> {
            if (run == null) {
                return;
            }
            step.textProperty().bind(run.stepProperty().map(s -> String.format(STEP, s.intValue(), run.totalSteps())));
            speed.textProperty().bind(run.stepsPerSecondProperty().map(v -> String.format(Locale.ROOT, SPEED,
                    v.doubleValue())));
            bar.progressProperty().bind(run.stepProperty().divide((double) run.totalSteps()));
        });
        experiments.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                step.textProperty().bind(experiments.stepTextProperty());
                speed.textProperty().bind(experiments.speedTextProperty());
                bar.progressProperty().bind(experiments.progressProperty());
            }
        });
    }

    /** The bar, for the bottom of the window. */
    StatusBar view() {
        return bar;
    }

    /** Takes {@code message} back, if it still shows, for "Ready": what it said no longer holds. */
    void withdraw(String message) {
        if (message != null && !message.isEmpty() && message.equals(bar.getText())) {
            bar.setText(READY);
        }
    }

    /** Shows {@code message} on the left; an empty or null message leaves the last one. */
    void tell(String message) {
        if (message != null && !message.isEmpty()) {
            bar.setText(message);
        }
    }
}

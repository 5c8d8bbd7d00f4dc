package org.resnetexplorer.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.experiments.ExperimentSession;
import org.resnetexplorer.ui.training.SessionProgress;
import org.resnetexplorer.ui.training.TrainingController;

/**
 * The status bar at the bottom of the window: the last message on the left ({@link #tell}), with a one-click
 * action when there is one to offer ({@link #offer}); on the right the dataset, the step, the speed and the time
 * left of what trains now or trained last (the editor's graph, or an experiment), with its progress.
 */
final class StatusLine {
    static final String READY = Texts.get("main.ready");
    static final String DATASET = Texts.get("main.status.dataset");

    private final StatusBar bar = new StatusBar();
    private final Button offer = new Button();
    private final Label dataset = new Label();
    private final Label step = new Label();
    private final Label speed = new Label();

    StatusLine(TrainingController training, ExperimentSession experiments) {
        bar.setId("status-bar");
        bar.setText(READY);
        offer.setId("status-offer");
        offer.getStyleClass().add("small");
        offer.managedProperty().bind(offer.visibleProperty());
        offer.setVisible(false);
        dataset.setId("status-dataset");
        step.setId("status-step");
        speed.setId("status-speed");
        for (Label label : List.of(dataset, step, speed)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.getRightItems().addAll(offer, dataset, new Separator(Orientation.VERTICAL), step,
                new Separator(Orientation.VERTICAL), speed);
        SessionProgress session = new SessionProgress(training);
        show(training.datasetProperty(), session.stepTextProperty(), session.speedTextProperty(),
                session.progressProperty());
        // whichever starts shows: the editor's session and an experiment never train at once
        training.activeProperty().addListener((obs, was, now) -> {
            if (now) {
                show(training.datasetProperty(), session.stepTextProperty(), session.speedTextProperty(),
                        session.progressProperty());
            }
        });
        experiments.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                show(experiments.datasetProperty(), experiments.stepTextProperty(), experiments.speedTextProperty(),
                        experiments.progressProperty());
            }
        });
    }

    private void show(ObservableStringValue name, ObservableStringValue stepText, ObservableStringValue speedText,
            ObservableDoubleValue progress) {
        dataset.textProperty().bind(Bindings.createStringBinding(() -> name.get().isEmpty() ? ""
                : String.format(DATASET, name.get()), name));
        step.textProperty().bind(stepText);
        speed.textProperty().bind(speedText);
        bar.progressProperty().bind(progress);
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

    /** Shows a button labelled {@code label} that runs {@code action} once; a null label takes it away. */
    void offer(String label, String tip, Runnable action) {
        offer.setVisible(label != null);
        offer.setText(label);
        offer.setTooltip(tip == null ? null : new Tooltip(tip));
        offer.setOnAction(label == null ? null : e -> {
            offer.setVisible(false);
            action.run();
        });
    }
}

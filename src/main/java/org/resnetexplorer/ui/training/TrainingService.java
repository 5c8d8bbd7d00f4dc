package org.resnetexplorer.ui.training;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;


/**
 * Runs a {@link Trainer} off the FX thread as a JavaFX {@link Service}, so the window stays responsive. The
 * trainer's run status is mirrored into {@link #runStatusProperty()} on the FX thread; its snapshots reach
 * the charts through a {@link SnapshotQueue}, one batch per pulse. Cancelling the service stops the run.
 */
final class TrainingService extends Service<RunResult> {
    private final Supplier<Trainer> trainers;
    private final TrainingListener snapshots;
    private final ReadOnlyObjectWrapper<RunStatus> runStatus = new ReadOnlyObjectWrapper<>(RunStatus.READY);
    private volatile Trainer current;

    /**
     * @param trainers  makes the trainer of each run (on the FX thread, when the service starts)
     * @param snapshots receives every snapshot, on the trainer's thread (a {@link SnapshotQueue})
     */
    TrainingService(Supplier<Trainer> trainers, TrainingListener snapshots) {
        this.trainers = Objects.requireNonNull(trainers, "trainers");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    ReadOnlyObjectProperty<RunStatus> runStatusProperty() {
        return runStatus.getReadOnlyProperty();
    }

    /** The trainer of the current (or last) run, to pause, resume, step it or change its learning rate. */
    Trainer trainer() {
        return current;
    }

    @Override
    protected Task<RunResult> createTask() {
        Trainer trainer = trainers.get();
        current = trainer;
        trainer.addListener(snapshots);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                // the queue carries snapshots; this listener only mirrors the status
            }

            @Override
            public void status(String run, RunStatus status, String message) {
                Platform.runLater(() -> runStatus.set(status));
            }
        });
        return new Task<>() {
            @Override
            protected RunResult call() {
                return trainer.run();
            }

            @Override
            protected void cancelled() {
                trainer.stop();
            }
        };
    }
}

package org.resnetexplorer.ui.diagnostics;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.resnetexplorer.ui.training.RunRecord;


/**
 * Runs the {@link WarmUp} while the window idles after start-up, a step per pause of {@link WarmUp#PAUSE} so the
 * window's own frames come between: first the run list makes its rows ({@link WarmUp#makeRows}), then the first
 * run is rehearsed off-screen, round after round. It stops as soon as the window is busy (a training starts, or
 * it closes).
 */
public final class IdleWarmUp {
    private final Stage stage;
    private final TableView<RunRecord> runs;
    private final BooleanSupplier busy;

    /** @param busy true from the moment the warm-up must stop: a training started, the window closed */
    public IdleWarmUp(Stage stage, TableView<RunRecord> runs, BooleanSupplier busy) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.busy = Objects.requireNonNull(busy, "busy");
    }

    /** Makes the run list's rows, then rehearses {@code rounds} rounds; {@code done} runs if all of it did. */
    public void start(int rounds, Runnable done) {
        whenIdle(() -> {
            WarmUp.makeRows(runs);
            rehearse(rounds, done);
        });
    }

    private void rehearse(int rounds, Runnable done) {
        if (rounds > 0) {
            // a round's off-screen list and charts are made in its first step, not in the step before it
            whenIdle(() -> {
                Iterator<Runnable> steps = new WarmUp.Round(stage.getScene()).steps().iterator();
                steps.next().run();
                runEach(steps, () -> rehearse(rounds - 1, done));
            });
        } else {
            done.run();
        }
    }

    /** Runs the steps one per pause, then {@code then}. */
    private void runEach(Iterator<Runnable> steps, Runnable then) {
        whenIdle(() -> {
            steps.next().run();
            if (steps.hasNext()) {
                runEach(steps, then);
            } else {
                then.run();
            }
        });
    }

    /** Runs {@code step} after a pause, unless the window is busy or has no scene by then. */
    private void whenIdle(Runnable step) {
        PauseTransition pause = new PauseTransition(WarmUp.PAUSE);
        pause.setOnFinished(e -> {
            if (!busy.getAsBoolean() && stage.getScene() != null) {
                step.run();
            }
        });
        pause.play();
    }
}

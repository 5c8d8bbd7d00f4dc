package org.resnetexplorer.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.resnetexplorer.i18n.Texts;


/**
 * The status bar's view of the editor's training session: while it trains, the network's step of its total, its
 * steps per second and the time left until every run of the session (the network and its plain twin, which take
 * turns) has finished, and the progress of all of them; once it has ended, how the network's run ended at which
 * step, no speed and no progress bar. Use on the FX thread.
 */
public final class SessionProgress {
    static final String STEP = Texts.get("main.status.step");
    static final String SPEED = Texts.get("main.status.speed");
    static final String LEFT = Texts.get("sessionProgress.left");
    static final String ENDED = Texts.get("sessionProgress.ended");

    private final TrainingController training;
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final InvalidationListener changed = obs -> update();

    public SessionProgress(TrainingController training) {
        this.training = training;
        training.sessionRuns().addListener((ListChangeListener<RunRecord>) change -> {
            while (change.next()) {
                for (RunRecord run : change.getRemoved()) {
                    run.stepProperty().removeListener(changed);
                    run.stepsPerSecondProperty().removeListener(changed);
                }
                for (RunRecord run : change.getAddedSubList()) {
                    run.stepProperty().addListener(changed);
                    run.stepsPerSecondProperty().addListener(changed);
                }
            }
            update();
        });
        training.activeProperty().addListener(changed);
    }

    /** "Step 120 / 600" while training; "Finished: step 600 / 600" once ended; empty before the first run. */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** "25 steps/s, 0:40 left" while training (the time once the speed is known); empty otherwise. */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** The steps done of all the session's steps, from 0 to 1, while training; 0 (no bar) otherwise. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void update() {
        List<RunRecord> runs = training.sessionRuns();
        if (runs.isEmpty()) {
            stepText.set("");
            speedText.set("");
            progress.set(0);
            return;
        }
        RunRecord main = runs.get(0);
        if (!training.activeProperty().get()) {
            stepText.set(String.format(ENDED, RunsTable.statusText(main.status()), main.stepProperty().get(),
                    main.totalSteps()));
            speedText.set("");
            progress.set(0);
            return;
        }
        stepText.set(String.format(STEP, main.stepProperty().get(), main.totalSteps()));
        double rate = main.stepsPerSecondProperty().get();
        double left = secondsLeft(runs);
        String speed = rate > 0 ? String.format(Locale.ROOT, SPEED, rate) : "";
        speedText.set(Double.isNaN(left) ? speed : String.format(LEFT, speed, duration(left)));
        long done = 0;
        long total = 0;
        for (RunRecord run : runs) {
            done += run.stepProperty().get();
            total += run.totalSteps();
        }
        progress.set(total == 0 ? 0 : (double) done / total);
    }

    /**
     * Seconds until the last of {@code runs} has finished, each at its own speed (the twins take turns, so each
     * one's speed already counts the other's steps); NaN while a run still going has no speed yet.
     */
    static double secondsLeft(List<RunRecord> runs) {
        double left = 0;
        for (RunRecord run : runs) {
            if (run.isOver()) {
                continue;
            }
            double rate = run.stepsPerSecondProperty().get();
            if (!(rate > 0)) {
                return Double.NaN;
            }
            left = Math.max(left, Math.max(0, run.totalSteps() - run.stepProperty().get()) / rate);
        }
        return left;
    }

    /** {@code seconds} as minutes and seconds, rounded up: "0:07", "2:30", "61:05". */
    static String duration(double seconds) {
        long whole = (long) Math.ceil(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}

package org.resnetexplorer.ui.training;

import java.util.ArrayDeque;
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
 * turns on two cores and train at once on three or more: decision 0025) has finished, and the progress of all of
 * them; once it has ended, how the network's run ended at which step, no speed and no progress bar. Speed and time left are measured on the wall clock over the last
 * {@value #WINDOW_SECONDS} seconds of steps of all the runs: a run's own steps/s counts only its turns, which
 * would halve the time left of a twin session. Use on the FX thread.
 */
public final class SessionProgress {
    static final String STEP = Texts.get("main.status.step");
    static final String SPEED = Texts.get("main.status.speed");
    static final String LEFT = Texts.get("sessionProgress.left");
    static final String ENDED = Texts.get("sessionProgress.ended");

    /** How far back the speed looks: long enough to smooth evaluations out, short enough to follow the warm-up. */
    static final int WINDOW_SECONDS = 15;

    private final TrainingController training;
    /** (nanoTime, steps done by all runs) at each update of the last {@link #WINDOW_SECONDS} seconds. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
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
            samples.clear();
            update();
        });
        training.activeProperty().addListener(changed);
        // steps while paused are the user's, one at a time: measure again from the resume
        training.pausedProperty().addListener(obs -> {
            samples.clear();
            update();
        });
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
        long done = 0;
        long left = 0;
        int going = 0;
        for (RunRecord run : runs) {
            done += run.stepProperty().get();
            if (!run.isOver()) {
                left += Math.max(0, run.totalSteps() - run.stepProperty().get());
                going++;
            }
        }
        long total = done + left;
        progress.set(total == 0 ? 0 : (double) done / total);
        if (training.pausedProperty().get()) {
            speedText.set("");
            return;
        }
        long now = System.nanoTime();
        samples.addLast(new long[] {now, done});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_SECONDS * 1_000_000_000L) {
            samples.removeFirst();
        }
        double rate = stepsPerSecond(samples.peekFirst()[1], samples.peekFirst()[0], done, now);
        speedText.set(Double.isNaN(rate) ? "" : String.format(LEFT, String.format(Locale.ROOT, SPEED,
                rate / Math.max(1, going)), duration(left / rate)));
    }

    /**
     * The steps per second of all the runs together from ({@code nanosThen}, {@code doneThen}) to now; NaN under a
     * second apart or without a step between (not known yet).
     */
    static double stepsPerSecond(long doneThen, long nanosThen, long doneNow, long nanosNow) {
        double seconds = (nanosNow - nanosThen) / 1e9;
        return seconds >= 1 && doneNow > doneThen ? (doneNow - doneThen) / seconds : Double.NaN;
    }

    /** {@code seconds} as minutes and seconds, rounded up: "0:07", "2:30", "61:05". */
    static String duration(double seconds) {
        long whole = (long) Math.ceil(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}

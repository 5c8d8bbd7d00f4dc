package org.resnetexplorer.ui.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.ObservableList;
import org.resnetexplorer.i18n.Texts;

/**
 * What the user may do to the run list: rename a run (names stay unique), remove a run that has ended, clear
 * every ended run. Each answers why it refused, in the user's words. Use on the FX thread.
 */
public final class RunListEdits {
    static final String EMPTY_NAME = Texts.get("runListEdits.empty.name");
    static final String NAME_TAKEN = Texts.get("runListEdits.name.taken");
    static final String STILL_RUNNING = Texts.get("runListEdits.still.running");
    static final String RENAMED = Texts.get("runListEdits.renamed");
    static final String REMOVED = Texts.get("runListEdits.removed");
    static final String CLEARED = Texts.get("runListEdits.cleared");
    /** The longest name a run may have: long enough to describe it, short enough for a legend. */
    static final int MAX_NAME = 60;

    private final ObservableList<RunRecord> runs;

    public RunListEdits(ObservableList<RunRecord> runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /**
     * Calls {@code run} {@code name} (trimmed, at most {@link #MAX_NAME} characters) in the list and the charts.
     * Returns what happened: renamed, or why not (empty, or the name of another run).
     */
    public Result rename(RunRecord run, String name) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.length() > MAX_NAME) {
            wanted = wanted.substring(0, MAX_NAME).strip();
        }
        if (wanted.isEmpty()) {
            return Result.refused(EMPTY_NAME);
        }
        if (wanted.equals(run.label())) {
            return Result.done("");
        }
        String taken = wanted;
        if (runs.stream().anyMatch(r -> r != run && (r.label().equals(taken) || r.name().equals(taken)))) {
            return Result.refused(String.format(NAME_TAKEN, wanted));
        }
        String before = run.label();
        run.labelProperty().set(wanted);
        return Result.done(String.format(RENAMED, before, wanted));
    }

    /** Removes an ended run from the list and the charts; a run that trains, is paused or about to start stays. */
    public Result remove(RunRecord run) {
        if (!run.isOver()) {
            return Result.refused(String.format(STILL_RUNNING, run.label()));
        }
        runs.remove(run);
        return Result.done(String.format(REMOVED, run.label()));
    }

    /** Removes every run that has ended; runs in training (or about to start) stay. */
    public Result clearEnded() {
        List<RunRecord> ended = runs.stream().filter(RunRecord::isOver).toList();
        runs.removeAll(ended);
        return Result.done(String.format(CLEARED, ended.size()));
    }

    /** What an edit did: {@code done} or refused, and the message for the status bar ("" for nothing to say). */
    public record Result(boolean done, String message) {
        static Result done(String message) {
            return new Result(true, message);
        }

        static Result refused(String message) {
            return new Result(false, message);
        }

        public Optional<String> said() {
            return message.isEmpty() ? Optional.empty() : Optional.of(message);
        }
    }
}

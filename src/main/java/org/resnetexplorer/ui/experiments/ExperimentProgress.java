package org.resnetexplorer.ui.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.resnetexplorer.i18n.Texts;

/**
 * How far an experiment is while several of its runs train at once (decision 0025): the share of all the runs'
 * steps done, the runs in progress, and their speed together. With one run in progress the texts are those of a
 * one-by-one run ("Run 2 of 6, step 300 / 600"); with several they name them all ("Runs 1, 2 of 6 at once, 40%
 * done"). Use on the FX thread.
 */
final class ExperimentProgress {
    static final String RUNS_STATUS = Texts.get("experimentProgress.runs.status");
    static final String RUNS_PANEL = Texts.get("experimentProgress.runs.panel");

    /** One run's state: its place, its steps, its latest speed, and whether it is in progress. */
    private static final class Run {
        final String name;
        final int index;
        final int totalSteps;
        int step;
        double stepsPerSecond;
        boolean inProgress;
        boolean ended;

        Run(String name, int index, int totalSteps) {
            this.name = name;
            this.index = index;
            this.totalSteps = totalSteps;
        }

        /** The share of the run done, 0 to 1: an ended run (finished, stopped, failed, counted) is done. */
        double done() {
            return ended ? 1 : totalSteps == 0 ? 0 : Math.min(1, (double) step / totalSteps);
        }
    }

    /** The runs started so far, in the order they started. */
    private final Map<String, Run> runs = new LinkedHashMap<>();
    /** The run that ended last: the texts name it, at its last step, until another run is in progress. */
    private Run lastEnded;
    private int count;

    /** Forgets every run: an experiment of {@code count} runs starts. */
    void reset(int count) {
        runs.clear();
        lastEnded = null;
        this.count = count;
    }

    /** Run {@code index} (from 0) starts; a run that only counts ends at once. */
    void started(String run, int index, int totalSteps, boolean trains) {
        Run state = new Run(run, index, totalSteps);
        state.inProgress = trains;
        state.ended = !trains;
        runs.put(run, state);
    }

    /** A run's latest snapshot: its step and its speed (a snapshot can come after the run's end: the step stays). */
    void stepped(String run, int step, double stepsPerSecond) {
        Run state = runs.get(run);
        if (state != null) {
            state.step = Math.max(state.step, step);
            state.stepsPerSecond = stepsPerSecond;
        }
    }

    /** A run has ended (finished, stopped, diverged or failed) after {@code steps} steps. */
    void ended(String run, int steps) {
        Run state = runs.get(run);
        if (state != null) {
            state.inProgress = false;
            state.ended = true;
            state.step = Math.max(state.step, steps);
            lastEnded = state;
        }
    }

    /** The experiment is over: no run is in progress any more (runs skipped after a stop started, and never ran). */
    void over() {
        runs.values().forEach(r -> r.inProgress = false);
    }

    /** The share of all the runs' work done, 0 to 1. */
    double fraction() {
        return count == 0 ? 0 : runs.values().stream().mapToDouble(Run::done).sum() / count;
    }

    /** Whether any run trains now. */
    boolean inProgress() {
        return runs.values().stream().anyMatch(r -> r.inProgress);
    }

    /** The steps per second of the runs in progress together: the experiment's pace. */
    double stepsPerSecond() {
        return runs.values().stream().filter(r -> r.inProgress).mapToDouble(r -> r.stepsPerSecond).sum();
    }

    /**
     * For the status bar: "Run 2 of 6, step 300 / 600", or "Runs 1, 2 of 6 at once, 40% done"; between and after the
     * runs, the one that ended last at its last step; empty before any trained.
     */
    String statusText() {
        List<Run> active = active();
        if (active.isEmpty() && lastEnded == null) {
            return "";
        }
        if (active.size() <= 1) {
            Run run = active.isEmpty() ? lastEnded : active.get(0);
            return String.format(ExperimentSession.RUN_STATUS, run.index + 1, count, run.step, run.totalSteps);
        }
        return String.format(Locale.ROOT, RUNS_STATUS, places(active), count, Math.round(100 * fraction()));
    }

    /** For the panel: "Run 2 of 6: plain-20, step 300 / 600", or "Runs 1, 2 of 6 at once: plain-6, resnet-6". */
    String panelText() {
        List<Run> active = active();
        if (active.isEmpty() && lastEnded == null) {
            return "";
        }
        if (active.size() <= 1) {
            Run run = active.isEmpty() ? lastEnded : active.get(0);
            return String.format(ExperimentPanel.PROGRESS, run.index + 1, count, run.name, run.step, run.totalSteps);
        }
        return String.format(RUNS_PANEL, places(active), count,
                active.stream().map(r -> r.name).collect(Collectors.joining(", ")));
    }

    private List<Run> active() {
        return runs.values().stream().filter(r -> r.inProgress)
                .sorted(java.util.Comparator.comparingInt(r -> r.index)).toList();
    }

    /** "1, 2": the runs' places from 1. */
    private static String places(List<Run> active) {
        return active.stream().map(r -> String.valueOf(r.index + 1)).collect(Collectors.joining(", "));
    }
}

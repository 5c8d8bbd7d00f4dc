package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;

/**
 * Hands a listener an experiment's events in the order a one-by-one run gives them while its runs train at once
 * (decision 0025): every event of the first unfinished run at once, those of later runs held until every run
 * before them has ended. A command's lines and files are then the same with any number of jobs. One lock: the
 * listener is called by one thread at a time. Call {@link #flush()} after the runner returns: runs skipped after a
 * stop send no {@code runFinished}, and the events held behind them come out there.
 */
public final class InRunOrder implements ExperimentRunner.Listener {
    private final Experiment experiment;
    private final ExperimentRunner.Listener target;
    /** The run whose events go straight to the target: every run before it has ended. */
    private int head;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<Integer, List<Consumer<ExperimentRunner.Listener>>> held = new HashMap<>();
    private final Set<Integer> ended = new HashSet<>();

    public InRunOrder(Experiment experiment, ExperimentRunner.Listener target) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public synchronized void runStarted(String run, Network network, int index, int count) {
        indexOf.put(run, index);
        deliver(index, l -> l.runStarted(run, network, index, count));
        if (!experiment.runs().get(index).train()) {
            end(index); // a run that only counts ends as it starts
        }
    }

    @Override
    public synchronized void snapshot(TrainingSnapshot snapshot) {
        deliver(indexOf.get(snapshot.run()), l -> l.snapshot(snapshot));
    }

    @Override
    public synchronized void status(String run, RunStatus status, String message) {
        deliver(indexOf.get(run), l -> l.status(run, status, message));
    }

    @Override
    public synchronized void runFinished(String run, RunResult result) {
        int index = indexOf.get(run);
        deliver(index, l -> l.runFinished(run, result));
        end(index);
    }

    /** The study comes after every run has ended: all runs' events are delivered before it. */
    @Override
    public synchronized void studyProgress(double done, String what) {
        flush();
        target.studyProgress(done, what);
    }

    /** Delivers every event still held, in run order (after the runner has returned). */
    public synchronized void flush() {
        for (int index = head; index < experiment.runs().size(); index++) {
            List<Consumer<ExperimentRunner.Listener>> events = held.remove(index);
            if (events != null) {
                events.forEach(e -> e.accept(target));
            }
        }
        head = experiment.runs().size();
    }

    private void deliver(int index, Consumer<ExperimentRunner.Listener> event) {
        if (index == head) {
            event.accept(target);
        } else {
            held.computeIfAbsent(index, i -> new ArrayList<>()).add(event);
        }
    }

    /** Run {@code index} has ended: the runs after it that waited come out, up to the next one in progress. */
    private void end(int index) {
        ended.add(index);
        while (ended.contains(head)) {
            head++;
            List<Consumer<ExperimentRunner.Listener>> events = held.remove(head);
            if (events != null) {
                events.forEach(e -> e.accept(target));
            }
        }
    }
}

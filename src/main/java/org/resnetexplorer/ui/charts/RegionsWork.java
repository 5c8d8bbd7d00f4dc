package org.resnetexplorer.ui.charts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;

/**
 * Computes the decision regions of the runs a view shows, off the FX thread (decision 0027): one computation in
 * flight, and the newest request waiting meanwhile (those in between are dropped); one {@link NetworkProbe} per
 * run, compiled once and loaded with each later state, used only on the executor's thread. A live request (the
 * view follows the latest step while runs train) waits after a computation of {@code t} until {@link #WAIT_FACTOR}
 * {@code t} have passed, so the grid takes at most a tenth of the time the training gets. Use on the FX thread.
 */
final class RegionsWork {
    /** How many times its own duration a computation is followed by a pause before the next live one. */
    static final int WAIT_FACTOR = 9;

    /**
     * What to compute: the regions of each state on {@code grid}.
     *
     * @param live whether it follows the training (throttled), rather than a step or run the user chose (at once)
     */
    record Request(List<NetworkState> states, DecisionRegions.Grid grid, boolean live) {
        Request {
            states = List.copyOf(states);
            Objects.requireNonNull(grid, "grid");
        }
    }

    /**
     * What a computation gave: per run, the state asked for and its regions (missing for a network that could not
     * run), and how long the computation took, loading the states into the probes included but not compiling a new
     * probe (once per run shown: a first pass would otherwise hold the next one back for many seconds).
     */
    record Result(Map<String, DecisionRegions> regions, Map<String, NetworkState> states, long nanos) {
        /** The time of one grid's inference, averaged over the runs computed (0 if none). */
        long nanosPerGrid() {
            return regions.isEmpty() ? 0 : regions.values().stream().mapToLong(DecisionRegions::nanos).sum()
                    / regions.size();
        }
    }

    private record Probe(Network network, NetworkProbe probe) {
    }

    private final Executor executor;
    private final Consumer<Result> onResult;
    private final LongSupplier clock;
    /** The probes by run: touched only on the executor's thread. */
    private final Map<String, Probe> probes = new HashMap<>();
    private final PauseTransition wait = new PauseTransition();
    private boolean inFlight;
    private Request pending;
    /** The clock's time before which a live request waits. */
    private long earliest = Long.MIN_VALUE;

    /**
     * @param executor runs the computations one at a time (the pane's background work)
     * @param onResult hears each result on the FX thread
     * @param clock    nanoseconds, for the throttle ({@code System::nanoTime})
     */
    RegionsWork(Executor executor, Consumer<Result> onResult, LongSupplier clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        this.clock = Objects.requireNonNull(clock, "clock");
        wait.setOnFinished(e -> next());
    }

    /** Computes {@code request} now, after the one in flight, or (if live) once the throttle allows. */
    void request(Request request) {
        Objects.requireNonNull(request, "request");
        if (inFlight) {
            pending = request;
            return;
        }
        long now = clock.getAsLong();
        if (request.live() && now < earliest) {
            pending = request;
            wait.stop();
            wait.setDuration(Duration.millis(Math.max(1, (earliest - now) / 1e6)));
            wait.play();
            return;
        }
        wait.stop();
        pending = null;
        inFlight = true;
        executor.execute(() -> {
            Result result = compute(request);
            Platform.runLater(() -> done(result));
        });
    }

    /** Whether a computation is under way or waiting. */
    boolean busy() {
        return inFlight || pending != null;
    }

    private void done(Result result) {
        inFlight = false;
        earliest = clock.getAsLong() + WAIT_FACTOR * result.nanos();
        onResult.accept(result);
        next();
    }

    private void next() {
        if (!inFlight && pending != null) {
            Request waiting = pending;
            pending = null;
            request(waiting);
        }
    }

    /** On the executor's thread: each state's regions, through the run's probe (compiled on first use). */
    private Result compute(Request request) {
        long start = System.nanoTime();
        long compiling = 0;
        Map<String, DecisionRegions> regions = new LinkedHashMap<>();
        Map<String, NetworkState> states = new LinkedHashMap<>();
        // probes of runs no longer shown go: a view shows two runs, and a small network compiles again quickly
        probes.keySet().retainAll(request.states().stream().map(NetworkState::run).toList());
        for (NetworkState state : request.states()) {
            states.put(state.run(), state);
            try {
                Probe probe = probes.get(state.run());
                // a run's states share its network object; another network (a run started again) compiles anew
                if (probe == null || probe.network() != state.network()) {
                    long compile = System.nanoTime();
                    probe = new Probe(state.network(), NetworkProbe.of(state));
                    compiling += System.nanoTime() - compile;
                    probes.put(state.run(), probe);
                } else {
                    probe.probe().load(state);
                }
                regions.put(state.run(), DecisionRegions.compute(probe.probe(), request.grid()));
            } catch (EngineException | RuntimeException e) {
                // a run whose network cannot run shows no regions; the others still do
                probes.remove(state.run());
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
        return new Result(regions, states, System.nanoTime() - start - compiling);
    }
}

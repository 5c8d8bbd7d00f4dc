package org.resnetexplorer.ui.charts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.LayerProjection;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Projection;

/**
 * Computes the layer pictures of a run (and its plain twin) off the FX thread, for {@link LayerProjectionView}:
 * one computation in flight, the newest request waiting behind it (those in between are dropped), and after each
 * computation a pause of {@link #PAUSE_FACTOR} times its length before the next starts, so that while the runs
 * train the pictures take at most a tenth of the time. Results come back on the FX thread. The probes (one
 * compiled network per run, later states loaded into it) live on the worker alone: a probe is not thread-safe.
 */
final class LayerPictures {
    /** The pause after a computation, in multiples of its length: computing at most 1 / (1 + 9) of the time. */
    static final int PAUSE_FACTOR = 9;

    /** What to compute: the states (the twin's may be null), the data and the projection. */
    record Request(NetworkState state, NetworkState twin, Examples data, Projection projection) {
        Request {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(projection, "projection");
        }

        /** Whether it asks for the very same computation (the same state objects, data and projection). */
        boolean sameAs(Request other) {
            return other != null && state == other.state && twin == other.twin && data == other.data
                    && projection == other.projection;
        }
    }

    /**
     * What a request computed: every stage's picture of the run and of its twin (empty without one), or why it
     * failed ({@code error} not null).
     */
    record Result(Request request, List<LayerProjection.Picture> run, List<LayerProjection.Picture> twin,
            String error) {
    }

    private final Executor worker;
    private final Consumer<Result> onResult;
    private final PauseTransition pause = new PauseTransition();
    /** Worker thread only. */
    private final Map<String, NetworkProbe> probes = new HashMap<>();
    private Request requested;
    private Request waiting;
    private boolean busy;
    private long readyAt;

    /** @param onResult hears each result, on the FX thread */
    LayerPictures(Executor worker, Consumer<Result> onResult) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        pause.setOnFinished(e -> startWaiting());
        readyAt = System.nanoTime();
    }

    /** Asks for the pictures of {@code request} (on the FX thread); nothing if it was asked for last. */
    void request(Request request) {
        if (request.sameAs(waiting) || waiting == null && request.sameAs(requested)) {
            return;
        }
        waiting = request;
        startWaiting();
    }

    /** Whether a computation runs or waits. */
    boolean busy() {
        return busy || waiting != null;
    }

    private void startWaiting() {
        if (busy || waiting == null) {
            return;
        }
        long wait = readyAt - System.nanoTime();
        if (wait > 0) {
            pause.setDuration(Duration.millis(Math.max(1, wait / 1e6)));
            pause.playFromStart();
            return;
        }
        Request next = waiting;
        waiting = null;
        requested = next;
        busy = true;
        worker.execute(() -> {
            long start = System.nanoTime();
            Result result = compute(next);
            long took = System.nanoTime() - start;
            Platform.runLater(() -> done(result, took));
        });
    }

    private void done(Result result, long took) {
        busy = false;
        readyAt = System.nanoTime() + PAUSE_FACTOR * took;
        onResult.accept(result);
        startWaiting();
    }

    /** On the worker: runs the states through their probes. */
    private Result compute(Request request) {
        try {
            List<LayerProjection.Picture> run = pictures(request.state(), request);
            List<LayerProjection.Picture> twin = request.twin() == null ? List.of() : pictures(request.twin(), request);
            probes.keySet().retainAll(request.twin() == null ? List.of(request.state().run())
                    : List.of(request.state().run(), request.twin().run()));
            return new Result(request, run, twin, null);
        } catch (EngineException | RuntimeException e) {
            return new Result(request, List.of(), List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private List<LayerProjection.Picture> pictures(NetworkState state, Request request) throws EngineException {
        NetworkProbe probe = probes.get(state.run());
        if (probe == null || !probe.analysis().network().equals(state.network())) {
            probe = NetworkProbe.of(state);
            probes.put(state.run(), probe);
        } else {
            probe.load(state);
        }
        return LayerProjection.compute(probe, request.data(), request.projection());
    }
}

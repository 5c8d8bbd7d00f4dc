package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Shape;

/**
 * What each run's latest trained state predicts for the first test images, for the prediction gallery and the
 * confusion matrix (they share it, so one pass serves both). Asked on the FX thread ({@link #of}), it answers
 * with what it has and starts a pass off the FX thread when the run has a newer state: at most one pass in
 * flight, and of the runs asked meanwhile only the last one asked waits (the newest wins). Listeners hear each
 * pass that ends, on the FX thread.
 */
final class RunPredictions {
    /** What a run's predictions are now: the newest finished (empty before the first), and whether a pass runs. */
    record Answer(Optional<Predictions> predictions, boolean computing, String failure) {
    }

    private final Executor worker;
    private final NetworkStates states;
    private final RunData data;
    private final List<Runnable> listeners = new ArrayList<>();
    /** Per run, the newest finished: its state (to see a newer one arrive) and what it predicted. */
    private final Map<String, Finished> finished = new HashMap<>();
    /** The state the pass in flight predicts from, or null. */
    private NetworkState inFlight;
    /** The state waiting for the pass in flight to end, or null. */
    private NetworkState waiting;
    /** Used on the worker only: the probe of the network predicted last (a later state of it loads into it). */
    private NetworkProbe probe;

    private record Finished(NetworkState state, Predictions predictions, String failure) {
    }

    RunPredictions(Executor worker, NetworkStates states, RunData data) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.states = Objects.requireNonNull(states, "states");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Hears each pass that ends (on the FX thread): the views that show predictions redraw. */
    void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether the run's data is images (what the predictions need), as far as the window still holds it. */
    boolean hasImages(String run) {
        return data.of(run).map(d -> d.shape() instanceof Shape.Image).orElse(false);
    }

    /** The run's dataset, while the window holds it. */
    Optional<Dataset> dataset(String run) {
        return data.of(run);
    }

    /**
     * The newest predictions of {@code run}; starts a pass if its latest state is newer than the one they came
     * from. Use on the FX thread, for a view that shows.
     */
    Answer of(String run) {
        Optional<NetworkState> latest = states.latest(run);
        Optional<Dataset> dataset = data.of(run);
        Finished done = finished.get(run);
        if (latest.isPresent() && dataset.isPresent() && dataset.get().shape() instanceof Shape.Image
                && (done == null || done.state() != latest.get())) {
            request(latest.get(), dataset.get());
        }
        return peek(run);
    }

    /** The newest predictions of {@code run}, starting nothing (for a view that does not show). */
    Answer peek(String run) {
        Finished done = finished.get(run);
        boolean computing = inFlight != null && inFlight.run().equals(run) || waiting != null && waiting.run().equals(run);
        return new Answer(done == null ? Optional.empty() : Optional.ofNullable(done.predictions()), computing,
                done == null ? null : done.failure());
    }

    /** Predicts from {@code state} now, or after the pass in flight (replacing any state that waited: the newest wins). */
    private void request(NetworkState state, Dataset dataset) {
        if (inFlight == null) {
            start(state, dataset);
        } else if (inFlight != state) {
            waiting = state;
        }
    }

    private void start(NetworkState state, Dataset dataset) {
        inFlight = state;
        worker.execute(() -> {
            Finished result = predict(state, dataset);
            Platform.runLater(() -> finished(result));
        });
    }

    /** On the worker: runs the state on the first test examples. */
    private Finished predict(NetworkState state, Dataset dataset) {
        try {
            if (probe == null || !probe.analysis().network().equals(state.network())) {
                probe = null; // the old network's probe goes before the new one compiles
                probe = NetworkProbe.of(state);
            } else {
                probe.load(state);
            }
            return new Finished(state, Predictions.of(probe, state.run(), dataset.test(),
                    Predictions.FIRST_TEST_EXAMPLES), null);
        } catch (EngineException | RuntimeException | OutOfMemoryError e) {
            probe = null;
            return new Finished(state, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** On the FX thread: keeps the result, starts what waited, tells the listeners. */
    private void finished(Finished result) {
        finished.put(result.state().run(), result);
        finished.keySet().removeIf(run -> states.latest(run).isEmpty());
        inFlight = null;
        NetworkState next = waiting;
        waiting = null;
        if (next != null) {
            Finished done = finished.get(next.run());
            Optional<Dataset> dataset = data.of(next.run());
            if ((done == null || done.state() != next) && dataset.isPresent()) {
                start(next, dataset.get());
            }
        }
        listeners.forEach(Runnable::run);
    }
}

package org.resnetexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;


/**
 * Carries a trainer's snapshots to the FX thread, at most one batch per pulse: the trainer only appends to a
 * lock-free queue (it never waits for the UI), and on each pulse that has news the FX thread takes everything
 * queued since the last one and hands it to {@code consumer} in one call, so charts redraw once per frame
 * however fast the trainer runs. With a consumer of states ({@link #setStates}), the runs' trained states come the
 * same way, each pulse's before its snapshots.
 */
public final class SnapshotQueue implements TrainingListener {
    private final ConcurrentLinkedQueue<TrainingSnapshot> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<TrainingSnapshot>> consumer;
    private final ConcurrentLinkedQueue<NetworkState> states = new ConcurrentLinkedQueue<>();
    private volatile Consumer<List<NetworkState>> stateConsumer;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    public SnapshotQueue(Consumer<List<TrainingSnapshot>> consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** The runs' trained states go to {@code consumer} too (set it before the runs start: they ask as they start). */
    public void setStates(Consumer<List<NetworkState>> consumer) {
        stateConsumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Starts delivering on every pulse; call on the FX thread. */
    public void start() {
        pulse.start();
    }

    /** Delivers what is queued and stops; call on the FX thread. */
    public void stop() {
        pulse.stop();
        drain();
    }

    @Override
    public void snapshot(TrainingSnapshot snapshot) {
        queue.add(snapshot);
    }

    @Override
    public boolean wantsStates() {
        return stateConsumer != null;
    }

    @Override
    public void state(NetworkState state) {
        states.add(state);
    }

    /** Hands everything queued so far to the consumer in one call (nothing if nothing is queued). */
    void drain() {
        List<NetworkState> taken = new ArrayList<>();
        for (NetworkState s = states.poll(); s != null; s = states.poll()) {
            taken.add(s);
        }
        if (!taken.isEmpty() && stateConsumer != null) {
            stateConsumer.accept(taken);
        }
        List<TrainingSnapshot> batch = new ArrayList<>();
        for (TrainingSnapshot s = queue.poll(); s != null; s = queue.poll()) {
            batch.add(s);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}

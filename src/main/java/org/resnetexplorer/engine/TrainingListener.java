package org.resnetexplorer.engine;

/**
 * Receives a run's snapshots and status changes, on the trainer's thread: return quickly and never block
 * (hand the immutable snapshot to another thread if there is work to do).
 */
public interface TrainingListener {
    void snapshot(TrainingSnapshot snapshot);

    /** The run changed status; {@code message} says why where it matters (a divergence, a failure). */
    default void status(String run, RunStatus status, String message) {
    }

    /**
     * Whether this listener wants the network's trained state ({@link #state}): asked as the run starts; a copy of
     * the weights at every evaluation costs a little, so a trainer takes it only when someone wants it.
     */
    default boolean wantsStates() {
        return false;
    }

    /**
     * The network's trained state before the first step (step 0) and at every evaluation, as that evaluation
     * measured it, published before the evaluation's snapshot; only to a listener that {@link #wantsStates()}.
     */
    default void state(NetworkState state) {
    }

    /** A listener of the trained states only (it wants them; snapshots pass it by): {@code states} hears each. */
    static TrainingListener ofStates(java.util.function.Consumer<NetworkState> states) {
        java.util.Objects.requireNonNull(states, "states");
        return new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
            }

            @Override
            public boolean wantsStates() {
                return true;
            }

            @Override
            public void state(NetworkState state) {
                states.accept(state);
            }
        };
    }
}

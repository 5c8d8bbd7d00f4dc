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
}

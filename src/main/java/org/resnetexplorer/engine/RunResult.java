package org.resnetexplorer.engine;

/**
 * How a run ended: its status and message, the steps it trained, and its last figures (error rates are
 * fractions; NaN where never measured). {@code trainError} and {@code testError} are those of the last evaluation,
 * both in inference mode ({@link TrainingSnapshot#trainError}). {@code outOfMemory}: it failed because the memory
 * left could not hold it (a network too large for what the process already holds), not for a fault of the engine.
 */
public record RunResult(String run, RunStatus status, String message, int steps, double loss, double trainError,
        double testError, double stepsPerSecond, double wallSeconds, boolean outOfMemory) {

    /** A result of a run that did not run out of memory. */
    public RunResult(String run, RunStatus status, String message, int steps, double loss, double trainError,
            double testError, double stepsPerSecond, double wallSeconds) {
        this(run, status, message, steps, loss, trainError, testError, stepsPerSecond, wallSeconds, false);
    }
}

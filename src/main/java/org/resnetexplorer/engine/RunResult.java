package org.resnetexplorer.engine;

/**
 * How a run ended: its status and message, the steps it trained, and its last figures (error rates are
 * fractions; NaN where never measured). {@code trainError} and {@code testError} are those of the last evaluation,
 * both in inference mode ({@link TrainingSnapshot#trainError}).
 */
public record RunResult(String run, RunStatus status, String message, int steps, double loss, double trainError,
        double testError, double stepsPerSecond, double wallSeconds) {
}

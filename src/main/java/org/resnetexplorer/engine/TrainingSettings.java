package org.resnetexplorer.engine;

import java.util.Objects;
import org.resnetexplorer.i18n.Texts;

/**
 * How to train: steps, batch size, optimiser and its rates, weight decay (on conv and dense weights, not on
 * biases or BatchNorm), seed, and how often to measure: every {@code metricsEvery} steps the loss, error,
 * gradient norms and responses; every {@code evalEvery} steps the test error on up to {@code testLimit}
 * held-out examples and the training error on a fixed sample of as many training examples (both in inference
 * mode); residual-response histograms have {@code histogramBins} bins.
 */
public record TrainingSettings(int steps, int batch, Optimizer optimizer, LearningRateSchedule schedule,
        double momentum, double weightDecay, long seed, int evalEvery, int metricsEvery, int testLimit,
        int histogramBins) {

    public static final int DEFAULT_METRICS_EVERY = 10;
    /**
     * The most steps a run takes: 1,000,000, about 15 times the paper's 64,000 iterations of CIFAR-10 training and
     * hours even for the smallest net on a laptop. More is surely a mistake (a run that would never end).
     */
    public static final int MAX_STEPS = 1_000_000;

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        atLeast(1, steps, "steps");
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException(Texts.format("trainingSettings.steps.at.most", MAX_STEPS, steps));
        }
        atLeast(1, batch, "batch");
        atLeast(1, evalEvery, "eval-every");
        atLeast(1, metricsEvery, "metrics-every");
        atLeast(1, testLimit, "test-limit");
        atLeast(2, histogramBins, "histogram bins");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be from 0 up to (not including) 1 (got " + momentum + ")");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be 0 or more (got " + weightDecay + ")");
        }
    }

    private static void atLeast(int min, int value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " (got " + value + ")");
        }
    }

    /** A first experience that finishes within a minute on a laptop: SGD, lr 0.1, momentum 0.9, batch 64. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1000, 64, Optimizer.SGD, LearningRateSchedule.constant(0.1), 0.9, 1e-4, 1, 100,
                DEFAULT_METRICS_EVERY, 1000, 30);
    }

    public TrainingSettings withSteps(int value) {
        return new TrainingSettings(value, batch, optimizer, schedule, momentum, weightDecay, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withBatch(int value) {
        return new TrainingSettings(steps, value, optimizer, schedule, momentum, weightDecay, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withOptimizer(Optimizer value) {
        return new TrainingSettings(steps, batch, value, schedule, momentum, weightDecay, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withSchedule(LearningRateSchedule value) {
        return new TrainingSettings(steps, batch, optimizer, value, momentum, weightDecay, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withLearningRate(double value) {
        return withSchedule(schedule.withBase(value));
    }

    public TrainingSettings withMomentum(double value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, value, weightDecay, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withWeightDecay(double value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, momentum, value, seed, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, momentum, weightDecay, value, evalEvery, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withEvalEvery(int value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, momentum, weightDecay, seed, value, metricsEvery,
                testLimit, histogramBins);
    }

    public TrainingSettings withMetricsEvery(int value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, momentum, weightDecay, seed, evalEvery, value,
                testLimit, histogramBins);
    }

    public TrainingSettings withTestLimit(int value) {
        return new TrainingSettings(steps, batch, optimizer, schedule, momentum, weightDecay, seed, evalEvery, metricsEvery,
                value, histogramBins);
    }
}

package org.resnetexplorer.ui.training;

import java.util.List;
import java.util.Objects;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.i18n.Texts;


/**
 * Everything the Training panel decides about a run: the dataset and how to load it, the training settings, and
 * whether the plain twin trains alongside.
 */
public record TrainingSetup(String dataset, DatasetOptions datasetOptions, TrainingSettings settings, boolean plainTwin) {
    /** The first-start example: 3-arm spiral, 600 steps of SGD (momentum 0.9) at 0.05, batch 64, seed 1. */
    public static final String DEFAULT_DATASET = "spiral";
    public static final int DEFAULT_CLASSES = 3;
    static final int DEFAULT_STEPS = 600;
    static final int DEFAULT_BATCH = 64;
    static final double DEFAULT_SGD_RATE = 0.05;
    static final double DEFAULT_ADAM_RATE = 0.001;
    static final double DEFAULT_WEIGHT_DECAY = 0;
    static final long DEFAULT_SEED = 1;
    /**
     * For a network reading images (docs/PERFORMANCE.md, "Images in the window"): 14x14 Fashion-MNIST, 600 steps
     * of batch 32 at 0.1, divided by 10 at half and three quarters of the steps, weight decay 1e-4. A
     * cifar-resnet-20 and its plain twin train in about a minute on two cores, their training errors clearly apart.
     */
    static final int IMAGE_STEPS = 600;
    static final int IMAGE_BATCH = 32;
    static final double IMAGE_RATE = 0.1;
    static final double IMAGE_WEIGHT_DECAY = 1e-4;

    /** The learning-rate schedules offered. */
    enum Schedule {
        CONSTANT(Texts.get("trainingSetup.schedule.constant")),
        STEP_DECAY(Texts.get("trainingSetup.schedule.step.decay")),
        WARM_UP(Texts.get("trainingSetup.schedule.warm.up"));

        private final String label;

        Schedule(String label) {
            this.label = label;
        }

        LearningRateSchedule of(double rate, int steps) {
            return switch (this) {
                case CONSTANT -> LearningRateSchedule.constant(rate);
                case STEP_DECAY -> new LearningRateSchedule(rate, List.of(steps / 2, steps * 3 / 4), 0.1, 0);
                case WARM_UP -> new LearningRateSchedule(rate, List.of(), 0.1, Math.max(1, steps / 20));
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public TrainingSetup {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(datasetOptions, "datasetOptions");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The settings of a run: the test error is measured about 20 times a run (at least every 10 steps), the
     * other figures every 10 steps (every step for runs under 50 steps, so short runs still draw curves).
     */
    static TrainingSettings settings(int steps, int batch, Optimizer optimizer, double rate, Schedule schedule,
            double weightDecay, long seed) {
        int metricsEvery = steps < 50 ? 1 : TrainingSettings.DEFAULT_METRICS_EVERY;
        return TrainingSettings.defaults().withSteps(steps).withBatch(batch).withOptimizer(optimizer)
                .withSchedule(schedule.of(rate, steps)).withWeightDecay(weightDecay).withSeed(seed).withMomentum(0.9)
                .withMetricsEvery(metricsEvery).withEvalEvery(Math.max(metricsEvery, steps / 20)).withTestLimit(1000);
    }

    /** What suits a network reading images: the settings of {@link #IMAGE_STEPS}, on halved images. */
    static TrainingSetup forImages() {
        return new TrainingSetup(DatasetMatch.IMAGE_DATASET, DatasetOptions.defaults().withDownscale(true),
                settings(IMAGE_STEPS, IMAGE_BATCH, Optimizer.SGD, IMAGE_RATE, Schedule.STEP_DECAY, IMAGE_WEIGHT_DECAY,
                        DEFAULT_SEED), true);
    }

    /** What the app starts with: the degradation story of PaperClaimsTest, in well under a minute. */
    public static TrainingSetup defaults() {
        return new TrainingSetup(DEFAULT_DATASET, DatasetOptions.defaults().withClasses(DEFAULT_CLASSES),
                settings(DEFAULT_STEPS, DEFAULT_BATCH, Optimizer.SGD, DEFAULT_SGD_RATE, Schedule.CONSTANT,
                        DEFAULT_WEIGHT_DECAY, DEFAULT_SEED), true);
    }
}

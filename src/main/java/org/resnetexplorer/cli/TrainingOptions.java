package org.resnetexplorer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.TrainingSettings;

/**
 * The options of a training run, as {@code train} takes them and {@code export-pytorch --train} takes them for its
 * script, and how they become {@link TrainingSettings} and {@link DatasetOptions}.
 */
final class TrainingOptions {
    /** The options with a value, beside {@code --dataset}. */
    static final Set<String> OPTIONS = Set.of("--dataset", "--steps", "--batch", "--lr", "--optimizer",
            "--weight-decay", "--seed", "--eval-every", "--momentum", "--metrics-every", "--milestones", "--lr-factor",
            "--warmup", "--test-limit", "--data-dir", "--noise", "--train-size", "--test-size", "--classes");
    static final Set<String> FLAGS = Set.of("--downscale");
    static final String USAGE = "--dataset NAME [--steps N] [--batch B] [--lr X] [--optimizer sgd|adam]"
            + " [--weight-decay W] [--seed S] [--eval-every K] [--momentum M] [--metrics-every K] [--milestones S1,S2]"
            + " [--lr-factor F] [--warmup N] [--test-limit N] [--data-dir DIR] [--downscale] [--noise X]"
            + " [--train-size N] [--test-size N] [--classes K]";

    private TrainingOptions() {
    }

    /** How to load the dataset: sizes, noise, classes, downscaling and folder as given, the rest at its defaults. */
    static DatasetOptions dataset(Arguments parsed) throws UsageException {
        try {
            DatasetOptions options = DatasetOptions.defaults()
                    .withNoise(parsed.doubleOption("--noise"))
                    .withTrainSize(parsed.intOption("--train-size", 1))
                    .withTestSize(parsed.intOption("--test-size", 1))
                    .withClasses(parsed.intOption("--classes", 2))
                    .withDownscale(parsed.flag("--downscale"));
            Path dataDir = parsed.pathOption("--data-dir", "the folder of the dataset's files");
            return dataDir != null ? options.withDataDir(dataDir) : options;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The training settings: the defaults, with each option given; Adam without --lr starts at 0.001. */
    static TrainingSettings settings(Arguments parsed) throws UsageException {
        try {
            TrainingSettings s = TrainingSettings.defaults();
            Integer steps = parsed.intOption("--steps", 1);
            if (steps != null) {
                s = s.withSteps(steps);
            }
            Integer batch = parsed.intOption("--batch", 1);
            if (batch != null) {
                s = s.withBatch(batch);
            }
            if (parsed.option("--optimizer") != null) {
                Optimizer optimizer = Optimizer.parse(parsed.option("--optimizer"));
                s = s.withOptimizer(optimizer);
                if (optimizer == Optimizer.ADAM && parsed.option("--lr") == null) {
                    s = s.withLearningRate(0.001);
                }
            }
            Double rate = parsed.doubleOption("--lr");
            if (rate != null) {
                s = s.withLearningRate(rate);
            }
            List<Integer> milestones = parsed.intListOption("--milestones", 1);
            Double factor = parsed.doubleOption("--lr-factor");
            Integer warmup = parsed.intOption("--warmup", 0);
            s = s.withSchedule(new LearningRateSchedule(s.schedule().base(), milestones, factor != null ? factor : 0.1,
                    warmup != null ? warmup : 0));
            Double decay = parsed.doubleOption("--weight-decay");
            if (decay != null) {
                s = s.withWeightDecay(decay);
            }
            Double momentum = parsed.doubleOption("--momentum");
            if (momentum != null) {
                s = s.withMomentum(momentum);
            }
            Long seed = parsed.longOption("--seed");
            if (seed != null) {
                s = s.withSeed(seed);
            }
            Integer eval = parsed.intOption("--eval-every", 1);
            if (eval != null) {
                s = s.withEvalEvery(eval);
            }
            Integer every = parsed.intOption("--metrics-every", 1);
            if (every != null) {
                s = s.withMetricsEvery(every);
            }
            Integer limit = parsed.intOption("--test-limit", 1);
            if (limit != null) {
                s = s.withTestLimit(limit);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

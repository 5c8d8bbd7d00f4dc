package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The claims of He et al. 2016 ("Deep Residual Learning") that the app teaches, checked in miniature on the
 * real engine with fixed seeds. Nothing here is clamped or hard-coded: every number comes from a training run
 * or a backward pass, and every assertion can fail if the engine (or the claim, at this size) does not hold.
 *
 * <p>Where a claim holds only in part at this size (the sigmoid residual twin, BN gradients that grow rather than stay
 * level), the assertion states what does hold and a comment says what does not. Fig. 7 is discussed in
 * docs/RESIDUAL-RESPONSES.md.
 */
class PaperClaimsTest {
    /** 3-arm spiral, 1000 training points, noise 0.1, generated with seed 1. */
    private static Dataset spiral;

    @BeforeAll
    static void loadData() throws Exception {
        spiral = Datasets.load("spiral", DatasetOptions.defaults().withClasses(3).withNoise(0.1).withTrainSize(1000)
                .withSeed(1L));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. Degradation

    /** The app's "Degradation" preset: the same for the shallow, the deep plain and the deep residual net. */
    private static final int DEGRADATION_STEPS = 600;

    private static TrainingSettings degradationSettings(long seed) {
        return new TrainingSettings(DEGRADATION_STEPS, 64, Optimizer.SGD, LearningRateSchedule.constant(0.05), 0.9, 0,
                seed, DEGRADATION_STEPS, 10, 1000, 10);
    }

    private static Network mlp(String template, boolean batchNorm, ActivationFunction activation) {
        return Templates.build(template, TemplateOptions.defaults().withWidth(16).withBatchNorm(batchNorm)
                .withActivation(activation).withInput(spiral.shape()).withClasses(spiral.classes()));
    }

    @Test
    @DisplayName("Degradation in miniature, fixed seed, within a few minutes on 2 cores: a deep plain net (with BN)"
            + " ends with higher training error than a shallow plain net after the same number of steps, while the"
            + " residual twin of the deep net ends at or below the shallow one (within 2 points of training error)")
    void degradation() throws Exception {
        // The "test" split handed to the trainer is the training set itself, so the trainer's final evaluation
        // (all 1000 points, BatchNorm in inference mode) is a fixed evaluation of the TRAINING error.
        Dataset onTrainSet = new Dataset("spiral (evaluated on its training set)", spiral.train(), spiral.train(),
                spiral.classNames());
        long seed = 1;
        // the two deep nets first, so that the two threads finish at about the same time
        List<Run> runs = trainAll(onTrainSet, degradationSettings(seed),
                mlp("mlp-plain-20", true, ActivationFunction.RELU),
                mlp("mlp-resnet-20", true, ActivationFunction.RELU),
                mlp("mlp-plain-4", true, ActivationFunction.RELU));
        Run deepPlain = runs.get(0);
        Run deepResidual = runs.get(1);
        Run shallow = runs.get(2);
        String table = String.format(Locale.ROOT, "seed %d, %d steps: training-set error (eval) / mean batch error over"
                + " the last 100 steps: plain-4 %.3f / %.3f, plain-20 %.3f / %.3f, resnet-20 %.3f / %.3f", seed,
                DEGRADATION_STEPS, shallow.trainSetError(), shallow.recentBatchError(), deepPlain.trainSetError(),
                deepPlain.recentBatchError(), deepResidual.trainSetError(), deepResidual.recentBatchError());

        for (Run run : runs) {
            assertThat(run.result().status()).as("%s should finish its %d steps (%s)", run.name(), DEGRADATION_STEPS,
                    run.result().message()).isEqualTo(RunStatus.FINISHED);
        }
        assertThat(deepPlain.trainSetError())
                .as("the deep plain net degrades: its training-set error is at least 10 points above the shallow"
                        + " plain net's (%s)", table)
                .isGreaterThan(shallow.trainSetError() + 0.10);
        assertThat(deepPlain.recentBatchError())
                .as("the degradation also shows in the trainer's own running training error (%s)", table)
                .isGreaterThan(shallow.recentBatchError() + 0.10);
        // Seeds 1, 2, 3 in exploration: resnet-20 vs plain-4 = 0.026 vs 0.047, 0.051 vs 0.042, 0.021 vs 0.037;
        // the 2 points allow for seeds where the two end level rather than strictly below.
        assertThat(deepResidual.trainSetError())
                .as("the residual twin of the deep net does not degrade: its training-set error is at or below the"
                        + " shallow plain net's, within 2 points (%s)", table)
                .isLessThanOrEqualTo(shallow.trainSetError() + 0.02);
        assertThat(deepResidual.trainSetError())
                .as("and far below its plain twin's (%s)", table)
                .isLessThan(deepPlain.trainSetError() - 0.10);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2, 3. Gradient norms at initialisation

    @Test
    @DisplayName("Vanishing gradients: a deep plain MLP with sigmoid activations and no BN has a first-layer gradient"
            + " norm orders of magnitude below its last layer's at initialisation; its residual twin keeps orders of"
            + " magnitude more of it, and with pure identity paths (pre-activation) none is lost")
    void vanishingGradientsWithoutBatchNorm() {
        double plain = firstOverLastHidden(mlp("mlp-plain-20", false, ActivationFunction.SIGMOID), 1);
        double residual = firstOverLastHidden(mlp("mlp-resnet-20", false, ActivationFunction.SIGMOID), 1);

        assertThat(plain)
                .as("plain-20, sigmoid, no BN: first/last hidden-layer weight-gradient norm at step 1 should be below"
                        + " 1e-2 (it is %.3g)", plain)
                .isLessThan(1e-2);
        // The templates are post-activation (the paper's original block): the sigmoid comes AFTER each addition,
        // so the shortcut path still passes through sigmoid' <= 1/4 once per block and the residual twin's first
        // layer also gets a small gradient. What the shortcuts do is skip the weights and the sigmoid inside each
        // branch: half of the sigmoids, and the decay is orders of magnitude weaker.
        assertThat(residual / plain)
                .as("resnet-20's first/last ratio (%.3g) should be at least 1000x plain-20's (%.3g)", residual, plain)
                .isGreaterThan(1e3);
        // With a pure identity path (pre-activation blocks, 1603.05027: nothing after the addition), the
        // gradient reaches the first layer undiminished: the residual twin does not vanish at all.
        // (compared layer for layer: the first block's first dense layer against the last block's last, both 16x16)
        Run identityRun = train(preActivationMlp(10, ActivationFunction.SIGMOID), spiral, new TrainingSettings(1, 64,
                Optimizer.SGD, LearningRateSchedule.constant(0.01), 0.9, 0, 1, 1, 1, 10, 10));
        double identity = gradNorm(identityRun, "block1.dense1") / gradNorm(identityRun, "block10.dense2");
        assertThat(identity)
                .as("pre-activation resnet-20, sigmoid, no BN: block1.dense1 / block10.dense2 gradient norm %.3g should"
                        + " be within 10x of 1", identity)
                .isBetween(0.1, 10.0);
    }

    private static double gradNorm(Run run, String layer) {
        return run.snapshots().get(0).gradNorms().stream()
                .filter(v -> v.layer().equals(layer) && v.kind() == GradientKind.WEIGHT)
                .findFirst().orElseThrow().value();
    }

    /**
     * The pre-activation twin of mlp-resnet-(2 x blocks): dense1 and its activation, then blocks of
     * act -> dense -> act -> dense added to an identity shortcut, with nothing after the addition.
     */
    private static Network preActivationMlp(int blocks, ActivationFunction f) {
        NetworkBuilder b = new NetworkBuilder("mlp-preact-resnet-" + 2 * blocks);
        String x = b.add("input", new Input(Shape.flat(2)));
        x = b.add("dense1", new Dense(16, true), x);
        for (int i = 1; i <= blocks; i++) {
            String r = b.add("block" + i + ".act1", new Activation(f), x);
            r = b.add("block" + i + ".dense1", new Dense(16, true), r);
            r = b.add("block" + i + ".act2", new Activation(f), r);
            r = b.add("block" + i + ".dense2", new Dense(16, true), r);
            String s = b.add("block" + i + ".shortcut", new Shortcut(ShortcutOption.A, 16, 1), x);
            x = b.add("block" + i + ".add", new Add(), r, s);
        }
        x = b.add("act_final", new Activation(f), x);
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), x));
        return b.build();
    }

    @Test
    @DisplayName("BatchNorm keeps the gradients of a deep plain net healthy: the same plain MLP with BN has no"
            + " vanishing first-layer gradient at initialisation (so plain nets with BN degrade for another reason)")
    void batchNormPlainNetsDoNotVanish() {
        for (ActivationFunction f : List.of(ActivationFunction.SIGMOID, ActivationFunction.RELU)) {
            for (long seed = 1; seed <= 3; seed++) {
                double withBn = firstOverLastHidden(mlp("mlp-plain-20", true, f), seed);
                double withoutBn = firstOverLastHidden(mlp("mlp-plain-20", false, f), seed);
                // Not "within 10x" both ways: with BN the first layer's gradient is LARGER than the last's (about
                // 7-80x here), as mean-field analyses of BatchNorm at initialisation predict. It never vanishes.
                assertThat(withBn)
                        .as("plain-20 %s with BN, seed %d: first/last hidden-layer gradient norm %.3g should be at"
                                + " least 0.1 (no vanishing)", f.id(), seed, withBn)
                        .isGreaterThanOrEqualTo(0.1);
                if (f == ActivationFunction.SIGMOID) {
                    assertThat(withBn / withoutBn)
                            .as("with sigmoid, BN should lift the ratio by orders of magnitude (%.3g with, %.3g"
                                    + " without)", withBn, withoutBn)
                            .isGreaterThan(1e6);
                }
            }
        }
    }

    /**
     * The first hidden layer's weight-gradient norm over the last hidden layer's, from the snapshot of the first
     * step (measured before any update, so at initialisation).
     */
    private static double firstOverLastHidden(Network network, long seed) {
        TrainingSettings one = new TrainingSettings(1, 64, Optimizer.SGD, LearningRateSchedule.constant(0.01), 0.9, 0,
                seed, 1, 1, 10, 10);
        Run run = train(network, spiral, one);
        assertThat(run.result().status()).as("%s should run one step (%s)", network.name(), run.result().message())
                .isEqualTo(RunStatus.FINISHED);
        List<TrainingSnapshot.GradientNorm> weights = run.snapshots().get(0).gradNorms().stream()
                .filter(v -> v.kind() == GradientKind.WEIGHT).toList();
        TrainingSnapshot.GradientNorm first = weights.get(0);
        TrainingSnapshot.GradientNorm lastHidden = weights.get(weights.size() - 2);
        assertThat(first.layer()).as("the first weighted layer of %s", network.name()).isEqualTo("dense1");
        assertThat(weights.get(weights.size() - 1).layer()).as("the classifier comes last").isEqualTo("fc");
        assertThat(lastHidden.value()).as("%s's last hidden layer gets a gradient", network.name()).isPositive();
        return first.value() / lastHidden.value();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Fig. 7: residual responses

    @Test
    @DisplayName("Fig. 7 in miniature: after a short training on downscaled Fashion-MNIST, the 3x3 convolutions of"
            + " cifar-resnet-14 respond with a smaller std (after BN, before ReLU or addition) than those of its plain"
            + " twin, most of all at the end of each residual branch")
    void residualResponsesAreSmaller() throws Exception {
        Dataset fashion = Datasets.load("fashion-mnist", DatasetOptions.defaults().withDownscale(true));
        TrainingSettings settings = new TrainingSettings(80, 32, Optimizer.SGD, LearningRateSchedule.constant(0.1), 0.9,
                1e-4, 1, 80, 20, 200, 10);
        TemplateOptions options = TemplateOptions.defaults().withWidth(8).withInput(fashion.shape())
                .withClasses(fashion.classes());
        List<Run> runs = trainAll(fashion, settings, Templates.build("cifar-resnet-14", options),
                Templates.build("cifar-plain-14", options));
        Run residual = runs.get(0);
        Run plain = runs.get(1);
        for (Run run : runs) {
            assertThat(run.result().status()).as("%s should finish (%s)", run.name(), run.result().message())
                    .isEqualTo(RunStatus.FINISHED);
        }
        List<TrainingSnapshot.LayerValue> r = residual.snapshots().get(residual.snapshots().size() - 1).responseStd();
        List<TrainingSnapshot.LayerValue> p = plain.snapshots().get(plain.snapshots().size() - 1).responseStd();
        assertThat(r).as("one response per 3x3 conv, the same layers in both nets").hasSize(13)
                .extracting(TrainingSnapshot.LayerValue::layer)
                .containsExactlyElementsOf(p.stream().map(TrainingSnapshot.LayerValue::layer).toList());
        double residualMean = mean(r, "");
        double plainMean = mean(p, "");
        double residualBranchEnds = mean(r, ".conv2");
        double plainBranchEnds = mean(p, ".conv2");
        String figures = String.format(Locale.ROOT, "mean response std of the 13 3x3 convs: resnet %.3f, plain %.3f;"
                + " of the 6 blockN.conv2: resnet %.3f, plain %.3f", residualMean, plainMean, residualBranchEnds,
                plainBranchEnds);
        assertThat(residualMean).as("the ResNet's responses are smaller on average, by at least 2%% (%s)", figures)
                .isLessThan(0.98 * plainMean);
        assertThat(residualBranchEnds)
                .as("the last conv of each residual branch responds at least 5%% less than in the plain net (%s)",
                        figures)
                .isLessThan(0.95 * plainBranchEnds);
    }

    private static double mean(List<TrainingSnapshot.LayerValue> values, String suffix) {
        return values.stream().filter(v -> v.layer().endsWith(suffix)).mapToDouble(TrainingSnapshot.LayerValue::value)
                .average().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running

    /** One finished run: its result and every snapshot it published. */
    private record Run(String name, RunResult result, List<TrainingSnapshot> snapshots) {
        /** The final evaluation, on whatever the dataset's test split is. */
        double trainSetError() {
            return result.testError();
        }

        /** The mean over the last 10 snapshots of the batch error since the previous one (the last 100 steps). */
        double recentBatchError() {
            List<TrainingSnapshot> last = snapshots.subList(Math.max(0, snapshots.size() - 10), snapshots.size());
            return last.stream().mapToDouble(TrainingSnapshot::batchError).average().orElse(Double.NaN);
        }
    }

    private static Run train(Network network, Dataset dataset, TrainingSettings settings) {
        Trainer trainer = new Trainer(network.name(), network, dataset, settings);
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                snapshots.add(snapshot);
            }

            @Override
            public void status(String run, RunStatus status, String message) {
            }
        });
        RunResult result = trainer.run();
        return new Run(network.name(), result, List.copyOf(snapshots));
    }

    /**
     * Trains the networks on two threads (the engine computes on one thread per run, and these nets share no
     * random state: no dropout), in the given order.
     */
    private static List<Run> trainAll(Dataset dataset, TrainingSettings settings, Network... networks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> futures = new ArrayList<>();
            for (Network network : networks) {
                futures.add(pool.submit(() -> train(network, dataset, settings)));
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}

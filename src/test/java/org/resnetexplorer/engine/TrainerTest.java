package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/**
 * The trainer as the app drives it: reproducible runs, steering from another thread, runs that end badly
 * without throwing, the learning-rate schedule, and no memory growth over many runs.
 */
class TrainerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // ---------------------------------------------------------------------------------------------------------
    // shared fixtures (also used by the other engine tests)

    /** The spiral set, smaller than its default so that test errors are quick. */
    static Dataset spiral() {
        try {
            return Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(400).withTestSize(200));
        } catch (Exception e) {
            throw new AssertionError("the spiral set does not load", e);
        }
    }

    /**
     * A tiny image set: 1x8x8 Gaussian noise, labelled 1 where the left half is brighter than the right half,
     * so a conv net can learn it.
     */
    static Dataset tinyImages(int train, int test, long seed) {
        return new Dataset("tiny-images", images(train, seed), images(test, seed + 1000), List.of("right", "left"));
    }

    private static Examples images(int count, long seed) {
        Random random = new Random(seed);
        Shape shape = Shape.image(1, 8, 8);
        float[] features = new float[count * 64];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            double left = 0;
            double right = 0;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float v = (float) random.nextGaussian();
                    features[n * 64 + y * 8 + x] = v;
                    if (x < 4) {
                        left += v;
                    } else {
                        right += v;
                    }
                }
            }
            labels[n] = left > right ? 1 : 0;
        }
        return new Examples(shape, 2, features, labels);
    }

    /** cifar-resnet-8 (three basic blocks, BN, option A) at width 4 on 1x8x8 images, 2 classes. */
    static Network tinyCifar() {
        return Templates.build("cifar-resnet-8",
                TemplateOptions.defaults().withInput(Shape.image(1, 8, 8)).withWidth(4).withClasses(2));
    }

    /** mlp-resnet-4 at its defaults: 2 inputs, width 16, two residual blocks, no BN, 2 classes. */
    static Network mlp() {
        return Templates.build("mlp-resnet-4");
    }

    /** SGD, lr 0.1, momentum 0.9, weight decay 1e-4, seed 1, measured every step, small test evaluations. */
    static TrainingSettings quick(int steps) {
        return TrainingSettings.defaults().withSteps(steps).withBatch(16).withMetricsEvery(1).withEvalEvery(steps)
                .withTestLimit(50);
    }

    /** Collects everything a trainer publishes. */
    static final class Recorder implements TrainingListener {
        final List<TrainingSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<RunStatus> statuses = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void snapshot(TrainingSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void status(String run, RunStatus status, String message) {
            statuses.add(status);
            messages.add(message);
        }
    }

    static RunResult train(Network network, Dataset dataset, TrainingSettings settings, Recorder recorder) {
        Trainer trainer = new Trainer("test", network, dataset, settings);
        trainer.addListener(recorder);
        return trainer.run();
    }

    /**
     * Every field of a snapshot but its speed (wall-clock time), doubles written exactly (Double.toString
     * tells any two doubles apart), histogram counts in full.
     */
    static String fingerprint(TrainingSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(s.run()).append(" step ").append(s.step()).append('/').append(s.totalSteps())
                .append(" loss ").append(s.loss()).append(" batch ").append(s.batchError())
                .append(" train ").append(s.trainError()).append(" test ").append(s.testError())
                .append(" lr ").append(s.learningRate());
        for (TrainingSnapshot.GradientNorm v : s.gradNorms()) {
            b.append(" | grad ").append(v.layer()).append(' ').append(v.kind()).append(' ').append(v.value());
        }
        for (TrainingSnapshot.LayerValue v : s.responseStd()) {
            b.append(" | response ").append(v.layer()).append(' ').append(v.value());
        }
        for (TrainingSnapshot.ResidualResponse r : s.residuals()) {
            b.append(" | residual ").append(r.block()).append(" std ").append(r.std()).append(" ratio ").append(r.ratio())
                    .append(" hist ").append(r.histogram().low()).append("..").append(r.histogram().high())
                    .append(' ').append(Arrays.toString(r.histogram().counts()));
        }
        return b.toString();
    }

    /** The snapshot with its speed (wall-clock time) zeroed, to compare the rest with equals. */
    static TrainingSnapshot withoutSpeed(TrainingSnapshot s) {
        return new TrainingSnapshot(s.run(), s.step(), s.totalSteps(), s.loss(), s.batchError(), s.trainError(),
                s.testError(), s.learningRate(), 0, s.gradNorms(), s.responseStd(), s.residuals());
    }

    private static List<String> fingerprints(List<TrainingSnapshot> snapshots) {
        return snapshots.stream().map(TrainerTest::fingerprint).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(2);
        }
    }

    private static CompletableFuture<RunResult> start(Trainer trainer, Thread[] thread) {
        CompletableFuture<RunResult> result = new CompletableFuture<>();
        thread[0] = new Thread(() -> {
            try {
                result.complete(trainer.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "trainer-under-test");
        thread[0].setDaemon(true);
        thread[0].start();
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // determinism

    @Test
    @DisplayName("the same graph, data, settings and seed give bit-identical snapshots: mlp-resnet-4 on spiral")
    void mlpRunsAreReproducible() {
        Dataset data = spiral();
        TrainingSettings settings = quick(25).withMetricsEvery(5).withEvalEvery(10);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        assertThat(train(mlp(), data, settings, first).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(train(mlp(), data, settings, second).status()).isEqualTo(RunStatus.FINISHED);

        assertThat(first.snapshots).as("snapshots at steps 1, 5, 10, .., 25").hasSize(6);
        assertThat(first.snapshots.get(0).gradNorms()).as("grad norms are measured").isNotEmpty();
        assertThat(first.snapshots.get(0).residuals()).as("both blocks' residuals are measured").hasSize(2);
        assertThat(fingerprints(second.snapshots)).as("every field of every snapshot of the second run")
                .containsExactlyElementsOf(fingerprints(first.snapshots));
        assertThat(second.snapshots.stream().map(TrainerTest::withoutSpeed).toList()).as("the snapshots, with equals")
                .isEqualTo(first.snapshots.stream().map(TrainerTest::withoutSpeed).toList());

        Recorder otherSeed = new Recorder();
        train(mlp(), data, settings.withSeed(2), otherSeed);
        assertThat(otherSeed.snapshots).hasSameSizeAs(first.snapshots);
        for (int i = 0; i < first.snapshots.size(); i++) {
            assertThat(fingerprint(otherSeed.snapshots.get(i))).as("snapshot %d with seed 2", i)
                    .isNotEqualTo(fingerprint(first.snapshots.get(i)));
        }
        assertThat(otherSeed.snapshots.get(0).loss()).as("first loss with seed 2")
                .isNotEqualTo(first.snapshots.get(0).loss());
    }

    @Test
    @DisplayName("the same graph, data, settings and seed give bit-identical snapshots: a tiny cifar-resnet-8 on images")
    void convRunsAreReproducible() {
        Dataset data = tinyImages(128, 64, 5);
        TrainingSettings settings = quick(8).withMetricsEvery(2).withEvalEvery(4);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        assertThat(train(tinyCifar(), data, settings, first).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(train(tinyCifar(), data, settings, second).status()).isEqualTo(RunStatus.FINISHED);

        assertThat(first.snapshots).as("snapshots at steps 1, 2, 4, 6, 8").hasSize(5);
        TrainingSnapshot last = first.snapshots.get(4);
        assertThat(last.responseStd()).as("one response per 3x3 conv: conv1 and two per block").hasSize(7);
        assertThat(last.residuals()).as("three blocks").hasSize(3);
        assertThat(last.hasTestError()).as("the last step is evaluated").isTrue();
        assertThat(fingerprints(second.snapshots)).as("every field of every snapshot of the second run")
                .containsExactlyElementsOf(fingerprints(first.snapshots));
        assertThat(second.snapshots.stream().map(TrainerTest::withoutSpeed).toList()).as("the snapshots, with equals")
                .isEqualTo(first.snapshots.stream().map(TrainerTest::withoutSpeed).toList());

        Recorder otherSeed = new Recorder();
        train(tinyCifar(), data, settings.withSeed(99), otherSeed);
        assertThat(otherSeed.snapshots).hasSameSizeAs(first.snapshots);
        for (int i = 0; i < first.snapshots.size(); i++) {
            assertThat(fingerprint(otherSeed.snapshots.get(i))).as("snapshot %d with seed 99", i)
                    .isNotEqualTo(fingerprint(first.snapshots.get(i)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // controls from another thread

    @Test
    @DisplayName("paused before it starts, a run takes exactly one step per step(), stays PAUSED, and resume() runs it to"
            + " the end; the status listener sees RUNNING, PAUSED, RUNNING, FINISHED")
    void pauseStepResume() throws Exception {
        Recorder recorder = new Recorder();
        Trainer trainer = new Trainer("steered", mlp(), spiral(), quick(20));
        trainer.addListener(recorder);
        trainer.pause();
        Thread[] thread = new Thread[1];
        CompletableFuture<RunResult> result = start(trainer, thread);

        await("the run is paused", () -> trainer.status() == RunStatus.PAUSED);
        await("the trainer thread waits", () -> thread[0].getState() == Thread.State.WAITING);
        assertThat(recorder.snapshots).as("no step runs while paused").isEmpty();
        for (int i = 1; i <= 3; i++) {
            trainer.step();
            int expected = i;
            await("step " + i + " is published", () -> recorder.snapshots.size() >= expected);
            await("the trainer thread waits again", () -> thread[0].getState() == Thread.State.WAITING);
            assertThat(recorder.snapshots).as("snapshots after %d step() calls", i).hasSize(i);
            assertThat(recorder.snapshots.get(i - 1).step()).as("step of snapshot %d", i).isEqualTo(i);
            assertThat(trainer.status()).as("status between single steps").isEqualTo(RunStatus.PAUSED);
        }
        Thread.sleep(100);
        assertThat(recorder.snapshots).as("still three snapshots a while later").hasSize(3);

        trainer.resume();
        RunResult end = result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(end.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(end.steps()).isEqualTo(20);
        assertThat(recorder.snapshots).extracting(TrainingSnapshot::step)
                .as("every step once, in order").containsExactlyElementsOf(range(1, 20));
        assertThat(recorder.statuses).as("status changes").containsExactly(RunStatus.RUNNING, RunStatus.PAUSED,
                RunStatus.RUNNING, RunStatus.FINISHED);
    }

    @Test
    @DisplayName("the listeners hear of a pause outside the trainer's lock: one that waits for a thread steering the run"
            + " (the FX thread pressing Resume) does not block it")
    void listenersHearOutsideTheLock() throws Exception {
        Trainer trainer = new Trainer("steered", mlp(), spiral(), quick(5));
        List<String> heard = new CopyOnWriteArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
            }

            @Override
            public void status(String run, RunStatus status, String message) {
                if (status == RunStatus.PAUSED) {
                    // as a listener waiting for the FX thread would, while the FX thread resumes the run
                    CompletableFuture<Void> resumed = CompletableFuture.runAsync(trainer::resume);
                    try {
                        resumed.get(5, TimeUnit.SECONDS);
                        heard.add("resumed");
                    } catch (java.util.concurrent.TimeoutException e) {
                        heard.add("resume() blocked: the listener was called holding the trainer's lock");
                    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                        heard.add(e.toString());
                    }
                }
                heard.add(status.name());
            }
        });
        trainer.pause();
        RunResult end = start(trainer, new Thread[1]).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(heard).as("what the listener heard, in order").containsExactly("RUNNING", "resumed", "PAUSED",
                "RUNNING", "FINISHED");
        assertThat(end.status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    @DisplayName("the messages a run is refused or ends with follow the app's language, as the run list shows them;"
            + " in English they read as before")
    void messagesFollowTheLanguage() throws Exception {
        Network fiveClasses = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withClasses(5));
        Network unwired = mlp().disconnect("fc", "in");
        Network flatInput = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(3)));
        assertThat(refusal(fiveClasses)).isEqualTo("'mlp-resnet-4' predicts 5 classes but spiral has 2: set the Output"
                + " (and the Dense before it) to 2");
        assertThat(refusal(flatInput)).isEqualTo("'mlp-resnet-4' takes 3 but spiral has 2: set the network's input to 2");
        assertThat(refusal(unwired)).startsWith("'mlp-resnet-4' cannot train yet: ");
        assertThat(stoppedBeforeItsFirstStep().message()).isEqualTo("stopped at step 0");
        Texts.Language before = Texts.language();
        try {
            Texts.use(Texts.Language.CHINESE);
            assertThat(refusal(fiveClasses)).isEqualTo("“mlp-resnet-4”预测 5 个类别，但 spiral 有 2 个类别：请把 Output"
                    + "（以及它之前的 Dense）设为 2");
            assertThat(refusal(flatInput)).isEqualTo("“mlp-resnet-4”的输入是 3，但 spiral 的样本是 2：请把网络的输入设为 2");
            assertThat(refusal(unwired)).startsWith("“mlp-resnet-4”还不能训练：");
            assertThat(stoppedBeforeItsFirstStep().message()).isEqualTo("在第 0 步停止");
        } finally {
            Texts.use(before);
        }
    }

    /** Why {@link Trainer#check} refuses to train {@code network} on the spiral. */
    private static String refusal(Network network) {
        try {
            Trainer.check(network, spiral(), quick(10));
        } catch (EngineException e) {
            return e.getMessage();
        }
        throw new AssertionError(network.name() + " was not refused");
    }

    private static RunResult stoppedBeforeItsFirstStep() {
        Trainer trainer = new Trainer("stopped", mlp(), spiral(), quick(10));
        trainer.stop();
        RunResult result = trainer.run();
        assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
        return result;
    }

    @Test
    @DisplayName("stop() from another thread ends a run with STOPPED before its last step")
    void stopEndsTheRun() throws Exception {
        Recorder recorder = new Recorder();
        Trainer trainer = new Trainer("stopped", mlp(), spiral(), quick(1_000_000).withMetricsEvery(10));
        trainer.addListener(recorder);
        Thread[] thread = new Thread[1];
        CompletableFuture<RunResult> result = start(trainer, thread);
        await("a few snapshots", () -> recorder.snapshots.size() >= 3);
        trainer.stop();
        RunResult end = result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(end.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(trainer.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(end.steps()).as("steps trained").isGreaterThanOrEqualTo(20).isLessThan(1_000_000);
        assertThat(end.message()).contains("stopped at step " + end.steps());
        assertThat(end.loss()).as("the last loss is kept").isFinite();
        assertThat(recorder.statuses).last().isEqualTo(RunStatus.STOPPED);
    }

    @Test
    @DisplayName("setLearningRate from another thread changes the rate reported from the next step on")
    void learningRateChangesDuringARun() throws Exception {
        Recorder recorder = new Recorder();
        Trainer trainer = new Trainer("lr", mlp(), spiral(), quick(10));
        trainer.addListener(recorder);
        trainer.pause();
        Thread[] thread = new Thread[1];
        CompletableFuture<RunResult> result = start(trainer, thread);
        trainer.step();
        trainer.step();
        await("two steps", () -> recorder.snapshots.size() == 2);
        await("the trainer thread waits", () -> thread[0].getState() == Thread.State.WAITING);
        trainer.setLearningRate(0.0125);
        trainer.resume();
        assertThat(result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(RunStatus.FINISHED);

        assertThat(recorder.snapshots).hasSize(10);
        assertThat(recorder.snapshots.subList(0, 2)).extracting(TrainingSnapshot::learningRate)
                .as("rate before the change").containsOnly(0.1);
        assertThat(recorder.snapshots.subList(2, 10)).extracting(TrainingSnapshot::learningRate)
                .as("rate after the change").containsOnly(0.0125);
    }

    // ---------------------------------------------------------------------------------------------------------
    // runs that end badly

    @Test
    @DisplayName("an absurd learning rate ends the run DIVERGED, naming the step and advising a lower rate, without"
            + " throwing")
    void absurdLearningRateDiverges() {
        Recorder recorder = new Recorder();
        TrainingSettings settings = quick(300).withLearningRate(1e6).withMetricsEvery(10);
        RunResult result = train(mlp(), spiral(), settings, recorder);

        assertThat(result.status()).as("status, message: %s", result.message()).isEqualTo(RunStatus.DIVERGED);
        assertThat(result.steps()).as("it diverges early").isBetween(1, 300);
        assertThat(result.message()).contains("at step " + result.steps()).containsIgnoringCase("lower the learning rate");
        assertThat(recorder.statuses).last().isEqualTo(RunStatus.DIVERGED);
        assertThat(recorder.messages).last().isEqualTo(result.message());
    }

    @Test
    @DisplayName("the divergence advice suggests BatchNorm only to a network without it, and a warm-up to one that has"
            + " it")
    void divergenceAdviceFitsTheNetwork() {
        Network withBatchNorm = tinyCifar();
        assertThat(withBatchNorm.nodes()).anyMatch(n -> n.layer() instanceof org.resnetexplorer.graph.BatchNorm);
        assertThat(mlp().nodes()).noneMatch(n -> n.layer() instanceof org.resnetexplorer.graph.BatchNorm);

        assertThat(Trainer.divergedAdvice(mlp(), "loss is NaN at step 3", 1e6))
                .isEqualTo("loss is NaN at step 3: the run diverged. Lower the learning rate (it was 1.00e+06) or add"
                        + " BatchNorm, then run again");
        assertThat(Trainer.divergedAdvice(withBatchNorm, "loss is NaN at step 3", 1e6))
                .contains("Lower the learning rate (it was 1.00e+06)").contains("warm-up")
                .doesNotContainIgnoringCase("BatchNorm");
    }

    @Test
    @DisplayName("a network whose input does not fit the dataset ends FAILED, naming both shapes")
    void wrongInputShapeFails() {
        Network network = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(3)));
        Recorder recorder = new Recorder();
        RunResult result = train(network, spiral(), quick(5), recorder);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.steps()).isZero();
        assertThat(result.message()).contains("takes 3").contains("has 2").contains("spiral");
        assertThat(recorder.snapshots).isEmpty();

        Network images = tinyCifar();
        RunResult onPoints = train(images, spiral(), quick(5), new Recorder());
        assertThat(onPoints.status()).isEqualTo(RunStatus.FAILED);
        assertThat(onPoints.message()).contains("1x8x8").contains("has 2");
    }

    @Test
    @DisplayName("a network with another number of classes than the dataset ends FAILED, naming both counts")
    void wrongClassCountFails() {
        Network network = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withClasses(5));
        RunResult result = train(network, spiral(), quick(5), new Recorder());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("5 classes").contains("has 2");
    }

    @Test
    @DisplayName("an invalid graph ends FAILED, naming the problem")
    void invalidGraphFails() {
        NetworkBuilder b = new NetworkBuilder("headless");
        b.add("dense", new Dense(2, true), b.add("input", new Input(Shape.flat(2))));
        Recorder recorder = new Recorder();
        RunResult result = train(b.build(), spiral(), quick(5), recorder);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("headless").contains("no Output layer");
        assertThat(recorder.statuses).containsExactly(RunStatus.FAILED);
    }

    // ---------------------------------------------------------------------------------------------------------
    // schedule

    @Test
    @DisplayName("the schedule warms up linearly, then multiplies by the factor at each milestone passed")
    void scheduleValues() {
        LearningRateSchedule schedule = new LearningRateSchedule(0.4, List.of(300, 100), 0.1, 4);
        assertThat(schedule.milestones()).as("milestones sorted").containsExactly(100, 300);
        assertThat(schedule.at(0)).as("step 0").isCloseTo(0.1, within());
        assertThat(schedule.at(1)).as("step 1").isCloseTo(0.2, within());
        assertThat(schedule.at(3)).as("step 3, the last of the warm-up").isCloseTo(0.4, within());
        assertThat(schedule.at(4)).as("step 4").isCloseTo(0.4, within());
        assertThat(schedule.at(99)).as("step 99").isCloseTo(0.4, within());
        assertThat(schedule.at(100)).as("step 100, first milestone").isCloseTo(0.04, within());
        assertThat(schedule.at(299)).as("step 299").isCloseTo(0.04, within());
        assertThat(schedule.at(300)).as("step 300, second milestone").isCloseTo(0.004, within());
        assertThat(schedule.at(100_000)).as("step 100000").isCloseTo(0.004, within());

        LearningRateSchedule changed = schedule.withBase(1.0);
        assertThat(changed.at(1)).as("a new base keeps the warm-up").isCloseTo(0.5, within());
        assertThat(changed.at(150)).as("a new base keeps the milestones").isCloseTo(0.1, within());
        assertThat(LearningRateSchedule.constant(0.3).at(12345)).isEqualTo(0.3);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    // ---------------------------------------------------------------------------------------------------------
    // memory

    @Test
    @DisplayName("thirty short runs of a tiny cifar-resnet-8 in a row do not grow resident memory")
    void repeatedRunsDoNotLeak() throws IOException {
        Dataset data = tinyImages(64, 16, 3);
        TrainingSettings settings = quick(20).withMetricsEvery(10).withEvalEvery(20).withTestLimit(16);
        long[] rss = new long[31];
        for (int run = 1; run <= 30; run++) {
            RunResult result = train(tinyCifar(), data, settings.withSeed(run), new Recorder());
            assertThat(result.status()).as("run %d: %s", run, result.message()).isEqualTo(RunStatus.FINISHED);
            System.gc();
            rss[run] = residentKilobytes();
        }
        long growthMb = (rss[30] - rss[10]) / 1024;
        assertThat(growthMb).as("resident memory growth from run 10 to run 30, in MB (VmRSS by run: %s)",
                Arrays.toString(rss)).isLessThan(150);
    }

    @Test
    @DisplayName("a training thread computes on one OpenMP thread, whichever thread loaded ND4J")
    void oneComputeThread() throws Exception {
        Nd4jRuntime.start();
        assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads())
                .as("OpenMP threads of the thread that started ND4J").isEqualTo(1);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
            train(mlp(), spiral(), quick(2), new Recorder());
            return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        }, runnable -> new Thread(runnable, "another-trainer").start());
        assertThat(other.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("OpenMP threads of another training thread")
                .isEqualTo(1);
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}

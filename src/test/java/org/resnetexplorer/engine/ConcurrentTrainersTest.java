package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;

/**
 * Trainers that run at once on threads of their own (an experiment's runs, decision 0025) draw nothing from one
 * another: each run's weights, batches and dropout masks come from its own seed, so a run trained beside another
 * gives the same snapshots as the same run trained alone.
 */
class ConcurrentTrainersTest {
    private static final int STEPS = 40;

    /** A small MLP with dropout between its layers: every step draws a dropout mask from ND4J's generator. */
    private static Network withDropout() {
        NetworkBuilder b = new NetworkBuilder("dropout-mlp");
        String x = b.add("input", new Input(Shape.flat(2)));
        x = b.add("dense1", new Dense(32, true), x);
        x = b.add("relu1", Activation.RELU, x);
        x = b.add("dropout1", new Dropout(0.3), x);
        x = b.add("dense2", new Dense(32, true), x);
        x = b.add("relu2", Activation.RELU, x);
        x = b.add("dropout2", new Dropout(0.3), x);
        x = b.add("dense3", new Dense(2, true), x);
        b.add("output", new Output(2), x);
        return b.build();
    }

    private static TrainingSettings settings(long seed) {
        return TrainerTest.quick(STEPS).withSeed(seed).withEvalEvery(10);
    }

    private static List<TrainingSnapshot> train(String run, Dataset data, long seed) {
        TrainerTest.Recorder recorder = new TrainerTest.Recorder();
        Trainer trainer = new Trainer(run, withDropout(), data, settings(seed));
        trainer.addListener(recorder);
        RunResult result = trainer.run();
        assertThat(result.status()).as("%s: %s", run, result.message()).isEqualTo(RunStatus.FINISHED);
        return List.copyOf(recorder.snapshots);
    }

    @Test
    @DisplayName("two runs with dropout trained at once on two threads match the same runs trained alone")
    void runsAtOnceMatchRunsAlone() throws Exception {
        Dataset data = TrainerTest.spiral();
        // alone: one after the other on this thread, the second after the first has used ND4J's generator here
        List<TrainingSnapshot> aloneA = train("a", data, 7);
        List<TrainingSnapshot> aloneB = train("b", data, 8);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch together = new CountDownLatch(2);
            CompletableFuture<List<TrainingSnapshot>> a = CompletableFuture.supplyAsync(() -> {
                together.countDown();
                awaitQuietly(together);
                return train("a", data, 7);
            }, threads);
            CompletableFuture<List<TrainingSnapshot>> b = CompletableFuture.supplyAsync(() -> {
                together.countDown();
                awaitQuietly(together);
                return train("b", data, 8);
            }, threads);
            assertSame(a.get(), aloneA);
            assertSame(b.get(), aloneB);
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every figure of every snapshot equal, but the speed, which depends on the machine's load. */
    static void assertSame(List<TrainingSnapshot> actual, List<TrainingSnapshot> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("snapshot %d of run %s", i, expected.get(i).run())
                    .usingRecursiveComparison().withEqualsForType(ConcurrentTrainersTest::bitIdentical, Double.class).ignoringFields("stepsPerSecond").isEqualTo(expected.get(i));
        }
    }

    /** Equal to the last bit, NaN equal to NaN (AssertJ's own comparison of doubles allows 1e-15 and NaN != NaN). */
    static boolean bitIdentical(Double a, Double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}

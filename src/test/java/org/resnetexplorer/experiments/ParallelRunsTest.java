package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;

/**
 * An experiment's runs trained several at once (decision 0025) give the result they give one after the other:
 * the same snapshots, in the experiment's run order; the listeners hear each run's events in order; stop() ends
 * every run in progress and skips the rest.
 */
class ParallelRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough that runs started together overlap, short enough for the default build. */
    private static final int STEPS = 60;

    /** plain-vs-resnet (six MLPs on the spiral), shortened. */
    private static Experiment experiment() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Experiments.bundledText("plain-vs-resnet"));
        ((ObjectNode) root.get("dataset")).put("testSize", 100);
        ((ObjectNode) root.get("settings")).put("steps", STEPS).put("evalEvery", 30).put("metricsEvery", 10)
                .put("testLimit", 100);
        return Experiments.fromJson(root.toString(), "preset.json");
    }

    @Test
    @DisplayName("three runs at a time give every run the snapshots and result it has when the runs train one by one")
    void parallelMatchesSequential() throws Exception {
        Experiment experiment = experiment();
        ExperimentResult one = new ExperimentRunner(experiment, false, 1).run();
        ExperimentResult three = new ExperimentRunner(experiment, false, 3).run();

        assertThat(three.runs()).extracting(r -> r.spec().name())
                .containsExactlyElementsOf(experiment.runs().stream().map(Experiment.RunSpec::name).toList());
        for (int i = 0; i < one.runs().size(); i++) {
            ExperimentResult.Run expected = one.runs().get(i);
            ExperimentResult.Run actual = three.runs().get(i);
            assertThat(actual.result()).as("the result of %s", expected.spec().name()).usingRecursiveComparison().withEqualsForType(ParallelRunsTest::bitIdentical, Double.class)
                    .ignoringFields("stepsPerSecond", "wallSeconds").isEqualTo(expected.result());
            assertThat(actual.snapshots()).as("the snapshots of %s", expected.spec().name()).hasSize(STEPS / 10 + 1);
            for (int s = 0; s < expected.snapshots().size(); s++) {
                assertThat(actual.snapshots().get(s)).as("snapshot %d of %s", s, expected.spec().name())
                        .usingRecursiveComparison().withEqualsForType(ParallelRunsTest::bitIdentical, Double.class).ignoringFields("stepsPerSecond")
                        .isEqualTo(expected.snapshots().get(s));
            }
        }
        assertThat(three.outcomes()).extracting(Claim.Outcome::left)
                .containsExactlyElementsOf(one.outcomes().stream().map(Claim.Outcome::left).toList());
    }

    @Test
    @DisplayName("another seed trains other weights on the same examples; the preset's own seed gives its own result")
    void seedShiftsTheRuns() throws Exception {
        Experiment experiment = experiment();
        assertThat(experiment.withSeed(2).settings(false).seed()).isEqualTo(2);
        assertThat(experiment.withSeed(2).datasetOptions()).isEqualTo(experiment.datasetOptions());
        assertThat(experiment.withSeed(2).withSeed(experiment.settings(false).seed())).isEqualTo(experiment);
        Experiment small = experiment.withSeed(2);
        double first = new ExperimentRunner(experiment, false).run().figure("plain-6", Claim.Figure.TRAIN_ERROR);
        double second = new ExperimentRunner(small, false).run().figure("plain-6", Claim.Figure.TRAIN_ERROR);
        assertThat(second).as("plain-6's training error with seed 2").isNotEqualTo(first);
    }

    @Test
    @DisplayName("with two jobs two runs train at once, each run's events come in order, and at most two are in progress")
    void eventsOfInterleavedRuns() throws Exception {
        Experiment experiment = experiment();
        ExperimentRunner runner = new ExperimentRunner(experiment, false, 2);
        CountDownLatch twoStarted = new CountDownLatch(2);
        Map<String, List<String>> events = new ConcurrentHashMap<>();
        List<Integer> inProgress = new CopyOnWriteArrayList<>();
        List<Boolean> overlapped = new CopyOnWriteArrayList<>();
        runner.addListener(new ExperimentRunner.Listener() {
            private int running;

            @Override
            public void runStarted(String run, Network network, int index, int count) {
                events.computeIfAbsent(run, r -> new CopyOnWriteArrayList<>()).add("started " + index + "/" + count);
                synchronized (this) {
                    inProgress.add(++running);
                }
                twoStarted.countDown();
                try {
                    // the first two runs wait here for each other: they only meet if they train at once
                    overlapped.add(twoStarted.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                events.get(snapshot.run()).add("snapshot");
            }

            @Override
            public void runFinished(String run, RunResult result) {
                events.get(run).add("finished");
                synchronized (this) {
                    running--;
                }
            }
        });
        runner.run();

        assertThat(overlapped).as("whether the first two runs were in progress at once").containsOnly(true);
        assertThat(inProgress).as("runs in progress as each started").allSatisfy(n -> assertThat(n).isBetween(1, 2));
        for (int i = 0; i < experiment.runs().size(); i++) {
            String run = experiment.runs().get(i).name();
            List<String> expected = new ArrayList<>();
            expected.add("started " + i + "/" + experiment.runs().size());
            for (int s = 0; s <= STEPS / 10; s++) {
                expected.add("snapshot");
            }
            expected.add("finished");
            assertThat(events.get(run)).as("the events of %s", run).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisplayName("stop() ends both runs in progress and skips the rest")
    void stopEndsEveryRunInProgress() throws Exception {
        Experiment experiment = experiment();
        ExperimentRunner runner = new ExperimentRunner(experiment, false, 2);
        CountDownLatch twoTraining = new CountDownLatch(2);
        java.util.Set<String> training = ConcurrentHashMap.newKeySet();
        runner.addListener(new ExperimentRunner.Listener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                if (training.add(snapshot.run())) {
                    twoTraining.countDown();
                }
                try {
                    // both runs have trained a step when the stop comes
                    if (twoTraining.await(60, TimeUnit.SECONDS)) {
                        runner.stop();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ExperimentResult result = runner.run();

        List<ExperimentResult.Run> runs = result.runs();
        assertThat(runs).hasSize(experiment.runs().size());
        for (int i = 0; i < 2; i++) {
            RunResult run = runs.get(i).result();
            assertThat(run.status()).as("run %s", run.run()).isEqualTo(RunStatus.STOPPED);
            assertThat(run.steps()).as("steps of %s, stopped in progress", run.run()).isBetween(1, STEPS - 1);
        }
        for (ExperimentResult.Run run : runs.subList(2, runs.size())) {
            assertThat(run.result().status()).as("run %s", run.spec().name()).isEqualTo(RunStatus.STOPPED);
            assertThat(run.result().steps()).as("steps of %s, skipped", run.spec().name()).isZero();
            assertThat(run.snapshots()).isEmpty();
        }
    }

    @Test
    @DisplayName("an experiment trains at least one run at a time")
    void atLeastOneJob() throws Exception {
        Experiment experiment = experiment();
        assertThatThrownBy(() -> new ExperimentRunner(experiment, false, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    /** Equal to the last bit, NaN equal to NaN (AssertJ's own comparison of doubles allows 1e-15 and NaN != NaN). */
    static boolean bitIdentical(Double a, Double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}

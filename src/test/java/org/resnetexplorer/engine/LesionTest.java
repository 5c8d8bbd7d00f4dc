package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.BlockDeletion;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** Blocks of a trained network deleted at test time: the lesion study's measurements. */
@DisplayName("Lesion")
class LesionTest {
    private static final int TEST_LIMIT = 200;

    private static Network network(String template, boolean batchNorm) {
        return Templates.build(template, TemplateOptions.defaults().withInput(Shape.flat(2)).withBatchNorm(batchNorm));
    }

    /** A briefly trained state of the network and the run's result, the test error measured on 200 examples. */
    private record Trained(NetworkState state, RunResult result) {
    }

    private static Trained train(Network network) {
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("run", network, TrainerTest.spiral(),
                TrainerTest.quick(120).withEvalEvery(60).withTestLimit(TEST_LIMIT));
        trainer.addListener(TrainingListener.ofStates(states::add));
        RunResult result = trainer.run();
        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        return new Trained(states.get(states.size() - 1), result);
    }

    private static Examples test() {
        return TrainerTest.spiral().test();
    }

    private static float[] probabilities(NetworkState state) throws EngineException {
        Examples test = test();
        return NetworkProbe.of(state).run(test.features(), test.size()).probabilities();
    }

    @Test
    @DisplayName("deleting nothing gives the run's own test error, and the random curve starts there")
    void nothingDeletedIsTheRun() throws EngineException {
        Trained trained = train(network("mlp-resnet-6", true));
        Lesion lesion = Lesion.of(trained.state(), test(), TEST_LIMIT);

        assertThat(lesion.error(List.of())).isEqualTo(trained.result().testError());
        LesionResult study = lesion.study(3, 5, f -> { }, () -> false);
        assertThat(study.error()).isEqualTo(trained.result().testError());
        assertThat(study.random().get(0).deleted()).isZero();
        assertThat(study.random().get(0).errors()).containsOnly(trained.result().testError());
        assertThat(study.examples()).isEqualTo(TEST_LIMIT);
    }

    @Test
    @DisplayName("deleting a residual block computes what the network computes with that branch multiplied by zero")
    void deletionIsAZeroBranch() throws EngineException {
        Network resnet = network("mlp-resnet-6", true);
        NetworkState state = train(resnet).state();

        NetworkState lesioned = Lesion.of(state, test(), TEST_LIMIT).without(List.of("block2"));

        // the branch ends in a BatchNorm: gamma and beta at zero make its output exactly zero
        CompiledNetwork layout = CompiledNetwork.compile(resnet, DataType.FLOAT, 0);
        float[] values = state.values().clone();
        for (Parameters.Parameter p : layout.parameters().all()) {
            if (p.node().equals("block2.bn2")) {
                java.util.Arrays.fill(values, (int) p.offset(), (int) (p.offset() + p.length()), 0f);
            }
        }
        NetworkState zeroed = new NetworkState("run", state.step(), resnet, values, state.runningStatistics(),
                layout.weightSlices());
        float[] expected = probabilities(zeroed);
        float[] actual = probabilities(lesioned);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("probability %d", i).isCloseTo(expected[i], within(1e-5f));
        }
        assertThat(probabilities(state)).as("the deletion changes what the network computes")
                .isNotEqualTo(expected);
    }

    @Test
    @DisplayName("a deletion keeps every trained weight of the layers left, in a residual and a plain net")
    void otherWeightsUnchanged() throws EngineException {
        for (String template : List.of("mlp-resnet-6", "mlp-plain-6")) {
            NetworkState state = train(network(template, true)).state();

            NetworkState lesioned = Lesion.of(state, test(), TEST_LIMIT).without(List.of("block1", "block3"));

            assertThat(lesioned.network()).isEqualTo(BlockDeletion.without(state.network(), List.of("block1", "block3")));
            assertThat(lesioned.parameterCount()).isLessThan(state.parameterCount());
            List<Parameters.Parameter> before = CompiledNetwork.compile(state.network(), DataType.FLOAT, 0).parameters().all();
            for (Parameters.Parameter p : CompiledNetwork.compile(lesioned.network(), DataType.FLOAT, 0).parameters().all()) {
                Parameters.Parameter trained = before.stream()
                        .filter(q -> q.node().equals(p.node()) && q.role() == p.role()).findFirst().orElseThrow();
                assertThat(slice(lesioned.values(), p)).as("%s %s of %s", p.node(), p.role(), template)
                        .isEqualTo(slice(state.values(), trained));
            }
            lesioned.runningStatistics().forEach((bn, statistics) -> assertThat(statistics).as(bn)
                    .isEqualTo(state.runningStatistics().get(bn)));
            assertThat(lesioned.runningStatistics()).as(template).containsKeys("block2.bn1", "block2.bn2")
                    .doesNotContainKeys("block1.bn1", "block3.bn2");
        }
    }

    private static float[] slice(float[] values, Parameters.Parameter p) {
        return java.util.Arrays.copyOfRange(values, (int) p.offset(), (int) (p.offset() + p.length()));
    }

    @Test
    @DisplayName("the study measures every block and k = 0..n random deletions, the same again from the same seed")
    void studyIsWholeAndReproducible() throws EngineException {
        NetworkState state = train(network("mlp-plain-6", false)).state();
        Lesion lesion = Lesion.of(state, test(), TEST_LIMIT);
        List<Double> progress = new ArrayList<>();

        LesionResult first = lesion.study(4, 11, progress::add, () -> false);
        LesionResult again = lesion.study(4, 11, f -> { }, () -> false);

        assertThat(first).isEqualTo(again);
        assertThat(first.residual()).isFalse();
        assertThat(first.blocks()).extracting(LesionResult.BlockLesion::block).containsExactly("block1", "block2",
                "block3");
        assertThat(first.blocks()).extracting(LesionResult.BlockLesion::kind).containsOnly(BlockDeletion.Kind.REMOVED);
        assertThat(first.blocks().get(1).error()).isEqualTo(lesion.error(List.of("block2")));
        assertThat(first.random()).extracting(LesionResult.RandomLesions::deleted).containsExactly(0, 1, 2, 3);
        assertThat(first.random().get(3).errors()).as("all deleted: one network, whatever the draw")
                .containsOnly(lesion.error(lesion.blocks()));
        assertThat(first.meanIncrease()).isCloseTo(first.meanErrorWithOneDeleted() - first.error(), within(1e-12));
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    @DisplayName("a stopped study returns what it measured so far")
    void stopped() throws EngineException {
        NetworkState state = train(network("mlp-resnet-6", false)).state();
        int[] asked = {0};

        LesionResult partial = Lesion.of(state, test(), TEST_LIMIT).study(2, 1, f -> { }, () -> ++asked[0] > 2);

        assertThat(partial.residual()).isTrue();
        assertThat(partial.blocks()).hasSize(2);
        assertThat(partial.random()).isEmpty();
    }

    @Test
    @DisplayName("refuses test examples that do not fit the network")
    void misfit() throws EngineException {
        NetworkState state = CompiledNetwork.compile(network("mlp-resnet-4", false), DataType.FLOAT, 1).state("r", 0);
        Examples wide = new Examples(Shape.flat(3), 2, new float[6], new int[2]);

        assertThatThrownBy(() -> Lesion.of(state, wide, 10)).isInstanceOf(EngineException.class)
                .hasMessageContaining("mlp-resnet-4");
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.BlockInsertion;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * Continuing from trained weights (decision 0033): what is unchanged keeps its weights bit for bit, an inserted
 * residual block starts as the identity, a plain pair does not, and a trainer starts from the carried state.
 */
class CarriedStateTest {
    private static final TemplateOptions SPIRAL = TemplateOptions.defaults().withInput(Shape.flat(2));

    @Test
    @DisplayName("every unchanged layer carries its trained values and BatchNorm statistics bit for bit")
    void unchangedLayersKeepTheirWeights() throws EngineException {
        Network net = Templates.build("mlp-resnet-6", SPIRAL.withBatchNorm(true));
        NetworkState trained = trained(net, TrainerTest.spiral(), 30);
        BlockInsertion inserted = BlockInsertion.after(net, "block2", true);
        CarriedState.Carried carried = CarriedState.of(trained, inserted.network(), 5, "continued");

        Map<String, float[]> before = valuesByNode(trained);
        Map<String, float[]> after = valuesByNode(carried.state());
        assertThat(carried.kept()).as("every trained layer is still there").containsExactlyInAnyOrderElementsOf(
                before.keySet());
        for (String node : before.keySet()) {
            assertThat(after.get(node)).as("the values of %s", node).isEqualTo(before.get(node));
        }
        assertThat(carried.initialised()).containsExactly("block4.dense1", "block4.bn1", "block4.dense2", "block4.bn2");
        trained.runningStatistics().forEach((layer, stats) ->
                assertThat(carried.state().runningStatistics().get(layer)).as("running statistics of %s", layer)
                        .isEqualTo(stats));
        assertThat(carried.state().step()).isZero();
        assertThat(carried.state().run()).isEqualTo("continued");
    }

    @Test
    @DisplayName("a reshaped layer starts afresh from the new run's seed; a renamed network still carries by node")
    void reshapedLayersStartAfresh() throws EngineException {
        Network net = Templates.build("mlp-resnet-4", SPIRAL);
        NetworkState trained = trained(net, TrainerTest.spiral(), 20);
        Network wider = net.withName("wider").withLayer("block1.dense1", new Dense(24, true))
                .withLayer("block1.dense2", new Dense(16, true));
        CarriedState.Carried carried = CarriedState.of(trained, wider, 1, "wider");
        assertThat(carried.initialised()).containsExactly("block1.dense1", "block1.dense2");
        assertThat(carried.kept()).contains("dense1", "block2.dense1", "fc");
        assertThat(carried.silenced()).as("no block is new").isEmpty();
        float[] fresh = CompiledNetwork.compile(wider, DataType.FLOAT, 1).state("x", 0).weights("block1.dense1")
                .orElseThrow().values();
        assertThat(carried.state().weights("block1.dense1").orElseThrow().values()).isEqualTo(fresh);
    }

    @Test
    @DisplayName("a residual block inserted into a trained MLP (with and without BatchNorm) leaves every test prediction unchanged")
    void insertedResidualBlockIsTheIdentityOnMlps() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        for (boolean batchNorm : new boolean[] {false, true}) {
            Network net = Templates.build("mlp-resnet-6", SPIRAL.withBatchNorm(batchNorm));
            NetworkState trained = trained(net, spiral, 40);
            for (String previous : List.of("block1", "block3")) {
                BlockInsertion inserted = BlockInsertion.after(net, previous, true);
                CarriedState.Carried carried = CarriedState.of(trained, inserted.network(), 9, "continued");
                assertThat(carried.silenced()).containsExactly(inserted.block());
                assertThat(probabilities(carried.state(), spiral.test()))
                        .as("after %s, batchNorm %s", previous, batchNorm)
                        .isEqualTo(probabilities(trained, spiral.test()));
            }
        }
    }

    @Test
    @DisplayName("a residual block inserted into a trained CNN leaves its predictions on a small image sample unchanged")
    void insertedResidualBlockIsTheIdentityOnCnns() throws EngineException {
        Dataset images = TrainerTest.tinyImages(200, 100, 3);
        Network net = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withClasses(2).withWidth(4));
        NetworkState trained = trained(net, images, 20);
        BlockInsertion inserted = BlockInsertion.after(net, "block2", true);
        CarriedState.Carried carried = CarriedState.of(trained, inserted.network(), 2, "continued");
        assertThat(carried.silenced()).containsExactly(inserted.block());
        assertThat(probabilities(carried.state(), images.test())).isEqualTo(probabilities(trained, images.test()));
    }

    @Test
    @DisplayName("a plain pair inserted instead changes the predictions")
    void insertedPlainPairChangesThem() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        Network net = Templates.build("mlp-resnet-6", SPIRAL);
        NetworkState trained = trained(net, spiral, 40);
        BlockInsertion inserted = BlockInsertion.after(net, "block1", false);
        CarriedState.Carried carried = CarriedState.of(trained, inserted.network(), 9, "continued");
        assertThat(carried.silenced()).as("a pair without a shortcut is no residual block").isEmpty();
        assertThat(probabilities(carried.state(), spiral.test())).isNotEqualTo(probabilities(trained, spiral.test()));
    }

    @Test
    @DisplayName("a trainer started from a carried state begins where the trained run ended, evaluated at step 0, and refuses another network's state")
    void trainerStartsFromTheState() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        Network net = Templates.build("mlp-resnet-4", SPIRAL);
        NetworkState trained = trained(net, spiral, 30);
        CarriedState.Carried carried = CarriedState.of(trained, net, 4, "again");
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("again", net, spiral, TrainerTest.quick(10).withSeed(4));
        trainer.startFrom(carried.state());
        trainer.addListener(TrainingListener.ofStates(states::add));
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        trainer.addListener(snapshots::add);
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(snapshots.get(0).step()).as("evaluated before its first step").isZero();
        assertThat(snapshots.get(0).testError()).as("where the trained run ended")
                .isEqualTo(BlockSurgery.testError(trained, spiral.test(), 50));
        assertThat(states.get(0).values()).as("step 0 is the trained run's last state").isEqualTo(trained.values());
        assertThat(states.get(states.size() - 1).values()).as("and it trains on").isNotEqualTo(trained.values());

        Trainer other = new Trainer("other", Templates.build("mlp-resnet-6", SPIRAL), spiral,
                TrainerTest.quick(10));
        assertThatThrownBy(() -> other.startFrom(carried.state())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The final state of a short run of {@code net} on {@code data}. */
    static NetworkState trained(Network net, Dataset data, int steps) {
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("trained", net, data, TrainerTest.quick(steps));
        trainer.addListener(TrainingListener.ofStates(states::add));
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        return states.get(states.size() - 1);
    }

    /** The softmax probabilities of every example, in inference mode. */
    private static float[] probabilities(NetworkState state, Examples examples) throws EngineException {
        float[] features = examples.features().clone();
        return NetworkProbe.of(state).run(features, examples.size()).probabilities();
    }

    /** Every trainable value of each node with parameters, read through a compile of the state's network. */
    private static Map<String, float[]> valuesByNode(NetworkState state) throws EngineException {
        CompiledNetwork compiled = CompiledNetwork.compile(state.network(), DataType.FLOAT, 0);
        Map<String, float[]> values = new java.util.HashMap<>();
        for (Parameters.Parameter p : compiled.parameters().all()) {
            float[] part = new float[Math.toIntExact(p.length())];
            System.arraycopy(state.values(), Math.toIntExact(p.offset()), part, 0, part.length);
            values.merge(p.node(), part, CarriedStateTest::joined);
        }
        return values;
    }

    private static float[] joined(float[] a, float[] b) {
        float[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

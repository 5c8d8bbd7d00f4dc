package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A block's x, F(x) and x + F(x) for one image (issue 15's feature maps), and a state's weights. */
class BlockMapsTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);

    private static Network cifar(ShortcutOption option) {
        return Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(IMAGE).withWidth(4)
                .withShortcut(option));
    }

    /** A state whose BatchNorms have left their initial statistics and whose weights are not the initial ones. */
    private static NetworkState trainedState(Network network) throws EngineException {
        Nd4jRuntime.start();
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 3);
        compiled.forward(Nd4j.create(images(16, 5), new long[] {16, 1, 8, 8}, 'c'), true);
        compiled.values().muli(1.3);
        return compiled.state("run", 10);
    }

    private static float[] images(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static List<BlockMaps> maps(NetworkState state) throws EngineException {
        return BlockMaps.of(NetworkProbe.of(state), images(1, 9));
    }

    private static void assertSumIsXPlusF(BlockMaps block) {
        float[] x = block.x().values();
        float[] f = block.branch().values();
        float[] sum = block.sum().orElseThrow().values();
        assertThat(sum).hasSameSizeAs(x).hasSameSizeAs(f);
        for (int i = 0; i < sum.length; i++) {
            assertThat(x[i] + f[i]).as("%s: x + F(x) at %d", block.block().name(), i).isCloseTo(sum[i], within(1e-5f));
        }
    }

    @Test
    @DisplayName("with identity shortcuts (option A), F(x) + x is the block's pre-ReLU output, padded where the shape changes")
    void identityShortcuts() throws EngineException {
        List<BlockMaps> blocks = maps(trainedState(cifar(ShortcutOption.A)));
        assertThat(blocks).extracting(b -> b.block().name()).containsExactly("block1", "block2", "block3");
        assertThat(blocks).extracting(BlockMaps::kind)
                .containsExactly(BlockMaps.XKind.IDENTITY, BlockMaps.XKind.PADDED, BlockMaps.XKind.PADDED);
        blocks.forEach(BlockMapsTest::assertSumIsXPlusF);
        assertThat(blocks.get(0).sum().orElseThrow().node()).isEqualTo("block1.add");
        assertThat(blocks.get(1).x().channels()).as("block 2 widens 4 channels to 8").isEqualTo(8);
        for (int i = 0; i < 3; i++) {
            double negatives = 0;
            for (float v : blocks.get(i).sum().orElseThrow().values()) {
                negatives += v < 0 ? 1 : 0;
            }
            assertThat(negatives).as("the sum is taken before the ReLU, so it has negative values").isPositive();
        }
    }

    @Test
    @DisplayName("with projection shortcuts (option C), x is the projection and F(x) + x is still the block's pre-ReLU output")
    void projectionShortcuts() throws EngineException {
        List<BlockMaps> blocks = maps(trainedState(cifar(ShortcutOption.C)));
        assertThat(blocks).extracting(BlockMaps::kind).containsOnly(BlockMaps.XKind.PROJECTION);
        assertThat(blocks.get(1).x().node()).isEqualTo("block2.shortcut");
        blocks.forEach(BlockMapsTest::assertSumIsXPlusF);
    }

    @Test
    @DisplayName("the plain twin's \"F(x)\" is its layer output at the same place: the block's input and branch output, no sum")
    void plainTwin() throws EngineException {
        Network residual = cifar(ShortcutOption.A);
        Network plain = residual.withAllShortcuts(false);
        List<BlockMaps> twin = maps(trainedState(plain));
        List<BlockMaps> resnet = maps(trainedState(residual));
        assertThat(twin).hasSize(3);
        for (int i = 0; i < 3; i++) {
            BlockMaps block = twin.get(i);
            assertThat(block.residual()).isFalse();
            assertThat(block.kind()).isEqualTo(BlockMaps.XKind.INPUT);
            assertThat(block.branch().node()).as("the same place as the ResNet's F(x)")
                    .isEqualTo(resnet.get(i).branch().node());
            assertThat(block.output()).isSameAs(block.branch());
        }
        assertThat(twin.get(1).x().node()).isEqualTo("block1.relu2");
        assertThat(twin.get(1).x().channels()).as("the plain block's input keeps its 4 channels").isEqualTo(4);
        float[] before = twin.get(0).branch().values();
        float[] after = twin.get(1).x().values();
        boolean negative = false;
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).as("block 2's input is the ReLU of block 1's layer output at %d", i)
                    .isEqualTo(Math.max(0, before[i]));
            negative |= before[i] < 0;
        }
        assertThat(negative).as("the layer output is taken before its ReLU").isTrue();
    }

    @Test
    @DisplayName("a map's std is the population std of its values, per channel and over all of them")
    void stds() {
        FeatureMap map = new FeatureMap("n", 2, 1, 2, new float[] {1, 3, 0, 10});
        assertThat(map.std(0)).isCloseTo(1, within(1e-12));
        assertThat(map.std(1)).isCloseTo(5, within(1e-12));
        double mean = 14 / 4.0;
        double expected = Math.sqrt(((1 - mean) * (1 - mean) + (3 - mean) * (3 - mean) + mean * mean
                + (10 - mean) * (10 - mean)) / 4);
        assertThat(map.std()).isCloseTo(expected, within(1e-12));
        assertThat(map.strongestChannels(1)).containsExactly(1);
        assertThat(map.strongestChannels(5)).containsExactly(0, 1);
    }

    @Test
    @DisplayName("the stds of a block's maps are those of the maps the network computed")
    void blockStds() throws EngineException {
        BlockMaps block = maps(trainedState(cifar(ShortcutOption.A))).get(2);
        float[] f = block.branch().values();
        double sum = 0;
        for (float v : f) {
            sum += v;
        }
        double mean = sum / f.length;
        double squares = 0;
        for (float v : f) {
            squares += (v - mean) * (v - mean);
        }
        assertThat(block.branch().std()).isCloseTo(Math.sqrt(squares / f.length), within(1e-9));
        assertThat(block.x().std()).isNotEqualTo(block.branch().std());
    }

    @Test
    @DisplayName("a state gives a layer's weights with their shape: the first convolution's filters as trained")
    void weights() throws EngineException {
        Network network = cifar(ShortcutOption.A);
        Nd4jRuntime.start();
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 3);
        compiled.values().addi(0.25);
        NetworkState state = compiled.state("run", 1);
        NetworkState.Weights conv1 = state.weights("conv1").orElseThrow();
        assertThat(conv1.shape()).containsExactly(4, 1, 3, 3);
        float[] expected = compiled.parameters().all().stream()
                .filter(p -> p.node().equals("conv1") && p.role() == Parameters.Role.WEIGHT).findFirst().orElseThrow()
                .value().dup().reshape(-1).toFloatVector();
        assertThat(conv1.values()).containsExactly(expected);
        assertThat(state.weights("block1.bn1")).as("BatchNorm has no weights, only scales").isEmpty();
        assertThat(state.weights("nothing")).isEmpty();
        conv1.values()[0] = 99;
        assertThat(state.weights("conv1").orElseThrow().values()[0]).as("a copy").isNotEqualTo(99);
    }
}

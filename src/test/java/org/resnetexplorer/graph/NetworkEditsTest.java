package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkEditsTest {

    private static Network plainMlp() {
        NetworkBuilder b = new NetworkBuilder("mlp");
        String x = b.add("input", new Input(Shape.flat(2)));
        x = b.add("relu1", Activation.RELU, b.add("dense1", new Dense(8, true), x));
        x = b.add("relu2", Activation.RELU, b.add("dense2", new Dense(8, true), x));
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), x));
        return b.build();
    }

    @Test
    @DisplayName("adding a residual block after a layer inserts a valid block there and feeds the rest from it")
    void addResidualBlockAfterLayer() {
        Network before = plainMlp();
        Network after = NetworkEdits.addResidualBlock(before, "relu1", BlockKind.BASIC, ShortcutOption.A, false,
                ActivationFunction.RELU);
        Analysis analysis = Analysis.of(after);
        assertThat(analysis.problems()).as("problems after adding a block").isEmpty();
        assertThat(after.blocks()).extracting(Block::name).containsExactly("block1");
        assertThat(after.hasShortcut("block1")).isTrue();
        assertThat(after.source("dense2", LayerSpec.IN)).as("dense2 now reads the block's output").contains("block1.relu2");
        assertThat(after.source("block1.dense1", LayerSpec.IN)).contains("relu1");
        assertThat(after.source("block1.shortcut", LayerSpec.IN)).contains("relu1");
        assertThat(analysis.totalParams() - Analysis.of(before).totalParams()).as("two dense layers of 8x8 + bias")
                .isEqualTo(2 * (8 * 8 + 8));
        assertThat(after.nodes().stream().map(Node::name).toList().indexOf("block1.dense1"))
                .as("the block's layers come right after relu1 in network order")
                .isEqualTo(before.nodes().stream().map(Node::name).toList().indexOf("relu1") + 1);
    }

    @Test
    @DisplayName("a bottleneck block after a conv keeps its channels and refuses a count not divisible by 4")
    void addBottleneck() {
        Network cifar = Templates.build("cifar-resnet-8");
        Network grown = NetworkEdits.addResidualBlock(cifar, "block1.relu2", BlockKind.BOTTLENECK, ShortcutOption.B, true,
                ActivationFunction.RELU);
        assertThat(Analysis.of(grown).isValid()).isTrue();
        String name = grown.blocks().get(grown.blocks().size() - 1).name();
        assertThat(Analysis.of(grown).outputShape(name + ".conv1")).contains(Shape.image(4, 32, 32));
        Network odd = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withWidth(6));
        assertThatThrownBy(() -> NetworkEdits.addResidualBlock(odd, "relu1", BlockKind.BOTTLENECK, ShortcutOption.B, true,
                ActivationFunction.RELU)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a multiple of 4");
        assertThatThrownBy(() -> NetworkEdits.addResidualBlock(plainMlp(), "relu1", BlockKind.PREACT, ShortcutOption.A,
                false, ActivationFunction.RELU)).isInstanceOf(IllegalStateException.class).hasMessageContaining("flat vector");
    }

    @Test
    @DisplayName("wrapping a chain of layers in a skip connection adds a shortcut and an addition around it")
    void wrapChain() {
        Network wrapped = NetworkEdits.wrapInSkipConnection(plainMlp(), List.of("dense2", "relu2"), ShortcutOption.A);
        Analysis analysis = Analysis.of(wrapped);
        assertThat(analysis.problems()).isEmpty();
        Block block = wrapped.blocks().get(0);
        assertThat(block.kind()).isEqualTo(BlockKind.CUSTOM);
        assertThat(block.branchEnd()).isEqualTo("relu2");
        String add = block.name() + ".add";
        assertThat(wrapped.source(add, Add.RESIDUAL)).contains("relu2");
        assertThat(wrapped.source(block.name() + ".shortcut", LayerSpec.IN)).contains("relu1");
        assertThat(wrapped.source("fc", LayerSpec.IN)).contains(add);
        assertThat(wrapped.withShortcut(block.name(), false).nodes())
                .as("turning the shortcut off gives the original layers back").isEqualTo(plainMlp().nodes());
    }

    @Test
    @DisplayName("wrapping refuses an empty selection, the Input, a fork, and layers already in a block")
    void wrapRefusals() {
        assertThatThrownBy(() -> NetworkEdits.wrapInSkipConnection(plainMlp(), List.of(), ShortcutOption.A))
                .hasMessageContaining("select the layers");
        assertThatThrownBy(() -> NetworkEdits.wrapInSkipConnection(plainMlp(), List.of("input", "dense1"), ShortcutOption.A))
                .hasMessageContaining("Input cannot be inside");
        assertThatThrownBy(() -> NetworkEdits.wrapInSkipConnection(plainMlp(), List.of("dense1", "dense2"), ShortcutOption.A))
                .as("dense1 feeds relu1 outside the selection, dense2 feeds relu2").hasMessageContaining("2 of the selected");
        Network resnet = Templates.build("mlp-resnet-2");
        assertThatThrownBy(() -> NetworkEdits.wrapInSkipConnection(resnet, List.of("block1.dense1"), ShortcutOption.A))
                .hasMessageContaining("already in block 'block1'");
    }

    @Test
    @DisplayName("stacking copies a block after itself, unstrided, and the network stays valid")
    void stackBlocks() {
        Network cifar = Templates.build("cifar-resnet-8");
        Network stacked = NetworkEdits.stackBlocks(cifar, "block2", 2);
        Analysis analysis = Analysis.of(stacked);
        assertThat(analysis.problems()).as("problems after stacking").isEmpty();
        assertThat(stacked.blocks()).hasSize(5);
        Block copy = stacked.blocks().get(3);
        assertThat(copy.kind()).isEqualTo(BlockKind.BASIC);
        assertThat(stacked.requireNode(copy.name() + ".conv1").layer()).as("copies do not downsample again")
                .isEqualTo(new Conv2D(32, 3, 1, 1, false));
        assertThat(analysis.outputShape(copy.name() + ".relu2")).contains(Shape.image(32, 16, 16));
        long perBlock = 2 * (3 * 3 * 32 * 32 + 2 * 32);
        assertThat(analysis.totalParams() - Analysis.of(cifar).totalParams()).isEqualTo(2 * perBlock);
        assertThat(stacked.source("block3.conv1", LayerSpec.IN)).as("the next stage reads the last copy")
                .contains(stacked.blocks().get(4).name() + ".relu2");
    }

    @Test
    @DisplayName("a block's output is its last member that feeds a layer outside it, else its last member")
    void blockOutput() {
        Network cifar = Templates.build("cifar-resnet-8");
        assertThat(cifar.blockOutput(cifar.block("block2").orElseThrow())).isEqualTo("block2.relu2");
        // dense1 feeds the layers after the block; relu1, listed after it, is a dead end
        Network mlp = plainMlp().withNode(new Node("relu_spare", Activation.RELU))
                .connect(Wire.of("dense1", "relu_spare"));
        Network side = mlp.withBlock(new Block("side", BlockKind.CUSTOM, ShortcutOption.A, "dense1",
                List.of("dense1", "relu_spare")));
        assertThat(side.blockOutput(side.block("side").orElseThrow())).isEqualTo("dense1");
        Network loose = mlp.withBlock(new Block("loose", BlockKind.CUSTOM, ShortcutOption.A, "relu_spare",
                List.of("relu_spare")));
        assertThat(loose.blockOutput(loose.block("loose").orElseThrow())).as("nothing outside reads from it yet")
                .isEqualTo("relu_spare");
    }
}

package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkMergeTest {

    @Test
    @DisplayName("extract keeps the chosen nodes, the wires among them and whole blocks only")
    void extract() {
        Network resnet = Templates.build("mlp-resnet-4");
        Block block1 = resnet.block("block1").orElseThrow();
        Network part = NetworkEdits.extract(resnet, List.of("dense1", "relu1", "block2.dense1"));
        assertThat(part.nodes()).extracting(Node::name).containsExactly("dense1", "relu1", "block2.dense1");
        assertThat(part.wires()).containsExactly(Wire.of("dense1", "relu1"));
        assertThat(part.blocks()).isEmpty();
        Network whole = NetworkEdits.extract(resnet, block1.members());
        assertThat(whole.blocks()).containsExactly(block1);
    }

    @Test
    @DisplayName("pasting renames clashing nodes and blocks, keeping the wires and blocks among them")
    void mergeRenames() {
        Network resnet = Templates.build("mlp-resnet-2");
        Network part = NetworkEdits.extract(resnet, resnet.block("block1").orElseThrow().members());
        NetworkEdits.Merged once = NetworkEdits.merge(resnet, part);
        assertThat(once.names()).containsEntry("block1", "block2").containsEntry("block1.dense1", "block2.dense1");
        Network pasted = once.network();
        assertThat(pasted.block("block2")).isPresent();
        assertThat(pasted.block("block2").orElseThrow().branchEnd()).isEqualTo("block2.dense2");
        assertThat(pasted.source("block2.add", Add.SHORTCUT)).contains("block2.shortcut");
        assertThat(pasted.source("block2.dense1", LayerSpec.IN)).as("its input was outside the copy").isEmpty();

        Network twice = NetworkEdits.merge(pasted, NetworkEdits.extract(resnet, List.of("dense1", "relu1"))).network();
        Network thrice = NetworkEdits.merge(twice, NetworkEdits.extract(resnet, List.of("dense1", "relu1"))).network();
        assertThat(thrice.node("dense1_2")).isPresent();
        assertThat(thrice.node("dense1_3")).isPresent();
        assertThat(thrice.source("relu1_3", LayerSpec.IN)).contains("dense1_3");
    }

    @Test
    @DisplayName("a detached block has open inputs, fits its input shape, and becomes valid once wired")
    void detachedBlock() {
        NetworkBuilder b = new NetworkBuilder("net");
        b.add("input", new Input(Shape.image(16, 8, 8)));
        Network start = b.build();
        NetworkEdits.Merged merged = NetworkEdits.addDetachedBlock(start, BlockKind.BASIC, Shape.image(16, 8, 8),
                ShortcutOption.B, true, ActivationFunction.RELU);
        Network net = merged.network();
        assertThat(net.blocks()).extracting(Block::name).containsExactly("block1");
        assertThat(net.source("block1.conv1", LayerSpec.IN)).isEmpty();
        assertThat(net.source("block1.shortcut", LayerSpec.IN)).isEmpty();
        Network wired = net.connect(Wire.of("input", "block1.conv1")).connect(Wire.of("input", "block1.shortcut"));
        Analysis analysis = Analysis.of(wired);
        assertThat(analysis.outputShape("block1.relu2")).contains(Shape.image(16, 8, 8));
        assertThat(analysis.errors()).extracting(Problem::message).allMatch(m -> m.contains("Output"));

        assertThatThrownBy(() -> NetworkEdits.addDetachedBlock(start, BlockKind.BOTTLENECK, Shape.flat(16),
                ShortcutOption.A, false, ActivationFunction.RELU)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an image");
        assertThat(Set.copyOf(merged.names().values())).contains("block1", "block1.conv1");
    }
}

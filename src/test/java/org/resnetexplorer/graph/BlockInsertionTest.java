package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Inserting a residual block or a plain pair after a block of a network: the surgery of the insert-block study. */
class BlockInsertionTest {
    private static final Network MLP = Templates.build("mlp-resnet-6", TemplateOptions.defaults().withWidth(12));

    @Test
    @DisplayName("a residual block after the middle block reads that block's output and feeds what it fed")
    void residualInTheMiddle() {
        BlockInsertion inserted = BlockInsertion.after(MLP, "block2", true);
        Network net = inserted.network();
        assertThat(inserted.block()).isEqualTo("block4");
        assertThat(inserted.after()).isEqualTo("block2.relu2");
        assertThat(Analysis.of(net).errors()).isEmpty();
        assertThat(net.hasShortcut("block4")).isTrue();
        assertThat(net.source("block4.dense1", LayerSpec.IN)).contains("block2.relu2");
        assertThat(net.source("block3.dense1", LayerSpec.IN)).as("the next block reads the new one")
                .contains("block4.relu2");
        assertThat(Analysis.of(net).outputShape("block4.relu2")).contains(Shape.flat(12));
        assertThat(Analysis.of(net).totalParams() - Analysis.of(MLP).totalParams())
                .as("two dense layers of width 12 with biases").isEqualTo(2L * (12 * 12 + 12));
    }

    @Test
    @DisplayName("a plain pair at the end has the same layers and no shortcut, and feeds the classifier")
    void plainAtTheEnd() {
        BlockInsertion inserted = BlockInsertion.after(MLP, "block3", false);
        Network net = inserted.network();
        assertThat(Analysis.of(net).errors()).isEmpty();
        assertThat(net.hasShortcut(inserted.block())).isFalse();
        assertThat(net.block(inserted.block()).orElseThrow().members()).containsExactly("block4.dense1",
                "block4.relu1", "block4.dense2", "block4.relu2");
        assertThat(net.source("fc", LayerSpec.IN)).contains("block4.relu2");
        assertThat(Analysis.of(net).totalParams()).isEqualTo(
                Analysis.of(BlockInsertion.after(MLP, "block3", true).network()).totalParams());
    }

    @Test
    @DisplayName("a block inserted into a CNN with BatchNorm keeps its style and width, and names stay unique twice over")
    void cnnStyleAndUniqueNames() {
        Network cnn = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withWidth(4));
        BlockInsertion first = BlockInsertion.after(cnn, "block2", true);
        BlockInsertion second = BlockInsertion.after(first.network(), "block2", false);
        Network net = second.network();
        assertThat(first.block()).isNotEqualTo(second.block());
        assertThat(Analysis.of(net).errors()).isEmpty();
        assertThat(net.block(first.block()).orElseThrow().members()).contains(first.block() + ".bn2");
        assertThat(net.requireNode(first.block() + ".conv1").layer()).isEqualTo(new Conv2D(8, 3, 1, 1, false));
        assertThat(net.source(first.block() + ".conv1", LayerSpec.IN)).contains(second.block() + ".relu2");
    }

    @Test
    @DisplayName("names the missing block when asked to insert after one that does not exist")
    void unknownBlock() {
        assertThatThrownBy(() -> BlockInsertion.after(MLP, "block9", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block9");
    }
}

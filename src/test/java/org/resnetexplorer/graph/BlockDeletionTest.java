package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deleting blocks at test time: what is left of the network, for the lesion study. */
@DisplayName("Block deletion")
class BlockDeletionTest {

    private static Set<String> names(Network network) {
        return network.nodes().stream().map(Node::name).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    @DisplayName("a residual block loses its branch and addition; what followed the addition reads the shortcut")
    void residualKeepsTheShortcut() {
        Network resnet = Templates.build("mlp-resnet-8");

        Network lesioned = BlockDeletion.without(resnet, "block2");

        assertThat(BlockDeletion.kind(resnet, "block2")).isEqualTo(BlockDeletion.Kind.SHORTCUT);
        assertThat(names(resnet)).containsAll(names(lesioned));
        assertThat(names(resnet)).filteredOn(n -> !names(lesioned).contains(n))
                .as("the nodes deleted").containsExactlyInAnyOrder("block2.dense1", "block2.relu1", "block2.dense2",
                        "block2.add");
        assertThat(lesioned.source("block2.relu2", LayerSpec.IN)).as("the block's last ReLU reads the shortcut")
                .contains("block2.shortcut");
        assertThat(lesioned.source("block2.shortcut", LayerSpec.IN)).contains("block1.relu2");
        assertThat(lesioned.blocks()).extracting(Block::name).containsExactly("block1", "block3", "block4");
        assertThat(Analysis.of(lesioned).errors()).isEmpty();
    }

    @Test
    @DisplayName("a pre-activation block's readers read its shortcut, with no activation after it")
    void preActivationGivesTheShortcut() {
        Network resnet = Templates.build("cifar-preact-resnet-8");

        Network lesioned = BlockDeletion.without(resnet, "block2");

        assertThat(lesioned.consumers("block2.shortcut")).extracting(Wire::to).containsExactlyInAnyOrder("block3.bn1",
                "block3.shortcut");
        assertThat(lesioned.node("block2.conv1")).isEmpty();
        assertThat(Analysis.of(lesioned).errors()).isEmpty();
    }

    @Test
    @DisplayName("a downsampling residual block keeps its shortcut, which subsamples and pads as before")
    void downsamplingResidualKeepsItsShortcut() {
        Network resnet = Templates.build("cifar-resnet-20");

        Network lesioned = BlockDeletion.without(resnet, "block4");

        assertThat(lesioned.requireNode("block4.shortcut").layer()).isEqualTo(new Shortcut(ShortcutOption.A, 32, 2));
        Analysis analysis = Analysis.of(lesioned);
        assertThat(analysis.errors()).isEmpty();
        assertThat(analysis.outputShape("block4.relu2")).isEqualTo(Analysis.of(resnet).outputShape("block4.relu2"));
    }

    @Test
    @DisplayName("a plain block whose shapes agree is removed whole: its input goes straight on")
    void plainBlockRemoved() {
        Network plain = Templates.build("mlp-plain-8");

        Network lesioned = BlockDeletion.without(plain, "block2");

        assertThat(BlockDeletion.kind(plain, "block2")).isEqualTo(BlockDeletion.Kind.REMOVED);
        assertThat(names(lesioned)).noneMatch(n -> n.startsWith("block2."));
        assertThat(lesioned.source("block3.dense1", LayerSpec.IN)).contains("block1.relu2");
        assertThat(lesioned.nodes().size()).isEqualTo(plain.nodes().size() - 4);
        assertThat(Analysis.of(lesioned).errors()).isEmpty();
    }

    @Test
    @DisplayName("a plain block that subsamples and widens is bypassed by a parameter-free option-A map")
    void plainDownsamplingBypassed() {
        Network plain = Templates.build("cifar-plain-20");

        Network lesioned = BlockDeletion.without(plain, "block4");

        assertThat(BlockDeletion.kind(plain, "block4")).isEqualTo(BlockDeletion.Kind.BYPASSED);
        assertThat(lesioned.requireNode("block4.bypass").layer()).isEqualTo(new Shortcut(ShortcutOption.A, 32, 2));
        assertThat(lesioned.source("block4.bypass", LayerSpec.IN)).contains("block3.relu2");
        assertThat(lesioned.source("block5.conv1", LayerSpec.IN)).contains("block4.bypass");
        Analysis analysis = Analysis.of(lesioned);
        assertThat(analysis.errors()).isEmpty();
        assertThat(analysis.params("block4.bypass")).isZero();
        assertThat(lesioned.nodes().indexOf(lesioned.requireNode("block4.bypass")))
                .as("the map stands where the block stood").isLessThan(lesioned.nodes().indexOf(
                        lesioned.requireNode("block5.conv1")));
    }

    @Test
    @DisplayName("every block of a net can go at once; deleting none leaves the network as it was")
    void allOrNone() {
        for (String template : List.of("mlp-resnet-8", "mlp-plain-8", "cifar-resnet-14", "cifar-plain-14")) {
            Network network = Templates.build(template);
            List<String> all = network.blocks().stream().map(Block::name).toList();

            Network bare = BlockDeletion.without(network, all);

            assertThat(bare.blocks()).as(template).isEmpty();
            assertThat(Analysis.of(bare).errors()).as(template).isEmpty();
            assertThat(BlockDeletion.without(network, List.of())).as(template).isEqualTo(network);
        }
    }

    @Test
    @DisplayName("refuses a block that does not exist, naming it")
    void unknownBlock() {
        assertThatThrownBy(() -> BlockDeletion.without(Templates.build("mlp-resnet-4"), "block9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block9");
    }
}

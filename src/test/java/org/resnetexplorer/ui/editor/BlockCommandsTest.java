package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetexplorer.ui.editor.EditCommandsTest.edit;
import static org.resnetexplorer.ui.editor.EditCommandsTest.refusal;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Templates;

/** The editing commands on residual blocks, without a window: each gives a named document, or says why not. */
class BlockCommandsTest {
    private static ShownDocument shown(String template) {
        return ShownDocument.of(GraphDocument.of(Templates.build(template)));
    }

    private static Selection boxes(String... items) {
        return Selection.of(Set.of(items));
    }

    @Test
    @DisplayName("a residual block goes after the one selected layer, in the network's style; without one it is refused")
    void addResidualBlock() {
        ShownDocument plain = shown("mlp-plain-3");
        Outcome.Edit added = edit(BlockCommands.addResidualBlock(plain, boxes("relu1"), BlockKind.BASIC));
        Network next = added.document().network();
        assertThat(added.name()).isEqualTo("Add residual block");
        assertThat(next.blocks()).extracting(Block::name).containsExactly("block1", "block2");
        assertThat(next.hasShortcut("block2")).isTrue();
        assertThat(next.source("block2.dense1", LayerSpec.IN)).contains("relu1");
        assertThat(Analysis.of(next).isValid()).isTrue();
        assertThat(refusal(BlockCommands.addResidualBlock(plain, Selection.NONE, BlockKind.BASIC)))
                .startsWith("Select one layer");
        assertThat(refusal(BlockCommands.addResidualBlock(plain, boxes("relu1", "fc"), BlockKind.BASIC)))
                .startsWith("Select one layer");
        assertThat(refusal(BlockCommands.addResidualBlock(plain, boxes("relu1"), BlockKind.BOTTLENECK)))
                .as("the network's own refusal").contains("flat vector");
    }

    @Test
    @DisplayName("a residual block added after a collapsed block goes after its output, collapsed too")
    void addAfterCollapsedBlock() {
        Network resnet = Templates.build("mlp-resnet-2");
        ShownDocument collapsed = ShownDocument.of(new GraphDocument(resnet, Map.of(), Set.of("block1")));
        Outcome.Edit added = edit(BlockCommands.addResidualBlock(collapsed, boxes("block1"), BlockKind.BASIC));
        assertThat(added.document().network().source("block2.dense1", LayerSpec.IN)).contains("block1.relu2");
        assertThat(added.document().collapsed()).containsExactlyInAnyOrder("block1", "block2");
    }

    @Test
    @DisplayName("wrapping a chain of layers makes a block with a shortcut; a collapsed block or nothing is refused")
    void wrapInSkip() {
        ShownDocument plain = shown("mlp-plain-3");
        Outcome.Edit wrapped = edit(BlockCommands.wrapInSkip(plain, boxes("dense_last", "relu_last")));
        assertThat(wrapped.name()).isEqualTo("Wrap in skip connection");
        assertThat(wrapped.document().network().blocks()).hasSize(2);
        assertThat(Analysis.of(wrapped.document().network()).isValid()).isTrue();
        assertThat(refusal(BlockCommands.wrapInSkip(plain, Selection.NONE))).startsWith("Select a chain of layers");
        ShownDocument collapsed = ShownDocument.of(plain.document().withCollapsed(Set.of("block1")));
        assertThat(refusal(BlockCommands.wrapInSkip(collapsed, boxes("block1"))))
                .isEqualTo("'block1' is a collapsed block: expand it (double-click) to wrap its layers");
        assertThat(refusal(BlockCommands.wrapInSkip(plain, boxes("input")))).as("the network's own refusal")
                .contains("cannot be inside a skip connection");
    }

    @Test
    @DisplayName("toggling the shortcut of a block, or of a layer's block, gives the plain twin and back, named by what it did")
    void toggleShortcut() {
        ShownDocument resnet = shown("mlp-resnet-2");
        Outcome.Edit off = edit(BlockCommands.toggleShortcut(resnet, boxes("block1.dense1")));
        assertThat(off.name()).isEqualTo("Turn shortcut off");
        assertThat(off.document().network()).isEqualTo(Templates.build("mlp-resnet-2").withAllShortcuts(false));
        Outcome.Edit on = edit(BlockCommands.toggleShortcut(ShownDocument.of(off.document()), boxes("block1.dense1")));
        assertThat(on.name()).isEqualTo("Turn shortcut on");
        assertThat(on.document().network()).isEqualTo(Templates.build("mlp-resnet-2"));
        ShownDocument two = shown("mlp-resnet-4");
        Set<String> blocks = two.network().blocks().stream().map(Block::name).limit(2).collect(Collectors.toSet());
        assertThat(edit(BlockCommands.toggleShortcut(two, Selection.of(blocks.stream()
                .map(b -> b + ".dense1").collect(Collectors.toSet())))).name()).isEqualTo("Toggle 2 shortcuts");
        assertThat(refusal(BlockCommands.toggleShortcut(resnet, boxes("input"))))
                .isEqualTo("Select a residual block (or one of its layers) first");
    }

    @Test
    @DisplayName("stacking puts copies of the one selected block after it, collapsed when it is; otherwise refused")
    void stack() {
        ShownDocument resnet = shown("mlp-resnet-2");
        Outcome.Edit stacked = edit(BlockCommands.stack(resnet, boxes("block1.add"), 2));
        assertThat(stacked.name()).isEqualTo("Stack 2 blocks");
        assertThat(stacked.document().network().blocks()).hasSize(3);
        assertThat(stacked.document().collapsed()).isEmpty();
        ShownDocument collapsed = ShownDocument.of(resnet.document().withCollapsed(Set.of("block1")));
        assertThat(edit(BlockCommands.stack(collapsed, boxes("block1"), 1)).document().collapsed())
                .containsExactlyInAnyOrder("block1", "block2");
        assertThat(refusal(BlockCommands.stack(resnet, boxes("input"), 2)))
                .isEqualTo("Select one residual block to stack copies of it");
        assertThat(refusal(BlockCommands.stack(resnet, boxes("block1.add"), 0))).as("the network's own refusal")
                .contains("at least 1");
    }

    @Test
    @DisplayName("a block collapses into one box, selected, and expands again, nothing selected")
    void toggleCollapsed() {
        ShownDocument resnet = shown("mlp-resnet-2");
        Outcome.Edit collapse = edit(BlockCommands.toggleCollapsed(resnet, "block1"));
        assertThat(collapse.name()).isEqualTo("Collapse block1");
        assertThat(collapse.document().collapsed()).containsExactly("block1");
        assertThat(collapse.selection()).containsExactly("block1");
        Outcome.Edit expand = edit(BlockCommands.toggleCollapsed(ShownDocument.of(collapse.document()), "block1"));
        assertThat(expand.name()).isEqualTo("Expand block1");
        assertThat(expand.document().collapsed()).isEmpty();
        assertThat(expand.selection()).isEmpty();
    }

    @Test
    @DisplayName("collapsing or expanding every block lays the network out anew")
    void collapseAll() {
        GraphDocument pinned = GraphDocument.of(Templates.build("mlp-resnet-4")).withPositions(Map.of("input",
                new Point(300, 300)));
        Outcome.Edit all = edit(BlockCommands.collapseAll(pinned, true));
        assertThat(all.name()).isEqualTo("Collapse all blocks");
        assertThat(all.document().collapsed()).hasSize(pinned.network().blocks().size());
        assertThat(all.document().positions()).isEmpty();
        Outcome.Edit none = edit(BlockCommands.collapseAll(all.document(), false));
        assertThat(none.name()).isEqualTo("Expand all blocks");
        assertThat(none.document()).isEqualTo(GraphDocument.of(pinned.network()));
    }

    @Test
    @DisplayName("a block dropped on the empty canvas waits there unwired, its layers selected, first one where it was dropped")
    void addDetachedBlock() {
        ShownDocument cifar = shown("cifar-resnet-8");
        Outcome.Edit dropped = edit(BlockCommands.addDetachedBlock(cifar, BlockKind.BASIC, new Point(900, 100)));
        Network next = dropped.document().network();
        Block block = next.blocks().get(next.blocks().size() - 1);
        assertThat(dropped.name()).isEqualTo("Add residual block");
        assertThat(next.source(block.members().get(0), LayerSpec.IN)).isEmpty();
        assertThat(dropped.selection()).containsExactlyInAnyOrderElementsOf(block.members());
        assertThat(dropped.document().positions()).containsEntry(block.members().get(0), new Point(900, 100))
                .containsEntry("input", cifar.places().get("input"));
        assertThat(refusal(BlockCommands.addDetachedBlock(shown("mlp-plain-3"), BlockKind.BOTTLENECK, new Point(0, 0))))
                .contains("flat vectors");
    }
}

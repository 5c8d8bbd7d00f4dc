package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.Wire;

/** How presses, wires and rubber bands change the selection, and what a selection stands for in a network. */
class SelectionModelTest {
    private int changes;
    private final SelectionModel model = new SelectionModel(() -> changes++);

    @Test
    @DisplayName("a press selects a box alone; on a selected box it keeps the selection (to move it); Ctrl toggles")
    void press() {
        model.pressWire(List.of(Wire.of("a", "b")), false);
        assertThat(model.press("a", false)).isTrue();
        assertThat(model.itemsProperty().get()).containsExactly("a");
        assertThat(model.wiresProperty().get()).as("a press on a box drops the wires").isEmpty();
        assertThat(model.press("b", true)).isTrue();
        assertThat(model.press("a", false)).as("a is still selected").isTrue();
        assertThat(model.itemsProperty().get()).containsExactlyInAnyOrder("a", "b");
        assertThat(model.press("a", true)).as("toggled off").isFalse();
        assertThat(model.itemsProperty().get()).containsExactly("b");
        assertThat(changes).as("the skins are marked after every change").isEqualTo(5);
    }

    @Test
    @DisplayName("a press on a wire selects what it draws alone; with Ctrl it toggles them, keeping the boxes")
    void pressWire() {
        Wire one = Wire.of("a", "b");
        Wire two = Wire.of("c", "d");
        model.select(Set.of("a"));
        model.pressWire(List.of(one), true);
        assertThat(model.current()).isEqualTo(new Selection(Set.of("a"), Set.of(one)));
        model.pressWire(List.of(one), true);
        assertThat(model.current()).isEqualTo(new Selection(Set.of("a"), Set.of()));
        model.pressWire(List.of(one, two), false);
        assertThat(model.current()).isEqualTo(new Selection(Set.of(), Set.of(one, two)));
    }

    @Test
    @DisplayName("a rubber band selects what it touches, added to what was selected when it started with Ctrl")
    void band() {
        Wire wire = Wire.of("a", "b");
        model.select(Set.of("a"), List.of(wire));
        model.band(Set.of("a"), Set.of("c"));
        assertThat(model.current()).isEqualTo(new Selection(Set.of("a", "c"), Set.of(wire)));
        model.band(Set.of(), Set.of("d"));
        assertThat(model.current()).isEqualTo(new Selection(Set.of("d"), Set.of()));
    }

    @Test
    @DisplayName("when a new document shows, the selection keeps the boxes and wires that still exist")
    void keep() {
        Wire kept = Wire.of("a", "b");
        model.select(Set.of("a", "gone"), List.of(kept, Wire.of("gone", "b")));
        model.keep(model.current().items(), Set.of("a", "b"), List.of(kept));
        assertThat(model.current()).isEqualTo(new Selection(Set.of("a"), Set.of(kept)));
        model.keep(Set.of("b"), Set.of("a", "b"), List.of(kept));
        assertThat(model.itemsProperty().get()).as("what an edit selects").containsExactly("b");
    }

    @Test
    @DisplayName("a selection stands for its layers and blocks: a collapsed block for all its layers, a layer for its block")
    void whatASelectionStandsFor() {
        Network resnet = Templates.build("mlp-resnet-2");
        Selection block = Selection.of(Set.of("block1"));
        assertThat(block.nodes(resnet)).containsExactlyElementsOf(resnet.block("block1").orElseThrow().members());
        assertThat(block.blocks(resnet)).containsExactly("block1");
        assertThat(block.singleOutput(resnet)).contains("block1.relu2");
        Selection layer = Selection.of(Set.of("block1.dense1"));
        assertThat(layer.nodes(resnet)).containsExactly("block1.dense1");
        assertThat(layer.blocks(resnet)).containsExactly("block1");
        assertThat(layer.singleOutput(resnet)).contains("block1.dense1");
        assertThat(Selection.of(Set.of("input", "block1")).singleOutput(resnet)).isEmpty();
    }
}

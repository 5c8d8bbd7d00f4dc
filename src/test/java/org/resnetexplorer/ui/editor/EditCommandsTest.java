package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.Wire;

/** The editing commands on boxes and wires, without a window: each gives a named document, or says why not. */
class EditCommandsTest {
    /** input feeds conv1, which feeds conv2 and conv3. */
    static GraphDocument twoConvs() {
        NetworkBuilder b = new NetworkBuilder("two");
        String x = b.add("input", new Input(Shape.image(16, 32, 32)));
        x = b.add("conv1", new Conv2D(16, 3, 1, 1, false), x);
        b.add("conv2", new Conv2D(16, 3, 1, 1, false), x);
        b.add("conv3", new Conv2D(32, 3, 2, 1, false), "conv1");
        return GraphDocument.of(b.build());
    }

    /** The outcome as an edit, failing with the refusal's reason if it is not one. */
    static Outcome.Edit edit(Outcome outcome) {
        assertThat(outcome).as("an edit, not a refusal").isInstanceOf(Outcome.Edit.class);
        return (Outcome.Edit) outcome;
    }

    static String refusal(Outcome outcome) {
        assertThat(outcome).as("a refusal").isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) outcome).reason();
    }

    private static Selection boxes(String... items) {
        return Selection.of(Set.of(items));
    }

    @Test
    @DisplayName("Delete takes the selected layers with their wires, names them, selects nothing, and pins every box")
    void deleteNodes() {
        ShownDocument shown = ShownDocument.of(twoConvs());
        Outcome.Edit one = edit(EditCommands.delete(shown, boxes("conv3")));
        assertThat(one.name()).isEqualTo("Delete conv3");
        assertThat(one.document().network().node("conv3")).isEmpty();
        assertThat(one.document().network().wires()).doesNotContain(Wire.of("conv1", "conv3"));
        assertThat(one.selection()).isEmpty();
        assertThat(one.document().positions()).as("the boxes left keep their places")
                .containsOnlyKeys("input", "conv1", "conv2").containsEntry("conv2", shown.places().get("conv2"));
        assertThat(edit(EditCommands.delete(shown, boxes("conv2", "conv3"))).name()).isEqualTo("Delete 2 nodes");
    }

    @Test
    @DisplayName("Delete takes selected wires but not their ends, and counts wires apart from the layers' own")
    void deleteWires() {
        ShownDocument shown = ShownDocument.of(twoConvs());
        Outcome.Edit wire = edit(EditCommands.delete(shown, new Selection(Set.of(), Set.of(Wire.of("conv1", "conv2")))));
        assertThat(wire.name()).isEqualTo("Delete 1 wire");
        assertThat(wire.document().network().source("conv2", LayerSpec.IN)).isEmpty();
        assertThat(wire.document().network().node("conv2")).isPresent();
        Selection mixed = new Selection(Set.of("conv3"), Set.of(Wire.of("conv1", "conv2"), Wire.of("conv1", "conv3")));
        assertThat(edit(EditCommands.delete(shown, mixed)).name()).as("conv3's own wire goes with it")
                .isEqualTo("Delete conv3 and 1 wire");
        Selection twoWires = new Selection(Set.of(), Set.of(Wire.of("conv1", "conv2"), Wire.of("input", "conv1")));
        assertThat(edit(EditCommands.delete(shown, twoWires)).name()).isEqualTo("Delete 2 wires");
    }

    @Test
    @DisplayName("Delete with nothing selected is refused; a selected collapsed block goes with all its layers")
    void deleteNothingOrBlock() {
        assertThat(refusal(EditCommands.delete(ShownDocument.of(twoConvs()), Selection.NONE))).isEqualTo("Nothing selected");
        Network resnet = Templates.build("mlp-resnet-2");
        ShownDocument collapsed = ShownDocument.of(new GraphDocument(resnet, Map.of(), Set.of("block1")));
        int members = resnet.block("block1").orElseThrow().members().size();
        Outcome.Edit gone = edit(EditCommands.delete(collapsed, boxes("block1")));
        assertThat(gone.name()).isEqualTo("Delete " + members + " nodes");
        assertThat(gone.document().network().blocks()).isEmpty();
        assertThat(gone.document().network().nodes()).hasSize(resnet.nodes().size() - members);
    }

    @Test
    @DisplayName("Cut deletes as Delete does, under its own name")
    void cut() {
        ShownDocument shown = ShownDocument.of(twoConvs());
        Outcome.Edit cut = edit(EditCommands.cut(shown, boxes("conv3")));
        assertThat(cut.name()).isEqualTo("Cut conv3");
        assertThat(cut.document()).isEqualTo(edit(EditCommands.delete(shown, boxes("conv3"))).document());
        assertThat(refusal(EditCommands.cut(shown, Selection.NONE))).isEqualTo("Nothing selected");
    }

    @Test
    @DisplayName("Move puts the moved boxes where they were dropped and pins every other box where it was")
    void move() {
        ShownDocument shown = ShownDocument.of(twoConvs());
        Point conv3 = shown.places().get("conv3");
        Outcome.Edit one = edit(EditCommands.move(shown, Map.of("conv3", conv3), Map.of("conv3", conv3.plus(120, 40))));
        assertThat(one.name()).isEqualTo("Move");
        assertThat(one.selection()).as("the selection stays").isNull();
        assertThat(one.document().positions()).containsEntry("conv3", conv3.plus(120, 40))
                .containsEntry("conv1", shown.places().get("conv1")).hasSize(4);
        Point input = shown.places().get("input");
        Outcome.Edit two = edit(EditCommands.move(shown, Map.of("conv3", conv3, "input", input),
                Map.of("conv3", conv3.plus(1, 2), "input", input.plus(1, 2))));
        assertThat(two.name()).isEqualTo("Move 2 items");
        assertThat(two.document().positions()).containsEntry("input", input.plus(1, 2));
    }

    @Test
    @DisplayName("moving a collapsed block takes the saved places of its layers along")
    void moveCollapsedBlock() {
        Network resnet = Templates.build("mlp-resnet-2");
        GraphDocument expanded = GraphDocument.of(resnet);
        GraphDocument pinned = expanded.withPositions(ShownDocument.of(expanded).frozen());
        ShownDocument collapsed = ShownDocument.of(Placement.collapse(pinned, ShownDocument.of(pinned).places(), "block1"));
        Point block = collapsed.places().get("block1");
        Point dense1 = collapsed.document().positions().get("block1.dense1");
        Outcome.Edit moved = edit(EditCommands.move(collapsed, Map.of("block1", block), Map.of("block1", block.plus(300, 0))));
        assertThat(moved.document().positions()).containsEntry("block1", block.plus(300, 0))
                .containsEntry("block1.dense1", dense1.plus(300, 0));
    }

    @Test
    @DisplayName("Connect makes the wire a check allowed, named by its ends; a refused wire says why")
    void connect() {
        ShownDocument shown = ShownDocument.of(twoConvs().withNetwork(twoConvs().network().disconnect("conv2", "in")));
        Connections.Result fits = Connections.check(shown.network(), shown.analysis(), "input",
                List.of(new Connections.Target("conv2", "in")));
        Outcome.Edit wired = edit(EditCommands.connect(shown, "input", "conv2", fits));
        assertThat(wired.name()).isEqualTo("Connect input to conv2");
        assertThat(wired.document().network().source("conv2", LayerSpec.IN)).contains("input");
        assertThat(wired.document().positions()).hasSize(4);
        Connections.Result cycle = Connections.check(shown.network(), shown.analysis(), "conv3",
                List.of(new Connections.Target("conv1", "in")));
        assertThat(refusal(EditCommands.connect(shown, "conv3", "conv1", cycle))).startsWith("Not connected: Cycle");
    }

    @Test
    @DisplayName("adding a layer names it afresh (input and output as such), places it, and selects it")
    void addLayer() {
        ShownDocument empty = ShownDocument.of(GraphDocument.of(new Network("untitled", List.of(), List.of(), List.of())));
        Outcome.Edit input = edit(EditCommands.addLayer(empty, PaletteItem.INPUT, new Point(10, 20)));
        assertThat(input.name()).isEqualTo("Add input");
        assertThat(input.selection()).containsExactly("input");
        assertThat(input.document().positions()).containsEntry("input", new Point(10, 20));
        ShownDocument shown = ShownDocument.of(twoConvs());
        assertThat(edit(EditCommands.addLayer(shown, PaletteItem.CONV, new Point(0, 0))).name()).isEqualTo("Add conv4");
        assertThat(edit(EditCommands.addLayer(shown, PaletteItem.INPUT, new Point(0, 0))).name()).isEqualTo("Add input1");
        assertThat(edit(EditCommands.addLayer(shown, PaletteItem.OUTPUT, new Point(0, 0))).name()).isEqualTo("Add output");
    }

    @Test
    @DisplayName("automatic layout forgets every saved place")
    void autoLayout() {
        GraphDocument pinned = twoConvs().withPositions(Map.of("conv1", new Point(500, 500)));
        Outcome.Edit laid = edit(EditCommands.autoLayout(pinned));
        assertThat(laid.name()).isEqualTo("Automatic layout");
        assertThat(laid.document()).isEqualTo(twoConvs());
    }
}

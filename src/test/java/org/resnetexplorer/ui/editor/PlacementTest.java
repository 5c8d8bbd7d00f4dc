package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Templates;

class PlacementTest {
    private static final Network NET = Templates.build("mlp-resnet-4");

    @Test
    @DisplayName("saved positions win; a box without one lands beside the neighbour it reads from")
    void savedAndAnchored() {
        GraphDocument auto = GraphDocument.of(NET);
        Map<String, Point> placed = Placement.resolve(auto, Analysis.of(NET));
        Point dense1 = placed.get("dense1");
        Point relu1 = placed.get("relu1");
        GraphDocument moved = auto.withPositions(Map.of("dense1", dense1.plus(500, 40)));
        Map<String, Point> after = Placement.resolve(moved, Analysis.of(NET));
        assertThat(after.get("dense1")).isEqualTo(dense1.plus(500, 40));
        assertThat(after.get("relu1")).as("follows the box it reads from").isEqualTo(relu1.plus(500, 40));
    }

    @Test
    @DisplayName("collapsing a laid-out block closes the gap below it; expanding opens it again, layers where they were")
    void collapseAndExpandRoundTrip() {
        Analysis analysis = Analysis.of(NET);
        GraphDocument auto = GraphDocument.of(NET);
        Map<String, Point> placed = Placement.resolve(auto, analysis);
        GraphDocument frozen = auto.withPositions(Placement.frozen(auto, placed));
        double fcBefore = placed.get("fc").y();

        GraphDocument collapsed = Placement.collapse(frozen, placed, "block1");
        Map<String, Point> placedCollapsed = Placement.resolve(collapsed, analysis);
        assertThat(collapsed.collapsed()).containsExactly("block1");
        assertThat(placedCollapsed.get("block1")).isEqualTo(placed.get("block1.dense1"));
        assertThat(placedCollapsed.get("fc").y()).as("the rest moves up").isLessThan(fcBefore);

        GraphDocument expanded = Placement.expand(collapsed, placedCollapsed, analysis, "block1");
        Map<String, Point> placedAgain = Placement.resolve(expanded, analysis);
        assertThat(expanded.collapsed()).isEmpty();
        assertThat(placedAgain.get("block1.add")).isEqualTo(placed.get("block1.add"));
        assertThat(placedAgain.get("fc")).isEqualTo(placed.get("fc"));
    }

    @Test
    @DisplayName("expanding a block that never had positions lays its layers out where the block was")
    void expandWithoutSavedLayers() {
        Analysis analysis = Analysis.of(NET);
        GraphDocument start = new GraphDocument(NET, Map.of(), Set.of("block1", "block2"));
        Map<String, Point> placed = Placement.resolve(start, analysis);
        GraphDocument frozen = start.withPositions(Placement.frozen(start, placed));
        GraphDocument expanded = Placement.expand(frozen, placed, analysis, "block2");
        Map<String, Point> after = Placement.resolve(expanded, analysis);
        assertThat(after.get("block2.dense1")).isEqualTo(placed.get("block2"));
        assertThat(after.get("fc").y()).isGreaterThan(placed.get("fc").y());
        assertThat(after.keySet()).contains("block2.add").doesNotContain("block2");
    }

    @Test
    @DisplayName("a wire closing a cycle or joining unequal shapes is refused with the reason; a fitting one is made")
    void connections() {
        Network net = Templates.build("cifar-resnet-8");
        Analysis analysis = Analysis.of(net);
        Connections.Result cycle = Connections.check(net, analysis, "block2.relu2",
                java.util.List.of(new Connections.Target("block1.conv1", "in")));
        assertThat(cycle.allowed()).isFalse();
        assertThat(cycle.refusal()).startsWith("Cycle");
        Connections.Result mismatch = Connections.check(net, analysis, "block1.relu2",
                java.util.List.of(new Connections.Target("block2.add", "shortcut")));
        assertThat(mismatch.refusal()).startsWith("16x32x32 cannot join 32x16x16");
        Network cut = net.disconnect("fc", "in");
        Connections.Result fits = Connections.check(cut, Analysis.of(cut), "avgpool",
                java.util.List.of(new Connections.Target("fc", "in")));
        assertThat(fits.allowed()).isTrue();
        assertThat(fits.network()).isEqualTo(net);
        assertThat(Connections.blockEntries(net, net.block("block1").orElseThrow()))
                .extracting(Connections.Target::node).containsExactlyInAnyOrder("block1.conv1", "block1.shortcut");
    }
}

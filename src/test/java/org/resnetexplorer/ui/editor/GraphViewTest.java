package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    private GraphView view;

    @Start
    void start(Stage stage) {
        view = new GraphView();
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    @Test
    @DisplayName("shows one box per layer, or per block where blocks are collapsed")
    void boxesPerLayerOrBlock(FxRobot robot) {
        Network resnet = Templates.build("cifar-resnet-8");
        robot.interact(() -> view.show(resnet, Set.of()));
        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(resnet.nodes().size());
        Set<String> all = resnet.blocks().stream().map(Block::name).collect(Collectors.toSet());
        robot.interact(() -> view.show(resnet, all));
        int outside = (int) resnet.nodes().stream().filter(n -> resnet.blockOf(n.name()).isEmpty()).count();
        assertThat(robot.lookup(".graph-block").queryAll()).hasSize(3);
        assertThat(robot.lookup(".graph-node").queryAll()).hasSize(outside + 3);
        assertThat(robot.lookup(".graph-block.residual").queryAll()).as("shortcuts on").hasSize(3);
        robot.interact(() -> view.show(Templates.build("cifar-plain-8"), all));
        assertThat(robot.lookup(".graph-block.plain").queryAll()).as("the plain twin's blocks").hasSize(3);
    }

    @Test
    @DisplayName("an invalid node is marked red")
    void invalidNodeMarked(FxRobot robot) {
        Network broken = Templates.build("mlp-plain-2").disconnect("fc", "in");
        robot.interact(() -> view.show(broken, Set.of()));
        assertThat(robot.lookup("#node-fc").queryAs(Node.class).getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#node-fc").queryAs(ItemSkin.class).tip()).as("the tooltip says what is wrong")
                .contains("Dense 'fc' has nothing connected to its input");
        assertThat(robot.lookup("#node-dense1").queryAs(Node.class).getStyleClass()).doesNotContain("invalid");
    }

    @Test
    @DisplayName("clicking selects a node, Ctrl-click adds to the selection, clicking the background clears it")
    void selection(FxRobot robot) {
        robot.interact(() -> {
            view.show(Templates.build("mlp-plain-2"), Set.of());
            view.showTop();
        });
        robot.clickOn("#node-input");
        assertThat(view.selectionProperty().get()).containsExactly("input");
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn("#node-dense1").release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(view.selectionProperty().get()).containsExactlyInAnyOrder("input", "dense1");
        assertThat(robot.lookup("#node-dense1").queryAs(Node.class).getStyleClass()).contains("selected");
        robot.clickOn(robot.point(view).atPosition(javafx.geometry.Pos.BOTTOM_RIGHT).atOffset(new Point2D(-20, -20)));
        assertThat(view.selectionProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("zooming keeps the point under the pointer in place; fit shows resnet-152 whole")
    void zoomAndFit(FxRobot robot) {
        Network resnet = Templates.build("resnet-152");
        Set<String> all = resnet.blocks().stream().map(Block::name).collect(Collectors.toSet());
        robot.interact(() -> {
            view.show(resnet, all);
            view.showTop();
        });
        Node input = robot.lookup("#node-input").query();
        Point2D before = input.localToScene(30, 20);
        robot.interact(() -> view.zoomAt(before.getX(), before.getY(), 1.7));
        Point2D after = input.localToScene(30, 20);
        assertThat(after.getX()).isCloseTo(before.getX(), within(0.5));
        assertThat(after.getY()).isCloseTo(before.getY(), within(0.5));
        assertThat(view.zoom()).isCloseTo(1.7, within(1e-9));
        robot.interact(view::fitToView);
        Node last = robot.lookup("#node-output").query();
        assertThat(last.localToScene(last.getLayoutBounds()).getMaxY()).as("the output is inside the view after fit")
                .isLessThanOrEqualTo(view.getHeight());
    }
}

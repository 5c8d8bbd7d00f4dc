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
    @DisplayName("the totals count in the right number: 1 problem, 2 problems")
    void totalsCountProblems(FxRobot robot) {
        Network one = Templates.build("mlp-plain-2").disconnect("fc", "in");
        robot.interact(() -> view.show(one, Set.of()));
        assertThat(org.resnetexplorer.graph.Analysis.of(one).errors()).hasSize(1);
        javafx.scene.control.Label totals = robot.lookup("#graph-totals").queryAs(javafx.scene.control.Label.class);
        assertThat(totals.getText()).endsWith("9 layers  ·  592 parameters  ·  544 mult-adds  ·  1 problem");
        Network two = one.disconnect("output", "in");
        robot.interact(() -> view.show(two, Set.of()));
        int errors = org.resnetexplorer.graph.Analysis.of(two).errors().size();
        assertThat(totals.getText()).endsWith("  ·  " + errors + " problems");
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
        robot.clickOn(robot.point(view).atPosition(javafx.geometry.Pos.CENTER_RIGHT).atOffset(new Point2D(-20, 0)));
        assertThat(view.selectionProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("zooming keeps the point under the pointer in place; fit shows a small network whole and resnet-152"
            + " from its top at a readable 50%")
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
        assertThat(view.zoom()).as("readable").isEqualTo(0.5);
        Node top = robot.lookup("#node-input").query();
        assertThat(top.localToScene(top.getLayoutBounds()).getMinY()).as("the input shows").isBetween(0.0, 100.0);
        assertThat(robot.lookup("#zoom-level-button").queryButton().getText()).isEqualTo("50%");

        Network small = Templates.build("cifar-resnet-8");
        robot.interact(() -> {
            view.show(small, small.blocks().stream().map(Block::name).collect(Collectors.toSet()));
            view.fitToView();
        });
        Node last = robot.lookup("#node-output").query();
        assertThat(last.localToScene(last.getLayoutBounds()).getMaxY()).as("the output is inside the view after fit")
                .isLessThanOrEqualTo(view.getHeight());
    }

    @Test
    @DisplayName("the zoom in the corner zooms in and out by steps, goes back to 100% on a click of its percentage,"
            + " and fits")
    void zoomControl(FxRobot robot) {
        robot.interact(() -> {
            view.show(Templates.build("mlp-plain-2"), Set.of());
            view.showTop();
        });
        assertThat(robot.lookup("#zoom-level-button").queryButton().getText()).isEqualTo("100%");
        robot.clickOn("#zoom-in-button");
        assertThat(view.zoom()).isCloseTo(1.25, within(1e-9));
        assertThat(robot.lookup("#zoom-level-button").queryButton().getText()).isEqualTo("125%");
        robot.clickOn("#zoom-out-button").clickOn("#zoom-out-button");
        assertThat(view.zoom()).isCloseTo(0.8, within(1e-9));
        robot.clickOn("#zoom-level-button");
        assertThat(view.zoom()).isCloseTo(1, within(1e-9));
        robot.interact(() -> view.zoomAt(0, 0, 0.3));
        robot.clickOn("#zoom-fit-button");
        Node last = robot.lookup("#node-output").query();
        assertThat(view.sceneToLocal(last.localToScene(last.getLayoutBounds())).getMaxY()).as("fitted")
                .isBetween(view.getHeight() / 2, view.getHeight());
    }

    @Test
    @DisplayName("Zoom to Selection centres the selected boxes; with nothing selected it says so")
    void zoomToSelection(FxRobot robot) {
        Network resnet = Templates.build("resnet-152");
        robot.interact(() -> {
            view.show(resnet, Set.of());
            view.fitToView();
            view.zoomToSelection();
        });
        assertThat(view.messageProperty().get()).isEqualTo(EditCommands.NOTHING_SELECTED);
        robot.interact(() -> {
            view.select(Set.of("output"));
            view.zoomToSelection();
        });
        Node output = robot.lookup("#node-output").query();
        javafx.geometry.Bounds shown = view.sceneToLocal(output.localToScene(output.getLayoutBounds()));
        assertThat(shown.getCenterX()).isCloseTo(view.getWidth() / 2, within(5.0));
        assertThat(shown.getCenterY()).isCloseTo(view.getHeight() / 2, within(5.0));
        assertThat(view.zoom()).isEqualTo(1);
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockKind;
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
import org.resnetexplorer.ui.document.EditHistory;
import org.resnetexplorer.ui.editor.GraphView;
import org.resnetexplorer.ui.editor.LayerPalette;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.PointQuery;

/** The graph editor driven through the real mouse and keyboard, its edits applied into an {@link EditHistory}. */
@ExtendWith(ApplicationExtension.class)
class GraphEditorTest {
    private GraphView editor;
    private LayerPalette palette;
    private EditHistory<GraphDocument> history;
    private final List<String> edits = new ArrayList<>();

    @Start
    void start(Stage stage) {
        editor = new GraphView();
        editor.setId("editor");
        palette = new LayerPalette();
        history = new EditHistory<>(GraphDocument.of(new Network("untitled", List.of(), List.of(), List.of())));
        editor.setOnEdit((name, next) -> {
            edits.add(name);
            history.apply(name, next);
            editor.show(history.current());
        });
        editor.show(history.current());
        BorderPane root = new BorderPane(editor);
        root.setLeft(palette);
        stage.setScene(new Scene(root, 1200, 820));
        stage.show();
    }

    private void open(FxRobot robot, GraphDocument document) {
        robot.interact(() -> {
            history.reset(document);
            editor.show(document);
        });
    }

    private void undo(FxRobot robot) {
        robot.interact(() -> {
            history.undo();
            editor.show(history.current());
        });
    }

    private Network network() {
        return history.current().network();
    }

    /** A point of the editor, (x, y) from its top-left corner: canvas units while the view is not panned or zoomed. */
    private PointQuery at(FxRobot robot, double x, double y) {
        return robot.point(editor).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(x, y));
    }

    /** A node by its id, which may hold dots (CSS selectors cannot). */
    private static Node byId(FxRobot robot, String id) {
        return robot.lookup(n -> id.equals(n.getId())).query();
    }

    private void dropFromPalette(FxRobot robot, String entry, double x, double y) {
        forgetLastDragWindow(robot);
        robot.drag("#palette-" + entry, MouseButton.PRIMARY).dropTo(at(robot, x, y));
    }

    /**
     * Monocle (the headless platform) remembers the window of the first mouse event after a drag and drop ends,
     * and at the next drag and drop "leaves" it; a window from an earlier test, or a tooltip, was never entered,
     * and leaving it fails. Forgetting it makes the next drag start afresh, as on a real display; tooltips are
     * windows of their own too, so they are closed first.
     */
    private static void forgetLastDragWindow(FxRobot robot) {
        robot.interact(() -> {
            new ArrayList<>(javafx.stage.Window.getWindows()).stream().filter(javafx.stage.PopupWindow.class::isInstance)
                    .forEach(javafx.stage.Window::hide);
            try {
                Class<?> type = Class.forName("com.sun.glass.ui.monocle.MouseInput");
                java.lang.reflect.Method instance = type.getDeclaredMethod("getInstance");
                instance.setAccessible(true);
                java.lang.reflect.Field view = type.getDeclaredField("dragView");
                view.setAccessible(true);
                view.set(instance.invoke(null), null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not Monocle (a real display): nothing to forget
            }
        });
    }

    private void wire(FxRobot robot, String fromPort, String toPort) {
        robot.drag("#" + fromPort, MouseButton.PRIMARY).dropTo("#" + toPort);
    }

    private static GraphDocument twoConvs() {
        NetworkBuilder b = new NetworkBuilder("two");
        String x = b.add("input", new Input(Shape.image(16, 32, 32)));
        x = b.add("conv1", new Conv2D(16, 3, 1, 1, false), x);
        b.add("conv2", new Conv2D(16, 3, 1, 1, false), x);
        b.add("conv3", new Conv2D(32, 3, 2, 1, false), "conv1");
        return GraphDocument.of(b.build());
    }

    @Test
    @DisplayName("acceptance: input, two convs, an Add and the shortcut built by drag and drop make a valid network")
    void buildResidualBlockByDragAndDrop(FxRobot robot) {
        dropFromPalette(robot, "input", 300, 40);
        dropFromPalette(robot, "conv", 300, 140);
        dropFromPalette(robot, "conv", 300, 240);
        dropFromPalette(robot, "add", 300, 340);
        dropFromPalette(robot, "shortcut", 600, 240);
        dropFromPalette(robot, "global-avg-pool", 300, 440);
        dropFromPalette(robot, "dense", 300, 540);
        dropFromPalette(robot, "output", 300, 640);
        assertThat(network().nodes()).extracting(org.resnetexplorer.graph.Node::name)
                .containsExactly("input", "conv1", "conv2", "add1", "shortcut1", "gap1", "dense1", "output");
        assertThat(history.current().positions().get("conv1")).as("dropped where the pointer was")
                .isEqualTo(new Point(300 - 110, 140 - 26));

        wire(robot, "port-input-out", "port-conv1-in-in");
        wire(robot, "port-conv1-out", "port-conv2-in-in");
        wire(robot, "port-conv2-out", "port-add1-in-residual");

        // the identity shortcut would add 3x32x32 to 16x32x32: refused while dragging, with the reason
        robot.drag("#port-input-out", MouseButton.PRIMARY).moveTo("#port-add1-in-shortcut");
        Label reason = robot.lookup("#graph-connect-reason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).contains("3x32x32 cannot join 16x32x32");
        assertThat(robot.lookup("#port-add1-in-shortcut").queryAs(Node.class).getStyleClass()).contains("target-refused");
        robot.drop();
        assertThat(network().source("add1", Add.SHORTCUT)).as("the refused wire is not made").isEmpty();
        assertThat(editor.messageProperty().get()).startsWith("Not connected").contains("3x32x32 cannot join 16x32x32");

        // a projection shortcut fits
        wire(robot, "port-input-out", "port-shortcut1-in-in");
        assertThat(editor.messageProperty().get()).as("the refusal goes once the graph changes").isEmpty();
        wire(robot, "port-shortcut1-out", "port-add1-in-shortcut");
        wire(robot, "port-add1-out", "port-gap1-in-in");
        wire(robot, "port-gap1-out", "port-dense1-in-in");
        wire(robot, "port-dense1-out", "port-output-in-in");

        Analysis analysis = Analysis.of(network());
        assertThat(analysis.problems()).as("problems of the network built by hand").isEmpty();
        assertThat(analysis.outputShape("add1")).contains(Shape.image(16, 32, 32));
        assertThat(robot.lookup(".graph-node.invalid").queryAll()).isEmpty();
        assertThat(edits).contains("Add input", "Add conv1", "Connect input to conv1", "Connect shortcut1 to add1");
        assertThat(robot.lookup("#graph-totals").queryAs(Label.class).getText()).startsWith("8 layers");
    }

    @Test
    @DisplayName("a wire that would close a cycle is refused while dragging, with the cycle named")
    void cycleRefused(FxRobot robot) {
        open(robot, twoConvs());
        robot.drag("#port-conv2-out", MouseButton.PRIMARY).moveTo("#port-conv1-in-in");
        Label reason = robot.lookup("#graph-connect-reason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).startsWith("Cycle").contains("'conv1'").contains("'conv2'");
        robot.drop();
        assertThat(reason.isVisible()).as("the reason goes with the wire").isFalse();
        assertThat(network()).isEqualTo(twoConvs().network());
        assertThat(history.canUndoProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a wire into a layer that cannot take its shape is refused; one that fits is drawn")
    void shapeMismatchRefused(FxRobot robot) {
        NetworkBuilder b = new NetworkBuilder("flat");
        b.add("input", new Input(Shape.image(3, 8, 8)));
        b.add("conv", new Conv2D(8, 3, 1, 1, false), "input");
        b.add("flat", new org.resnetexplorer.graph.Flatten(), "conv");
        b.add("conv2", new Conv2D(8, 3, 1, 1, false), "input");
        open(robot, GraphDocument.of(b.build().withNode(new org.resnetexplorer.graph.Node("fc",
                new org.resnetexplorer.graph.Dense(4, true)))));
        robot.drag("#port-flat-out", MouseButton.PRIMARY).moveTo("#node-conv2");
        // anywhere over conv2's box aims at its input, which would get a flat vector instead of the image
        Label reason = robot.lookup("#graph-connect-reason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).startsWith("512 does not fit here").contains("needs an image");
        robot.drop();
        assertThat(network().source("conv2", LayerSpec.IN)).contains("input");
        wire(robot, "port-flat-out", "port-fc-in-in");
        assertThat(network().source("fc", LayerSpec.IN)).contains("flat");
    }

    @Test
    @DisplayName("Delete removes the selected nodes, then a clicked wire; undo brings them back")
    void deleteNodesAndWires(FxRobot robot) {
        open(robot, twoConvs());
        robot.clickOn("#node-conv3");
        robot.type(KeyCode.DELETE);
        assertThat(network().node("conv3")).isEmpty();
        assertThat(edits).last().isEqualTo("Delete conv3");

        CubicCurve hit = robot.lookup("#wire-conv1-conv2").lookup(".graph-wire-hit").queryAs(CubicCurve.class);
        Point2D middle = hit.localToScreen((hit.getStartX() + 3 * hit.getControlX1() + 3 * hit.getControlX2() + hit.getEndX()) / 8,
                (hit.getStartY() + 3 * hit.getControlY1() + 3 * hit.getControlY2() + hit.getEndY()) / 8);
        robot.clickOn(middle);
        assertThat(editor.selectedWiresProperty().get()).containsExactly(Wire.of("conv1", "conv2"));
        robot.type(KeyCode.BACK_SPACE);
        assertThat(network().wires()).doesNotContain(Wire.of("conv1", "conv2"));
        assertThat(network().node("conv2")).as("the wire went, not its ends").isPresent();
        assertThat(edits).last().isEqualTo("Delete 1 wire");

        undo(robot);
        undo(robot);
        assertThat(network()).isEqualTo(twoConvs().network());
        assertThat(robot.lookup("#node-conv3").tryQuery()).isPresent();
    }

    @Test
    @DisplayName("a rubber band on the empty canvas selects the boxes it touches; Ctrl-click toggles one")
    void rubberBand(FxRobot robot) {
        open(robot, twoConvs());
        robot.interact(editor::showTop);
        Node conv1 = robot.lookup("#node-conv1").query();
        Node conv2 = robot.lookup("#node-conv2").query();
        Point2D a = conv1.localToScreen(-20, -12);
        Point2D b = conv2.localToScreen(60, 30);
        robot.drag(a, MouseButton.PRIMARY).dropTo(b);
        assertThat(editor.selectionProperty().get()).containsExactlyInAnyOrder("conv1", "conv2");
        assertThat(edits).as("selecting is not an edit").isEmpty();
        robot.press(KeyCode.CONTROL).clickOn("#node-conv1").release(KeyCode.CONTROL);
        assertThat(editor.selectionProperty().get()).containsExactly("conv2");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(editor.selectionProperty().get()).containsExactlyInAnyOrder("input", "conv1", "conv2", "conv3");
    }

    @Test
    @DisplayName("Ctrl+C, Ctrl+V pastes the selected layers and the wires among them under fresh names, offset, selected")
    void copyPaste(FxRobot robot) {
        open(robot, twoConvs());
        robot.clickOn("#node-conv1");
        robot.press(KeyCode.CONTROL).clickOn("#node-conv2").type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        Network pasted = network();
        assertThat(pasted.node("conv1_2")).isPresent();
        assertThat(pasted.node("conv2_2")).isPresent();
        assertThat(pasted.wires()).contains(Wire.of("conv1_2", "conv2_2"));
        assertThat(pasted.source("conv1_2", LayerSpec.IN)).as("the input was not copied").isEmpty();
        assertThat(editor.selectionProperty().get()).containsExactlyInAnyOrder("conv1_2", "conv2_2");
        Point original = history.current().positions().get("conv1");
        assertThat(history.current().positions().get("conv1_2")).isEqualTo(original.plus(40, 40));
        assertThat(edits).last().isEqualTo("Paste 2 nodes");
        undo(robot);
        assertThat(network().node("conv1_2")).isEmpty();
    }

    @Test
    @DisplayName("moving a node is one edit on release, which undo takes back")
    void moveAndUndo(FxRobot robot) {
        open(robot, twoConvs());
        robot.interact(editor::showTop);
        Node conv3 = robot.lookup("#node-conv3").query();
        Point2D before = conv3.localToScene(0, 0);
        robot.drag("#node-conv3", MouseButton.PRIMARY).moveBy(60, 20).moveBy(60, 20).drop();
        assertThat(edits).containsExactly("Move");
        Point2D after = robot.lookup("#node-conv3").queryAs(Node.class).localToScene(0, 0);
        assertThat(after.getX() - before.getX()).isCloseTo(120, within(2.0));
        assertThat(history.current().positions()).as("every box keeps its place from now on")
                .containsKeys("input", "conv1", "conv2", "conv3");
        undo(robot);
        Point2D back = robot.lookup("#node-conv3").queryAs(Node.class).localToScene(0, 0);
        assertThat(back.getX()).isCloseTo(before.getX(), within(0.5));
        assertThat(history.current().positions()).isEmpty();
    }

    @Test
    @DisplayName("double-click collapses and expands a block; toggling its shortcut gives the plain twin and back")
    void collapseAndToggleShortcut(FxRobot robot) {
        open(robot, GraphDocument.of(Templates.build("mlp-resnet-2")));
        robot.interact(editor::showTop);
        robot.doubleClickOn(byId(robot, "node-block1.dense1"), MouseButton.PRIMARY);
        assertThat(history.current().collapsed()).containsExactly("block1");
        assertThat(robot.lookup("#block-block1").tryQuery()).isPresent();
        assertThat(edits).last().isEqualTo("Collapse block1");
        robot.clickOn("#block-block1");
        robot.interact(editor::toggleShortcutOfSelection);
        assertThat(network()).isEqualTo(Templates.build("mlp-resnet-2").withAllShortcuts(false));
        assertThat(robot.lookup("#block-block1").queryAs(Node.class).getStyleClass()).contains("plain");
        robot.interact(editor::toggleShortcutOfSelection);
        assertThat(network()).isEqualTo(Templates.build("mlp-resnet-2"));
        robot.moveTo(at(robot, 900, 700)).sleep(600);
        robot.doubleClickOn("#block-block1");
        assertThat(history.current().collapsed()).as(edits.toString()).isEmpty();
        assertThat(byId(robot, "node-block1.add")).isNotNull();
    }

    @Test
    @DisplayName("actions: add a residual block after the selection, stack it, wrap layers in a skip connection")
    void blockActions(FxRobot robot) {
        open(robot, GraphDocument.of(Templates.build("mlp-plain-3")));
        robot.interact(() -> editor.select(Set.of("relu1")));
        robot.interact(() -> editor.addResidualBlockAfterSelection(BlockKind.BASIC));
        // the plain template keeps its block (shortcut off); the new one is block2, with its shortcut on
        assertThat(network().blocks()).extracting(Block::name).containsExactly("block1", "block2");
        assertThat(network().hasShortcut("block2")).isTrue();
        assertThat(Analysis.of(network()).isValid()).isTrue();
        robot.interact(() -> editor.select(Set.of("block2.dense1")));
        robot.interact(() -> editor.stackSelectedBlock(2));
        assertThat(network().blocks()).hasSize(4);
        robot.interact(() -> editor.select(Set.of("dense_last", "relu_last")));
        robot.interact(editor::wrapSelectionInSkip);
        assertThat(network().blocks()).hasSize(5);
        assertThat(Analysis.of(network()).isValid()).isTrue();
        assertThat(edits).containsExactly("Add residual block", "Stack 2 blocks", "Wrap in skip connection");
        robot.interact(() -> editor.select(Set.of()));
        robot.interact(() -> editor.addResidualBlockAfterSelection(BlockKind.BASIC));
        assertThat(editor.messageProperty().get()).contains("Select one layer");
        assertThat(robot.lookup("#graph-message").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    @DisplayName("a block from the palette dropped on a layer goes after it; dropped on the canvas it waits, unwired")
    void paletteBlocks(FxRobot robot) {
        open(robot, twoConvs());
        robot.interact(editor::showTop);
        Point2D onConv2 = robot.lookup("#node-conv2").queryAs(Node.class).localToScreen(110, 26);
        forgetLastDragWindow(robot);
        robot.drag("#palette-basic-block", MouseButton.PRIMARY).dropTo(onConv2);
        assertThat(network().blocks()).extracting(Block::name).containsExactly("block1");
        assertThat(network().source("block1.conv1", LayerSpec.IN)).contains("conv2");
        assertThat(edits).containsExactly("Add residual block");

        dropFromPalette(robot, "basic-block", 800, 120);
        assertThat(network().blocks()).extracting(Block::name).containsExactly("block1", "block2");
        assertThat(network().source("block2.conv1", LayerSpec.IN)).as("a dropped block waits to be wired").isEmpty();
        Point2D dropped = at(robot, 800, 120).query();
        Point2D middle = byId(robot, "node-block2.conv1").localToScreen(110, 26);
        assertThat(middle.distance(dropped)).as("its first layer is where it was dropped").isLessThan(2);
        robot.doubleClickOn(byId(robot, "node-block2.conv1"), MouseButton.PRIMARY);
        assertThat(history.current().collapsed()).containsExactly("block2");
        // a wire into a collapsed block feeds every layer inside that reads from outside
        wire(robot, "port-input-out", "port-block2-in");
        assertThat(network().source("block2.conv1", LayerSpec.IN)).contains("input");
        assertThat(network().source("block2.shortcut", LayerSpec.IN)).contains("input");
        assertThat(Analysis.of(network()).outputShape("block2.relu2")).contains(Shape.image(16, 32, 32));
        assertThat(editor.canPasteProperty().get()).isFalse();
    }

    @Test
    @DisplayName("resnet-152 opens collapsed as a few dozen boxes, pans with the middle button and Space+drag, and zooms")
    void resnet152(FxRobot robot) {
        Network resnet = Templates.build("resnet-152");
        Set<String> all = resnet.blocks().stream().map(Block::name).collect(Collectors.toSet());
        open(robot, new GraphDocument(resnet, Map.of(), all));
        robot.interact(editor::showTop);
        assertThat(robot.lookup(".graph-node").queryAll()).hasSizeLessThan(150).hasSizeGreaterThan(50);
        Node input = robot.lookup("#node-input").query();
        Point2D before = input.localToScene(0, 0);
        robot.drag(at(robot, 600, 500), MouseButton.MIDDLE).moveBy(-50, -120).drop();
        Point2D after = input.localToScene(0, 0);
        assertThat(after.getX() - before.getX()).isCloseTo(-50, within(2.0));
        assertThat(after.getY() - before.getY()).isCloseTo(-120, within(2.0));
        robot.clickOn(at(robot, 900, 700));
        robot.press(KeyCode.SPACE).drag(at(robot, 600, 500), MouseButton.PRIMARY).moveBy(0, -200).drop()
                .release(KeyCode.SPACE);
        assertThat(input.localToScene(0, 0).getY() - after.getY()).isCloseTo(-200, within(2.0));
        assertThat(editor.selectionProperty().get()).as("panning selects nothing").isEmpty();
        robot.moveTo(at(robot, 600, 400)).scroll(3, javafx.geometry.VerticalDirection.UP);
        assertThat(editor.zoom()).isNotCloseTo(1.0, within(1e-6));
        robot.interact(editor::fitToView);
        assertThat(editor.zoom()).as("too deep to fit readably: its top at 50%").isEqualTo(0.5);
        assertThat(input.localToScene(input.getLayoutBounds()).getMinY()).isBetween(0.0, 100.0);
        assertThat(edits).isEmpty();
    }
}

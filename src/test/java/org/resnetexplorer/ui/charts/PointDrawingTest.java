package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.PlaneMapping;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.ui.document.EditHistory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PointDrawingTest {
    /** The plane [-1, 1]^2 drawn on the 400 x 400 points from (50, 50). */
    private static final PlaneMapping PLANE = new PlaneMapping(50, 50, 400, 400, -1, 1, -1, 1);

    @TempDir
    Path folder;

    private final Pane surface = new Pane();
    private final Drawing drawing = new Drawing();
    private final EditHistory<DrawnPoints> history = new EditHistory<>(DrawnPoints.NONE);
    private PointDrawing points;
    private DrawingControls controls;

    @Start
    void start(Stage stage) {
        drawing.setEditor((name, next) -> {
            history.apply(name, next);
            drawing.show(history.current());
        });
        points = new PointDrawing(surface, () -> List.of(PLANE), drawing);
        controls = new DrawingControls(points, drawing);
        surface.setFocusTraversable(true);
        surface.setPrefSize(500, 500);
        BorderPane root = new BorderPane(surface);
        root.setTop(new FlowPane(8, 4, controls.nodes().toArray(javafx.scene.Node[]::new)));
        stage.setScene(new Scene(root, 700, 600));
        stage.show();
    }

    /** Where data point ({@code x}, {@code y}) is on screen. */
    private Point2D screen(double x, double y) {
        return surface.localToScreen(PLANE.pixelX(x), PLANE.pixelY(y));
    }

    private List<DrawnPoint> drawn() {
        return drawing.points().points();
    }

    @Test
    @DisplayName("clicks add points of the chosen class only while Draw points is on; keys 1-9 choose the class")
    void clicksAddPoints(FxRobot robot) {
        robot.clickOn(screen(0.5, 0.5), MouseButton.PRIMARY);
        assertThat(drawn()).as("drawing is off").isEmpty();

        robot.clickOn("#draw-points");
        robot.clickOn(screen(0.5, 0.5), MouseButton.PRIMARY);
        robot.type(KeyCode.DIGIT3);
        robot.clickOn(screen(-0.5, -0.25), MouseButton.PRIMARY);

        assertThat(drawn()).hasSize(2);
        assertThat(drawn().get(0).label()).isZero();
        assertThat(drawn().get(0).x()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(drawn().get(0).y()).as("up is more").isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(drawn().get(1).label()).as("key 3 chose class 3").isEqualTo(2);
        assertThat(drawn().get(1).y()).isCloseTo(-0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(history.undoNameProperty().get()).isEqualTo("Add point of class 3");
        assertThat(robot.lookup("#draw-classes").queryAs(javafx.scene.layout.HBox.class).getChildren())
                .as("a swatch for each class drawn and one more").hasSize(4);
        assertThat(robot.lookup("#draw-class-3").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    @DisplayName("a right-click or Shift+click removes the nearest point within a few pixels, and Undo brings it back")
    void clicksRemovePoints(FxRobot robot) {
        robot.interact(() -> drawing.edit("set", new DrawnPoints(List.of(new DrawnPoint(0.5, 0.5, 0),
                new DrawnPoint(-0.5, 0, 1), new DrawnPoint(0, 0, 1)))));
        robot.clickOn("#draw-points");

        robot.clickOn(screen(0.5, 0.5).add(3, 2), MouseButton.SECONDARY);
        assertThat(drawn()).extracting(DrawnPoint::x).containsExactly(-0.5, 0.0);
        robot.clickOn(screen(0.3, 0.3), MouseButton.SECONDARY);
        assertThat(drawn()).as("nothing within the radius").hasSize(2);
        robot.press(KeyCode.SHIFT).clickOn(screen(-0.5, 0), MouseButton.PRIMARY).release(KeyCode.SHIFT);
        assertThat(drawn()).extracting(DrawnPoint::x).containsExactly(0.0);

        robot.interact(() -> {
            history.undo();
            drawing.show(history.current());
        });
        assertThat(drawn()).extracting(DrawnPoint::x).containsExactly(-0.5, 0.0);
        assertThat(robot.lookup("#charts-context-menu").tryQuery()).isEmpty();
    }

    @Test
    @DisplayName("Clear points removes them all as one edit; the points export as CSV and import back")
    void clearExportImport(FxRobot robot) throws Exception {
        DrawnPoints three = new DrawnPoints(List.of(new DrawnPoint(0.25, 0.5, 0), new DrawnPoint(-1, 1, 1),
                new DrawnPoint(0.75, -0.5, 2)));
        robot.interact(() -> drawing.edit("set", three));
        robot.clickOn("#draw-points");
        Path file = folder.resolve("points.csv");
        robot.interact(() -> points.exportTo(file));

        robot.clickOn("#draw-clear");
        assertThat(drawn()).isEmpty();
        assertThat(history.undoNameProperty().get()).isEqualTo("Clear points");
        robot.interact(() -> points.importFrom(file));

        assertThat(drawing.points()).isEqualTo(three);
        assertThat(Files.readString(file)).startsWith("x,y,label\n0.25,0.5,0\n");
    }

    @Test
    @DisplayName("the keys choose classes 1 to 9 and 0 the tenth; other keys choose none")
    void keys() {
        assertThat(PointDrawing.classOfKey(KeyCode.DIGIT1)).isZero();
        assertThat(PointDrawing.classOfKey(KeyCode.NUMPAD9)).isEqualTo(8);
        assertThat(PointDrawing.classOfKey(KeyCode.DIGIT0)).isEqualTo(9);
        assertThat(PointDrawing.classOfKey(KeyCode.A)).isEqualTo(-1);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.ui.charts.ChartView;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.layout.WindowLayout;
import org.resnetexplorer.ui.layout.WindowLayout.View;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.work.SameThreadWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a classroom projector (issue 13): at 1024x768, 1280x720 and 1920x1080, in normal and presentation
 * mode, the error chart keeps a readable plot; the side panels step aside and come back; the charts maximise (a
 * double-click on a tab, Esc restores) and show alone with the run list; the window fits the screen.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
    /** The smallest plot area (inside the axes) of the error chart, in points, that a class can read. */
    static final double MIN_PLOT_HEIGHT = 250;
    /** Runs in the list and the charts: a session of a class (issue 13's acceptance asks for 12). */
    static final int RUNS = 12;

    @TempDir
    Path temp;

    private MainWindow window;
    private Stage stage;
    private MemoryPreferences prefs;

    @Start
    void start(Stage primary) {
        stage = primary;
        prefs = new MemoryPreferences();
        window = new MainWindow(stage, new WindowConfig(prefs, temp.resolve("recovery"), Duration.millis(150),
                new MainWindowTest.ScriptedFiles(), new SameThreadWork()));
        window.show();
    }

    @AfterEach
    void leave(FxRobot robot) {
        robot.interact(() -> {
            window.appearance().setPresentation(false);
            stage.setFullScreen(false);
            window.training().shutdown();
            // the next test class gets the same stage: its size as a first start has it
            stage.setWidth(WindowGeometry.DEFAULT_WIDTH);
            stage.setHeight(WindowGeometry.DEFAULT_HEIGHT);
        });
    }

    static Stream<Arguments> projectors() {
        return Stream.of(Arguments.of(1024, 768, false), Arguments.of(1280, 720, false),
                Arguments.of(1920, 1080, false), Arguments.of(1024, 768, true), Arguments.of(1280, 720, true),
                Arguments.of(1920, 1080, true));
    }

    @ParameterizedTest(name = "{0}x{1}, presentation mode {2}")
    @MethodSource("projectors")
    @DisplayName("the error chart's plot area is at least 250 points tall on a projector (and a 1080p screen),"
            + " with the runs in the list")
    void errorChartKeepsItsHeight(int width, int height, boolean presentation, FxRobot robot) {
        addRuns(robot, RUNS);
        if (presentation) {
            // a projector's full screen is its size: presentation mode, then the projector's size
            robot.interact(() -> window.appearance().setPresentation(true));
            robot.interact(() -> stage.setFullScreen(false));
        }
        resize(robot, width, height);
        ChartView errors = window.charts().charts().get(0);
        assertThat(errors.plotHeight()).as("plot height of the error chart at %dx%d", width, height)
                .isGreaterThanOrEqualTo(MIN_PLOT_HEIGHT);
        assertThat(window.training().runs()).hasSize(RUNS);
        assertThat(window.charts().runs()).hasSize(RUNS);
    }

    @Test
    @DisplayName("the side panels hide and come back by their keys, step aside in a narrow window and shrink with it")
    void sidePanelsCollapse(FxRobot robot) {
        resize(robot, 1280, 720);
        Node left = robot.lookup("#left-pane").query();
        Node right = robot.lookup("#right-pane").query();
        assertThat(left.isVisible()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        assertThat(left.isVisible()).as("palette after Ctrl+Shift+1").isFalse();
        assertThat(prefs.getBoolean("layout.left", true)).as("kept in the preferences").isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        assertThat(left.isVisible()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2);
        assertThat(right.isVisible()).as("right panel after Ctrl+Shift+2").isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT2);
        assertThat(right.isVisible()).isTrue();

        resize(robot, 1024, 768);
        assertThat(left.isVisible()).as("palette in a window narrower than %s", WindowLayout.LEFT_NARROW).isFalse();
        assertThat(right.isVisible()).isTrue();
        resize(robot, 800, 500);
        assertThat(right.getLayoutBounds().getWidth()).as("right panel width at 800x500").isLessThanOrEqualTo(240);
        resize(robot, 1280, 720);
        assertThat(left.isVisible()).as("palette back in a wide window").isTrue();
    }

    @Test
    @DisplayName("a double-click on a chart's tab maximises the charts; another, or Esc, restores them and the"
            + " dividers")
    void doubleClickOnATabMaximises(FxRobot robot) {
        resize(robot, 1280, 720);
        SplitPane centre = robot.lookup("#centre").queryAs(SplitPane.class);
        robot.interact(() -> centre.setDividerPositions(0.3));
        double divider = centre.getDividerPositions()[0];
        robot.doubleClickOn(heatmapTab(robot));
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.MAXIMISED);
        assertThat(window.charts().selectedChart().getId()).isEqualTo("gradient-heatmap");
        assertThat(window.graph().getScene()).as("the graph steps aside").isNull();
        assertThat(robot.lookup("#runs").tryQuery()).as("the run list steps aside").isEmpty();
        assertThat(robot.lookup("#left-pane").query().isVisible()).isFalse();
        robot.doubleClickOn(heatmapTab(robot));
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.NORMAL);
        assertThat(centre.getDividerPositions()[0]).as("divider as before").isCloseTo(divider, within(0.01));

        robot.clickOn("#maximise-charts-button");
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.MAXIMISED);
        robot.push(KeyCode.ESCAPE);
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.NORMAL);
        assertThat(window.graph().getScene()).isNotNull();
        assertThat(robot.lookup("#left-pane").query().isVisible()).isTrue();
    }

    /** The gradient heatmap's tab in the charts' tab row. */
    private static Node heatmapTab(FxRobot robot) {
        return robot.lookup(".tab").match(n -> "tab-gradient-heatmap".equals(n.getId())).queryAs(Node.class);
    }

    @Test
    @DisplayName("Ctrl+Shift+F shows the charts and the run list alone, and again brings the graph and the panels back")
    void chartsOnlyToggles(FxRobot robot) {
        resize(robot, 1280, 720);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.CHARTS_ONLY);
        assertThat(window.graph().getScene()).isNull();
        assertThat(robot.lookup("#runs").tryQuery()).isPresent();
        assertThat(robot.lookup("#right-pane").query().isVisible()).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.NORMAL);
        assertThat(window.graph().getScene()).isNotNull();
        assertThat(robot.lookup("#right-pane").query().isVisible()).isTrue();
    }

    @Test
    @DisplayName("presentation mode maximises the charts; leaving it restores the view and the menus' text size")
    void presentationShowsTheChartsLarge(FxRobot robot) {
        resize(robot, 1280, 720);
        double menuText = menuFontSize(robot);
        robot.push(KeyCode.F12);
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.MAXIMISED);
        assertThat(menuFontSize(robot)).as("menu text in presentation mode").isGreaterThan(menuText * 1.3);
        robot.push(KeyCode.F12);
        assertThat(window.layout().viewProperty().get()).isEqualTo(View.NORMAL);
        assertThat(window.graph().getScene()).isNotNull();
        assertThat(menuFontSize(robot)).as("menu text after presentation mode").isEqualTo(menuText);
    }

    @Test
    @DisplayName("a window remembered larger than the screen opens inside it, centred")
    void rememberedSizeFitsTheScreen(FxRobot robot) {
        prefs.putDouble("width", 3000);
        prefs.putDouble("height", 2000);
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new MainWindow(second[0], new WindowConfig(prefs, temp.resolve("recovery"), Duration.millis(150),
                    new MainWindowTest.ScriptedFiles(), new SameThreadWork())).show();
        });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(second[0].getWidth()).as("window width").isLessThanOrEqualTo(screen.getWidth());
        assertThat(second[0].getHeight()).as("window height").isLessThanOrEqualTo(screen.getHeight());
        assertThat(second[0].getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(second[0].getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(second[0].getX() + second[0].getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        robot.interact(second[0]::hide);
    }

    /** The font size of the menu bar's titles (File, Edit, ...). */
    private double menuFontSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#menu-bar").lookup(".label").queryAs(javafx.scene.control.Label.class).getFont().getSize();
    }

    /** Sets the window's size and lets it lay out and draw the chart that shows. */
    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            window.charts().redrawSelected();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code count} runs of 200 steps in the run list and the charts, alternately residual and plain. */
    private void addRuns(FxRobot robot, int count) {
        robot.interact(() -> {
            ChartsPane charts = window.charts();
            for (int r = 0; r < count; r++) {
                boolean plain = r % 2 == 1;
                String name = "#" + (r / 2 + 1) + " mlp-resnet-20" + (plain ? " (plain twin)" : "");
                window.training().runs().add(new RunRecord(name, "mlp-resnet-20", "spiral", plain, 200));
                List<TrainingSnapshot> steps = new ArrayList<>();
                for (int step = 1; step <= 200; step++) {
                    double error = (plain ? 0.3 : 0.1) + 0.6 * Math.exp(-step / 50.0);
                    steps.add(new TrainingSnapshot(name, step, 200, 2 * error, error, error,
                            step % 10 == 0 ? error + 0.03 : Double.NaN, 0.05, 50, List.of(), List.of(), List.of()));
                }
                charts.append(steps);
            }
        });
    }
}

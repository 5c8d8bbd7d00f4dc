package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.PlaneMapping;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.charts.DecisionRegionsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Draw your own data (issue 15's acceptance): points clicked into the Decision regions view are the next run's data. */
@ExtendWith(ApplicationExtension.class)
class DrawnPointsWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private final MainWindowTest.ScriptedFiles files = new MainWindowTest.ScriptedFiles();
    /** The dataset each run trained on, as the session handed it to the charts. */
    private final Map<String, Dataset> trainedOn = new ConcurrentHashMap<>();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), files));
        window.training().setRunData((run, data) -> {
            trainedOn.put(run, data);
            window.charts().putRunData(run, data);
        });
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("points clicked into the Decision regions view are the training data of the next run, and an undone"
            + " point is not in the run after")
    void clickedPointsTrain(FxRobot robot) throws Exception {
        DecisionRegionsView view = fx(() -> (DecisionRegionsView) window.charts().charts().stream()
                .filter(v -> v.kind() == ChartKind.DECISION_REGIONS).findFirst().orElseThrow());
        robot.interact(() -> window.charts().select(view));
        robot.clickOn("#draw-points");
        assertThat(robot.lookup("#training-dataset").queryAs(ComboBox.class).getValue()).isEqualTo("custom");
        waitFor(() -> !fx(view::planes).isEmpty());
        PlaneMapping plane = fx(view::planes).get(0);

        for (int i = 0; i < 6; i++) {
            robot.clickOn(screen(view, plane, -0.8 + 0.1 * i, 0.5 - 0.15 * i), MouseButton.PRIMARY);
        }
        robot.type(KeyCode.DIGIT2);
        for (int i = 0; i < 6; i++) {
            robot.clickOn(screen(view, plane, 0.3 + 0.1 * i, -0.5 + 0.15 * i), MouseButton.PRIMARY);
        }
        assertThat(fx(() -> window.document().state().points().size())).isEqualTo(12);
        assertThat(robot.lookup("#training-custom-hint").queryLabeled().getText())
                .isEqualTo("12 points of 2 classes, drawn in the Decision regions tab");

        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("40"));
        robot.push(KeyCode.F5);
        waitForSessionEnd();

        Dataset first = trainedOn.get(fx(() -> window.training().sessionRuns().get(0).name()));
        assertThat(first.name()).isEqualTo("custom");
        assertThat(first.train().size()).as("one example per click").isEqualTo(12);
        assertThat(first.train().classCounts()).containsExactly(6, 6);
        DrawnPoint last = fx(() -> window.document().state().points().points().get(11));
        assertThat(first.train().example(11)).containsExactly((float) last.x(), (float) last.y());
        assertThat(fx(() -> window.training().sessionRuns().get(0).dataset())).isEqualTo("custom");

        robot.push(new javafx.scene.input.KeyCodeCombination(KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        assertThat(fx(() -> window.document().state().points().size())).as("Ctrl+Z took the last point back").isEqualTo(11);
        robot.push(KeyCode.F5);
        waitForSessionEnd();
        Dataset second = trainedOn.get(fx(() -> window.training().sessionRuns().get(0).name()));
        assertThat(second.train().size()).isEqualTo(11);
        assertThat(second.train().classCounts()).containsExactly(6, 5);

        Path saved = temp.resolve("drawn.json");
        files.answers.add(saved);
        robot.push(new javafx.scene.input.KeyCodeCombination(KeyCode.S, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        assertThat(org.resnetexplorer.graph.GraphFiles.loadDocument(saved).points())
                .as("saved with the graph").isEqualTo(fx(() -> window.document().state().points()));
        robot.interact(() -> robot.lookup("#templates").queryListView().scrollTo("mlp-plain-8"));
        robot.clickOn("mlp-plain-8");
        assertThat(fx(() -> window.document().network().name())).isEqualTo("mlp-plain-8");
        assertThat(fx(() -> window.document().state().points().size())).as("a template keeps the points").isEqualTo(11);
    }

    private static Point2D screen(DecisionRegionsView view, PlaneMapping plane, double x, double y) {
        return view.chartNode().localToScreen(plane.pixelX(x), plane.pixelY(y));
    }

    private void waitForSessionEnd() throws Exception {
        waitFor(() -> fx(() -> !window.training().activeProperty().get() && !window.training().sessionRuns().isEmpty()
                && window.training().sessionRuns().stream().allMatch(r -> r.status() == RunStatus.FINISHED)));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.charts.DecisionRegionsView;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first-start example in the Decision regions tab (issue 15's acceptance): both twins' regions, live. */
@ExtendWith(ApplicationExtension.class)
class DecisionRegionsWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), new MainWindowTest.ScriptedFiles()));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("Run on the first-start example shows the decision regions of the ResNet and its plain twin side by"
            + " side, and they follow the training to its last step")
    void bothTwinsWhileTraining(FxRobot robot) throws Exception {
        DecisionRegionsView view = fx(() -> (DecisionRegionsView) window.charts().charts().stream()
                .filter(v -> v.kind() == ChartKind.DECISION_REGIONS).findFirst().orElseThrow());
        robot.interact(() -> window.charts().select(view));
        // long enough that the regions are seen to move while it trains, on a slow machine and a fast one
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("1200"));
        robot.push(KeyCode.F5);

        waitFor(() -> computed(fx(view::shownRegions)).size() == 2);
        Map<String, Integer> first = fx(view::shownRegions);
        assertThat(first.keySet()).as("the ResNet on the left, its plain twin beside it").satisfiesExactly(
                resnet -> assertThat(resnet).startsWith("#1 ").doesNotContain("plain twin"),
                twin -> assertThat(twin).startsWith("#1 plain twin"));
        int firstStep = first.values().stream().mapToInt(Integer::intValue).max().orElseThrow();

        assertThat(firstStep).as("the first regions come early in the training").isLessThan(1200);
        waitFor(() -> computed(fx(view::shownRegions)).stream().allMatch(step -> step > firstStep));

        waitFor(() -> fx(() -> window.training().sessionRuns().stream().allMatch(r -> r.status() == RunStatus.FINISHED)));
        int last = fx(() -> window.training().sessionRuns().stream().mapToInt(r -> r.stepProperty().get()).max()
                .orElseThrow());
        waitFor(() -> computed(fx(view::shownRegions)).equals(List.of(last, last)));
        List<RunRecord> runs = fx(() -> window.training().sessionRuns());
        assertThat(runs).hasSize(2);
    }

    /** The steps of the panels whose regions are drawn. */
    private static List<Integer> computed(Map<String, Integer> shown) {
        return shown.values().stream().filter(step -> step >= 0).toList();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesion study in the window: a block deleted at test time from a trained run, and a run's whole study. */
@ExtendWith(ApplicationExtension.class)
class LesionWindowTest {
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
    @DisplayName("after a brief training of the first-start example, a block's context menu deletes it at test time and"
            + " the status line tells the test error before and after; the run list's Lesion study fills the Study tab")
    void deleteAtTestTime(FxRobot robot) throws Exception {
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("60"));
        robot.clickOn(block(robot, "block3"), MouseButton.SECONDARY);
        assertThat(deleteItem().isDisable()).as("nothing trained yet: nothing to delete from").isTrue();
        robot.push(KeyCode.ESCAPE);

        robot.push(KeyCode.F5);
        waitFor(() -> fx(() -> window.training().sessionRuns().size() == 2
                && window.training().sessionRuns().stream().allMatch(r -> r.status() == RunStatus.FINISHED)));
        robot.clickOn(block(robot, "block3"), MouseButton.SECONDARY);
        MenuItem delete = deleteItem();
        assertThat(delete.isDisable()).isFalse();
        assertThat(delete.getText()).contains("#1").doesNotContain("plain twin");
        robot.interact(delete::fire);

        waitFor(() -> status(robot).contains("\u2192"));
        assertThat(status(robot)).contains("block3").contains("60").matches("(?s).*test error \\d+\\.\\d% \u2192"
                + " \\d+\\.\\d% \\([+-]\\d+\\.\\d points\\).*");

        RunsTable table = robot.lookup("#runs").queryAs(RunsTable.class);
        RunRecord resnet = fx(() -> window.training().sessionRuns().get(0));
        robot.interact(() -> table.getSelectionModel().select(resnet));
        MenuItem study = fx(() -> table.getContextMenu().getItems().stream()
                .filter(i -> "runs-menu-lesion-study".equals(i.getId())).findFirst().orElseThrow());
        robot.interact(() -> table.getContextMenu().show(table, 0, 0));
        assertThat(fx(study::isDisable)).as("a trained run of a network with blocks").isFalse();
        robot.interact(() -> {
            table.getContextMenu().hide();
            study.fire();
        });
        waitFor(() -> status(robot).contains("Study"));
        assertThat(fx(() -> window.charts().selectedChart().kind())).isEqualTo(ChartKind.STUDY);
    }

    /** The block's box when it is collapsed, else its first layer's, brought into view. */
    private Node block(FxRobot robot, String name) {
        Node box = robot.lookup(n -> ("block-" + name).equals(n.getId()) || ("node-" + name + ".dense1").equals(n.getId()))
                .query();
        String item = box.getId().substring(box.getId().indexOf('-') + 1);
        robot.interact(() -> {
            window.graph().select(java.util.Set.of(item));
            window.graph().zoomToSelection();
        });
        return box;
    }

    /** The item of the block menu open now. */
    private static MenuItem deleteItem() throws Exception {
        return fx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu menu && menu.isShowing()
                && "block-menu".equals(menu.getId())).map(w -> ((ContextMenu) w).getItems().get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no block menu open")));
    }

    private static String status(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#status-bar").queryAs(StatusBar.class).getText());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

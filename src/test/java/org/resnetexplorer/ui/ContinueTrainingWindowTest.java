package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
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
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Continue training" in the window (decision 0033): a run trains on from another's weights. */
@ExtendWith(ApplicationExtension.class)
class ContinueTrainingWindowTest {
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
    @DisplayName("train the first-start example briefly, Continue training, change nothing, Run: the new run's first"
            + " evaluation is the old run's last test error, and the run list says which run it continues")
    void continuesWhereTheRunEnded(FxRobot robot) throws Exception {
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("60"));
        robot.push(KeyCode.F5);
        waitFor(() -> fx(() -> window.training().sessionRuns().size() == 2
                && window.training().sessionRuns().stream().allMatch(r -> r.status() == RunStatus.FINISHED)));
        RunRecord trained = fx(() -> window.training().sessionRuns().get(0));
        double lastError = fx(() -> trained.testErrorProperty().get());

        // the headless screen sends no context-menu events: the menu is opened as a right click would
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup("#runs").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(trained);
            javafx.geometry.Bounds at = table.localToScreen(table.getBoundsInLocal());
            table.getContextMenu().show(table, at.getMinX() + 40, at.getMinY() + 40);
        });
        robot.clickOn(Texts.get("runsMenu.continue"));
        assertThat(fx(() -> window.document().trainedWeights())).as("the editor holds the run's weights").isNotNull();
        assertThat(fx(() -> window.document().network())).isEqualTo(fx(() -> window.document().trainedWeights()
                .network()));

        robot.push(KeyCode.F5);
        waitFor(() -> fx(() -> window.training().sessionRuns().size() == 1
                && window.training().sessionRuns().get(0).status() == RunStatus.FINISHED));
        RunRecord continued = fx(() -> window.training().sessionRuns().get(0));
        assertThat(continued.continues()).contains(trained.name());
        List<TrainingSnapshot> snapshots = fx(() -> window.charts().snapshots(continued.name()));
        TrainingSnapshot first = snapshots.stream().filter(TrainingSnapshot::hasTestError).findFirst().orElseThrow();
        assertThat(first.step()).isZero();
        assertThat(first.testError()).as("the first evaluation of %s", continued.name()).isEqualTo(lastError);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

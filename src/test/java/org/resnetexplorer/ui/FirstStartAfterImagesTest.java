package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start after a session that trained on Fashion-MNIST (issue 13's acceptance): the example opens runnable. */
@ExtendWith(ApplicationExtension.class)
class FirstStartAfterImagesTest {
    @TempDir
    Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        MemoryPreferences prefs = new MemoryPreferences();
        // what the Training panel kept after a CNN session on Fashion-MNIST
        Preferences training = prefs.node("training");
        training.put("dataset", "fashion-mnist");
        training.putBoolean("downscale", true);
        training.put("steps", "600");
        training.put("batch", "32");
        training.put("rate", "0.1");
        training.put("schedule", "STEP_DECAY");
        window = new MainWindow(stage, new WindowConfig(prefs, temp.resolve("recovery"), Duration.seconds(3),
                new MainWindowTest.ScriptedFiles()));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("the example opens with the spiral chosen again, its settings for points, and Run trains it")
    void exampleRuns(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#training-dataset").queryComboBox().getValue()).isEqualTo("spiral");
        assertThat(robot.lookup("#status-bar").queryAs(StatusBar.class).getText())
                .isEqualTo("Dataset set to spiral for this network on 2-D points");
        assertThat(robot.lookup("#training-batch").queryAs(TextField.class).getText()).isEqualTo("64");
        assertThat(window.document().isModified()).isFalse();
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("20"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<RunRecord> runs = window.training().sessionRuns();
            return runs.size() == 2 && runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED);
        }).get(5, TimeUnit.SECONDS));
        assertThat(window.training().runs()).allSatisfy(r -> assertThat(r.dataset()).isEqualTo("spiral"));
    }
}

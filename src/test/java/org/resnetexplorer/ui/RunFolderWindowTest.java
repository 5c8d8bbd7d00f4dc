package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
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
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunSettingsFiles;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.TrainedValues;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Export > Save Run Folder... (decision 0038): a run trained in the window, saved as 'train --out' saves one. */
@ExtendWith(ApplicationExtension.class)
class RunFolderWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private final MainWindowTest.ScriptedFiles files = new MainWindowTest.ScriptedFiles();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), files));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("off, saying why, until a finished run is selected; then it saves the run's trained network, equal to"
            + " the window's, and its settings, into a new folder named after the run")
    void savesTheSelectedRun(FxRobot robot) throws Exception {
        MenuItem item = item(robot);
        assertThat(item.isDisable()).as("no run yet").isTrue();
        assertThat(item.getText()).isEqualTo(RunFolderExport.SELECT_A_RUN);

        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("40"));
        robot.push(KeyCode.F5);
        waitFor(() -> fx(() -> !window.training().sessionRuns().isEmpty()
                && window.training().sessionRuns().stream().allMatch(r -> r.status() == RunStatus.FINISHED)));
        RunRecord run = fx(() -> window.training().sessionRuns().get(0));
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup("#runs").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(run));
        assertThat(item.isDisable()).as("a finished run selected").isFalse();
        assertThat(item.getText()).isEqualTo(Action.SAVE_RUN_FOLDER.text());

        Path parent = Files.createDirectories(temp.resolve("saved"));
        files.answers.add(parent);
        robot.interact(item::fire);
        Path folder = parent.resolve(FileNames.segment(run.label()));
        waitFor(() -> fx(() -> status(robot).startsWith(String.format(RunFolderExport.SAVED, run.label(), folder))));

        NetworkState saved = TrainedNetworkFiles.read(folder);
        NetworkState shown = fx(() -> window.training().trainedState(run).orElseThrow());
        assertThat(saved.step()).isEqualTo(shown.step()).isEqualTo(40);
        List<TrainedValues.Tensor> expected = shown.trainedValues().tensors();
        List<TrainedValues.Tensor> read = saved.trainedValues().tensors();
        assertThat(read).hasSameSizeAs(expected);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).values()).as("%s %s", expected.get(i).node(), expected.get(i).part())
                    .containsExactly(expected.get(i).values());
        }
        RunSettingsFiles.RunSettings settings = RunSettingsFiles.read(folder);
        assertThat(settings.dataset()).isEqualTo(run.dataset());
        assertThat(settings.training().steps()).isEqualTo(40);

        files.answers.add(parent);
        robot.interact(item::fire);
        waitFor(() -> fx(() -> status(robot).contains(run.label() + " 2")));
        try (Stream<Path> saves = Files.list(parent)) {
            assertThat(saves.count()).as("a second save goes into a new folder").isEqualTo(2);
        }
    }

    private static MenuItem item(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-save-run-folder".equals(i.getId())).findFirst().orElseThrow();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

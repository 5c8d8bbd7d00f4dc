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
import org.resnetexplorer.graph.PyTorchExport;
import org.resnetexplorer.graph.TrainedValues;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export > Save Run Folder... and Export Run as PyTorch... (decision 0038): a run trained in the window, saved as
 * 'train --out' saves one, and exported with its weights as export-pytorch exports one.
 */
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
    @DisplayName("Save Run Folder and Export Run as PyTorch are off, saying why, until a finished run is selected; then"
            + " the folder holds the run's trained network, equal to the window's, and its settings, in a new folder"
            + " named after the run, and the PyTorch file the code export-pytorch writes for it")
    void savesTheSelectedRun(FxRobot robot) throws Exception {
        MenuItem item = item(robot, "menu-save-run-folder");
        MenuItem pytorch = item(robot, "menu-export-run-pytorch");
        assertThat(item.isDisable()).as("no run yet").isTrue();
        assertThat(item.getText()).isEqualTo(RunExports.SELECT_A_RUN);
        assertThat(pytorch.isDisable()).isTrue();
        assertThat(pytorch.getText()).isEqualTo(RunExports.SELECT_A_RUN_PYTORCH);

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
        assertThat(pytorch.isDisable()).isFalse();

        Path parent = Files.createDirectories(temp.resolve("saved"));
        files.answers.add(parent);
        robot.interact(item::fire);
        Path folder = parent.resolve(FileNames.segment(run.label()));
        waitFor(() -> fx(() -> status(robot).startsWith(String.format(RunExports.SAVED, run.label(), folder))));

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

        Path module = temp.resolve("run.py");
        files.answers.add(module);
        robot.interact(pytorch::fire);
        waitFor(() -> fx(() -> status(robot).equals(String.format(RunExports.PYTORCH_EXPORTED, run.label(), "run.py"))));
        assertThat(files.suggested).contains(ExportActions.moduleFile(run.label()));
        assertThat(Files.readString(module)).isEqualTo(PyTorchExport.code(shown.network(), shown.trainedValues()));
    }

    private static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow();
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

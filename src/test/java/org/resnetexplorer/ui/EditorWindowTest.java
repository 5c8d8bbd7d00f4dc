package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.dialogs.QuitWhileTraining;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window around the editor: it asks before quitting a training, a message about the graph leaves the status
 * bar when the graph changes, and collapsing a block leaves nothing unsaved.
 */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {
    @TempDir
    Path temp;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage primary) {
        stage = primary;
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(30), new MainWindowTest.ScriptedFiles()));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
    }

    private boolean training() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.training().activeProperty().get()).get(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Ctrl+Q while the graph trains asks first: Keep Training keeps the window and the run, Stop and Quit"
            + " ends both")
    void quitWhileTrainingAsks(FxRobot robot) throws Exception {
        robot.clickOn("#graph");
        robot.push(KeyCode.F10);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, this::training);

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        DialogPane ask = robot.lookup("#ask-quit-training").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo(QuitWhileTraining.HEADER);
        robot.clickOn(QuitWhileTraining.KEEP);
        assertThat(stage.isShowing()).isTrue();
        assertThat(training()).as("still training").isTrue();

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn(QuitWhileTraining.QUIT);
        assertThat(stage.isShowing()).isFalse();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !training());
    }

    @Test
    @DisplayName("Ctrl+Q with nothing training and nothing unsaved quits without a question")
    void quitWhenIdle(FxRobot robot) {
        robot.clickOn("#graph");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        assertThat(robot.lookup("#ask-quit-training").tryQuery()).isEmpty();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    @DisplayName("a refusal from the editor leaves the status bar once the graph changes; other messages stay")
    void graphMessageGoesWithTheProblem(FxRobot robot) {
        robot.interact(() -> window.graph().deleteSelection());
        assertThat(status(robot)).isEqualTo(Texts.get("graphView.nothing.selected"));
        robot.interact(() -> window.document().edit("Toggle shortcut",
                window.document().network().withShortcut("block1", false)));
        assertThat(status(robot)).isEqualTo(StatusLine.READY);

        robot.interact(() -> window.tell("Saved somewhere"));
        robot.interact(() -> window.document().history().undo());
        assertThat(status(robot)).as("not the editor's message").isEqualTo("Saved somewhere");
    }

    @Test
    @DisplayName("collapsing and expanding a block marks nothing unsaved and adds nothing to undo")
    void collapsingIsNoEdit(FxRobot robot) {
        String block = window.document().network().blocks().get(0).name();
        boolean collapsed = window.document().state().isCollapsed(block);
        robot.interact(() -> window.graph().toggleCollapsed(block));
        assertThat(window.document().state().isCollapsed(block)).as("toggled").isEqualTo(!collapsed);
        assertThat(window.document().isModified()).isFalse();
        assertThat(stage.getTitle()).doesNotContain("*");
        assertThat(robot.lookup("#undo-button").queryButton().isDisabled()).as("nothing to undo").isTrue();
        robot.interact(() -> window.graph().toggleCollapsed(block));
        assertThat(window.document().state().isCollapsed(block)).as("back").isEqualTo(collapsed);
        assertThat(window.document().isModified()).isFalse();
    }
}

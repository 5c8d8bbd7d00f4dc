package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.ui.appearance.Languages;
import org.resnetexplorer.ui.document.Recovery;
import org.resnetexplorer.ui.document.RecoveryOffer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View > Language: saved in the preferences; Restart Now carries the graph over, saved or not, without a crash prompt. */
@ExtendWith(ApplicationExtension.class)
class LanguageRestartTest {
    @TempDir
    Path temp;

    private Stage stage;
    private MainWindow window;
    private final MemoryPreferences prefs = new MemoryPreferences();
    private final AtomicInteger relaunches = new AtomicInteger();

    @Start
    void start(Stage primary) {
        stage = primary;
        window = open(stage);
        window.relauncher(relaunches::incrementAndGet);
    }

    private MainWindow open(Stage on) {
        MainWindow w = new MainWindow(on, new WindowConfig(prefs, temp.resolve("recovery"), Duration.seconds(30),
                new MainWindowTest.ScriptedFiles()));
        w.show();
        return w;
    }

    private static RadioMenuItem item(Stage on, String id) {
        MenuBar bar = (MenuBar) on.getScene().getRoot().lookup("#menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> i instanceof Menu)
                .flatMap(m -> ((Menu) m).getItems().stream()).filter(i -> id.equals(i.getId()))
                .map(RadioMenuItem.class::cast).findFirst().orElseThrow();
    }

    private static String status(Stage on) {
        return ((StatusBar) on.getScene().getRoot().lookup("#status-bar")).getText();
    }

    private void choose(String id) {
        MenuItem item = item(stage, id);
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName("View > Language offers the system default, English and 中文, each by its own name")
    void offers(FxRobot robot) {
        assertThat(item(stage, "menu-language-system").isSelected()).isTrue();
        assertThat(item(stage, "menu-language-en").getText()).isEqualTo("English");
        assertThat(item(stage, "menu-language-zh").getText()).isEqualTo("中文");
    }

    @Test
    @DisplayName("choosing 中文 saves it; Restart Now hands an unsaved graph to the next start, which shows it unsaved"
            + " and asks nothing")
    void restartCarriesAnUnsavedGraphOver(FxRobot robot) throws Exception {
        robot.interact(() -> window.document().edit("Toggle shortcut",
                window.document().network().withShortcut("block1", false)));
        Network edited = window.document().network();
        choose("menu-language-zh");
        DialogPane ask = robot.lookup("#ask-restart").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo(LanguageSwitch.RESTART_HEADER);
        assertThat(prefs.get(Languages.KEY, null)).isEqualTo("zh");
        robot.clickOn(LanguageSwitch.RESTART_NOW);

        assertThat(relaunches).hasValue(1);
        assertThat(stage.isShowing()).as("this window closes once the next one is on its way").isFalse();
        Path folder = temp.resolve("recovery");
        assertThat(GraphFiles.load(folder.resolve(Recovery.GRAPH))).isEqualTo(edited);
        assertThat(Files.readString(folder.resolve(Recovery.HAND_OVER))).isEqualTo("modified");

        MainWindow[] next = new MainWindow[1];
        Stage[] stages = new Stage[1];
        robot.interact(() -> {
            stages[0] = new Stage();
            next[0] = open(stages[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#offer-recovery").tryQuery()).as("no crash prompt").isEmpty();
        assertThat(next[0].document().network()).isEqualTo(edited);
        assertThat(next[0].document().isModified()).as("still unsaved").isTrue();
        assertThat(status(stages[0])).isEqualTo(RecoveryOffer.RESTARTED);
        assertThat(folder.resolve(Recovery.HAND_OVER)).doesNotExist();
        assertThat(folder.resolve(Recovery.GRAPH)).as("the unsaved graph stays autosaved").exists();
        assertThat(item(stages[0], "menu-language-zh").isSelected()).isTrue();
        robot.interact(() -> next[0].training().shutdown());
        robot.interact(stages[0]::hide);
    }

    @Test
    @DisplayName("a saved graph comes back saved, from its file")
    void restartReopensASavedGraph(FxRobot robot) throws Exception {
        Path file = temp.resolve("kept.json");
        GraphFiles.save(window.document().network(), file);
        robot.interact(() -> {
            window.document().replace(window.document().network(), file);
        });
        choose("menu-language-en");
        robot.clickOn(LanguageSwitch.RESTART_NOW);
        assertThat(relaunches).hasValue(1);

        Stage[] stages = new Stage[1];
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            stages[0] = new Stage();
            next[0] = open(stages[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#offer-recovery").tryQuery()).isEmpty();
        assertThat(next[0].document().file()).isEqualTo(file);
        assertThat(next[0].document().isModified()).isFalse();
        assertThat(temp.resolve("recovery").resolve(Recovery.GRAPH)).doesNotExist();
        robot.interact(() -> next[0].training().shutdown());
        robot.interact(stages[0]::hide);
    }

    @Test
    @DisplayName("when the app cannot start itself again it stays open, says so, and keeps the unsaved graph autosaved")
    void restartFailureKeepsTheWindow(FxRobot robot) throws Exception {
        window.relauncher(() -> {
            throw new IOException("no java here");
        });
        robot.interact(() -> window.document().edit("Toggle shortcut",
                window.document().network().withShortcut("block1", false)));
        choose("menu-language-zh");
        robot.clickOn(LanguageSwitch.RESTART_NOW);
        assertThat(stage.isShowing()).isTrue();
        assertThat(status(stage)).isEqualTo(String.format(LanguageSwitch.RESTART_FAILED, "no java here"));
        assertThat(temp.resolve("recovery").resolve(Recovery.HAND_OVER)).doesNotExist();
        assertThat(temp.resolve("recovery").resolve(Recovery.GRAPH)).exists();
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("Later keeps the window; the choice is saved for the next start")
    void later(FxRobot robot) {
        choose("menu-language-zh");
        robot.clickOn(LanguageSwitch.RESTART_LATER);
        assertThat(stage.isShowing()).isTrue();
        assertThat(relaunches).hasValue(0);
        assertThat(Languages.saved(prefs)).isEqualTo("zh");
        assertThat(Languages.chosen(prefs)).as("the test JVM forces English").isEqualTo(
                org.resnetexplorer.i18n.Texts.Language.ENGLISH);
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("when the command that started the app is not known, it asks the user to restart by hand and offers"
            + " no restart that would fail")
    void restartByHand(FxRobot robot) {
        window.relauncher(new LanguageSwitch.Relauncher() {
            @Override
            public void relaunch() {
                relaunches.incrementAndGet();
            }

            @Override
            public boolean canRelaunch() {
                return false;
            }
        });
        choose("menu-language-zh");
        DialogPane told = robot.lookup("#ask-restart-by-hand").queryAs(DialogPane.class);
        assertThat(told.getContentText()).isEqualTo(LanguageSwitch.RESTART_BY_HAND);
        assertThat(robot.lookup(LanguageSwitch.RESTART_NOW).tryQuery()).as("no Restart Now").isEmpty();
        robot.clickOn("OK");
        assertThat(relaunches).hasValue(0);
        assertThat(stage.isShowing()).isTrue();
        assertThat(status(stage)).isEqualTo(LanguageSwitch.RESTART_BY_HAND);
        assertThat(Languages.saved(prefs)).isEqualTo("zh");
        robot.interact(() -> window.training().shutdown());
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetexplorer.charts.Pixels.count;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.Palette;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.ui.appearance.Appearance;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Themes, text size, full screen and presentation mode, driven through the View menu and the keys. */
@ExtendWith(ApplicationExtension.class)
class AppearanceTest {
    private static final String HIGH_CONTRAST_CSS = "explorer-high-contrast.css";
    private static final String DARK_CSS = "explorer-dark.css";

    @TempDir
    Path temp;

    private MainWindow window;
    private Stage stage;
    private MemoryPreferences prefs;

    @Start
    void start(Stage primary) {
        stage = primary;
        prefs = new MemoryPreferences();
        window = new MainWindow(stage, config());
        window.show();
    }

    private WindowConfig config() {
        return new WindowConfig(prefs, temp.resolve("recovery"), Duration.millis(150), new MainWindowTest.ScriptedFiles());
    }

    @AfterEach
    void leave(FxRobot robot) {
        robot.interact(() -> {
            window.training().shutdown();
            stage.setFullScreen(false);
        });
    }

    private static boolean has(Scene scene, String css) {
        return scene.getStylesheets().stream().anyMatch(s -> s.endsWith(css));
    }

    private double totalsFontSize(FxRobot robot) {
        robot.interact(() -> { });
        return robot.lookup("#totals").queryAs(Label.class).getFont().getSize();
    }

    /** Fires the View menu's item {@code id} (as a click on it does; MainWindowTest clicks through the menus). */
    private void choose(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu m ? m.getItems().stream() : java.util.stream.Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    @Test
    @DisplayName("presentation mode (F12) enlarges the text and the chart lines, goes high contrast and full screen;"
            + " leaving it restores theme, sizes and window state")
    void presentationModeOnAndOff(FxRobot robot) {
        choose(robot, "menu-theme-dark");
        Scene scene = stage.getScene();
        double normalFont = totalsFontSize(robot);
        assertThat(has(scene, DARK_CSS)).isTrue();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(window.charts().chartStyle().lineScale()).isEqualTo(1.0);
        assertThat(window.graph().textScale()).isEqualTo(1.0);

        robot.push(KeyCode.F12);
        assertThat(window.appearance().presentationProperty().get()).isTrue();
        assertThat(has(scene, HIGH_CONTRAST_CSS)).as("high-contrast stylesheet").isTrue();
        assertThat(has(scene, DARK_CSS)).isFalse();
        assertThat(totalsFontSize(robot)).as("text 1.5 times as large").isCloseTo(normalFont * 1.5, within(0.6));
        assertThat(window.appearance().fontSize()).isCloseTo(javafx.scene.text.Font.getDefault().getSize() * 1.5, within(0.01));
        assertThat(window.charts().chartStyle().lineScale()).as("chart line width").isEqualTo(Appearance.PRESENTATION_LINES);
        assertThat(window.charts().chartStyle().fontScale()).isEqualTo(1.5);
        assertThat(window.charts().chartStyle().background()).isEqualTo(ChartStyle.HIGH_CONTRAST.background());
        assertThat(window.graph().textScale()).as("editor boxes and labels grow").isEqualTo(1.5);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(menuItem(robot, "menu-presentation").isSelected()).isTrue();
        assertThat(menuItem(robot, "menu-full-screen").isSelected()).isTrue();

        robot.push(KeyCode.F12);
        assertThat(window.appearance().presentationProperty().get()).isFalse();
        assertThat(has(scene, HIGH_CONTRAST_CSS)).isFalse();
        assertThat(has(scene, DARK_CSS)).as("the theme from before").isTrue();
        assertThat(totalsFontSize(robot)).isCloseTo(normalFont, within(0.01));
        assertThat(window.charts().chartStyle()).isEqualTo(ChartStyle.DARK);
        assertThat(window.graph().textScale()).isEqualTo(1.0);
        assertThat(stage.isFullScreen()).as("window state from before").isFalse();
        assertThat(menuItem(robot, "menu-presentation").isSelected()).isFalse();
    }

    @Test
    @DisplayName("a window already full screen stays so when presentation mode ends")
    void presentationKeepsFullScreenFromBefore(FxRobot robot) {
        robot.push(KeyCode.F11);
        assertThat(stage.isFullScreen()).isTrue();
        robot.push(KeyCode.F12);
        robot.push(KeyCode.F12);
        assertThat(stage.isFullScreen()).isTrue();
    }

    @Test
    @DisplayName("F11 toggles full screen, and the menu item shows it")
    void f11TogglesFullScreen(FxRobot robot) {
        robot.push(KeyCode.F11);
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(menuItem(robot, "menu-full-screen").isSelected()).isTrue();
        assertThat(stage.getFullScreenExitHint()).isEqualTo(Appearance.FULL_SCREEN_HINT);
        robot.push(KeyCode.F11);
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(menuItem(robot, "menu-full-screen").isSelected()).isFalse();
        assertThat(window.appearance().presentationProperty().get()).as("full screen alone is not presentation").isFalse();
    }

    @Test
    @DisplayName("Text Size scales the whole window without presentation mode; the theme and size survive a restart,"
            + " and so do the presentation's own choices")
    void choicesSurviveRestart(FxRobot robot) {
        double normalFont = totalsFontSize(robot);
        choose(robot, "menu-theme-high-contrast");
        choose(robot, "menu-text-large");
        assertThat(has(stage.getScene(), HIGH_CONTRAST_CSS)).isTrue();
        assertThat(totalsFontSize(robot)).isCloseTo(normalFont * 1.25, within(0.6));
        assertThat(window.charts().chartStyle().fontScale()).isEqualTo(1.25);
        assertThat(window.charts().chartStyle().lineScale()).as("thick lines only when presenting").isEqualTo(1.0);
        // in presentation mode the menus choose the presentation's theme and size
        robot.push(KeyCode.F12);
        choose(robot, "menu-theme-dark");
        assertThat(has(stage.getScene(), DARK_CSS)).isTrue();
        robot.push(KeyCode.F12);
        assertThat(has(stage.getScene(), HIGH_CONTRAST_CSS)).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        assertThat(stage.isShowing()).isFalse();

        Stage[] second = new Stage[1];
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            second[0] = new Stage();
            next[0] = new MainWindow(second[0], config());
            next[0].show();
        });
        try {
            Scene scene = second[0].getScene();
            assertThat(has(scene, HIGH_CONTRAST_CSS)).as("theme remembered").isTrue();
            assertThat(next[0].appearance().textSize()).isEqualTo(Appearance.TextSize.LARGE);
            assertThat(((Label) scene.getRoot().lookup("#totals")).getFont().getSize()).isCloseTo(normalFont * 1.25, within(0.6));
            assertThat(next[0].appearance().presentationProperty().get()).as("a new window starts as a window").isFalse();
            robot.interact(() -> next[0].appearance().setPresentation(true));
            assertThat(has(scene, DARK_CSS)).as("the presentation's own theme remembered").isTrue();
            assertThat(next[0].appearance().textSize()).isEqualTo(Appearance.TextSize.EXTRA_LARGE);
        } finally {
            robot.interact(() -> {
                next[0].appearance().setPresentation(false);
                next[0].training().shutdown();
                second[0].hide();
            });
        }
    }

    @Test
    @DisplayName("dialogs wear the window's theme and text size; the shortcuts list names F11, F12 and the chart tabs' keys")
    void dialogsFollowTheTheme(FxRobot robot) {
        robot.interact(() -> window.appearance().setTheme(Appearance.Theme.HIGH_CONTRAST));
        robot.push(KeyCode.F1);
        DialogPane shortcuts = robot.lookup("#shortcuts").queryAs(DialogPane.class);
        assertThat(has(shortcuts.getScene(), HIGH_CONTRAST_CSS)).isTrue();
        assertThat(robot.from(shortcuts).lookup((Label l) -> Appearance.PRESENTATION.equals(l.getText())).tryQuery())
                .isPresent();
        assertThat(robot.from(shortcuts).lookup((Label l) -> "F12".equals(l.getText())).tryQuery()).isPresent();
        assertThat(robot.from(shortcuts).lookup((Label l) -> "F11".equals(l.getText())).tryQuery()).isPresent();
        // the chart tabs' keys too
        assertThat(robot.from(shortcuts).lookup((Label l) -> org.resnetexplorer.i18n.Texts.get("chartsPane.keys.classes")
                .equals(l.getText())).tryQuery()).isPresent();
        robot.interact(() -> shortcuts.getScene().getWindow().hide());
    }

    @Test
    @DisplayName("a chart exported in presentation mode has the thick lines and large text, and the usual size")
    void exportInPresentationMode(FxRobot robot) throws Exception {
        robot.interact(() -> window.charts().append(snapshots("run")));
        Path normal = temp.resolve("normal.png");
        Path presenting = temp.resolve("presenting.png");
        robot.interact(() -> call(() -> window.charts().exportPng(normal, 1)));
        robot.push(KeyCode.F12);
        robot.interact(() -> call(() -> window.charts().exportPng(presenting, 1)));
        BufferedImage a = ImageIO.read(normal.toFile());
        BufferedImage b = ImageIO.read(presenting.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        Color run = Palette.run(0);
        Color bright = ChartStyle.HIGH_CONTRAST.line(run);
        assertThat(count(a, run)).as("line pixels in the normal export").isPositive();
        assertThat(count(b, bright)).as("thick bright line pixels in the presentation export")
                .isGreaterThan(count(a, run) * 3 / 2);
        assertThat(b.getRGB(3, 3) & 0xFFFFFF).as("black background").isZero();
        assertThat(a.getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    /** Error rates falling over 200 steps, a test error every tenth. */
    private static List<TrainingSnapshot> snapshots(String run) {
        List<TrainingSnapshot> list = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            double error = 0.1 + 0.8 * Math.exp(-step / 40.0);
            list.add(new TrainingSnapshot(run, step, 200, 2 * error, error, error, step % 10 == 0 ? error + 0.05 : Double.NaN,
                    0.1, 10, List.of(), List.of(), List.of()));
        }
        return list;
    }

    private interface Io {
        void run() throws Exception;
    }

    private static void call(Io io) {
        try {
            io.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private CheckMenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .map(CheckMenuItem.class::cast).findFirst().orElseThrow();
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.i18n.AllowedNames;
import org.resnetexplorer.ui.appearance.Languages;
import org.resnetexplorer.ui.templates.ModelTemplates;
import org.resnetexplorer.ui.training.TrainingSetup;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window in Chinese has no English word left: menus and their items, toolbar tooltips, labels, tabs,
 * table headers, buttons, check boxes. Names stay (ResNet, ReLU, the graph's own layer and block names, the
 * dataset's name). Runs in a JVM of its own with {@code -Dresnetexplorer.language=zh} (the pom's
 * chinese-window execution): texts are fixed when their classes load.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseWindowTest {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    @TempDir
    static Path temp;

    private MainWindow window;

    @BeforeAll
    static void chinese() {
        // JavaFX's own texts (OK, Cancel) follow the default locale: as the app does at start
        Languages.apply(new MemoryPreferences());
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), new MainWindowTest.ScriptedFiles()));
        window.show();
    }

    @Test
    @DisplayName("every text of the Chinese window is Chinese, except names")
    void noEnglishLeft(FxRobot robot) {
        assumeTrue(Texts.language() == Texts.Language.CHINESE, "runs with -Dresnetexplorer.language=zh");
        Parent root = robot.lookup("#main-window").queryAs(Parent.class);
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            collect(root, texts);
            MenuBar bar = (MenuBar) root.lookup("#menu-bar");
            for (Menu menu : bar.getMenus()) {
                collect(menu, texts);
            }
        });
        assertThat(texts).as("texts found").hasSizeGreaterThan(100);
        assertThat(texts).as("the menus are there").contains(MainMenu.FILE, Action.RUN.text());

        Set<String> names = new HashSet<>(AllowedNames.ALLOWED);
        Network network = window.document().network();
        names.addAll(words(network.name()));
        for (org.resnetexplorer.graph.Node node : network.nodes()) {
            names.addAll(words(node.name()));
            names.addAll(words(node.layer().label()));
            names.addAll(words(node.layer().kind()));
        }
        names.addAll(words(TrainingSetup.DEFAULT_DATASET));
        // the quick templates are listed by their names
        ModelTemplates.QUICK.forEach(t -> names.addAll(words(t)));
        // the dataset chooser lists the datasets by their names; activations by theirs
        names.addAll(List.of("circles", "xor", "moons", "cifar", "relu", "tanh", "sigmoid", "identity", "Fashion",
                "MNIST", "Adam", "dx", "px"));
        // the drawn points' dataset is named as in the chooser
        names.add(org.resnetexplorer.data.DrawnData.NAME);

        List<String> english = new ArrayList<>();
        for (String text : texts) {
            Matcher m = WORD.matcher(text.replaceAll("--[a-z-]+", " "));
            while (m.find()) {
                if (!names.contains(m.group())) {
                    english.add("'" + m.group() + "' in: " + text);
                    break;
                }
            }
        }
        assertThat(english).as("English words in the Chinese window").isEmpty();
    }

    @Test
    @DisplayName("after a twin session the Chinese window's status bar is Chinese, except names")
    void statusBarAfterTwinInChinese(FxRobot robot) throws Exception {
        assumeTrue(Texts.language() == Texts.Language.CHINESE, "runs with -Dresnetexplorer.language=zh");
        javafx.scene.control.TextField steps = robot.lookup("#training-steps")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> steps.setText("20"));
        robot.interact(() -> robot.lookup("#run-button").queryButton().fire());
        org.testfx.util.WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () ->
                org.testfx.util.WaitForAsyncUtils.asyncFx(() -> window.training().sessionRuns().size() == 2
                        && !window.training().activeProperty().get()).get(5, java.util.concurrent.TimeUnit.SECONDS));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(robot.lookup("#status-bar").queryAs(Parent.class), texts));
        texts.add(robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText());
        assertThat(String.join(" ", texts)).as("the session's summary and its final step").contains("已完成")
                .contains("第 20 / 20 步");
        Set<String> names = new HashSet<>(AllowedNames.ALLOWED);
        names.addAll(words(window.document().network().name()));
        names.add(TrainingSetup.DEFAULT_DATASET);
        List<String> english = new ArrayList<>();
        for (String text : texts) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                if (!names.contains(m.group())) {
                    english.add("'" + m.group() + "' in: " + text);
                    break;
                }
            }
        }
        assertThat(english).as("English words in the Chinese status bar").isEmpty();
    }

    @Test
    @DisplayName("every preset's experiment panel in the Chinese window is Chinese, except names")
    void experimentPanelsInChinese(FxRobot robot) throws Exception {
        assumeTrue(Texts.language() == Texts.Language.CHINESE, "runs with -Dresnetexplorer.language=zh");
        Set<String> names = new HashSet<>(AllowedNames.ALLOWED);
        names.addAll(List.of("spiral", "Fashion", "MNIST", "CIFAR", "Fig", "ImageNet", "FLOPs", "top", "error", "vs"));
        List<String> english = new ArrayList<>();
        for (String id : org.resnetexplorer.experiments.Experiments.BUNDLED) {
            List<String> texts = new ArrayList<>();
            robot.interact(() -> window.experiments().openBundled(id));
            // its tab shows on the next pulses; the bottleneck preset counts in the background meanwhile
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collect(window.experiments().panel(), texts));
            assertThat(texts).as("texts of %s's panel", id).hasSizeGreaterThan(5);
            org.resnetexplorer.experiments.Experiment experiment = org.resnetexplorer.experiments.Experiments.bundled(id);
            Set<String> runNames = new HashSet<>(names);
            for (org.resnetexplorer.experiments.Experiment.RunSpec run : experiment.runs()) {
                runNames.addAll(words(run.name()));
                runNames.addAll(words(run.template()));
            }
            for (String text : texts) {
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    if (!runNames.contains(m.group())) {
                        english.add(id + ": '" + m.group() + "' in: " + text);
                        break;
                    }
                }
            }
        }
        assertThat(english).as("English words in the Chinese experiment panels").isEmpty();
    }

    private static List<String> words(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            add(texts, labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            add(texts, input.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(texts, control.getTooltip().getText());
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(texts, tab.getText());
                Tooltip tip = tab.getTooltip();
                if (tip != null) {
                    add(texts, tip.getText());
                }
                if (tab.getContent() != null) {
                    collect(tab.getContent(), texts);
                }
            }
        }
        if (node instanceof TableView<?> table) {
            for (TableColumnBase<?, ?> column : table.getColumns()) {
                add(texts, column.getText());
            }
            if (table.getPlaceholder() != null) {
                collect(table.getPlaceholder(), texts);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private static void collect(MenuItem item, List<String> texts) {
        add(texts, item.getText());
        if (item instanceof Menu menu) {
            for (MenuItem child : menu.getItems()) {
                collect(child, texts);
            }
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}

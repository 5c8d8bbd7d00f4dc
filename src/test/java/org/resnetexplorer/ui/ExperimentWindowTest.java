package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
import org.resnetexplorer.experiments.Experiment;
import org.resnetexplorer.experiments.Experiments;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.charts.ChartView;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.experiments.ExperimentPanel;
import org.resnetexplorer.ui.experiments.ExperimentSession;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Experiments menu and panel, driven through the window: presets, files, runs, stop, claims. */
@ExtendWith(ApplicationExtension.class)
class ExperimentWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private Stage stage;
    private final MainWindowTest.ScriptedFiles files = new MainWindowTest.ScriptedFiles();

    @Start
    void start(Stage primary) {
        stage = primary;
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.millis(150), files));
        window.show();
    }

    @AfterEach
    void stopAll(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.training().shutdown();
            window.experiments().shutdown();
        });
        waitFor(60, () -> !fx(() -> window.experiments().runningProperty().get()));
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** A test preset from the resources, copied to the temporary folder (with the steps changed if asked). */
    private Path preset(String name, int steps) throws IOException {
        String text;
        try (InputStream in = ExperimentWindowTest.class.getResourceAsStream(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("\"steps\": 40", "\"steps\": " + steps);
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private void openFromFile(FxRobot robot, Path file) {
        files.answers.add(file);
        robot.clickOn("#menu-experiments").clickOn(ExperimentSession.OPEN_FILE);
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private boolean running() throws Exception {
        return fx(() -> window.experiments().runningProperty().get());
    }

    private List<String> claims() throws Exception {
        return fx(() -> window.experiments().panel().claimTexts());
    }

    @Test
    @DisplayName("the Experiments menu lists the quick presets, then the image presets, each group under a disabled"
            + " heading; a preset on Fashion-MNIST is in the image group wherever it is in the bundled order")
    void menuGroupsPresets(FxRobot robot) throws Exception {
        List<String> ids = fx(() -> {
            javafx.scene.control.Menu menu = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                    .getMenus().stream().filter(m -> "menu-experiments".equals(m.getId())).findFirst().orElseThrow();
            return menu.getItems().stream().map(i -> i.getId() == null ? "-" : i.getId())
                    .map(id -> id + (menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                            .map(javafx.scene.control.MenuItem::isDisable).orElse(false) ? " (disabled)" : ""))
                    .toList();
        });
        int images = ids.indexOf("menu-experiments-images (disabled)");
        assertThat(ids.get(0)).isEqualTo("menu-experiments-toy (disabled)");
        assertThat(images).isPositive();
        assertThat(ids.subList(1, images)).contains("menu-experiment-degradation", "menu-experiment-bottleneck")
                .doesNotContain("menu-experiment-residual-responses", "menu-experiment-degradation-images");
        assertThat(ids.subList(images, ids.size())).contains("menu-experiment-residual-responses",
                "menu-experiment-degradation-images", "menu-experiment-pre-activation");
        assertThat(ids).containsSubsequence("menu-experiment-degradation-images", "menu-experiment-converges-faster",
                "menu-experiment-shortcut-options", "menu-experiment-pre-activation", "menu-experiment-open");
    }

    @Test
    @DisplayName("a bundled preset from the Experiments menu shows its title, explanation, the paper's numbers and its"
            + " claims still to check; Save Experiment As writes a file that reads back")
    void presetFromMenu(FxRobot robot) throws Exception {
        Experiment degradation = Experiments.bundled("degradation");
        String title = Experiment.text(degradation.title(), ExperimentSession.language());
        robot.clickOn("#menu-experiments").clickOn(title);
        assertThat(text(robot, "#experiment-title")).isEqualTo(title);
        assertThat(text(robot, "#experiment-explanation"))
                .isEqualTo(Experiment.text(degradation.explanation(), ExperimentSession.language()));
        // the paper's numbers, under a heading that says they are the paper's
        String paper = Experiment.text(degradation.paper(), ExperimentSession.language());
        assertThat(text(robot, "#experiment-paper-heading")).startsWith(ExperimentPanel.FROM_PAPER);
        assertThat(text(robot, "#experiment-paper-heading") + ": " + text(robot, "#experiment-paper")).isEqualTo(paper);
        TabPane tabs = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-experiment");
        assertThat(claims()).hasSize(degradation.claims().size()).allSatisfy(c -> assertThat(c).startsWith("TO CHECK"));
        TableView<?> table = robot.lookup("#experiment-runs").queryTableView();
        assertThat(table.getItems()).hasSize(degradation.runs().size());
        assertThat(robot.lookup("#experiment-run").queryButton().isDisabled()).isFalse();
        assertThat(text(robot, "#experiment-progress-text")).contains("600 steps on spiral");
        // the full setting: more steps, said before the run
        robot.clickOn("#experiment-full");
        assertThat(text(robot, "#experiment-progress-text")).contains(degradation.settings(true).steps() + " steps");

        Path mine = temp.resolve("my-degradation.json");
        files.answers.add(mine);
        robot.clickOn("#menu-experiments").clickOn(ExperimentSession.SAVE_AS);
        Experiment back = Experiments.load(mine);
        assertThat(back.id()).isEqualTo("degradation");
        assertThat(back.runs()).isEqualTo(degradation.runs());
        assertThat(Files.readString(mine)).isEqualTo(Experiments.bundledText("degradation"));
    }

    @Test
    @DisplayName("a short experiment runs end to end from its file: both runs overlay live in the error curves and the"
            + " run list, the table shows their errors, each claim shows HOLDS or NOT SHOWN with its figures; a run"
            + " opens in the editor; running again replaces the runs")
    void runEndToEnd(FxRobot robot) throws Exception {
        openFromFile(robot, preset("tiny-experiment.json", 40));
        assertThat(text(robot, "#experiment-title")).isEqualTo("Tiny test experiment");
        robot.clickOn("#experiment-run");
        waitFor(5, () -> running() || !claims().get(0).startsWith("TO CHECK"));
        waitFor(180, () -> !running());
        assertThat(claims()).hasSize(2);
        assertThat(claims().get(0)).startsWith("HOLDS").contains("The residual net's training error is at most 100%")
                .contains("resnet-4: ").contains("bound: 100.0%");
        assertThat(claims().get(1)).startsWith("NOT SHOWN").contains("plain-4: ").contains("bound: 200.0%");

        ChartsPane charts = robot.lookup("#charts").queryAs(ChartsPane.class);
        assertThat(fx(charts::runs)).containsExactly("tiny · plain-4", "tiny · resnet-4");
        for (String run : List.of("tiny · plain-4", "tiny · resnet-4")) {
            assertThat(fx(() -> charts.snapshots(run))).as("snapshots of %s in the charts", run).isNotEmpty()
                    .last().extracting(TrainingSnapshot::step).isEqualTo(40);
        }
        assertThat(fx(() -> charts.selectedChart().kind())).isEqualTo(ChartKind.ERROR_CURVES);
        assertThat(fx(() -> window.training().runs().stream().map(RunRecord::name).toList()))
                .containsExactly("tiny · plain-4", "tiny · resnet-4");
        assertThat(fx(() -> window.training().runs().stream().map(RunRecord::status).toList()))
                .containsOnly(RunStatus.FINISHED);
        List<ExperimentPanel.Row> rows = fx(() -> List.copyOf(window.experiments().panel().rows()));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status.get()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.testError.get()).isBetween(0.0, 1.0);
            assertThat(r.trainError.get()).isBetween(0.0, 1.0);
            assertThat(r.layers.get()).isEqualTo(6); // the input's dense layer, four hidden ones, the classifier
        });
        assertThat(text(robot, "#experiment-progress-text")).isEqualTo("Done: 2 runs; 1 of 2 claims hold");
        // the run list shows the training error the claims compare, as the panel's table does
        assertThat(fx(() -> window.training().runs().get(1).trainErrorProperty().get())).isEqualTo(rows.get(1).trainError.get());

        // a run's network opens in the editor as a new graph
        robot.interact(() -> robot.lookup("#experiment-runs").queryTableView().getSelectionModel().select(1));
        robot.clickOn("#experiment-open");
        assertThat(window.document().network().name()).isEqualTo("resnet-4");
        assertThat(window.document().file()).isNull();
        TabPane tabs = robot.lookup("#centre-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-graph");

        // again: the new runs replace the old ones in the charts and the run list
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#experiment-run");
        waitFor(5, () -> running() || claims().get(0).startsWith("HOLDS"));
        waitFor(180, () -> !running());
        assertThat(fx(charts::runs)).containsExactly("tiny · plain-4", "tiny · resnet-4");
        assertThat(fx(() -> window.training().runs().size())).isEqualTo(2);
    }

    @Test
    @DisplayName("an experiment's runs stay in the run list and the charts when another experiment opens and runs;"
            + " reopening it shows its last result (rows, figures, claims) until it runs again")
    void runsStayAndResultsReturn(FxRobot robot) throws Exception {
        Path tiny = preset("tiny-experiment.json", 20);
        openFromFile(robot, tiny);
        robot.clickOn("#experiment-run");
        waitFor(5, () -> running() || !claims().get(0).startsWith("TO CHECK"));
        waitFor(180, () -> !running());
        List<String> claimsAfterRun = claims();
        assertThat(claimsAfterRun.get(0)).startsWith("HOLDS");
        String progressAfterRun = text(robot, "#experiment-progress-text");

        // the bottleneck preset counts at once when it opens: another experiment opened and run
        robot.clickOn("#menu-experiments").clickOn("#menu-experiment-bottleneck");
        waitFor(60, () -> !running() && fx(() -> window.experiments().panel().experiment().id()).equals("bottleneck"));
        ChartsPane charts = robot.lookup("#charts").queryAs(ChartsPane.class);
        assertThat(fx(charts::runs)).containsExactly("tiny · plain-4", "tiny · resnet-4");
        assertThat(fx(() -> window.training().runs().stream().map(RunRecord::name).toList()))
                .containsExactly("tiny · plain-4", "tiny · resnet-4");

        openFromFile(robot, tiny);
        waitFor(10, () -> fx(() -> window.experiments().panel().experiment().id()).equals("tiny"));
        List<ExperimentPanel.Row> rows = fx(() -> List.copyOf(window.experiments().panel().rows()));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.status.get()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.trainError.get()).isBetween(0.0, 1.0);
            assertThat(r.figures.get()).isNotEmpty();
        });
        assertThat(claims()).isEqualTo(claimsAfterRun);
        assertThat(text(robot, "#experiment-progress-text")).isEqualTo(progressAfterRun);
        assertThat(fx(() -> window.training().runs().size())).isEqualTo(2);
    }

    @Test
    @DisplayName("Stop ends a long experiment: the claims stay unchecked, the editor's Run is off meanwhile and on again")
    void stop(FxRobot robot) throws Exception {
        openFromFile(robot, preset("tiny-experiment.json", 100000));
        robot.clickOn("#experiment-run");
        waitFor(120, () -> fx(() -> window.experiments().panel().rows().get(0).step.get() > 0));
        assertThat(robot.lookup("#status-dataset").queryAs(Label.class).getText()).as("the experiment's dataset")
                .isEqualTo("Dataset: spiral");
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).as("the editor's Run while an experiment runs")
                .isTrue();
        assertThat(robot.lookup("#experiment-run").queryButton().getText()).isEqualTo(ExperimentPanel.STOP);
        assertThat(robot.lookup("#status-step").queryAs(Label.class).getText()).startsWith("Run 1 of 2, step ");
        robot.clickOn("#experiment-run");
        waitFor(30, () -> !running());
        assertThat(claims()).allSatisfy(c -> assertThat(c).startsWith("NOT CHECKED"));
        List<ExperimentPanel.Row> rows = fx(() -> List.copyOf(window.experiments().panel().rows()));
        assertThat(rows.get(0).status.get()).isEqualTo(RunStatus.STOPPED);
        assertThat(rows.get(0).step.get()).isLessThan(100000);
        assertThat(rows.get(1).status.get()).isEqualTo(RunStatus.STOPPED);
        assertThat(robot.lookup("#status-speed").queryAs(Label.class).getText()).as("no speed once it has ended")
                .isEmpty();
        waitFor(5, () -> !robot.lookup("#run-button").queryButton().isDisabled());
        assertThat(robot.lookup("#experiment-run").queryButton().getText()).isEqualTo(ExperimentPanel.RUN);
    }

    @Test
    @DisplayName("Stop during a study (the loss landscape's grid) ends it: the runs stay finished, the claims unchecked")
    void stopDuringStudy(FxRobot robot) throws Exception {
        openFromFile(robot, preset("tiny-landscape.json", 40));
        robot.clickOn("#experiment-run");
        String studying = String.format(Texts.get("experimentSession.studying"), "");
        waitFor(120, () -> fx(() -> text(robot, "#experiment-progress-text")).startsWith(studying));
        robot.clickOn("#experiment-run");
        waitFor(30, () -> !running());
        assertThat(claims()).allSatisfy(c -> assertThat(c).startsWith("NOT CHECKED"));
        assertThat(fx(() -> List.copyOf(window.experiments().panel().rows()))).extracting(r -> r.status.get())
                .containsOnly(RunStatus.FINISHED);
        assertThat(robot.lookup("#experiment-run").queryButton().getText()).isEqualTo(ExperimentPanel.RUN);
    }

    @Test
    @DisplayName("a study of networks that train nothing (shattered gradients) waits for Run, then shows its findings"
            + " above the claims and its pictures in the Study tab")
    void studyWithoutTraining(FxRobot robot) throws Exception {
        robot.interact(() -> window.experiments().openBundled("shattered-gradients"));
        assertThat(running()).as("opening it does not start it: a study takes seconds").isFalse();
        assertThat(fx(() -> window.charts().selectedChart().kind())).isEqualTo(ChartKind.STUDY);
        Button run = robot.lookup("#experiment-run").queryButton();
        assertThat(run.isDisabled()).as("Run is on").isFalse();
        robot.interact(run::fire);
        waitFor(30, this::running);
        waitFor(120, () -> !running());
        // the study's findings come first, a line each, then the three claims
        List<String> lines = claims();
        assertThat(lines).as("%s", lines).filteredOn(c -> c.startsWith("HOLDS") || c.startsWith("NOT")).hasSize(3)
                .allSatisfy(c -> assertThat(c).startsWith("HOLDS"));
        assertThat(claims().get(0)).doesNotStartWith("HOLDS");
        assertThat(fx(() -> window.charts().selectedChart().kind())).isEqualTo(ChartKind.STUDY);
        assertThat(fx(() -> List.copyOf(robot.lookup("#study-picture").queryComboBox().getItems()))).hasSize(2);
    }

    @Test
    @DisplayName("while the editor's graph trains, an experiment cannot start and the panel says why")
    void editorTrainingBlocksExperiment(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#training-steps").queryTextInputControl().setText("100000"));
        robot.push(KeyCode.F5);
        waitFor(60, () -> fx(() -> window.training().activeProperty().get()));
        robot.clickOn("#menu-experiments").clickOn(Experiment.text(Experiments.bundled("degradation").title(),
                ExperimentSession.language()));
        Button run = robot.lookup("#experiment-run").queryButton();
        assertThat(run.isDisabled()).isTrue();
        assertThat(robot.lookup("#experiment-busy").queryAs(Label.class).isVisible()).isTrue();
        robot.push(KeyCode.SHIFT, KeyCode.F5);
        waitFor(60, () -> !fx(() -> window.training().activeProperty().get()));
        assertThat(run.isDisabled()).isFalse();
        assertThat(robot.lookup("#experiment-busy").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    @DisplayName("closing the window during an experiment asks, then stops it")
    void closeStops(FxRobot robot) throws Exception {
        openFromFile(robot, preset("tiny-experiment.json", 100000));
        robot.clickOn("#experiment-run");
        waitFor(120, () -> fx(() -> window.experiments().panel().rows().get(0).step.get() > 0));
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn(org.resnetexplorer.ui.dialogs.QuitWhileTraining.QUIT);
        assertThat(stage.isShowing()).isFalse();
        waitFor(30, () -> !running());
        assertThat(fx(() -> window.experiments().panel().rows().get(0).status.get())).isEqualTo(RunStatus.STOPPED);
    }

    @Test
    @DisplayName("the bottleneck preset trains nothing: it counts at once and shows parameters and multiply-adds per"
            + " depth, and its claims")
    void bottleneckCounts(FxRobot robot) throws Exception {
        robot.clickOn("#menu-experiments").clickOn(Experiment.text(Experiments.bundled("bottleneck").title(),
                ExperimentSession.language()));
        waitFor(120, () -> !running() && claims().stream().noneMatch(c -> c.startsWith("TO CHECK")));
        List<ExperimentPanel.Row> rows = fx(() -> List.copyOf(window.experiments().panel().rows()));
        assertThat(rows).extracting(ExperimentPanel.Row::name).containsExactly("resnet-18", "resnet-34", "resnet-50",
                "resnet-101", "resnet-152");
        assertThat(rows).allSatisfy(r -> assertThat(r.params.get()).isPositive());
        assertThat(rows.get(2).layers.get()).as("ResNet-50's weighted layers").isEqualTo(50); // projection shortcuts are not counted, as in the paper
        assertThat(claims()).allSatisfy(c -> assertThat(c).startsWith("HOLDS"));
        assertThat(fx(() -> window.training().runs())).as("nothing trained, nothing in the run list").isEmpty();
    }

    @Test
    @DisplayName("a broken preset file: a message naming the file and the field, no stack trace")
    void brokenFile(FxRobot robot) throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, Files.readString(preset("tiny-experiment.json", 40)).replace("\"runs\"", "\"rusn\""));
        openFromFile(robot, broken);
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).contains("broken.json").contains("\"rusn\" that presets do not have")
                .doesNotContain("Exception").doesNotContain("\tat ");
        robot.clickOn("OK");

        Path notJson = temp.resolve("not-json.json");
        Files.writeString(notJson, "{ this is not json");
        openFromFile(robot, notJson);
        error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).contains("not-json.json").contains("not valid JSON at line 1");
        robot.clickOn("OK");
        assertThat(robot.lookup("#experiment-panel").tryQuery()).as("no experiment shown").isEmpty();
    }

    @Test
    @DisplayName("the paper's numbers keep the preset's own 'From the paper (Fig. n)' as their heading, in both"
            + " languages; other texts get the plain heading")
    void paperHeading() throws Exception {
        for (String id : Experiments.BUNDLED) {
            Experiment experiment = Experiments.bundled(id);
            for (String language : List.of("en", "zh")) {
                String[] parts = ExperimentPanel.paperParts(Experiment.text(experiment.paper(), language));
                assertThat(parts[0]).as("%s in %s", id, language).isNotEqualTo(ExperimentPanel.FROM_PAPER)
                        .startsWith(language.equals("en") ? ExperimentPanel.FROM_PAPER : ExperimentPanel.FROM_PAPER_ZH);
                assertThat(parts[1]).isNotBlank();
            }
        }
        assertThat(ExperimentPanel.paperParts("Table 1: 3.6e9 multiply-adds"))
                .containsExactly(ExperimentPanel.FROM_PAPER, "Table 1: 3.6e9 multiply-adds");
    }

    @Test
    @DisplayName("opening an experiment that trains shows the chart tab that tells its story; the vanishing gradients"
            + " open at the first step, as training starts")
    void storyCharts(FxRobot robot) throws Exception {
        Map<String, ChartKind> story = Map.ofEntries(Map.entry("degradation", ChartKind.ERROR_CURVES),
                Map.entry("plain-vs-resnet", ChartKind.ERROR_CURVES), Map.entry("vanishing-gradients", ChartKind.GRADIENT_DEPTH),
                Map.entry("residual-responses", ChartKind.RESPONSE_STD), Map.entry("very-deep", ChartKind.ERROR_CURVES),
                Map.entry("degradation-images", ChartKind.ERROR_CURVES), Map.entry("converges-faster", ChartKind.ERROR_CURVES),
                Map.entry("shortcut-options", ChartKind.ERROR_CURVES), Map.entry("pre-activation", ChartKind.ERROR_CURVES),
                // the studies train first: their runs' curves show, then the Study tab when they have measured
                Map.entry("lesion", ChartKind.ERROR_CURVES), Map.entry("insert-block", ChartKind.ERROR_CURVES),
                Map.entry("loss-landscape", ChartKind.ERROR_CURVES),
                // it trains nothing: no curves, its pictures come when it has measured
                Map.entry("shattered-gradients", ChartKind.STUDY));
        ChartsPane charts = robot.lookup("#charts").queryAs(ChartsPane.class);
        TabPane tabs = robot.lookup("#chart-tabs").queryAs(TabPane.class);
        ChartView histogram = fx(() -> charts.charts().stream().filter(v -> v.kind() == ChartKind.RESIDUAL_HISTOGRAM)
                .findFirst().orElseThrow());
        for (String id : Experiments.BUNDLED) {
            if (!Experiments.bundled(id).trains() && Experiments.bundled(id).study() == null) {
                continue; // it only counts: the charts have nothing to show
            }
            // a chart that tells no experiment's story shows before, so opening must change the tab
            robot.interact(() -> charts.select(histogram));
            robot.interact(() -> window.experiments().openBundled(id));
            assertThat(story).as("the story chart expected for %s", id).containsKey(id);
            assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).as("the chart tab shown for %s", id)
                    .isEqualTo("tab-" + story.get(id).id());
            assertThat(fx(() -> charts.selectedChart().kind())).as("the chart shown for %s", id).isEqualTo(story.get(id));
        }
        robot.interact(() -> window.experiments().openBundled("vanishing-gradients"));
        assertThat(robot.lookup("#depth-latest").queryAs(CheckBox.class).isSelected())
                .as("gradient against depth no longer follows the latest step").isFalse();
        assertThat(robot.lookup("#depth-step").queryAs(Slider.class).getValue()).as("the step shown").isEqualTo(1.0);
        assertThat(ExperimentSession.storyStep(Experiments.bundled("vanishing-gradients")))
                .as("the vanishing gradients show as training starts").hasValue(1);
        assertThat(ExperimentSession.storyStep(Experiments.bundled("residual-responses"))).isEmpty();
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.ui.appearance.Appearance;
import org.resnetexplorer.ui.diagnostics.WarmUp;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.document.DocumentActions;
import org.resnetexplorer.ui.document.Recovery;
import org.resnetexplorer.ui.document.RecoveryOffer;
import org.resnetexplorer.ui.templates.TemplateChoice;
import org.resnetexplorer.ui.templates.TemplateDialog;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window driven through its menus, toolbar, keys and dialogs (file choosers answered by the test). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private Stage stage;
    private MemoryPreferences prefs;
    private final ScriptedFiles files = new ScriptedFiles();

    /** Answers the file dialogs with the paths queued by the test. */
    static final class ScriptedFiles implements FileDialogs {
        final Deque<Path> answers = new ArrayDeque<>();
        /** The file names the window proposed, in order. */
        final List<String> suggested = new java.util.ArrayList<>();

        @Override
        public Optional<Path> openGraph(Window owner, Path folder) {
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> saveGraph(Window owner, Path folder, String suggested) {
            this.suggested.add(suggested);
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> savePng(Window owner, Path folder, String suggested) {
            this.suggested.add(suggested);
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> savePython(Window owner, Path folder, String suggested) {
            this.suggested.add(suggested);
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> chooseFolder(Window owner, Path folder) {
            return Optional.ofNullable(answers.poll());
        }
    }

    @Start
    void start(Stage primary) {
        stage = primary;
        prefs = new MemoryPreferences();
        window = new MainWindow(stage, config());
        window.show();
    }

    private WindowConfig config() {
        return new WindowConfig(prefs, temp.resolve("recovery"), Duration.millis(150), files);
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    private String title(FxRobot robot) {
        return robot.lookup("#main-window").queryAs(Node.class).getScene().getWindow() instanceof Stage s ? s.getTitle() : "";
    }

    private String totals(FxRobot robot) {
        return robot.lookup("#totals").queryAs(Label.class).getText();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void openQuickTemplate(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#templates").queryListView().scrollTo(name));
        robot.clickOn(name);
    }

    /** Replaces a text field's content by typing, as a user would. */
    private static void type(FxRobot robot, String fieldQuery, String text) {
        TextField field = robot.lookup(fieldQuery).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    /** Clicks into a field of the property sheet (the first click may land while its sections still settle). */
    private void focusField(FxRobot robot, TextField field) {
        robot.clickOn(field);
        if (!field.isFocused()) {
            robot.clickOn(field);
        }
        assertThat(field.isFocused()).as("the field has the keyboard focus").isTrue();
    }

    private TextField editableField(FxRobot robot, String value) {
        return robot.lookup("#property-sheet .text-field").match((TextField f) -> !f.isDisabled()
                && value.equals(f.getText())).queryAs(TextField.class);
    }

    private List<RunRecord> runs() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.training().runs())).get(5, TimeUnit.SECONDS);
    }

    private boolean idle() throws Exception {
        return !WaitForAsyncUtils.asyncFx(() -> window.training().activeProperty().get()).get(5, TimeUnit.SECONDS);
    }

    private static boolean all(List<RunRecord> runs, Predicate<RunRecord> test) {
        return !runs.isEmpty() && runs.stream().allMatch(test);
    }

    @Test
    @DisplayName("first start: the residual MLP example for the spiral is open, with its plain twin to train, nothing unsaved")
    void firstStart(FxRobot robot) {
        assertThat(title(robot)).isEqualTo("Untitled (mlp-resnet-20) - ResNet Explorer");
        assertThat(totals(robot)).startsWith("mlp-resnet-20:").contains("parameters").contains("multiply-adds");
        assertThat(robot.lookup("#training-dataset").queryComboBox().getValue()).isEqualTo("spiral");
        assertThat(robot.lookup("#training-twin").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#undo-button").queryButton().isDisabled()).as("nothing to undo").isTrue();
        assertThat(robot.lookup("#pause-button").queryButton().isDisabled()).as("nothing to pause").isTrue();
        assertThat(robot.lookup("#run-button").queryButton().getTooltip().getText()).isEqualTo("Run (F5)");
        assertThat(window.document().isModified()).isFalse();
    }

    @Test
    @DisplayName("the Templates dialog builds the chosen family, depth and kind, with a live preview")
    void templatesDialog(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.T);
        assertThat(robot.lookup("#template-dialog").tryQuery()).isPresent();
        robot.clickOn("#template-family");
        robot.clickOn(TemplateChoice.Family.CIFAR.toString());
        robot.clickOn("#template-plain");
        Label preview = robot.lookup("#template-preview").queryAs(Label.class);
        assertThat(preview.getText()).startsWith("cifar-plain-20:").contains("parameters");
        robot.clickOn("#template-depth");
        robot.clickOn("56");
        assertThat(preview.getText()).startsWith("cifar-plain-56:");
        robot.clickOn(TemplateDialog.OPEN);
        assertThat(totals(robot)).startsWith("cifar-plain-56:");
        // fitted to the dataset it picked (decision 0022): Fashion-MNIST halved, 10 classes
        assertThat(robot.lookup("#training-dataset").queryComboBox().getValue()).isEqualTo("fashion-mnist");
        assertThat(window.document().network()).isEqualTo(Templates.build("cifar-plain-56",
                org.resnetexplorer.graph.TemplateOptions.defaults().withWidth(16)
                        .withShortcut(org.resnetexplorer.graph.ShortcutOption.A).withBatchNorm(true)
                        .withActivation(org.resnetexplorer.graph.ActivationFunction.RELU)
                        .withInput(org.resnetexplorer.graph.Shape.image(1, 14, 14)).withClasses(10)));
        assertThat(title(robot)).isEqualTo("Untitled (cifar-plain-56) - ResNet Explorer");
    }

    @Test
    @DisplayName("editing a layer setting in the property sheet is an undoable edit; a bad value is refused with a message")
    void editPropertyAndUndo(FxRobot robot) {
        openQuickTemplate(robot, "mlp-plain-8");
        Network before = window.document().network();
        robot.clickOn("#node-dense1");
        TextField units = editableField(robot, "16");
        focusField(robot, units);
        robot.interact(units::selectAll);
        robot.write("24").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Dense) window.document().network().requireNode("dense1").layer()).units()).isEqualTo(24);
        assertThat(title(robot)).isEqualTo("Untitled (mlp-plain-8)* - ResNet Explorer");
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus().get(1).getItems().get(0).getText()).isEqualTo("Undo Change units of dense1");
        assertThat(robot.lookup("#undo-button").queryButton().getTooltip().getText())
                .isEqualTo("Undo Change units of dense1 (Ctrl+Z)");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(window.document().network()).isEqualTo(before);
        assertThat(title(robot)).doesNotContain("*");

        TextField again = editableField(robot, "16");
        focusField(robot, again);
        robot.interact(again::selectAll);
        robot.write("0").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().network()).isEqualTo(before);
        assertThat(status(robot)).contains("units must be at least 1");
    }

    @Test
    @DisplayName("a layer in a block shows the block's shortcut; ticking it turns the plain block residual, undoably")
    void toggleShortcutInSheet(FxRobot robot) {
        openQuickTemplate(robot, "mlp-plain-8");
        assertThat(window.document().network().hasShortcut("block1")).isFalse();
        // the charts keep most of the height at first (WindowLayout): the graph gets the room to show block1
        javafx.scene.control.SplitPane centre = robot.lookup("#centre").queryAs(javafx.scene.control.SplitPane.class);
        robot.interact(() -> centre.setDividerPositions(0.7));
        robot.clickOn(robot.lookup(".graph-node").match((Node n) -> "node-block1.dense1".equals(n.getId()))
                .queryAs(Node.class));
        List<javafx.scene.control.CheckBox> boxes = List.copyOf(robot.lookup("#property-sheet .check-box")
                .queryAllAs(javafx.scene.control.CheckBox.class));
        assertThat(boxes).hasSize(2); // the dense layer's bias, the block's shortcut
        robot.clickOn(boxes.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().network().hasShortcut("block1")).isTrue();
        assertThat(robot.lookup("#undo-button").queryButton().getTooltip().getText())
                .isEqualTo("Undo Toggle shortcut (Ctrl+Z)");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(window.document().network().hasShortcut("block1")).isFalse();
    }

    @Test
    @DisplayName("Save writes the graph and clears the *, Open reads it back; a broken file gets a clear message")
    void saveAndReopen(FxRobot robot) throws Exception {
        openQuickTemplate(robot, "mlp-plain-8");
        robot.interact(() -> window.document().edit("Change units of dense1",
                window.document().network().withLayer("dense1", new Dense(12, true))));
        Network edited = window.document().network();
        Path file = temp.resolve("my-net.json");
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.S);
        assertThat(file).exists();
        assertThat(GraphFiles.load(file)).isEqualTo(edited);
        assertThat(title(robot)).isEqualTo("my-net.json - ResNet Explorer");

        openQuickTemplate(robot, "cifar-resnet-20");
        assertThat(totals(robot)).startsWith("cifar-resnet-20:");
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        assertThat(window.document().network()).isEqualTo(edited);
        assertThat(title(robot)).isEqualTo("my-net.json - ResNet Explorer");
        assertThat(prefs.get("recent", "")).contains("my-net.json");

        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"resnet-explorer/graph\", ");
        files.answers.add(broken);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).contains("broken.json");
        robot.clickOn("OK");
        assertThat(window.document().network()).as("the open graph stays").isEqualTo(edited);
    }

    @Test
    @DisplayName("Export > Export Graph as PNG writes the graph as a PNG of the view's size, not blank")
    void exportGraph(FxRobot robot) throws Exception {
        Path png = temp.resolve("graph.png");
        files.answers.add(png);
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-export".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        assertThat(status(robot)).isEqualTo("Exported graph.png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        Node view = robot.lookup("#graph").query();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getHeight()));
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("boxes, wires and text, not one flat colour").hasSizeGreaterThan(5);
    }

    @Test
    @DisplayName("a network named like a path is offered under one safe file name by Save As and the exports")
    void suggestedNamesAreSafe(FxRobot robot) {
        String name = "../../x/CON:\"a\"\n网络";
        robot.interact(() -> window.document().edit("Rename", window.document().network().withName(name)));
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        for (String id : List.of("menu-save-as", "menu-export", "menu-export-pytorch")) {
            javafx.scene.control.MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
            robot.interact(item::fire);
        }

        String segment = org.resnetexplorer.files.FileNames.segment(name);
        assertThat(files.suggested).containsExactly(segment + ".json", segment + ".png",
                segment.replaceAll("[^\\p{L}\\p{N}_]", "_") + ".py");
        assertThat(files.suggested).allSatisfy(file -> {
            assertThat(Path.of(file).getNameCount()).as("%s is one name", file).isEqualTo(1);
            assertThat(file).doesNotContain("/", "\\", ":", "\"", "\n").doesNotStartWith(".");
        });
        assertThat(files.suggested.get(2)).as("an importable module name, Chinese kept").matches("[\\p{L}\\p{N}_]+\\.py")
                .contains("网络");
    }

    @Test
    @DisplayName("closing with unsaved changes asks first: Cancel keeps the window, Don't Save closes it")
    void askBeforeClose(FxRobot robot) {
        robot.interact(() -> window.document().edit("Toggle shortcut",
                window.document().network().withShortcut("block1", false)));
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        DialogPane ask = robot.lookup("#ask-save").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Save the changes to Untitled (mlp-resnet-20)?");
        robot.clickOn("Cancel");
        assertThat(stage.isShowing()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn(DocumentActions.DONT_SAVE_BUTTON);
        assertThat(stage.isShowing()).isFalse();
        assertThat(temp.resolve("recovery").resolve(Recovery.GRAPH)).doesNotExist();
    }

    @Test
    @DisplayName("an unsaved change is autosaved; after a crash the next window offers it and recovers it")
    void recovery(FxRobot robot) throws Exception {
        robot.interact(() -> window.document().edit("Toggle shortcut",
                window.document().network().withShortcut("block1", false)));
        Network edited = window.document().network();
        Path recovered = temp.resolve("recovery").resolve(Recovery.GRAPH);
        waitFor(10, () -> Files.exists(recovered));
        waitFor(10, () -> GraphFiles.load(recovered).equals(edited));

        // the app "crashes": a new window starts with the same recovery folder
        Stage[] second = new Stage[1];
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            second[0] = new Stage();
            next[0] = new MainWindow(second[0], config());
            next[0].show();
        });
        DialogPane offer = robot.lookup("#offer-recovery").queryAs(DialogPane.class);
        assertThat(offer.getContentText()).contains("mlp-resnet-20");
        robot.clickOn(RecoveryOffer.RECOVER_BUTTON);
        assertThat(next[0].document().network()).isEqualTo(edited);
        assertThat(next[0].document().isModified()).as("a recovered graph is unsaved").isTrue();
        robot.interact(second[0]::hide);
    }

    @Test
    @DisplayName("The start-up rehearsal lays out a run list and charts off-screen and leaves the window as it was")
    void warmUpRehearsesOffScreen(FxRobot robot) {
        int[] cells = {0};
        robot.interact(() -> cells[0] = WarmUp.rehearse(stage.getScene()));
        robot.interact(() -> cells[0] += WarmUp.rehearse(stage.getScene()));
        // two rows of eight columns per round: the table really laid out rows, or the rehearsal warms nothing
        assertThat(cells[0]).as("table cells laid out in two rounds").isGreaterThanOrEqualTo(2 * 16);
        assertThat(robot.lookup("#runs").queryTableView().getItems()).as("the window's own run list").isEmpty();
        org.resnetexplorer.ui.charts.ChartsPane charts = robot.lookup("#charts")
                .queryAs(org.resnetexplorer.ui.charts.ChartsPane.class);
        assertThat(charts.runs()).as("the window's own charts").isEmpty();
        assertThat(robot.lookup("#runs").queryAll()).as("one run list in the window").hasSize(1);
    }

    @Test
    @DisplayName("Before the first run the run list makes its rows; the first run fills them instead of making new ones")
    void runListMakesItsRowsBeforehand(FxRobot robot) {
        javafx.scene.control.TableView<RunRecord> table = robot.lookup("#runs").queryTableView();
        assertThat(table.lookupAll(".table-row-cell")).as("an empty list has no rows yet").isEmpty();
        int[] rows = {0};
        robot.interact(() -> rows[0] = WarmUp.makeRows(table));
        assertThat(rows[0]).as("a row for every line the list has room for").isGreaterThan(3);
        assertThat(table.getItems()).as("the window's runs, still none").isEmpty();
        assertThat(table.getItems()).isSameAs(window.training().runs());
        java.util.Set<javafx.scene.Node> made = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        robot.interact(() -> made.addAll(table.lookupAll(".table-row-cell")));
        robot.interact(() -> window.training().runs().add(new RunRecord("r", "m", "spiral", false, 10)));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<javafx.scene.Node> after = robot.lookup("#runs .table-row-cell").queryAll();
        assertThat(after).as("the same rows, filled").isNotEmpty().allMatch(made::contains);
        robot.interact(() -> window.training().runs().clear());
    }

    @Test
    @DisplayName("Run trains the spiral example and its plain twin without freezing the window; both finish and the"
            + " run list shows them")
    void runSpiral(FxRobot robot) throws Exception {
        type(robot, "#training-steps", "30");
        long[] lastFrame = {0};
        long[] longestGap = {0};
        javafx.animation.AnimationTimer frames = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                // from the first snapshot on: the engine's own start (loading ND4J, which the app does at launch)
                // is not the window's doing
                boolean training = window.training().runs().stream().anyMatch(r -> r.stepProperty().get() > 0);
                if (lastFrame[0] != 0 && training) {
                    longestGap[0] = Math.max(longestGap[0], now - lastFrame[0]);
                }
                lastFrame[0] = now;
            }
        };
        robot.interact(frames::start);
        robot.push(KeyCode.F5);
        waitFor(120, () -> runs().size() == 2 && all(runs(), r -> r.status() == RunStatus.FINISHED) && idle());
        robot.interact(frames::stop);
        // the FX thread only takes the snapshots queued since the last pulse: it never waits for the trainers. On
        // this shared 2-core machine under load, frames still come 50-250 ms apart at times (CPU contention, the
        // software renderer); a window that waited for training would freeze for the whole run instead
        assertThat(longestGap[0] / 1e6).as("longest time between two FX pulses while training, ms").isLessThan(1000);
        List<RunRecord> runs = runs();
        assertThat(runs).extracting(RunRecord::name).containsExactly("#1 mlp-resnet-20", "#1 plain twin");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.stepProperty().get()).isEqualTo(30);
            assertThat(r.dataset()).isEqualTo("spiral");
            assertThat(r.testErrorProperty().get()).isBetween(0.0, 1.0);
        });
        assertThat(robot.lookup("#runs").queryTableView().getItems()).hasSize(2);
        assertThat(status(robot)).contains("#1 mlp-resnet-20 finished at step 30, test error ")
                .contains("#1 plain twin finished at step 30");
        // the charts got both runs, live: every snapshot of each run reached the charts pane
        org.resnetexplorer.ui.charts.ChartsPane charts = robot.lookup("#charts")
                .queryAs(org.resnetexplorer.ui.charts.ChartsPane.class);
        assertThat(charts.runs()).containsExactly("#1 mlp-resnet-20", "#1 plain twin");
        for (String run : charts.runs()) {
            assertThat(charts.snapshots(run)).as("snapshots of %s in the charts", run).isNotEmpty()
                    .last().extracting(org.resnetexplorer.engine.TrainingSnapshot::step).isEqualTo(30);
        }
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isFalse();
    }

    @Test
    @DisplayName("window size, theme, recent files and training settings are remembered for the next window")
    void remembersSettings(FxRobot robot) throws Exception {
        type(robot, "#training-steps", "123");
        type(robot, "#training-rate", "0.2");
        robot.clickOn("#training-twin");
        robot.clickOn("View").clickOn(Appearance.THEME).clickOn(Appearance.DARK);
        assertThat(stage.getScene().getStylesheets()).anySatisfy(css -> assertThat(css).endsWith("explorer-dark.css"));
        Path file = temp.resolve("kept.json");
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        robot.interact(() -> stage.setWidth(1300));
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        assertThat(stage.isShowing()).isFalse();

        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new MainWindow(second[0], config()).show();
        });
        javafx.scene.Parent root = second[0].getScene().getRoot();
        assertThat(((TextField) root.lookup("#training-steps")).getText()).isEqualTo("123");
        assertThat(((TextField) root.lookup("#training-rate")).getText()).isEqualTo("0.2");
        assertThat(((javafx.scene.control.CheckBox) root.lookup("#training-twin")).isSelected()).isFalse();
        assertThat(second[0].getScene().getStylesheets()).anySatisfy(css -> assertThat(css).endsWith("explorer-dark.css"));
        assertThat(second[0].getScene().getWidth()).isEqualTo(stage.getScene().getWidth());
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) root.lookup("#menu-bar");
        javafx.scene.control.Menu recent = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().get(2);
        assertThat(recent.getItems().get(0).getText()).startsWith("kept.json");
        robot.interact(second[0]::hide);
    }

    @Test
    @DisplayName("New opens an empty graph; Run on it explains why it cannot train")
    void newGraphCannotTrain(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.N);
        assertThat(window.document().network().nodes()).isEmpty();
        assertThat(totals(robot)).startsWith("untitled:");
        robot.push(KeyCode.F5);
        DialogPane error = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).startsWith("The graph cannot train:");
        robot.clickOn("OK");
        assertThat(window.training().runs()).isEmpty();
    }

    @Test
    @DisplayName("Stop ends a long run and its twin; Run is available again")
    void stop(FxRobot robot) throws Exception {
        type(robot, "#training-steps", "100000");
        robot.push(KeyCode.F5);
        waitFor(120, () -> runs().size() == 2 && all(runs(), r -> r.stepProperty().get() > 0));
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isTrue();
        type(robot, "#training-rate", "0.01");
        robot.push(KeyCode.ENTER);
        assertThat(status(robot)).isEqualTo("Learning rate set to 0.01000 for the running runs");
        waitFor(30, () -> robot.lookup(".latest-figures-line").queryAllAs(Label.class).stream()
                .allMatch(l -> l.getText().endsWith("lr 0.0100")));
        robot.push(KeyCode.SHIFT, KeyCode.F5);
        waitFor(30, () -> all(runs(), r -> r.status() == RunStatus.STOPPED));
        assertThat(runs()).allSatisfy(r -> assertThat(r.stepProperty().get()).isLessThan(100000));
        waitFor(5, () -> !robot.lookup("#run-button").queryButton().isDisabled());
    }

    @Test
    @DisplayName("Step from idle starts the runs paused and trains one step at a time; Resume and Stop follow")
    void stepAndPause(FxRobot robot) throws Exception {
        type(robot, "#training-steps", "40");
        robot.clickOn("#training-twin");
        robot.push(KeyCode.F10);
        waitFor(120, () -> runs().size() == 1 && runs().get(0).stepProperty().get() == 1
                && runs().get(0).status() == RunStatus.PAUSED);
        robot.push(KeyCode.F10);
        waitFor(30, () -> runs().get(0).stepProperty().get() == 2);
        Button pause = robot.lookup("#pause-button").queryButton();
        assertThat(pause.getTooltip().getText()).isEqualTo("Resume (F6)");
        robot.push(KeyCode.F6);
        waitFor(60, () -> runs().get(0).status() == RunStatus.FINISHED);
        assertThat(runs().get(0).stepProperty().get()).isEqualTo(40);
    }

    @Test
    @DisplayName("a diverging run (huge learning rate) ends with its message in the status bar and the run list")
    void divergingRun(FxRobot robot) throws Exception {
        type(robot, "#training-steps", "300");
        type(robot, "#training-rate", "1000000");
        robot.clickOn("#training-twin");
        robot.push(KeyCode.F5);
        waitFor(120, () -> runs().size() == 1 && runs().get(0).status() == RunStatus.DIVERGED && idle());
        assertThat(runs().get(0).messageProperty().get()).contains("diverged").contains("Lower the learning rate");
        waitFor(5, () -> status(robot).contains("diverged"));
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).as("the app stays usable").isFalse();
    }
}

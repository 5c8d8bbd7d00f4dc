package org.resnetexplorer.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Separator;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.PyTorchExport;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.editor.GraphView;
import org.resnetexplorer.ui.editor.LayerPalette;

/**
 * The main window: menu bar and toolbar, the template list on the left, the graph in the centre, the properties
 * of the selection and the training settings on the right, the charts and the run list below, the status bar at
 * the bottom. It owns the document (the graph being edited, with undo, files, autosave and recovery) and the
 * training session; its sizes, theme, recent files and training settings outlive it in the preferences.
 */
final class MainWindow {
    static final String TITLE = ExplorerApp.TITLE;
    /** System property: print the FX frame statistics when the window closes (bench/ui.sh). */
    static final String FRAME_STATS = "resnetexplorer.frameStats";
    /** The first-start example: the degradation story of PaperClaimsTest (a deep residual MLP and its twin). */
    static final String EXAMPLE = "mlp-resnet-20";
    static final int RECENT_LIMIT = 8;

    // visible strings: their texts are in i18n/messages*.properties (decision 0012)
    static final String MENU_FILE = Texts.get("main.menu.file");
    static final String MENU_EDIT = Texts.get("main.menu.edit");
    static final String MENU_VIEW = Texts.get("main.menu.view");
    static final String MENU_TRAIN = Texts.get("main.menu.train");
    static final String MENU_HELP = Texts.get("main.menu.help");
    static final String NEW = Texts.get("main.new");
    static final String OPEN = Texts.get("main.open");
    static final String OPEN_RECENT = Texts.get("main.open.recent");
    static final String CLEAR_RECENT = Texts.get("main.clear.recent");
    static final String NO_RECENT = Texts.get("main.no.recent");
    static final String SAVE = Texts.get("main.save");
    static final String SAVE_AS = Texts.get("main.save.as");
    static final String EXPORT = Texts.get("main.export");
    static final String EXPORT_CHART = Texts.get("main.export.chart");
    static final String EXPORT_CHART_2X = Texts.get("main.export.chart.2x");
    static final String EXPORT_ALL = Texts.get("main.export.all");
    static final String EXPORT_CSV = Texts.get("main.export.csv");
    static final String EXPORT_PYTORCH = Texts.get("main.export.pytorch");
    static final String MENU_EXPORT = Texts.get("main.menu.export");
    static final String MENU_GRAPH = Texts.get("main.menu.graph");
    static final String CUT = Texts.get("main.cut");
    static final String COPY = Texts.get("main.copy");
    static final String PASTE = Texts.get("main.paste");
    static final String DELETE = Texts.get("main.delete");
    static final String SELECT_ALL = Texts.get("main.select.all");
    static final String ADD_BLOCK = Texts.get("main.add.block");
    static final String BASIC_BLOCK = Texts.get("main.basic.block");
    static final String BOTTLENECK_BLOCK = Texts.get("main.bottleneck.block");
    static final String PREACT_BLOCK = Texts.get("main.preact.block");
    static final String WRAP = Texts.get("main.wrap");
    static final String TOGGLE_SHORTCUT = Texts.get("main.toggle.shortcut");
    static final String STACK = Texts.get("main.stack");
    static final String STACK_TITLE = Texts.get("main.stack.title");
    static final String STACK_ASK = Texts.get("main.stack.ask");
    static final String STACK_REFUSED = Texts.get("main.stack.refused");
    static final String COLLAPSE_ALL = Texts.get("main.collapse.all");
    static final String EXPAND_ALL = Texts.get("main.expand.all");
    static final String AUTO_LAYOUT = Texts.get("main.auto.layout");
    static final String PALETTE = Texts.get("main.palette");
    static final String PYTORCH_EXPORTED = Texts.get("main.pytorch.exported");
    static final String QUIT = Texts.get("main.quit");
    static final String UNDO = Texts.get("main.undo");
    static final String REDO = Texts.get("main.redo");
    static final String TEMPLATES = Texts.get("main.templates");
    static final String RUN = Texts.get("main.run");
    static final String PAUSE = Texts.get("main.pause");
    static final String RESUME = Texts.get("main.resume");
    static final String STOP = Texts.get("main.stop");
    static final String STEP = Texts.get("main.step");
    static final String FIT = Texts.get("main.fit");
    static final String ABOUT = Texts.get("main.about");
    static final String SHORTCUTS = Texts.get("main.shortcuts");
    static final String TEMPLATE_LIST = Texts.get("main.template.list");
    static final String TEMPLATE_LIST_TIP = Texts.get("main.template.list.tip");
    static final String TOTALS = Texts.get("main.totals");
    static final String PROBLEMS = Texts.get("main.problems");
    static final String ASK_SAVE_TITLE = Texts.get("main.ask.save.title");
    static final String ASK_SAVE = Texts.get("main.ask.save");
    static final String ASK_SAVE_DETAIL = Texts.get("main.ask.save.detail");
    static final String SAVE_BUTTON = Texts.get("main.save.button");
    static final String DONT_SAVE_BUTTON = Texts.get("main.dont.save.button");
    static final String RECOVER_TITLE = Texts.get("main.recover.title");
    static final String RECOVER = Texts.get("main.recover");
    static final String RECOVER_DETAIL = Texts.get("main.recover.detail");
    static final String RECOVER_BUTTON = Texts.get("main.recover.button");
    static final String DISCARD_BUTTON = Texts.get("main.discard.button");
    static final String RECOVERED_EDIT = Texts.get("main.recovered.edit");
    static final String RECOVERED = Texts.get("main.recovered");
    static final String UNREADABLE_RECOVERY = Texts.get("main.unreadable.recovery");
    static final String OPEN_FAILED = Texts.get("main.open.failed");
    static final String SAVE_FAILED = Texts.get("main.save.failed");
    static final String SAVE_FAILED_DETAIL = Texts.get("main.save.failed.detail");
    static final String EXPORT_FAILED = Texts.get("main.export.failed");
    static final String OPENED = Texts.get("main.opened");
    static final String SAVED = Texts.get("main.saved");
    static final String EXPORTED = Texts.get("main.exported");
    static final String CANNOT_TRAIN = Texts.get("main.cannot.train");
    static final String READY = Texts.get("main.ready");
    static final String ABOUT_TEXT = Texts.get("main.about.text");
    static final String STATUS_DATASET = Texts.get("main.status.dataset");
    static final String STATUS_STEP = Texts.get("main.status.step");
    static final String STATUS_SPEED = Texts.get("main.status.speed");
    static final String MENU_LANGUAGE = Texts.get("main.menu.language");
    static final String LANGUAGE_SYSTEM = Texts.get("main.language.system");
    // each language by its own name, whatever the current one
    static final String LANGUAGE_ENGLISH = Texts.get(Texts.Language.ENGLISH, "main.language.english");
    static final String LANGUAGE_CHINESE = Texts.get(Texts.Language.CHINESE, "main.language.chinese");
    static final String RESTART_TITLE = Texts.get("main.restart.title");
    static final String RESTART_HEADER = Texts.get("main.restart.header");
    static final String RESTART_DETAIL = Texts.get("main.restart.detail");
    static final String RESTART_NOW = Texts.get("main.restart.now");
    static final String RESTART_LATER = Texts.get("main.restart.later");
    static final String RESTART_FAILED = Texts.get("main.restart.failed");
    static final String RESTART_NO_COMMAND = Texts.get("main.restart.no.command");
    static final String RESTARTED = Texts.get("main.restarted");

    private static final String KEY_X = "x";
    private static final String KEY_Y = "y";
    private static final String KEY_WIDTH = "width";
    private static final String KEY_HEIGHT = "height";
    private static final String KEY_MAXIMIZED = "maximized";
    private static final String KEY_RECENT = "recent";
    private static final String KEY_FOLDER = "folder";
    private static final String NODE_TRAINING = "training";

    private final Stage stage;
    private final WindowConfig config;
    private final Preferences prefs;
    private final Document document;
    private final Recovery recovery;
    private final PauseTransition autosave;
    private final BorderPane root = new BorderPane();
    private final GraphView graph = new GraphView();
    private final ListView<String> templates = new ListView<>();
    private final Label totals = new Label();
    private final PropertiesPane properties;
    private final TrainingPanel trainingPanel;
    private final TrainingController training = new TrainingController();
    private final RunsTable runsTable;
    private final ExperimentSession experiments;
    private final ChartsPane charts = new ChartsPane();
    private final LayerPalette palette = new LayerPalette();
    private final StatusBar statusBar = new StatusBar();
    private final StringProperty status = new SimpleStringProperty(READY);
    private final Label statusDataset = new Label();
    private final Label statusStep = new Label();
    private final Label statusSpeed = new Label();
    private final Menu recentMenu = new Menu(OPEN_RECENT);
    private final Appearance appearance;
    private final List<Command> commands = new ArrayList<>();
    private boolean closed;
    private final ToggleGroup language = new ToggleGroup();
    private final RadioMenuItem languageSystem = new RadioMenuItem(LANGUAGE_SYSTEM);
    private final RadioMenuItem languageEnglish = new RadioMenuItem(LANGUAGE_ENGLISH);
    private final RadioMenuItem languageChinese = new RadioMenuItem(LANGUAGE_CHINESE);

    /** Starts the app again (a new language); tests replace it. */
    interface Relauncher {
        void relaunch() throws IOException;
    }

    private Relauncher relauncher = () -> new ProcessBuilder(Languages.relaunchCommand()
            .orElseThrow(() -> new IOException(RESTART_NO_COMMAND))).inheritIO().start();
    /** True while a new document replaces the old one: it is drawn once, afresh. */
    private boolean replacing;

    MainWindow(Stage stage, WindowConfig config) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.prefs = config.preferences();
        this.recovery = new Recovery(config.recoveryFolder());
        this.document = new Document(example());
        this.properties = new PropertiesPane(this::edit, this::tell);
        this.trainingPanel = new TrainingPanel(training::setLearningRate, this::tell);
        this.runsTable = new RunsTable(training.runs());
        this.experiments = new ExperimentSession(stage, config, graph, charts, training.runs(), training.activeProperty(),
                this::tell, this::openTemplate);
        this.autosave = new PauseTransition(config.autosaveDelay());
        this.appearance = new Appearance(stage, prefs, charts, graph);
        autosave.setOnFinished(e -> autosaveNow());

        root.setId("main-window");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setLeft(leftPane());
        root.setCenter(centre());
        root.setRight(rightPane());
        root.setBottom(statusBar());

        document.stateProperty().addListener((obs, old, now) -> documentChanged(now));
        graph.selectionProperty().addListener((obs, old, now) -> properties.show(document.network(), now));
        graph.setOnEdit(this::edit);
        graph.messageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                tell(now);
            }
        });
        palette.setOnChoose(graph::add);
        training.messageProperty().addListener((obs, old, now) -> tell(now));
        training.setCharts(charts::append);
        training.runs().addListener((javafx.collections.ListChangeListener<RunRecord>) change -> {
            while (change.next()) {
                for (RunRecord run : change.getAddedSubList()) {
                    charts.addRun(run.name(), run.model(), !run.plainTwin());
                }
            }
        });
        charts.setOnMessage(this::tell);
        trainingPanel.load(prefs.node(NODE_TRAINING));
        showDocument(document.state(), true);
    }

    /** The first-start example: mlp-resnet-20 with BatchNorm, width 16, for the 3-arm spiral. */
    static Network example() {
        return Templates.build(EXAMPLE, TemplateOptions.defaults().withWidth(16).withBatchNorm(true)
                .withClasses(TrainingSetup.DEFAULT_CLASSES));
    }

    /**
     * While the window idles after start-up: first has the run list make its rows ({@link WarmUp#makeRows}),
     * then rehearses the first run off-screen ({@link WarmUp#rehearse}) {@code rounds} times, one step per
     * pause; stops as soon as a training starts or the window closes.
     */
    void warmUpWhileIdle(int rounds) {
        whenIdle(() -> {
            WarmUp.makeRows(runsTable);
            rehearseWhileIdle(rounds);
        });
    }

    private void rehearseWhileIdle(int rounds) {
        if (rounds > 0) {
            // a round's off-screen list and charts are made in its first step, not in the step before it
            whenIdle(() -> {
                java.util.Iterator<Runnable> steps = new WarmUp.Round(stage.getScene()).steps().iterator();
                steps.next().run();
                runWhileIdle(steps, () -> rehearseWhileIdle(rounds - 1));
            });
        } else if (Boolean.getBoolean(FRAME_STATS)) {
            System.err.printf(Locale.ROOT, "warm-up done at uptime %.3f s%n",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        }
    }

    /** Runs the steps one per pause while the window idles, then {@code then}. */
    private void runWhileIdle(java.util.Iterator<Runnable> steps, Runnable then) {
        whenIdle(() -> {
            steps.next().run();
            if (steps.hasNext()) {
                runWhileIdle(steps, then);
            } else {
                then.run();
            }
        });
    }

    /** Runs {@code step} after a pause, unless a training has started or the window has closed by then. */
    private void whenIdle(Runnable step) {
        PauseTransition pause = new PauseTransition(WarmUp.PAUSE);
        pause.setOnFinished(e -> {
            if (!closed && !training.activeProperty().get() && stage.getScene() != null) {
                step.run();
            }
        });
        pause.play();
    }

    /** Builds the scene, restores size and theme, shows the window, then offers to recover an autosaved graph. */
    void show() {
        Scene scene = new Scene(root, prefs.getDouble(KEY_WIDTH, 1400), prefs.getDouble(KEY_HEIGHT, 860));
        scene.getStylesheets().add(MainWindow.class.getResource("explorer.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::redo);
        stage.setScene(scene);
        stage.titleProperty().bind(document.title(TITLE));
        restoreGeometry();
        appearance.apply();
        stage.setOnCloseRequest(e -> {
            if (!close()) {
                e.consume();
            }
        });
        stage.show();
        if (Boolean.getBoolean(FRAME_STATS)) {
            // bench/ui.sh: how long FX pulses take while the user trains (from the last Run), printed at the end
            charts.frameTimer().start();
            charts.frameTimer().diagnoseLateFrames();
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> printFrameStats());
            Runtime.getRuntime().addShutdownHook(new Thread(this::printFrameStats));
            System.err.printf(java.util.Locale.ROOT, "first window shown %d ms after JVM start%n",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        Platform.runLater(this::offerRecovery);
    }

    // ---------------------------------------------------------------------------------------------------------
    // layout

    private MenuBar menuBar() {
        Command newDoc = command("new", NEW, MaterialDesignF.FILE_PLUS_OUTLINE, key(KeyCode.N, true, false),
                this::newDocument);
        Command open = command("open", OPEN, MaterialDesignF.FOLDER_OPEN_OUTLINE, key(KeyCode.O, true, false), this::open);
        Command save = command("save", SAVE, MaterialDesignC.CONTENT_SAVE_OUTLINE, key(KeyCode.S, true, false),
                this::save);
        Command saveAs = command("save-as", SAVE_AS, MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE,
                key(KeyCode.S, true, true), this::saveAs);
        Command export = command("export", EXPORT, MaterialDesignE.EXPORT_VARIANT, null, this::exportGraph);
        Command undo = command("undo", UNDO, MaterialDesignU.UNDO, key(KeyCode.Z, true, false), this::undo);
        undo.disable(document.history().canUndoProperty().not());
        undo.text(Bindings.createStringBinding(() -> named(UNDO, document.history().undoNameProperty().get()),
                document.history().undoNameProperty()));
        Command redo = command("redo", REDO, MaterialDesignR.REDO, key(KeyCode.Y, true, false), this::redo);
        redo.disable(document.history().canRedoProperty().not());
        redo.text(Bindings.createStringBinding(() -> named(REDO, document.history().redoNameProperty().get()),
                document.history().redoNameProperty()));
        redo.extraShortcut = "Ctrl+Shift+Z";
        Command templatesCmd = command("templates", TEMPLATES, MaterialDesignV.VIEW_GRID_PLUS_OUTLINE,
                key(KeyCode.T, true, false), this::showTemplates);
        Command run = command("run", RUN, MaterialDesignP.PLAY, new KeyCodeCombination(KeyCode.F5), this::run);
        run.disable(training.activeProperty().or(experiments.runningProperty()));
        Command pause = command("pause", PAUSE, MaterialDesignP.PAUSE, new KeyCodeCombination(KeyCode.F6),
                training::togglePause);
        pause.disable(training.activeProperty().not());
        pause.text(Bindings.when(training.pausedProperty()).then(RESUME).otherwise(PAUSE));
        Command stop = command("stop", STOP, MaterialDesignS.STOP, new KeyCodeCombination(KeyCode.F5,
                KeyCombination.SHIFT_DOWN), training::stop);
        stop.disable(training.activeProperty().not());
        Command step = command("step", STEP, MaterialDesignS.STEP_FORWARD, new KeyCodeCombination(KeyCode.F10),
                this::step);
        step.disable(training.activeProperty().and(training.pausedProperty().not()).or(experiments.runningProperty()));
        Command fit = command("fit", FIT, MaterialDesignF.FIT_TO_PAGE_OUTLINE, key(KeyCode.DIGIT0, true, false),
                graph::fitToView);
        Command exportChart = command("export-chart", EXPORT_CHART, MaterialDesignC.CHART_LINE, key(KeyCode.E, true, false),
                () -> charts.showExportPngDialog(1));
        Command exportChart2x = command("export-chart-2x", EXPORT_CHART_2X, MaterialDesignC.CHART_LINE,
                key(KeyCode.E, true, true), () -> charts.showExportPngDialog(2));
        Command exportAll = command("export-all", EXPORT_ALL, MaterialDesignF.FOLDER_IMAGE, null, charts::showExportAllDialog);
        Command exportCsv = command("export-csv", EXPORT_CSV, MaterialDesignF.FILE_DELIMITED_OUTLINE, null,
                charts::showExportCsvDialog);
        Command exportPyTorch = command("export-pytorch", EXPORT_PYTORCH, MaterialDesignL.LANGUAGE_PYTHON, null,
                this::exportPyTorch);
        Command cut = command("cut", CUT, MaterialDesignC.CONTENT_CUT, null, graph::cutSelection);
        Command copy = command("copy", COPY, MaterialDesignC.CONTENT_COPY, null, graph::copySelection);
        Command paste = command("paste", PASTE, MaterialDesignC.CONTENT_PASTE, null, graph::paste);
        paste.disable(graph.canPasteProperty().not());
        Command delete = command("delete", DELETE, MaterialDesignD.DELETE_OUTLINE, null, graph::deleteSelection);
        Command selectAll = command("select-all", SELECT_ALL, MaterialDesignS.SELECT_ALL, null, graph::selectAll);
        Command basic = command("add-basic", BASIC_BLOCK, MaterialDesignP.PLUS_BOX_OUTLINE, key(KeyCode.B, true, false),
                () -> graph.addResidualBlockAfterSelection(BlockKind.BASIC));
        Command bottleneck = command("add-bottleneck", BOTTLENECK_BLOCK, MaterialDesignP.PLUS_BOX_MULTIPLE_OUTLINE, null,
                () -> graph.addResidualBlockAfterSelection(BlockKind.BOTTLENECK));
        Command preact = command("add-preact", PREACT_BLOCK, MaterialDesignP.PLUS_BOX_OUTLINE, null,
                () -> graph.addResidualBlockAfterSelection(BlockKind.PREACT));
        Command wrap = command("wrap", WRAP, MaterialDesignS.SOURCE_BRANCH, key(KeyCode.W, true, true),
                graph::wrapSelectionInSkip);
        Command toggleShortcut = command("toggle-shortcut", TOGGLE_SHORTCUT, MaterialDesignS.SWAP_VERTICAL,
                key(KeyCode.K, true, false), graph::toggleShortcutOfSelection);
        Command stack = command("stack", STACK, MaterialDesignL.LAYERS_OUTLINE, null, this::stackBlocks);
        Command collapseAll = command("collapse-all", COLLAPSE_ALL, MaterialDesignA.ARROW_COLLAPSE_VERTICAL, null,
                () -> graph.collapseAll(true));
        Command expandAll = command("expand-all", EXPAND_ALL, MaterialDesignA.ARROW_EXPAND_VERTICAL, null,
                () -> graph.collapseAll(false));
        Command layout = command("auto-layout", AUTO_LAYOUT, MaterialDesignA.AUTO_FIX, key(KeyCode.L, true, true),
                graph::autoLayout);
        MenuItem quit = new MenuItem(QUIT);
        quit.setId("menu-quit");
        quit.setAccelerator(key(KeyCode.Q, true, false));
        quit.setOnAction(e -> {
            if (close()) {
                stage.close();
            }
        });
        refreshRecent();
        Menu file = new Menu(MENU_FILE, null, newDoc.menuItem(), open.menuItem(), recentMenu, new SeparatorMenuItem(),
                save.menuItem(), saveAs.menuItem(), new SeparatorMenuItem(), quit);
        Menu exports = new Menu(MENU_EXPORT, null, exportChart.menuItem(), exportChart2x.menuItem(), exportAll.menuItem(),
                exportCsv.menuItem(), new SeparatorMenuItem(), export.menuItem(), exportPyTorch.menuItem());
        exports.setId("menu-export-menu");
        // the editor handles its own keys (Delete, Ctrl+A/C/X/V) when it has the focus; the menu shows them
        Menu edit = new Menu(MENU_EDIT, null, undo.menuItem(), redo.menuItem(), new SeparatorMenuItem(), cut.menuItem(),
                copy.menuItem(), paste.menuItem(), delete.menuItem(), selectAll.menuItem(), new SeparatorMenuItem(),
                templatesCmd.menuItem());
        for (MenuItem item : edit.getItems()) {
            String shown = switch (item.getId() == null ? "" : item.getId()) {
                case "menu-cut" -> "Ctrl+X";
                case "menu-copy" -> "Ctrl+C";
                case "menu-paste" -> "Ctrl+V";
                case "menu-delete" -> "Delete";
                case "menu-select-all" -> "Ctrl+A";
                default -> null;
            };
            if (shown != null) {
                item.setText(item.getText() + "\t" + shown);
            }
        }
        Menu addBlock = new Menu(ADD_BLOCK, null, basic.menuItem(), bottleneck.menuItem(), preact.menuItem());
        addBlock.setId("menu-add-block");
        Menu graphMenu = new Menu(MENU_GRAPH, null, addBlock, wrap.menuItem(), toggleShortcut.menuItem(), stack.menuItem(),
                new SeparatorMenuItem(), collapseAll.menuItem(), expandAll.menuItem(), layout.menuItem());
        Menu languages = new Menu(MENU_LANGUAGE, null, languageSystem, languageEnglish, languageChinese);
        languages.setId("menu-language");
        String saved = Languages.saved(prefs);
        for (RadioMenuItem item : List.of(languageSystem, languageEnglish, languageChinese)) {
            String code = item == languageSystem ? Languages.SYSTEM
                    : item == languageEnglish ? Texts.Language.ENGLISH.code() : Texts.Language.CHINESE.code();
            item.setToggleGroup(language);
            item.setId("menu-language-" + code);
            item.setSelected(code.equals(saved));
            item.setOnAction(e -> chooseLanguage(code));
        }
        Menu view = new Menu(MENU_VIEW, null, fit.menuItem(), new SeparatorMenuItem());
        view.getItems().addAll(appearance.menuItems());
        // Language just above Theme, the last: a pointer going from Theme to its submenu crosses no other submenu
        view.getItems().add(view.getItems().size() - 1, languages);
        Menu train = new Menu(MENU_TRAIN, null, run.menuItem(), pause.menuItem(), stop.menuItem(), step.menuItem());
        MenuItem about = new MenuItem(ABOUT);
        about.setId("menu-about");
        about.setOnAction(e -> about());
        MenuItem keys = new MenuItem(SHORTCUTS);
        keys.setId("menu-shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> showShortcuts());
        Menu help = new Menu(MENU_HELP, null, keys, about);
        MenuBar bar = new MenuBar(file, edit, graphMenu, view, train, experiments.menu(), exports, help);
        bar.setId("menu-bar");
        return bar;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        bar.setId("tool-bar");
        String[][] groups = {{"new", "open", "save", "save-as"}, {"undo", "redo"}, {"templates", "fit"},
            {"run", "pause", "stop", "step"}, {"export-chart", "export-all"}};
        for (String[] group : groups) {
            if (!bar.getItems().isEmpty()) {
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            for (String id : group) {
                commands.stream().filter(c -> c.id.equals(id)).findFirst().ifPresent(c -> bar.getItems().add(c.button()));
            }
        }
        return bar;
    }

    private Node leftPane() {
        templates.getItems().setAll(ModelTemplates.QUICK);
        templates.setId("templates");
        templates.setTooltip(new Tooltip(TEMPLATE_LIST_TIP));
        templates.setOnMouseClicked(e -> {
            String name = templates.getSelectionModel().getSelectedItem();
            if (name != null && onFilledCell(e.getPickResult().getIntersectedNode())) {
                openTemplate(Templates.build(name));
            }
        });
        templates.setOnKeyPressed(e -> {
            String name = templates.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && name != null) {
                openTemplate(Templates.build(name));
            }
        });
        Label heading = new Label(TEMPLATE_LIST);
        heading.getStyleClass().add("pane-heading");
        Label paletteHeading = new Label(PALETTE);
        paletteHeading.getStyleClass().add("pane-heading");
        // scrolls when large text makes it taller than the window
        ScrollPane paletteScroll = new ScrollPane(palette);
        paletteScroll.setId("palette-scroll");
        paletteScroll.setFitToWidth(true);
        paletteScroll.getStyleClass().add("edge-to-edge");
        paletteScroll.prefViewportHeightProperty().bind(palette.heightProperty().add(2)); // all of it when there is room
        // the template list takes the room left; the palette scrolls only when it must (a VBox shrinks all)
        VBox.setVgrow(paletteScroll, Priority.NEVER);
        VBox.setVgrow(templates, Priority.ALWAYS);
        templates.setPrefHeight(120);
        templates.setMinHeight(120);
        VBox left = new VBox(paletteHeading, paletteScroll, heading, templates);
        left.setPrefWidth(200);
        left.setId("left-pane");
        return left;
    }

    private static boolean onFilledCell(Node target) {
        for (Node n = target; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ListCell<?> cell) {
                return !cell.isEmpty();
            }
        }
        return false;
    }

    /** The graph above, the charts and the run list below. The editor replaces {@link #graph} here. */
    private Node centre() {
        graph.setId("graph");
        SplitPane below = new SplitPane(charts, runsTable);
        below.setDividerPositions(0.64);
        SplitPane centre = new SplitPane(experiments.view(), below);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        return centre;
    }

    private Node rightPane() {
        totals.setId("totals");
        totals.setWrapText(true);
        totals.setPadding(new Insets(6, 8, 6, 8));
        totals.getStyleClass().add("totals");
        VBox top = new VBox(totals, properties);
        VBox.setVgrow(properties, Priority.ALWAYS);
        ScrollPane trainingScroll = new ScrollPane(trainingPanel);
        trainingScroll.setFitToWidth(true);
        SplitPane right = new SplitPane(top, trainingScroll);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        right.setPrefWidth(340);
        right.setId("right-pane");
        return right;
    }

    private Node statusBar() {
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(status);
        statusDataset.setId("status-dataset");
        statusStep.setId("status-step");
        statusSpeed.setId("status-speed");
        for (Label label : List.of(statusDataset, statusStep, statusSpeed)) {
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        statusBar.getRightItems().addAll(statusDataset, new Separator(Orientation.VERTICAL), statusStep,
                new Separator(Orientation.VERTICAL), statusSpeed);
        statusDataset.textProperty().bind(Bindings.createStringBinding(() -> training.datasetProperty().get().isEmpty()
                ? "" : String.format(STATUS_DATASET, training.datasetProperty().get()), training.datasetProperty()));
        training.currentProperty().addListener((obs, old, run) -> {
            if (run == null) {
                return;
            }
            statusStep.textProperty().bind(run.stepProperty().map(s -> String.format(STATUS_STEP, s.intValue(),
                    run.totalSteps())));
            statusSpeed.textProperty().bind(run.stepsPerSecondProperty().map(v -> String.format(java.util.Locale.ROOT,
                    STATUS_SPEED, v.doubleValue())));
            statusBar.progressProperty().bind(run.stepProperty().divide((double) run.totalSteps()));
        });
        experiments.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                statusStep.textProperty().bind(experiments.stepTextProperty());
                statusSpeed.textProperty().bind(experiments.speedTextProperty());
                statusBar.progressProperty().bind(experiments.progressProperty());
            }
        });
        return statusBar;
    }

    // ---------------------------------------------------------------------------------------------------------
    // document

    private void edit(String name, Network next) {
        document.edit(name, next);
    }

    private void edit(String name, GraphDocument next) {
        document.edit(name, next);
    }

    private void undo() {
        document.history().undo();
    }

    private void redo() {
        document.history().redo();
    }

    private void documentChanged(GraphDocument now) {
        if (replacing) {
            return;
        }
        showDocument(now, false);
        if (document.isModified()) {
            autosave.playFromStart();
        } else {
            autosave.stop();
            recovery.discard();
        }
    }

    /** Draws {@code state} in the editor; a new document opens at its top. */
    private void showDocument(GraphDocument state, boolean fresh) {
        Network network = state.network();
        graph.show(state);
        if (fresh) {
            Platform.runLater(graph::showTop);
        }
        Analysis analysis = Analysis.of(network);
        String text = String.format(TOTALS, network.name(), Counts.grouped(analysis.totalParams()),
                Counts.abbreviated(analysis.totalParams()), Counts.abbreviated(analysis.totalMacs()),
                analysis.summary().size());
        if (!analysis.errors().isEmpty()) {
            text += String.format(PROBLEMS, analysis.errors().size(), analysis.errors().get(0).message());
        }
        totals.setText(text);
        properties.show(network, graph.selectionProperty().get());
    }

    private void replaceDocument(Network network, Path file) {
        replaceDocument(GraphDocument.opened(network), file);
    }

    private void replaceDocument(GraphDocument state, Path file) {
        autosave.stop();
        replacing = true;
        try {
            document.replace(state, file);
        } finally {
            replacing = false;
        }
        recovery.discard();
        showDocument(state, true);
    }

    private void newDocument() {
        if (confirmDiscard()) {
            replaceDocument(new Network(Document.UNTITLED.toLowerCase(java.util.Locale.ROOT), List.of(), List.of(),
                    List.of()), null);
        }
    }

    /** Opens {@code network} as a new untitled graph, asking about unsaved changes first; false if cancelled. */
    private boolean openTemplate(Network network) {
        if (!confirmDiscard()) {
            return false;
        }
        replaceDocument(network, null);
        return true;
    }

    private void showTemplates() {
        new TemplateDialog(stage).showAndWait().ifPresent(this::openTemplate);
    }

    private void open() {
        if (!confirmDiscard()) {
            return;
        }
        config.files().openGraph(stage, lastFolder()).ifPresent(this::openFile);
    }

    /** Opens a graph file, or explains why it cannot. */
    void openFile(Path file) {
        try {
            replaceDocument(GraphFiles.loadDocument(file), file);
            remember(file);
            tell(String.format(OPENED, file.getFileName()));
        } catch (GraphFileException e) {
            error(OPEN_FAILED, e.getMessage());
            if (!Files.exists(file)) {
                forget(file);
            }
        }
    }

    /** Saves to the document's file (asking for one if it has none); false if not saved. */
    private boolean save() {
        return document.file() == null ? saveAs() : saveTo(document.file());
    }

    private boolean saveAs() {
        String suggested = document.file() != null ? document.file().getFileName().toString()
                : FileNames.segment(document.network().name()) + ".json";
        Optional<Path> target = config.files().saveGraph(stage, lastFolder(), suggested);
        return target.isPresent() && saveTo(target.get());
    }

    private boolean saveTo(Path file) {
        try {
            GraphFiles.saveDocument(document.state(), file);
        } catch (IOException | RuntimeException e) {
            error(SAVE_FAILED, String.format(SAVE_FAILED_DETAIL, file, e.getMessage()));
            return false;
        }
        autosave.stop();
        document.markSaved(file);
        recovery.discard();
        remember(file);
        tell(String.format(SAVED, file.getFileName()));
        return true;
    }

    /** Asks what to do with unsaved changes: true to go on (saved or discarded), false to cancel. */
    boolean confirmDiscard() {
        if (!document.isModified()) {
            return true;
        }
        ButtonType save = new ButtonType(SAVE_BUTTON, ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType(DONT_SAVE_BUTTON, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, ASK_SAVE_DETAIL, save, dontSave, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(ASK_SAVE_TITLE);
        alert.setHeaderText(String.format(ASK_SAVE, document.displayName()));
        alert.getDialogPane().setId("ask-save");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return save();
        }
        return answer == dontSave;
    }

    private void autosaveNow() {
        if (document.isModified() && !closed) {
            recovery.save(document.state(), document.file(), message -> Platform.runLater(() -> tell(message)));
        }
    }

    private void offerRecovery() {
        Optional<Recovery.Recovered> found;
        try {
            found = recovery.find();
        } catch (GraphFileException e) {
            recovery.discard();
            tell(String.format(UNREADABLE_RECOVERY, e.getMessage()));
            return;
        }
        Optional<Boolean> handedOver = recovery.handedOver();
        if (found.isEmpty()) {
            if (handedOver.isPresent()) {
                recovery.discard();
            }
            return;
        }
        Recovery.Recovered r = found.get();
        if (handedOver.isPresent()) {
            // restarted on purpose (a new language): the graph as it was, no question about a crash
            if (handedOver.get()) {
                recover(r);
                recovery.clearHandOver();
            } else {
                replaceDocument(r.document(), r.origin().orElse(null));
            }
            tell(RESTARTED);
            return;
        }
        ButtonType recover = new ButtonType(RECOVER_BUTTON, ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(DISCARD_BUTTON, ButtonBar.ButtonData.NO);
        String what = r.origin().map(p -> p.getFileName().toString()).orElse("'" + r.network().name() + "'");
        String when = modifiedTime(recovery.graphFile());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, String.format(RECOVER_DETAIL, what, when), recover, discard);
        alert.initOwner(stage);
        alert.setTitle(RECOVER_TITLE);
        alert.setHeaderText(RECOVER);
        alert.getDialogPane().setId("offer-recovery");
        if (alert.showAndWait().orElse(discard) == recover) {
            recover(r);
            tell(RECOVERED);
        } else {
            recovery.discard();
        }
    }

    /** Shows the recovered graph as unsaved, with its file (if any) as the state to compare with. */
    private void recover(Recovery.Recovered r) {
        GraphDocument original = null;
        if (r.origin().isPresent()) {
            try {
                original = GraphFiles.loadDocument(r.origin().get());
            } catch (GraphFileException e) {
                original = null;
            }
        }
        replacing = true;
        try {
            document.recover(r.document(), original, original != null ? r.origin().get() : null, RECOVERED_EDIT);
        } finally {
            replacing = false;
        }
        showDocument(r.document(), true);
        autosave.playFromStart();
    }

    // ---------------------------------------------------------------------------------------------------------
    // language

    private void chooseLanguage(String code) {
        if (code.equals(Languages.saved(prefs))) {
            return;
        }
        prefs.put(Languages.KEY, code);
        ButtonType now = new ButtonType(RESTART_NOW, ButtonBar.ButtonData.YES);
        ButtonType later = new ButtonType(RESTART_LATER, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, RESTART_DETAIL, now, later);
        alert.initOwner(stage);
        alert.setTitle(RESTART_TITLE);
        alert.setHeaderText(RESTART_HEADER);
        alert.getDialogPane().setId("ask-restart");
        if (alert.showAndWait().orElse(later) == now) {
            restart();
        }
    }

    /** Replaces this process by a new one, in the chosen language, showing the same graph (saved or not). */
    void restart() {
        boolean modified = document.isModified();
        try {
            recovery.handOver(document.state(), document.file(), modified);
            saveGeometry();
            trainingPanel.save(prefs.node(NODE_TRAINING));
            prefs.flush();
            relauncher.relaunch();
        } catch (IOException | java.util.prefs.BackingStoreException | RuntimeException e) {
            if (modified) {
                recovery.clearHandOver();
            } else {
                recovery.discard();
            }
            tell(String.format(RESTART_FAILED, e.getMessage()));
            return;
        }
        closed = true;
        autosave.stop();
        training.shutdown();
        experiments.shutdown();
        recovery.close();
        stage.close();
    }

    void relauncher(Relauncher value) {
        relauncher = Objects.requireNonNull(value, "relauncher");
    }

    private static String modifiedTime(Path file) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                    Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneId.systemDefault()));
        } catch (IOException e) {
            return "?";
        }
    }

    private void exportGraph() {
        Optional<Path> target = config.files().savePng(stage, lastFolder(),
                FileNames.segment(document.network().name()) + ".png");
        if (target.isEmpty()) {
            return;
        }
        WritableImage image = graph.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            ChartFiles.write(buffered, target.get());
            tell(String.format(EXPORTED, target.get().getFileName()));
        } catch (IOException e) {
            error(EXPORT_FAILED, String.format(SAVE_FAILED_DETAIL, target.get(), e.getMessage()));
        }
    }

    /** For bench/ui.sh: the frame statistics of the training alone, without the idle window after it. */
    private void printFrameStatsWhenTrainingEnds() {
        ChangeListener<Boolean> ended = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> value, Boolean was, Boolean active) {
                if (!active) {
                    value.removeListener(this);
                    System.err.printf(Locale.ROOT, "training ended at uptime %.3f s%n",
                            ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                    System.err.println("FX pulse to pulse while training: " + charts.frameTimer().pulses()
                            + ", over 50 ms: " + charts.frameTimer().latePulses());
                }
            }
        };
        training.activeProperty().addListener(ended);
    }

    private boolean frameStatsPrinted;

    private synchronized void printFrameStats() {
        if (!frameStatsPrinted) {
            frameStatsPrinted = true;
            System.err.println("FX pulse to pulse: " + charts.frameTimer().pulses());
            System.err.println("chart build on FX thread: " + charts.frameTimer().redraws());
            System.err.println("chart paint off FX thread: " + charts.frameTimer().renders());
            System.err.println("chart copy on FX thread: " + charts.frameTimer().copies());
            System.err.println(charts.frameTimer().stallProfile());
        }
    }

    /** Writes the graph as a PyTorch module (the same code as the export-pytorch command). */
    private void exportPyTorch() {
        String code;
        try {
            code = PyTorchExport.code(document.network());
        } catch (IllegalArgumentException e) {
            error(EXPORT_FAILED, e.getMessage());
            return;
        }
        // A module name Python can import: letters, digits and underscores (Chinese letters too).
        String suggested = FileNames.segment(document.network().name()).replaceAll("[^\\p{L}\\p{N}_]", "_") + ".py";
        Optional<Path> target = config.files().savePython(stage, lastFolder(), suggested);
        if (target.isEmpty()) {
            return;
        }
        try {
            AtomicFiles.writeText(code, target.get());
            tell(String.format(PYTORCH_EXPORTED, target.get().getFileName()));
        } catch (IOException | RuntimeException e) {
            error(EXPORT_FAILED, String.format(SAVE_FAILED_DETAIL, target.get(), e.getMessage()));
        }
    }

    /** Asks how many copies of the selected block to stack, then stacks them (one undoable edit). */
    private void stackBlocks() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("3");
        ask.initOwner(stage);
        ask.setTitle(STACK_TITLE);
        ask.setHeaderText(STACK_ASK);
        ask.showAndWait().ifPresent(text -> {
            try {
                int count = Integer.parseInt(text.trim());
                if (count < 2 || count > 50) {
                    throw new NumberFormatException();
                }
                graph.stackSelectedBlock(count);
            } catch (NumberFormatException e) {
                tell(String.format(STACK_REFUSED, STACK_ASK, text));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // training

    private void run() {
        startTraining(false);
    }

    private void step() {
        if (training.activeProperty().get()) {
            training.step();
        } else {
            startTraining(true);
            training.step();
        }
    }

    private void startTraining(boolean paused) {
        if (Boolean.getBoolean(FRAME_STATS)) {
            charts.frameTimer().runStarted(); // frame statistics while training, not while the window builds itself
        }
        try {
            TrainingSetup setup = trainingPanel.setup();
            trainingPanel.save(prefs.node(NODE_TRAINING));
            training.start(document.network(), setup, paused);
            if (Boolean.getBoolean(FRAME_STATS)) {
                printFrameStatsWhenTrainingEnds();
            }
        } catch (IllegalArgumentException e) {
            tell(e.getMessage());
            error(CANNOT_TRAIN, e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // closing, preferences, help

    /** Asks about unsaved changes, then stops training and keeps the settings; false if the user cancels. */
    boolean close() {
        if (closed) {
            return true;
        }
        if (!confirmDiscard()) {
            return false;
        }
        closed = true;
        autosave.stop();
        training.shutdown();
        experiments.shutdown();
        saveGeometry();
        trainingPanel.save(prefs.node(NODE_TRAINING));
        recovery.discard();
        recovery.close();
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // the settings are lost, the work is not
        }
        return true;
    }

    private void restoreGeometry() {
        double x = prefs.getDouble(KEY_X, Double.NaN);
        double y = prefs.getDouble(KEY_Y, Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean(KEY_MAXIMIZED, false));
    }

    private void saveGeometry() {
        if (stage.isFullScreen()) {
            return; // the size before full screen is the one to keep, and it is kept already
        }
        prefs.putBoolean(KEY_MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && stage.getScene() != null) {
            prefs.putDouble(KEY_X, stage.getX());
            prefs.putDouble(KEY_Y, stage.getY());
            prefs.putDouble(KEY_WIDTH, stage.getScene().getWidth());
            prefs.putDouble(KEY_HEIGHT, stage.getScene().getHeight());
        }
    }

    private List<Path> recent() {
        String text = prefs.get(KEY_RECENT, "");
        return text.isEmpty() ? List.of() : text.lines().map(Path::of).toList();
    }

    private void remember(Path file) {
        List<Path> next = new ArrayList<>();
        next.add(file.toAbsolutePath());
        recent().stream().filter(p -> !p.equals(file.toAbsolutePath())).limit(RECENT_LIMIT - 1).forEach(next::add);
        prefs.put(KEY_RECENT, next.stream().map(Path::toString).collect(Collectors.joining("\n")));
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            prefs.put(KEY_FOLDER, folder.toString());
        }
        refreshRecent();
    }

    private void forget(Path file) {
        prefs.put(KEY_RECENT, recent().stream().filter(p -> !p.equals(file.toAbsolutePath())).map(Path::toString)
                .collect(Collectors.joining("\n")));
        refreshRecent();
    }

    private Path lastFolder() {
        String folder = prefs.get(KEY_FOLDER, null);
        return folder != null ? Path.of(folder) : null;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        recentMenu.setId("menu-recent");
        for (Path file : recent()) {
            MenuItem item = new MenuItem(file.getFileName() + "  (" + file.getParent() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(file);
                }
            });
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(NO_RECENT);
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem(CLEAR_RECENT);
            clear.setOnAction(e -> {
                prefs.remove(KEY_RECENT);
                refreshRecent();
            });
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, ABOUT_TEXT, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(ABOUT);
        alert.setHeaderText(TITLE);
        alert.showAndWait();
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Command c : commands) {
            if (c.accelerator != null) {
                String keys = c.accelerator.getDisplayText() + (c.extraShortcut != null ? ", " + c.extraShortcut : "");
                grid.addRow(row++, new Label(keys), new Label(c.baseText.replace("...", "")));
            }
        }
        for (String[] keys : Appearance.shortcuts()) {
            grid.addRow(row++, new Label(keys[0]), new Label(keys[1]));
        }
        grid.addRow(row++, new Label("F1"), new Label(SHORTCUTS));
        grid.addRow(row, new Label(key(KeyCode.Q, true, false).getDisplayText()), new Label(QUIT));
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(SHORTCUTS);
        alert.setHeaderText(SHORTCUTS);
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("shortcuts");
        alert.showAndWait();
    }

    /** Shows {@code message} in the status bar. */
    void tell(String message) {
        if (message != null && !message.isEmpty()) {
            status.set(message);
        }
    }

    private void error(String title, String message) {
        ErrorDialog.show(stage, title, message);
    }

    private static String named(String action, String edit) {
        return edit == null || edit.isEmpty() ? action : action + " " + edit;
    }

    private static KeyCombination key(KeyCode code, boolean shortcut, boolean shift) {
        List<KeyCombination.Modifier> modifiers = new ArrayList<>();
        if (shortcut) {
            modifiers.add(KeyCombination.SHORTCUT_DOWN);
        }
        if (shift) {
            modifiers.add(KeyCombination.SHIFT_DOWN);
        }
        return new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
    }

    private Command command(String id, String text, Ikon icon, KeyCombination accelerator, Runnable handler) {
        Command c = new Command(id, text, icon, accelerator, handler);
        commands.add(c);
        return c;
    }

    // for tests and the integrator
    Document document() {
        return document;
    }

    TrainingController training() {
        return training;
    }

    GraphView graph() {
        return graph;
    }

    ExperimentSession experiments() {
        return experiments;
    }

    Appearance appearance() {
        return appearance;
    }

    ChartsPane charts() {
        return charts;
    }

    /** Where the charts go: the integrator hands the charts pane's consumer of snapshot batches here. */
    void setCharts(Consumer<List<org.resnetexplorer.engine.TrainingSnapshot>> charts) {
        training.setCharts(charts);
    }

    /**
     * One action shown as a menu item and a toolbar button: same text, icon, shortcut, enabled state; the
     * button's tooltip names the shortcut.
     */
    private static final class Command {
        final String id;
        final String baseText;
        final Ikon icon;
        final KeyCombination accelerator;
        final Runnable handler;
        ObservableValue<String> text;
        BooleanExpression disabled;
        String extraShortcut;

        Command(String id, String text, Ikon icon, KeyCombination accelerator, Runnable handler) {
            this.id = id;
            this.baseText = text;
            this.icon = icon;
            this.accelerator = accelerator;
            this.handler = handler;
        }

        void disable(BooleanExpression when) {
            disabled = when;
        }

        void text(ObservableValue<String> value) {
            text = value;
        }

        MenuItem menuItem() {
            MenuItem item = new MenuItem(baseText, new FontIcon(icon));
            item.setId("menu-" + id);
            item.setMnemonicParsing(false);
            if (text != null) {
                item.textProperty().bind(text);
            }
            if (accelerator != null) {
                item.setAccelerator(accelerator);
            }
            if (disabled != null) {
                item.disableProperty().bind(disabled);
            }
            item.setOnAction(e -> handler.run());
            return item;
        }

        Button button() {
            Button button = new Button(null, new FontIcon(icon));
            button.setId(id + "-button");
            button.getStyleClass().add("tool-button");
            button.setFocusTraversable(false);
            Tooltip tip = new Tooltip();
            ObservableValue<String> label = text != null ? text : new SimpleStringProperty(baseText);
            tip.textProperty().bind(Bindings.createStringBinding(() -> label.getValue().replace("...", "")
                    + shortcutText(), label));
            button.setTooltip(tip);
            if (disabled != null) {
                button.disableProperty().bind(disabled);
            }
            button.setOnAction(e -> handler.run());
            return button;
        }

        private String shortcutText() {
            if (accelerator == null) {
                return "";
            }
            return " (" + accelerator.getDisplayText() + (extraShortcut != null ? ", " + extraShortcut : "") + ")";
        }
    }
}

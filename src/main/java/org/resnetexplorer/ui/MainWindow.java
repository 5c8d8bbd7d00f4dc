package org.resnetexplorer.ui;

import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.appearance.Appearance;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.diagnostics.IdleWarmUp;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.QuitWhileTraining;
import org.resnetexplorer.ui.document.Document;
import org.resnetexplorer.ui.document.DocumentActions;
import org.resnetexplorer.ui.document.RecentFiles;
import org.resnetexplorer.ui.document.Recovery;
import org.resnetexplorer.ui.document.RecoveryOffer;
import org.resnetexplorer.ui.editor.GraphView;
import org.resnetexplorer.ui.editor.LayerPalette;
import org.resnetexplorer.ui.experiments.ExperimentSession;
import org.resnetexplorer.ui.inspector.PropertiesPane;
import org.resnetexplorer.ui.layout.WindowLayout;
import org.resnetexplorer.ui.templates.TemplateDialog;
import org.resnetexplorer.ui.templates.TemplateList;
import org.resnetexplorer.ui.training.DatasetFollower;
import org.resnetexplorer.ui.training.RunsTable;
import org.resnetexplorer.ui.training.TrainingController;
import org.resnetexplorer.ui.training.TrainingPanel;
import org.resnetexplorer.ui.training.TrainingSetup;

/**
 * The main window, a shell: the menus and the toolbar on top, the palette and the templates on the left, the graph
 * in the centre, the totals, the properties of the selection and the training settings on the right, the charts
 * and the run list below, the status line at the bottom; a {@link WindowLayout} shares the room out (side panels
 * that step aside, the charts maximised or alone). It builds the parts, binds each {@link Action} to what it
 * does, and draws the graph whenever it changes; the parts do the rest.
 */
final class MainWindow {
    static final String TITLE = ExplorerApp.TITLE;
    /** The first-start example: the degradation story of PaperClaimsTest (a deep residual MLP and its twin). */
    static final String EXAMPLE = "mlp-resnet-20";
    static final String RESUME = Texts.get("main.resume");
    static final String STACK_TITLE = Texts.get("main.stack.title");
    static final String STACK_ASK = Texts.get("main.stack.ask");
    static final String STACK_REFUSED = Texts.get("main.stack.refused");
    static final String PALETTE = Texts.get("main.palette");
    static final String TOTALS = Texts.get("main.totals");
    static final String PROBLEMS = Texts.get("main.problems");
    static final String CANNOT_TRAIN = Texts.get("main.cannot.train");
    private static final String NODE_TRAINING = "training";

    private final Stage stage;
    private final Preferences prefs;
    private final Document document = new Document(example());
    private final Recovery recovery;
    private final DocumentActions documents;
    private final WindowGeometry geometry;
    private final GraphView graph = new GraphView();
    private final LayerPalette palette = new LayerPalette();
    private final Label totals = new Label();
    private final PropertiesPane properties;
    private final TrainingController training;
    private final TrainingPanel trainingPanel;
    private final RunsTable runsTable;
    private final ChartsPane charts;
    private final ExperimentSession experiments;
    private final StatusLine status;
    private final Appearance appearance;
    private final LanguageSwitch language;
    private final ExportActions exports;
    private final Commands commands = new Commands();
    private final BorderPane root = new BorderPane();
    private final WindowLayout layout;
    private boolean closed;

    MainWindow(Stage stage, WindowConfig config) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = config.preferences();
        this.recovery = new Recovery(config.recoveryFolder(), config.work());
        this.training = new TrainingController(config.work());
        this.charts = new ChartsPane(config.work());
        RecentFiles recent = new RecentFiles(prefs);
        this.documents = new DocumentActions(stage, config.files(), document, recovery, recent, config.autosaveDelay(),
                this::tell);
        this.geometry = new WindowGeometry(stage, prefs);
        this.properties = new PropertiesPane(document::edit, this::tell);
        this.trainingPanel = new TrainingPanel(training::setLearningRate, this::tell);
        this.runsTable = new RunsTable(training.runs());
        this.experiments = new ExperimentSession(stage, config.files(), config.work(), graph, charts, training.runs(),
                training.activeProperty(), this::tell, documents::openTemplate);
        this.status = new StatusLine(training, experiments);
        this.appearance = new Appearance(stage, prefs, charts, graph);
        this.language = new LanguageSwitch(stage, prefs, documents, this::keepSettings, this::closeForRestart,
                this::tell);
        this.exports = new ExportActions(stage, config.files(), recent::lastFolder, document::network, graph,
                this::tell);
        bindCommands();
        new RunExports(stage, config.files(), recent::lastFolder, training, runsTable, config.work(), this::tell)
                .bindTo(commands);
        this.layout = arrange();

        root.setId("main-window");
        root.setTop(new VBox(MainMenu.of(commands, recent.menu(), appearance.menuItems(), language.menu(),
                experiments.menu()), MainToolBar.of(commands)));
        root.setBottom(status.view());

        documents.setOnShow(this::showDocument);
        graph.selectionProperty().addListener((obs, old, now) -> properties.show(document.network(),
                graph.analysisProperty().get(), now));
        graph.setOnEdit(document::edit);
        graph.setOnViewChange(document::view);
        // the editor's message (a refused wire) goes from the status bar when the graph changes
        graph.messageProperty().addListener((obs, old, now) -> {
            if (now.isEmpty()) {
                status.withdraw(old);
            }
            tell(now);
        });
        palette.setOnChoose(graph::add);
        training.messageProperty().addListener((obs, old, now) -> tell(now));
        training.setCharts(charts::append);
        training.setStates(charts::appendStates);
        training.setRunData(charts::putRunData);
        DrawnPointsInWindow.connect(document, trainingPanel, training, charts.drawing(), config.files(), this::tell);
        RunsInCharts.connect(training.runs(), charts);
        LesionActions.connect(graph, runsTable, training.runs(), charts);
        runsTable.setOnMessage(this::tell);
        charts.setOnMessage(this::tell);
        trainingPanel.load(prefs.node(NODE_TRAINING));
        DatasetFollower follower = new DatasetFollower(trainingPanel, document::network, document::edit, this::tell,
                status::offer);
        follower.started(document.network());
        documents.setTemplateFit(follower::opening);
        documents.setOnFileOpened(follower::fileOpened);
        showDocument(document.state(), true);
    }

    /** Opens {@code start}'s template instead of the example and shows its training fields (a benchmark's hook). */
    void open(StartOptions start) {
        documents.openTemplate(start.network());
        trainingPanel.load(start.trainingFields());
    }

    /** The first-start example: mlp-resnet-20 with BatchNorm, width 16, for the 3-arm spiral. */
    static Network example() {
        return Templates.build(EXAMPLE, TemplateOptions.defaults().withWidth(16).withBatchNorm(true)
                .withClasses(TrainingSetup.DEFAULT_CLASSES));
    }

    private void bindCommands() {
        ReadOnlyObjectProperty<String> undoName = document.history().undoNameProperty();
        ReadOnlyObjectProperty<String> redoName = document.history().redoNameProperty();
        commands.bind(Action.NEW, documents::newDocument)
                .bind(Action.OPEN, documents::open)
                .bind(Action.SAVE, documents::save)
                .bind(Action.SAVE_AS, documents::saveAs)
                .bind(Action.QUIT, () -> {
                    if (close()) {
                        stage.close();
                    }
                })
                .bind(Action.UNDO, document.history()::undo, document.history().canUndoProperty().not())
                .text(Action.UNDO, Bindings.createStringBinding(() -> named(Action.UNDO, undoName.get()), undoName))
                .bind(Action.REDO, document.history()::redo, document.history().canRedoProperty().not())
                .text(Action.REDO, Bindings.createStringBinding(() -> named(Action.REDO, redoName.get()), redoName))
                .bind(Action.CUT, graph::cutSelection)
                .bind(Action.COPY, graph::copySelection)
                .bind(Action.PASTE, graph::paste, graph.canPasteProperty().not())
                .bind(Action.DELETE, graph::deleteSelection)
                .bind(Action.SELECT_ALL, graph::selectAll)
                .bind(Action.TEMPLATES, () -> new TemplateDialog(stage).showAndWait().ifPresent(documents::openTemplate))
                .bind(Action.ADD_BASIC, () -> graph.addResidualBlockAfterSelection(BlockKind.BASIC))
                .bind(Action.ADD_BOTTLENECK, () -> graph.addResidualBlockAfterSelection(BlockKind.BOTTLENECK))
                .bind(Action.ADD_PREACT, () -> graph.addResidualBlockAfterSelection(BlockKind.PREACT))
                .bind(Action.WRAP, graph::wrapSelectionInSkip)
                .bind(Action.TOGGLE_SHORTCUT, graph::toggleShortcutOfSelection)
                .bind(Action.STACK, this::stackBlocks)
                .bind(Action.COLLAPSE_ALL, () -> graph.collapseAll(true))
                .bind(Action.EXPAND_ALL, () -> graph.collapseAll(false))
                .bind(Action.AUTO_LAYOUT, graph::autoLayout)
                .bind(Action.FIT, graph::fitToView)
                .bind(Action.ZOOM_IN, graph::zoomIn)
                .bind(Action.ZOOM_OUT, graph::zoomOut)
                .bind(Action.ACTUAL_SIZE, graph::zoomToActualSize)
                .bind(Action.ZOOM_SELECTION, graph::zoomToSelection)
                .bind(Action.RUN, () -> startTraining(false), training.activeProperty().or(experiments.runningProperty()))
                .bind(Action.PAUSE, training::togglePause, training.activeProperty().not())
                .text(Action.PAUSE, Bindings.when(training.pausedProperty()).then(RESUME).otherwise(Action.PAUSE.text()))
                .bind(Action.STOP, training::stop, training.activeProperty().not())
                .bind(Action.CLEAR_RUNS, runsTable::clearEnded)
                .bind(Action.CONTINUE_TRAINING, new ContinueTraining(training, runsTable, documents, this::tell,
                        charts::latestState)::continueSelected, ContinueTraining.unavailable(training))
                .bind(Action.STEP, this::step, training.activeProperty().and(training.pausedProperty().not())
                        .or(experiments.runningProperty()))
                .bind(Action.EXPORT_CHART, () -> charts.showExportPngDialog(1))
                .bind(Action.EXPORT_CHART_2X, () -> charts.showExportPngDialog(2))
                .bind(Action.EXPORT_ALL, charts::showExportAllDialog)
                .bind(Action.EXPORT_CSV, charts::showExportCsvDialog)
                .bind(Action.EXPORT_GRAPH, exports::exportGraph)
                .bind(Action.EXPORT_PYTORCH, exports::exportPyTorch)
                .bind(Action.SHORTCUTS, () -> HelpDialogs.showShortcuts(stage))
                .bind(Action.ABOUT, () -> HelpDialogs.showAbout(stage));
    }

    /** "Undo" alone, or with the edit it undoes: "Undo Change units of dense1". */
    private static String named(Action action, String edit) {
        return edit == null || edit.isEmpty() ? action.text() : action.text() + " " + edit;
    }

    /**
     * While the window idles after start-up: has the run list make its rows, then rehearses the first run
     * off-screen {@code rounds} times ({@link IdleWarmUp}); {@code done} runs once all rounds are done.
     */
    void warmUpWhileIdle(int rounds, Runnable done) {
        new IdleWarmUp(stage, runsTable, () -> closed || training.activeProperty().get()).start(rounds, done);
    }

    /** Builds the scene, restores size and theme, shows the window, then offers to recover an autosaved graph. */
    void show() {
        Scene scene = new Scene(root, geometry.width(), geometry.height());
        scene.getStylesheets().add(MainWindow.class.getResource("explorer.css").toExternalForm());
        for (Action action : Action.values()) {
            action.alternative().ifPresent(key -> scene.getAccelerators().put(key, () -> commands.run(action)));
        }
        stage.setScene(scene);
        stage.titleProperty().bind(document.title(TITLE));
        geometry.restore();
        appearance.apply();
        stage.setOnCloseRequest(e -> {
            if (!close()) {
                e.consume();
            }
        });
        stage.show();
        Platform.runLater(() -> RecoveryOffer.offer(stage, recovery, documents, this::tell));
    }

    // ---------------------------------------------------------------------------------------------------------
    // layout

    private Region leftPane() {
        TemplateList templates = new TemplateList(documents::openTemplate);
        Label heading = new Label(TemplateList.HEADING);
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

    /**
     * The side panels, the graph above (in tabs beside an open experiment), the charts and the run list below,
     * shared out by the {@link WindowLayout}; binds the layout actions and the charts' corner button to it.
     */
    private WindowLayout arrange() {
        graph.setId("graph");
        WindowLayout made = new WindowLayout(root, prefs, leftPane(), experiments.view(), charts, runsTable, rightPane());
        commands.bind(Action.LEFT_PANE, made::toggleLeft).checked(Action.LEFT_PANE, made.leftShownProperty())
                .bind(Action.RIGHT_PANE, made::toggleRight).checked(Action.RIGHT_PANE, made.rightShownProperty())
                .bind(Action.MAXIMISE_CHARTS, made::toggleMaximised)
                .checked(Action.MAXIMISE_CHARTS, made.viewProperty().isEqualTo(WindowLayout.View.MAXIMISED))
                .bind(Action.CHARTS_ONLY, made::toggleChartsOnly)
                .checked(Action.CHARTS_ONLY, made.viewProperty().isEqualTo(WindowLayout.View.CHARTS_ONLY));
        Button corner = commands.button(Action.MAXIMISE_CHARTS);
        corner.getStyleClass().add("chart-corner-button");
        made.viewProperty().addListener((o, was, now) -> ((FontIcon) corner.getGraphic()).setIconCode(
                now == WindowLayout.View.MAXIMISED ? MaterialDesignA.ARROW_COLLAPSE_ALL : MaterialDesignA.ARROW_EXPAND_ALL));
        made.setCorner(corner);
        charts.setOnTabDoubleClick(made::toggleMaximised);
        appearance.presentationProperty().addListener((o, was, now) -> made.setPresentation(now));
        return made;
    }

    private Region rightPane() {
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

    /**
     * Draws {@code state} in the editor, its totals above the properties and the properties of the selection; a
     * new document opens at its top. The editor analyses the graph once; the totals and the properties use that.
     */
    private void showDocument(GraphDocument state, boolean fresh) {
        Network network = state.network();
        graph.show(state);
        if (fresh) {
            Platform.runLater(graph::showTop);
        }
        Analysis analysis = graph.analysisProperty().get();
        String text = String.format(TOTALS, network.name(), Counts.grouped(analysis.totalParams()),
                Counts.abbreviated(analysis.totalParams()), Counts.abbreviated(analysis.totalMacs()),
                Texts.count("count.layers", analysis.summary().size()));
        if (!analysis.errors().isEmpty()) {
            text += String.format(PROBLEMS, Texts.count("count.problems", analysis.errors().size()),
                    analysis.errors().get(0).message());
        }
        totals.setText(text);
        properties.show(network, analysis, graph.selectionProperty().get());
    }

    /** Asks how many copies of the selected block to stack, then stacks them (one undoable edit). */
    private void stackBlocks() {
        TextInputDialog ask = new TextInputDialog("3");
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

    private void step() {
        if (!training.activeProperty().get()) {
            startTraining(true);
        }
        training.step();
    }

    private void startTraining(boolean paused) {
        try {
            TrainingSetup setup = trainingPanel.setup();
            trainingPanel.save(prefs.node(NODE_TRAINING));
            training.start(document.network(), setup, paused, document.trainedWeights());
        } catch (IllegalArgumentException e) {
            tell(e.getMessage());
            ErrorDialog.show(stage, CANNOT_TRAIN, e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // closing

    /**
     * Asks before stopping a training that runs and about unsaved changes, then stops training and keeps the
     * settings; false if the user cancels.
     */
    boolean close() {
        if (closed) {
            return true;
        }
        boolean running = training.activeProperty().get() || experiments.runningProperty().get();
        if (running && !QuitWhileTraining.confirm(stage) || !documents.confirmDiscard()) {
            return false;
        }
        closed = true;
        training.shutdown();
        experiments.shutdown();
        keepSettings();
        documents.close(true);
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the settings are lost, the work is not
        }
        return true;
    }

    /** Writes the window's size and the training settings to the preferences. */
    private void keepSettings() {
        geometry.save();
        trainingPanel.save(prefs.node(NODE_TRAINING));
    }

    /** The app restarts in a new language, the graph handed over: closes without asking or discarding. */
    private void closeForRestart() {
        closed = true;
        documents.close(false);
        training.shutdown();
        experiments.shutdown();
        stage.close();
    }

    /** Shows {@code message} in the status bar. */
    void tell(String message) {
        status.tell(message);
    }

    // for ExplorerApp and the tests

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

    WindowLayout layout() {
        return layout;
    }

    void relauncher(LanguageSwitch.Relauncher value) {
        language.setRelauncher(value);
    }
}

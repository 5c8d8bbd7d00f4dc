package org.resnetexplorer.ui.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.resnetexplorer.charts.Legend;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.experiments.Claim;
import org.resnetexplorer.experiments.Experiment;
import org.resnetexplorer.experiments.ExperimentFileException;
import org.resnetexplorer.experiments.ExperimentResult;
import org.resnetexplorer.charts.StudyCharts;
import org.resnetexplorer.experiments.ExperimentRunner;
import org.resnetexplorer.experiments.Experiments;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.charts.ChartView;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunRecords;
import org.resnetexplorer.ui.training.SnapshotQueue;
import org.resnetexplorer.ui.training.WindowCores;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * The Experiments menu and what it opens: the paper's experiments in miniature (the bundled presets, or a
 * preset file of the user's), shown in an {@link ExperimentPanel} in a tab beside the graph. Run trains the
 * experiment's runs, up to (cores - 1) at once ({@link WindowCores}), with an {@link ExperimentRunner} started on a
 * background thread; their
 * snapshots reach the charts (and the run list) once per pulse through a {@link SnapshotQueue}, so the runs
 * overlay live in the chart tab that tells the experiment's story. Use on the FX thread.
 */
public final class ExperimentSession {
    static final String MENU = Texts.get("experimentSession.menu");
    static final String MENU_TOY = Texts.get("experimentSession.menu.toy");
    static final String MENU_IMAGES = Texts.get("experimentSession.menu.images");
    static final String MENU_STUDIES = Texts.get("experimentSession.menu.studies");
    public static final String OPEN_FILE = Texts.get("experimentSession.open.file");
    public static final String SAVE_AS = Texts.get("experimentSession.save.as");
    static final String TAB_GRAPH = Texts.get("experimentSession.tab.graph");
    static final String TAB_EXPERIMENT = Texts.get("experimentSession.tab.experiment");
    static final String TAB_EXPERIMENT_TITLE = Texts.get("experimentSession.tab.experiment.title");
    static final String OPEN_FAILED = Texts.get("experimentSession.open.failed");
    static final String SAVE_FAILED = Texts.get("experimentSession.save.failed");
    static final String SAVE_FAILED_DETAIL = Texts.get("experimentSession.save.failed.detail");
    static final String RUN_FAILED = Texts.get("experimentSession.run.failed");
    static final String SAVED = Texts.get("experimentSession.saved");
    static final String OPENED = Texts.get("experimentSession.opened");
    static final String STARTED = Texts.get("experimentSession.started");
    static final String STARTED_PARALLEL = Texts.get("experimentSession.started.parallel");
    static final String RUN_STATUS = Texts.get("experimentSession.run.status");
    static final String SPEED = Texts.get("experimentSession.speed");
    static final String DONE = Texts.get("experimentSession.done");
    static final String COUNTED = Texts.get("experimentSession.counted");
    static final String STOPPING = Texts.get("experimentSession.stopping");
    static final String STOPPED = Texts.get("experimentSession.stopped");
    static final String STOPPED_REASON = Texts.get("experimentSession.stopped.reason");
    static final String STUDYING = Texts.get("experimentSession.studying");
    static final String STUDY_FAILED = Texts.get("experimentSession.study.failed");
    static final String OPENED_RUN = Texts.get("experimentSession.opened.run");
    static final String UNREADABLE_BUNDLED = Texts.get("experimentSession.unreadable.bundled");
    /** Between an experiment's id and its run's name in the run list. */
    static final String NAME_JOIN = Legend.GROUP_JOIN;

    private final Stage stage;
    private final FileDialogs files;
    private final BackgroundWork work;
    private final ChartsPane charts;
    private final ObservableList<RunRecord> runList;
    private final BooleanExpression editorBusy;
    private final Consumer<String> tell;
    private final Predicate<Network> openInEditor;
    private final ExperimentPanel panel;
    private final BorderPane holder = new BorderPane();
    private final Node graph;
    private final TabPane tabs = new TabPane();
    private final Tab graphTab = new Tab(TAB_GRAPH);
    private final Tab experimentTab = new Tab(TAB_EXPERIMENT);
    private final CheckMenuItem fullItem = new CheckMenuItem(ExperimentPanel.FULL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    /**
     * Each experiment's runs in the run list and the charts (of its last run), by experiment id: they stay when
     * another experiment opens or runs; a re-run of the same experiment replaces them (decision 0020).
     */
    private final Map<String, RunRecords> runsOf = new java.util.HashMap<>();
    /** The runs of the experiment running now (or last run), by their names in the run list. */
    private RunRecords records = new RunRecords();
    /** The id of the experiment running now (or last run): its runs' names start with it. */
    private String runningId = "";
    /** The dataset of the experiment running or run last; empty for one that counts without training. */
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    /** The share of the centre's height the Experiment tab takes at least (the charts keep the rest). */
    static final double EXPERIMENT_DIVIDER = 0.6;
    private double dividerBefore = Double.NaN;
    private String presetText;
    private String presetFile;
    private Path lastFolder;
    private ExperimentRunner runner;
    private SnapshotQueue queue;
    private int runCount;
    /** The runs in progress and the share done, several runs at once (decision 0025). */
    private final ExperimentProgress runProgress = new ExperimentProgress();

    /**
     * @param graph        the editor, shown in the Graph tab once an experiment is open
     * @param runList      the window's run list: the experiment's runs join it (and so the charts)
     * @param editorBusy   true while the editor's graph trains: no experiment starts meanwhile
     * @param openInEditor opens a network as a new untitled graph (asking about unsaved changes); false if not
     */
    public ExperimentSession(Stage stage, FileDialogs files, BackgroundWork work, Node graph, ChartsPane charts, ObservableList<RunRecord> runList,
            BooleanExpression editorBusy, Consumer<String> tell, Predicate<Network> openInEditor) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.files = Objects.requireNonNull(files, "files");
        this.work = Objects.requireNonNull(work, "work");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.runList = Objects.requireNonNull(runList, "runList");
        this.editorBusy = Objects.requireNonNull(editorBusy, "editorBusy");
        this.tell = Objects.requireNonNull(tell, "tell");
        this.openInEditor = Objects.requireNonNull(openInEditor, "openInEditor");
        this.panel = new ExperimentPanel(this::run, this::stop, this::openRun);
        panel.runningProperty().bind(running);
        panel.blockedProperty().bind(editorBusy);
        fullItem.selectedProperty().bindBidirectional(panel.fullProperty());
        fullItem.selectedProperty().addListener((o, was, now) -> {
            if (panel.experiment() != null) {
                panel.setTotalSteps(panel.experiment().settings(now).steps());
            }
        });
        graphTab.setId("tab-graph");
        graphTab.setClosable(false);
        experimentTab.setId("tab-experiment");
        experimentTab.setContent(panel);
        experimentTab.closableProperty().bind(running.not());
        experimentTab.setOnClosed(e -> hideTabs());
        tabs.setId("centre-tabs");
        holder.setId("centre-holder");
        holder.setCenter(graph);
    }

    /** The language of the presets' texts: Chinese where the JVM's locale is Chinese, else English. */
    public static String language() {
        return org.resnetexplorer.i18n.Texts.language().code();
    }

    /** Where the editor goes in the window: alone, or in a Graph tab beside the Experiment tab once one is open. */
    public Node view() {
        return holder;
    }

    public ExperimentPanel panel() {
        return panel;
    }

    /** Whether an experiment trains (or counts) now. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The whole experiment's progress, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Run 2 of 6, step 300 / 600", for the status bar. */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** The dataset of the experiment running or run last (empty if it trains nothing), for the status bar. */
    public ReadOnlyStringProperty datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /**
     * The Experiments menu: the presets on toy data (seconds each), then those on images (minutes each), then those
     * that study trained networks (why residual nets work), each group under a heading and in the bundled order; then
     * open, save, and the full setting.
     */
    public Menu menu() {
        Menu menu = new Menu(MENU);
        menu.setId("menu-experiments");
        List<MenuItem> toy = new ArrayList<>();
        List<MenuItem> images = new ArrayList<>();
        List<MenuItem> studies = new ArrayList<>();
        for (String id : Experiments.BUNDLED) {
            String text;
            List<MenuItem> group = toy;
            try {
                Experiment experiment = Experiments.bundled(id);
                text = Experiment.text(experiment.title(), language());
                if (experiment.study() != null) {
                    group = studies;
                } else if (experiment.trains() && !Datasets.isGenerated(experiment.dataset())) {
                    group = images;
                }
            } catch (ExperimentFileException e) {
                text = String.format(UNREADABLE_BUNDLED, id);
            }
            MenuItem item = new MenuItem(text);
            item.setId("menu-experiment-" + id);
            item.setMnemonicParsing(false);
            item.disableProperty().bind(running);
            item.setOnAction(e -> openBundled(id));
            group.add(item);
        }
        menu.getItems().add(heading(MENU_TOY, "menu-experiments-toy"));
        menu.getItems().addAll(toy);
        menu.getItems().addAll(new SeparatorMenuItem(), heading(MENU_IMAGES, "menu-experiments-images"));
        menu.getItems().addAll(images);
        if (!studies.isEmpty()) {
            menu.getItems().addAll(new SeparatorMenuItem(), heading(MENU_STUDIES, "menu-experiments-studies"));
            menu.getItems().addAll(studies);
        }
        MenuItem open = new MenuItem(OPEN_FILE);
        open.setId("menu-experiment-open");
        open.disableProperty().bind(running);
        open.setOnAction(e -> openFile());
        MenuItem save = new MenuItem(SAVE_AS);
        save.setId("menu-experiment-save-as");
        save.disableProperty().bind(shown.not());
        save.setOnAction(e -> saveAs());
        fullItem.setId("menu-experiment-full");
        fullItem.disableProperty().bind(running);
        menu.getItems().addAll(new SeparatorMenuItem(), open, save, new SeparatorMenuItem(), fullItem);
        return menu;
    }

    /** A group's heading in the menu: a disabled item, read as a label (and by a screen reader). */
    private static MenuItem heading(String text, String id) {
        MenuItem heading = new MenuItem(text);
        heading.setId(id);
        heading.setMnemonicParsing(false);
        heading.setDisable(true);
        return heading;
    }

    // ---------------------------------------------------------------------------------------------------------
    // opening and saving presets

    public void openBundled(String id) {
        try {
            show(Experiments.bundled(id), Experiments.bundledText(id), id + ".json");
        } catch (ExperimentFileException e) {
            error(OPEN_FAILED, e.getMessage());
        }
    }

    private void openFile() {
        files.openExperiment(stage, lastFolder).ifPresent(this::openFile);
    }

    /** Opens a preset file, or says what is wrong with it (file and field). */
    void openFile(Path file) {
        try {
            String text = Experiments.text(file);
            Experiment experiment = Experiments.read(text, file);
            lastFolder = file.toAbsolutePath().getParent();
            show(experiment, text, file.getFileName().toString());
        } catch (ExperimentFileException e) {
            error(OPEN_FAILED, e.getMessage());
        }
    }

    private void saveAs() {
        if (presetText == null) {
            return;
        }
        files.saveExperiment(stage, lastFolder, presetFile).ifPresent(this::saveTo);
    }

    /** Writes the open preset's text to {@code file} (atomically), for the user to change and reopen. */
    boolean saveTo(Path file) {
        try {
            AtomicFiles.writeText(presetText, file);
        } catch (IOException | RuntimeException e) {
            error(SAVE_FAILED, String.format(SAVE_FAILED_DETAIL, file, e.getMessage()));
            return false;
        }
        lastFolder = file.toAbsolutePath().getParent();
        tell.accept(String.format(SAVED, file.getFileName()));
        return true;
    }

    private void show(Experiment experiment, String text, String fileName) {
        if (running.get()) {
            return;
        }
        presetText = text;
        presetFile = fileName;
        panel.show(experiment, language(), experiment.settings(fullItem.isSelected()).steps());
        if (experiment.trains() && runsOf.containsKey(experiment.id())) {
            charts.showDataset(experiment.dataset()); // its runs, kept from its last run
        }
        experimentTab.setText(String.format(TAB_EXPERIMENT_TITLE, Experiment.text(experiment.title(), language())));
        showTabs();
        tabs.getSelectionModel().select(experimentTab);
        shown.set(true);
        tell.accept(String.format(OPENED, Experiment.text(experiment.title(), language())));
        if (!experiment.trains() && experiment.study() == null) {
            run(); // counting takes a moment: show the table at once
        } else {
            selectStoryChart(experiment);
            // after the menu has closed and handed the focus back: then Enter or Space starts the experiment
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(200));
            later.setOnFinished(e -> panel.focusRun());
            later.play();
        }
    }

    private void showTabs() {
        if (holder.getCenter() == tabs) {
            return;
        }
        holder.setCenter(null);
        graphTab.setContent(graph);
        tabs.getTabs().setAll(graphTab, experimentTab);
        holder.setCenter(tabs);
        // the panel takes a little more of the height from the charts while it shows, and gives it back after
        split().ifPresent(split -> {
            dividerBefore = split.getDividerPositions()[0];
            if (dividerBefore < EXPERIMENT_DIVIDER) {
                split.setDividerPositions(EXPERIMENT_DIVIDER);
            }
        });
    }

    private void hideTabs() {
        holder.setCenter(null);
        graphTab.setContent(null);
        tabs.getTabs().clear();
        holder.setCenter(graph);
        shown.set(false);
        split().ifPresent(split -> {
            if (!Double.isNaN(dividerBefore)) {
                split.setDividerPositions(dividerBefore);
            }
        });
    }

    /** The split pane that holds this view (the graph above the charts), if any. */
    private java.util.Optional<SplitPane> split() {
        for (javafx.scene.Parent p = holder.getParent(); p != null; p = p.getParent()) {
            if (p instanceof SplitPane split && split.getItems().contains(holder) && !split.getDividers().isEmpty()) {
                return java.util.Optional.of(split);
            }
        }
        return java.util.Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // running

    /** Trains (or counts) the shown experiment's runs in the background; nothing if one runs or the editor trains. */
    void run() {
        Experiment experiment = panel.experiment();
        if (experiment == null || running.get() || (experiment.trains() && editorBusy.get())) {
            return;
        }
        boolean full = fullItem.isSelected();
        int steps = experiment.settings(full).steps();
        panel.showForRun(experiment, language(), steps);
        forgetRuns(experiment.id());
        runningId = experiment.id();
        records = runsOf.computeIfAbsent(runningId, id -> new RunRecords());
        if (experiment.trains()) {
            selectStoryChart(experiment);
        }
        runCount = experiment.runs().size();
        runProgress.reset(runCount);
        progress.set(0);
        speedText.set("");
        stepText.set("");
        dataset.set(experiment.trains() ? experiment.dataset() : "");
        int jobs = Math.min(runCount, WindowCores.experimentJobs(WindowCores.available()));
        ExperimentRunner next = new ExperimentRunner(experiment, full, jobs);
        next.useThreads(WindowCores.trainingCores(WindowCores.available()));
        SnapshotQueue snapshots = new SnapshotQueue(this::deliver);
        // under the names the charts know the runs by, as the snapshots are (listed)
        snapshots.setStates(batch -> charts.appendStates(batch.stream().map(s -> s.withRun(listName(runningId,
                s.run()))).toList()));
        next.addListener(new Relay(next, snapshots, experiment.trains() ? experiment.dataset() : ""));
        Task<ExperimentResult> task = new Task<>() {
            @Override
            protected ExperimentResult call() throws DatasetException, ExperimentFileException {
                return next.run();
            }

            @Override
            protected void cancelled() {
                next.stop();
            }
        };
        task.setOnSucceeded(e -> finished(task.getValue()));
        task.setOnFailed(e -> failed(task.getException()));
        runner = next;
        queue = snapshots;
        running.set(true);
        snapshots.start();
        if (experiment.trains()) {
            panel.setProgress(0, String.format(ExperimentPanel.LOADING, experiment.dataset()));
            tell.accept(jobs == 1 ? String.format(STARTED, Texts.count("count.runs", runCount), experiment.dataset())
                    : String.format(STARTED_PARALLEL, Texts.count("count.runs", runCount), experiment.dataset(), jobs));
        }
        work.start("experiment-runner", task);
    }

    /** Stops the runs in progress and skips the rest; the claims stay unchecked. */
    void stop() {
        if (running.get() && runner != null) {
            runner.stop();
            tell.accept(STOPPING);
        }
    }

    /** Stops everything at once (the window is closing). */
    public void shutdown() {
        if (runner != null) {
            runner.stop();
        }
        if (queue != null) {
            queue.stop();
        }
    }

    /**
     * The chart tab that tells the experiment's story: gradients for gradient claims, Fig. 7 for responses, the Study
     * tab for a study of networks that do not train (there are no curves to follow).
     */
    public static ChartKind storyChart(Experiment experiment) {
        if (!experiment.trains() && experiment.study() != null) {
            return ChartKind.STUDY;
        }
        List<Claim.Figure> figures = experiment.claims().stream().map(Claim::figure).toList();
        if (figures.contains(Claim.Figure.GRADIENT_RATIO)) {
            return ChartKind.GRADIENT_DEPTH;
        }
        if (figures.contains(Claim.Figure.RESPONSE_STD)) {
            return ChartKind.RESPONSE_STD;
        }
        return ChartKind.ERROR_CURVES;
    }

    /**
     * The step the story chart opens at: the first measured step for gradient claims (they compare the gradients
     * as training starts, before the plain nets' weights adapt), else none (the latest, following the runs).
     */
    public static java.util.OptionalInt storyStep(Experiment experiment) {
        return experiment.claims().stream().anyMatch(c -> c.figure() == Claim.Figure.GRADIENT_RATIO)
                ? java.util.OptionalInt.of(1) : java.util.OptionalInt.empty();
    }

    private void selectStoryChart(Experiment experiment) {
        ChartKind kind = storyChart(experiment);
        for (ChartView view : charts.charts()) {
            if (view.kind() == kind) {
                charts.select(view);
                storyStep(experiment).ifPresent(view::chooseStep);
            }
        }
    }

    /**
     * Takes the runs of the experiment's last run out of the run list and the charts (the user's own runs and other
     * experiments' stay): it runs again.
     */
    private void forgetRuns(String experimentId) {
        RunRecords old = runsOf.remove(experimentId);
        if (old != null) {
            for (RunRecord record : old.all()) {
                runList.remove(record);
                charts.removeRun(record.name());
            }
        }
    }

    /**
     * A run's name in the run list and the charts: the experiment's id, then the preset's name for the run
     * ("plain-vs-resnet · plain-20"), unique across experiments; the preset's name stays in the table and files.
     */
    static String listName(String experimentId, String run) {
        return experimentId + NAME_JOIN + run;
    }

    /** The snapshots under their names in the run list. */
    private List<TrainingSnapshot> listed(List<TrainingSnapshot> batch) {
        List<TrainingSnapshot> renamed = new java.util.ArrayList<>(batch.size());
        for (TrainingSnapshot s : batch) {
            renamed.add(new TrainingSnapshot(listName(runningId, s.run()), s.step(), s.totalSteps(), s.loss(),
                    s.batchError(), s.trainError(), s.testError(), s.learningRate(), s.stepsPerSecond(),
                    s.gradNorms(), s.responseStd(), s.residuals()));
        }
        return renamed;
    }

    private void started(String run, Network network, Analysis analysis, int index, int count, String dataset) {
        ExperimentPanel.Row row = panel.row(run);
        runCount = count;
        if (row == null) {
            return;
        }
        runProgress.started(run, index, row.totalSteps, row.spec.train());
        row.network = network;
        row.layers.set(weightedLayers(network));
        row.params.set(analysis.totalParams());
        row.macs.set(analysis.totalMacs());
        if (row.spec.train()) {
            row.status.set(RunStatus.RUNNING);
            boolean residual = network.blocks().stream().map(Block::name).anyMatch(network::hasShortcut);
            RunRecord record = new RunRecord(listName(runningId, run), ExperimentPanel.model(row.spec), dataset, !residual,
                    row.totalSteps);
            record.statusProperty().set(RunStatus.RUNNING);
            records.add(record);
            runList.add(listPlace(index), record);
            showProgress();
        } else {
            progress.set(runProgress.fraction());
            panel.setProgress(progress.get(), String.format(ExperimentPanel.PROGRESS_COUNT, index + 1, count, run));
        }
    }

    /**
     * Where run {@code index} joins the run list: before the experiment's later runs already there (runs that train
     * at once start in any order), else at the end.
     */
    private int listPlace(int index) {
        int place = runList.size();
        List<Experiment.RunSpec> specs = panel.experiment().runs();
        for (int later = index + 1; later < specs.size(); later++) {
            RunRecord record = records.get(listName(runningId, specs.get(later).name()));
            int at = record == null ? -1 : runList.indexOf(record);
            if (at >= 0) {
                place = Math.min(place, at);
            }
        }
        return place;
    }

    /** Convolutions and dense layers: the depth as the paper counts it. */
    static int weightedLayers(Network network) {
        return (int) network.nodes().stream().filter(n -> n.layer() instanceof Conv2D || n.layer() instanceof Dense)
                .count();
    }

    /** The share done and the runs in progress (or the run that ended last), in the status bar and the panel. */
    private void showProgress() {
        double fraction = runProgress.fraction();
        progress.set(fraction);
        stepText.set(runProgress.statusText());
        panel.setProgress(fraction, runProgress.panelText());
    }

    /** A pulse's snapshots: the table, the progress, the run list, then the charts (one redraw). */
    private void deliver(List<TrainingSnapshot> batch) {
        Map<String, TrainingSnapshot> latest = new LinkedHashMap<>();
        for (TrainingSnapshot s : batch) {
            latest.put(s.run(), s);
            ExperimentPanel.Row row = panel.row(s.run());
            if (s.hasTestError() && row != null) {
                row.testError.set(s.testError());
            }
            if (s.hasTrainError() && row != null) {
                row.trainError.set(s.trainError());
            }
        }
        latest.forEach((run, s) -> {
            ExperimentPanel.Row row = panel.row(run);
            if (row != null) {
                row.step.set(s.step());
                runProgress.stepped(run, s.step(), s.stepsPerSecond());
            }
        });
        if (!latest.isEmpty()) {
            showProgress();
        }
        if (!latest.isEmpty() && runProgress.inProgress()) {
            // the runs in progress together: the experiment's pace, whatever the number training at once
            speedText.set(String.format(Locale.ROOT, SPEED, runProgress.stepsPerSecond()));
        }
        List<TrainingSnapshot> listed = listed(batch);
        records.update(listed);
        charts.append(listed);
    }

    private void ended(String run, RunResult result) {
        ExperimentPanel.Row row = panel.row(run);
        if (row != null) {
            row.status.set(result.status());
            row.message.set(result.message());
        }
        runProgress.ended(run, result.steps());
        showProgress();
        records.ended(listName(runningId, run), result);
    }

    private void finished(ExperimentResult result) {
        queue.stop();
        running.set(false);
        runProgress.over();
        stepText.set(runProgress.statusText());
        speedText.set(""); // a speed after the end would read as if it still trained
        boolean complete = true;
        for (ExperimentResult.Run run : result.runs()) {
            ExperimentPanel.Row row = panel.row(run.spec().name());
            if (row == null) {
                continue;
            }
            String name = run.spec().name();
            row.figures.set(ExperimentPanel.figures(f -> result.figure(name, f)));
            if (run.spec().train()) {
                // the figures the claims compare: the training error of the evaluations in the last tenth of the steps
                row.trainError.set(result.figure(name, Claim.Figure.TRAIN_ERROR));
                row.testError.set(result.figure(name, Claim.Figure.TEST_ERROR));
                row.status.set(run.result().status());
                complete &= run.result().status() != RunStatus.STOPPED;
                RunRecord record = records.get(listName(runningId, name));
                if (record != null && !Double.isNaN(row.trainError.get())) {
                    record.trainErrorProperty().set(row.trainError.get()); // the same figure in both tables
                }
            }
        }
        // a stop during the study leaves every run finished and the study unmeasured: stopped too, not "not shown"
        complete &= result.experiment().study() == null || result.study().isPresent()
                || result.studyFailure().isPresent();
        if (!complete) {
            panel.showNotChecked(STOPPED_REASON);
            panel.setProgress(progress.get(), ExperimentPanel.STOPPED);
            tell.accept(STOPPED);
            return;
        }
        if (result.studyFailure().isPresent()) {
            String why = String.format(STUDY_FAILED, result.studyFailure().get());
            panel.showNotChecked(why);
            panel.setProgress(progress.get(), why);
            tell.accept(why);
            return;
        }
        List<Claim.Outcome> outcomes = result.outcomes();
        panel.showOutcomes(outcomes);
        result.study().ifPresent(study -> {
            panel.showStudy(study.lines(language()));
            charts.showStudy(StudyCharts.of(study.findings()));
        });
        long holding = outcomes.stream().filter(Claim.Outcome::holds).count();
        progress.set(1);
        panel.setProgress(1, String.format(ExperimentPanel.DONE, Texts.count("count.runs", result.runs().size()), holding,
                outcomes.size()));
        tell.accept(result.experiment().trains() ? String.format(DONE, holding, outcomes.size())
                : String.format(COUNTED, Texts.count("count.networks", result.runs().size()), holding, outcomes.size()));
    }

    private void failed(Throwable failure) {
        queue.stop();
        running.set(false);
        runProgress.over();
        stepText.set(runProgress.statusText());
        speedText.set(""); // a speed after the end would read as if it still trained
        String message = failure instanceof DatasetException || failure instanceof ExperimentFileException
                || failure instanceof IllegalArgumentException ? failure.getMessage() : String.valueOf(failure);
        panel.showNotChecked(message);
        panel.setProgress(0, message);
        tell.accept(message);
        error(RUN_FAILED, message);
    }

    // ---------------------------------------------------------------------------------------------------------
    // opening a run's network

    private void openRun(ExperimentPanel.Row row) {
        if (row.network != null) {
            openNetwork(row, row.network);
            return;
        }
        // not run yet: build it from its template (the big ImageNet ones take a moment) off the FX thread
        Task<Network> build = new Task<>() {
            @Override
            protected Network call() {
                return ExperimentRunner.network(row.spec, null);
            }
        };
        build.setOnSucceeded(e -> openNetwork(row, build.getValue()));
        build.setOnFailed(e -> tell.accept(String.valueOf(build.getException().getMessage())));
        work.start("experiment-network", build);
    }

    private void openNetwork(ExperimentPanel.Row row, Network network) {
        if (openInEditor.test(network)) {
            tabs.getSelectionModel().select(graphTab);
            tell.accept(String.format(OPENED_RUN, row.name()));
        }
    }

    private void error(String title, String message) {
        ErrorDialog.show(stage, title, message);
    }

    /** Hands the runner's news to the FX thread: snapshots through the queue, the rest with runLater. */
    private final class Relay implements ExperimentRunner.Listener {
        private final java.util.concurrent.atomic.AtomicReference<StudyStep> studyStep =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final ExperimentRunner source;
        private final SnapshotQueue snapshots;
        private final String dataset;

        Relay(ExperimentRunner source, SnapshotQueue snapshots, String dataset) {
            this.source = source;
            this.snapshots = snapshots;
            this.dataset = dataset;
        }

        @Override
        public void runStarted(String run, Network network, int index, int count) {
            Analysis analysis = Analysis.of(network); // on the runner's thread: big networks take a moment
            java.util.Optional<Dataset> data = source.dataset();
            Platform.runLater(() -> {
                data.ifPresent(d -> charts.putRunData(listName(runningId, run), d));
                started(run, network, analysis, index, count, dataset);
            });
        }

        @Override
        public void snapshot(TrainingSnapshot snapshot) {
            snapshots.snapshot(snapshot);
        }

        @Override
        public boolean wantsStates() {
            return snapshots.wantsStates();
        }

        @Override
        public void state(NetworkState state) {
            snapshots.state(state);
        }

        @Override
        public void runFinished(String run, RunResult result) {
            Platform.runLater(() -> ended(run, result));
        }

        /** The study's progress: one update a pulse at most (a grid reports every row). */
        @Override
        public void studyProgress(double done, String what) {
            if (studyStep.getAndSet(new StudyStep(done, what)) == null) {
                Platform.runLater(() -> {
                    StudyStep latest = studyStep.getAndSet(null);
                    progress.set(latest.done());
                    panel.setProgress(latest.done(), String.format(STUDYING, latest.what()));
                });
            }
        }
    }

    /** The study's latest progress, waiting for the FX thread (null once shown). */
    private record StudyStep(double done, String what) {
    }
}

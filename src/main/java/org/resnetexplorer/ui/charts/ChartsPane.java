package org.resnetexplorer.ui.charts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.work.BackgroundWork;

/**
 * The live charts of every run compared, in tabs: error curves (or loss), the gradient-norm heatmap, gradient
 * norms of chosen layers, gradient norm against depth, the residual-response histogram, the paper's Fig. 7, the
 * decision regions and the layers of a network of 2-D data, and for runs on images their predictions on the test
 * images, the confusion matrix and the feature maps of a test image (x, F(x) and x + F(x) of a block); the views
 * that run a network do it off the FX thread.
 *
 * <p>The host adds runs ({@link #addRun}) and hands over snapshots on the FX thread ({@link #append}, at most
 * once per pulse, as {@code SnapshotQueue} does); the pane redraws on the next pulse, only the tab that shows.
 * The charts draw the runs of one dataset at a time ({@link #showDataset}, with a chooser above the tabs when
 * there are several) that are not hidden ({@link #setRunShown}, or a click on a run's legend entry), under the
 * names the host gives them ({@link #renameRun}).
 * Each chart exports as PNG (context menu, or {@link ChartView#exportPng}); {@link #exportAll} writes them all,
 * {@link #exportCsv} the measurements. The {@code show...Dialog} methods ask for a file first, for the host's
 * menu and toolbar; they report errors in an alert and successes through {@link #setOnMessage}.
 */
public final class ChartsPane extends BorderPane {
    static final String EXPORT_PNG_TITLE = Texts.get("chartsPane.export.png.title");
    static final String EXPORT_ALL_TITLE = Texts.get("chartsPane.export.all.title");
    static final String EXPORT_CSV_TITLE = Texts.get("chartsPane.export.csv.title");
    static final String EXPORT_FAILED = Texts.get("chartsPane.export.failed");
    static final String PNG_FILES = Texts.get("chartsPane.png.files");
    static final String CSV_FILES = Texts.get("chartsPane.csv.files");
    static final String DEFAULT_CSV = "metrics.csv";
    static final String AT_SCALE = " (%dx)";
    static final String COULD_NOT_EXPORT = Texts.get("chartsPane.could.not.export");
    static final String WROTE_FILE = Texts.get("chartsPane.wrote.file");
    static final String WROTE_FILES = Texts.get("chartsPane.wrote.files");

    private final RunStore store = new RunStore();
    private final NetworkStates states = new NetworkStates();
    private final RunData data = new RunData();
    private final Drawing drawing = new Drawing();
    private final BackgroundWork work;
    /** The runs' predictions on their test images, shared by the gallery and the confusion matrix. */
    private final RunPredictions predictions;
    /** Paints this pane's charts off the FX thread, one at a time. */
    private final Executor renderer;
    private final TabPane tabs = new TabPane();
    private final List<ChartView> views = new ArrayList<>();
    /** The Study tab: the pictures of the last study an experiment measured. */
    private final StudyView study;
    /** Blocks of the runs' trained states deleted at test time. */
    private final RunLesions lesions;
    private ChartTimes times = ChartTimes.NONE;
    /** Runs after each pulse's layout, so a redraw sees the new sizes and the snapshots appended in that pulse. */
    private final Runnable afterLayout = this::redrawVisible;
    private boolean redrawRequested;
    private Consumer<String> onMessage = message -> { };
    private Path lastFolder;
    private ChartStyle chartStyle = ChartStyle.LIGHT;
    private final DatasetChooser datasetChooser = new DatasetChooser(this::showDataset);
    private java.util.function.BiConsumer<String, Boolean> onRunShown = (run, shown) -> { };

    /** Charts that paint and export on background threads of their own. */
    public ChartsPane() {
        this(BackgroundWork.threads());
    }

    /** Charts that paint and export through {@code work}. */
    public ChartsPane(BackgroundWork work) {
        this.work = Objects.requireNonNull(work, "work");
        this.renderer = work.inOrder("chart-renderer");
        this.predictions = new RunPredictions(work.inOrder("predictions"), states, data);
        this.lesions = new RunLesions(this, work.inOrder("lesions"));
        getStyleClass().add("charts-pane");
        setId("charts");
        getStylesheets().add(Objects.requireNonNull(ChartsPane.class.getResource("charts.css"), "charts.css").toExternalForm());
        views.add(new ErrorCurvesView(this));
        views.add(new DecisionRegionsView(this));
        views.add(new LayerProjectionView(this));
        views.add(new HeatmapView(this));
        views.add(new LayerLinesView(this));
        views.add(new DepthView(this));
        views.add(new HistogramView(this));
        views.add(new ResponseStdView(this));
        views.add(new PredictionsView(this));
        views.add(new ConfusionMatrixView(this));
        views.add(new FeatureMapsView(this));
        study = new StudyView(this);
        views.add(study);
        tabs.setId("chart-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (ChartView view : views) {
            Tab tab = new Tab(view.title(), view);
            tab.setId("tab-" + view.getId());
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                ((ChartView) b.getContent()).refreshControls();
            }
            requestRedraw();
        });
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
                requestRedraw();
            }
        });
        setCenter(tabs);
        setTop(datasetChooser);
    }

    RunStore store() {
        return store;
    }

    Executor renderer() {
        return renderer;
    }

    /** Where the views run their heavy computations (a network over a grid), off the FX thread. */
    BackgroundWork work() {
        return work;
    }

    /** Adds a run to compare (or updates its model and kind); it gets the first free colour. */
    public void addRun(String run, String model, boolean residual) {
        store.add(run, model, residual);
        runsChanged();
    }

    /**
     * Adds a run of {@code dataset} to compare (or updates it); the charts show {@code dataset}'s runs from now on
     * (a run of no told dataset, "", shows with every dataset).
     */
    public void addRun(String run, String model, boolean residual, String dataset) {
        store.add(run, model, residual, dataset);
        runsChanged();
    }

    /** Draws or hides a run in every chart (a hidden run's legend entry is greyed); nothing for an unknown run. */
    public void setRunShown(String run, boolean shown) {
        RunStore.Run r = store.run(run);
        if (r != null && r.shown() != shown) {
            store.setShown(run, shown);
            runsChanged();
            onRunShown.accept(run, shown);
        }
    }

    /** Whether a run is drawn (true) or hidden; false for an unknown run. */
    public boolean isRunShown(String run) {
        RunStore.Run r = store.run(run);
        return r != null && r.shown();
    }

    /** Hears each run shown or hidden, also by a click on its legend entry (the host's run list follows). */
    public void setOnRunShown(java.util.function.BiConsumer<String, Boolean> listener) {
        onRunShown = Objects.requireNonNull(listener, "listener");
    }

    /** The charts' name for {@code run} from now on (the host keeps names unique); its snapshots keep theirs. */
    public void renameRun(String run, String label) {
        if (store.relabel(run, label)) {
            runsChanged();
        }
    }

    /** The name the charts show for {@code run} (its own until renamed), or null for an unknown run. */
    public String labelOf(String run) {
        RunStore.Run r = store.run(run);
        return r == null ? null : r.label();
    }

    /** Shows {@code dataset}'s runs (and runs of no told dataset) in every chart; null shows every run. */
    public void showDataset(String dataset) {
        if (!Objects.equals(dataset, store.dataset())) {
            store.showDataset(dataset);
            runsChanged();
        }
    }

    /** The dataset whose runs the charts show, or null when they show every run. */
    public String shownDataset() {
        return store.dataset();
    }

    /** Removes a run and its measurements from every chart. */
    public void removeRun(String run) {
        states.remove(run);
        data.remove(run);
        if (store.remove(run)) {
            runsChanged();
        }
    }

    /**
     * Adds snapshots of any runs (a run not added yet is added as plain); call on the FX thread. The charts
     * redraw on the next pulse.
     */
    public void append(List<TrainingSnapshot> batch) {
        if (batch.isEmpty()) {
            return;
        }
        store.append(batch);
        runsChanged(true);
    }

    /**
     * Keeps the runs' trained states (of any runs, in step order per run); call on the FX thread. The charts that
     * run the networks redraw on the next pulse.
     */
    public void appendStates(List<NetworkState> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(states::add);
        views.forEach(ChartView::statesChanged);
    }

    /** A run's latest trained state the charts hold (an experiment's runs' too), if any. */
    public java.util.Optional<org.resnetexplorer.engine.NetworkState> latestState(String run) {
        return states.latest(run);
    }

    NetworkStates states() {
        return states;
    }

    /** Tells the charts which dataset a run trains on (the views that draw its data or run its network need it). */
    public void putRunData(String run, Dataset dataset) {
        data.put(run, dataset);
        views.forEach(ChartView::statesChanged);
    }

    RunData runData() {
        return data;
    }

    RunPredictions predictions() {
        return predictions;
    }

    /** The points the student draws to train on, for the host to connect to its document. */
    public Drawing drawing() {
        return drawing;
    }

    /** Removes every run. */
    public void clear() {
        states.clear();
        data.clear();
        store.clear();
        runsChanged();
    }

    /** Every run compared, drawn or not, of any dataset, in the order added. */
    public List<String> runs() {
        return store.names();
    }

    /** The colour of a run in every chart, as the chart style paints it (for the host's run list), or null for an unknown run. */
    public javafx.scene.paint.Color colourOf(String run) {
        RunStore.Run r = store.run(run);
        if (r == null) {
            return null;
        }
        java.awt.Color c = chartStyle.line(r.colour());
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The snapshots held for a run (long runs keep per-layer detail for a spread of steps), empty if unknown. */
    public List<TrainingSnapshot> snapshots(String run) {
        RunHistory history = store.history(run);
        return history == null ? List.of() : history.snapshots();
    }

    private void runsChanged() {
        runsChanged(false);
    }

    /** The runs changed, by new snapshots only or otherwise: the controls follow, the charts that show it redraw. */
    private void runsChanged(boolean snapshotsOnly) {
        datasetChooser.show(store.datasets(), store.dataset());
        boolean empty = !store.hasSnapshots();
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        for (ChartView view : views) {
            view.runsChangedWhile(shown != null && shown.getContent() == view);
            view.showEmptyHint(empty);
            if (!snapshotsOnly || view.drawsSnapshots()) {
                view.changed();
            }
        }
    }

    /** The charts, in tab order. */
    public List<ChartView> charts() {
        return List.copyOf(views);
    }

    /** The chart whose tab shows. */
    public ChartView selectedChart() {
        return (ChartView) tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /**
     * Runs {@code action} when a chart's tab is double-clicked (the first click has shown that chart), e.g. to
     * maximise the charts.
     */
    public void setOnTabDoubleClick(Runnable action) {
        Objects.requireNonNull(action, "action");
        tabs.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2
                    && onTabHeader(e.getPickResult().getIntersectedNode())) {
                action.run();
            }
        });
    }

    /** Whether {@code node} is part of a tab's header (its label or its frame), not of the chart below. */
    private boolean onTabHeader(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null && n != tabs; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-content-area")) {
                return false;
            }
            if (n.getStyleClass().contains("tab")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shows the pictures of a study an experiment measured in the Study tab (instead of the last study's), and
     * that tab.
     */
    public void showStudy(List<org.resnetexplorer.charts.StudyCharts.Picture> pictures) {
        study.show(pictures);
        select(study);
    }

    /**
     * The keys and clicks of the chart tabs, for the Keyboard Shortcuts dialog: each a pair of what to press and what
     * it does (the views handle them: LayerProjectionView, PredictionsView, PointDrawing).
     */
    public static List<String[]> shortcuts() {
        return List.of(new String[] {Texts.get("chartsPane.keys.stage"), Texts.get("chartsPane.keys.stage.does")},
                new String[] {Texts.get("chartsPane.keys.page"), Texts.get("chartsPane.keys.page.does")},
                new String[] {Texts.get("chartsPane.keys.classes"), Texts.get("chartsPane.keys.classes.does")},
                new String[] {Texts.get("chartsPane.keys.remove"), Texts.get("chartsPane.keys.remove.does")},
                new String[] {Texts.get("chartsPane.keys.maximise"), Texts.get("chartsPane.keys.maximise.does")});
    }

    /** Shows the chart's tab. */
    public void select(ChartView chart) {
        tabs.getSelectionModel().select(views.indexOf(chart));
    }

    /**
     * Paints every chart in {@code style} from now on, on screen and in the exports (the window's theme, text
     * size and presentation mode); redraws the chart that shows.
     */
    public void setChartStyle(ChartStyle style) {
        chartStyle = Objects.requireNonNull(style, "style");
        for (ChartView view : views) {
            view.canvas.setStyle(style);
            view.styleChanged();
            view.changed();
        }
    }

    /** The style the charts are painted and exported in. */
    public ChartStyle chartStyle() {
        return chartStyle;
    }

    /** Hears the redraw, painting and copy times from now on, for a benchmark. */
    public void setChartTimes(ChartTimes value) {
        times = Objects.requireNonNull(value, "times");
    }

    ChartTimes chartTimes() {
        return times;
    }

    /** Where the dialogs report what they wrote ("Wrote 7 charts to ..."), e.g. the host's status bar. */
    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage, "onMessage");
    }

    /** Says {@code message} where the window tells what happened (the status line). */
    void tell(String message) {
        onMessage.accept(message);
    }

    /** The lesion study on the runs' trained states: a block deleted at test time, or the whole study of a run. */
    public RunLesions lesions() {
        return lesions;
    }

    /** The folder the export dialogs open in first (they remember the last one used afterwards). */
    public void setExportFolder(Path folder) {
        lastFolder = folder;
    }

    /** Redraws the visible chart on the next pulse (at most once per pulse, however often asked). */
    void requestRedraw() {
        if (!redrawRequested) {
            redrawRequested = true;
            Platform.requestNextPulse();
        }
    }

    /** Draws the selected chart now, whether or not its window shows (the start-up warm-up paints off-screen). */
    public void redrawSelected() {
        ChartView view = selectedChart();
        if (view != null && view.canvas.hasArea()) {
            view.redraw();
        }
    }

    private void redrawVisible() {
        if (!redrawRequested) {
            return;
        }
        redrawRequested = false;
        if (getScene() == null || tabs.getSelectionModel().getSelectedItem() == null) {
            return;
        }
        ChartView view = selectedChart();
        if (view.dirty && view.canvas.hasArea()) {
            long start = System.nanoTime();
            view.redraw();
            times.recordRedraw(System.nanoTime() - start);
        }
    }

    /**
     * Writes every chart as a PNG of 1200 x 800 pixels into {@code folder} (created if needed): error curves,
     * loss, gradient heatmap (of the run chosen there), gradient by layer, gradient vs depth, residual
     * histogram, response std, and the predictions and confusion matrix when the run chosen there has them.
     * Returns the files written.
     *
     * @throws IOException with a message naming the folder, the problem and what to do
     */
    public List<Path> exportAll(Path folder) throws IOException {
        return writeAll(allExports(), folder, chartStyle);
    }

    /**
     * As {@link #exportAll}, but paints and writes on a background thread (seconds for seven charts of long
     * runs), so the window stays responsive: call on the FX thread; the future completes off it, exceptionally
     * with the IOException of {@link #exportAll}.
     */
    public CompletableFuture<List<Path>> exportAllInBackground(Path folder) {
        List<ChartView.Export> exports = allExports();
        ChartStyle style = chartStyle;
        return inBackground(() -> writeAll(exports, folder, style));
    }

    /** As {@link #exportCsv}, but writes on a background thread; call on the FX thread. */
    public CompletableFuture<List<Path>> exportCsvInBackground(Path file) {
        List<TrainingSnapshot> all = allSnapshots();
        return inBackground(() -> ChartExport.csv(all, file));
    }

    private List<ChartView.Export> allExports() {
        List<ChartView.Export> exports = new ArrayList<>();
        for (ChartView view : views) {
            view.refreshControls();
            exports.addAll(view.exports());
        }
        return exports;
    }

    private static List<Path> writeAll(List<ChartView.Export> exports, Path folder, ChartStyle style) throws IOException {
        Path target = folder.toAbsolutePath();
        ChartExport.ensureFolder(target);
        List<Path> written = new ArrayList<>();
        for (ChartView.Export export : exports) {
            written.add(ChartExport.png(export.chart(), target.resolve(export.fileName()), 1, style));
        }
        return written;
    }

    private CompletableFuture<List<Path>> inBackground(Writing writing) {
        CompletableFuture<List<Path>> result = new CompletableFuture<>();
        work.start("chart-export", () -> {
            try {
                result.complete(writing.write());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Writes the chart that shows as a PNG of 1200 x 800 points at {@code scale} (1 or 2) pixels per point. */
    public Path exportPng(Path file, double scale) throws IOException {
        return selectedChart().exportPng(file, scale);
    }

    /**
     * Writes every run's measurements in the engine's tidy format ({@code run,step,metric,layer,value}) to
     * {@code file}, and the residual histograms ({@code run,step,layer,bin_lo,bin_hi,count}) to
     * {@code NAME-histograms.csv} beside it. Returns both files.
     */
    public List<Path> exportCsv(Path file) throws IOException {
        return ChartExport.csv(allSnapshots(), file);
    }

    private List<TrainingSnapshot> allSnapshots() {
        List<TrainingSnapshot> all = new ArrayList<>();
        for (RunHistory run : store.allHistories()) {
            all.addAll(run.snapshots());
        }
        return all;
    }

    /** Asks for a file and writes the chart that shows at {@code scale}. */
    public void showExportPngDialog(double scale) {
        showExportPngDialog(selectedChart(), scale);
    }

    void showExportPngDialog(ChartView view, double scale) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(EXPORT_PNG_TITLE + (scale == 1 ? "" : String.format(AT_SCALE, (int) scale)));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(PNG_FILES, "*.png"));
        chooser.setInitialFileName(view.fileName());
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path path = withExtension(file.toPath(), ".png");
            lastFolder = path.toAbsolutePath().getParent();
            view.refreshControls();
            Chart chart = view.chart();
            ChartStyle style = chartStyle;
            report(inBackground(() -> List.of(ChartExport.png(chart, path, scale, style))));
        }
    }

    /** Asks for a folder and writes every chart into it. */
    public void showExportAllDialog() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(EXPORT_ALL_TITLE);
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(window());
        if (folder != null) {
            lastFolder = folder.toPath();
            report(exportAllInBackground(folder.toPath()));
        }
    }

    /** Asks for a file and writes the measurements of every run as CSV. */
    public void showExportCsvDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(EXPORT_CSV_TITLE);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(CSV_FILES, "*.csv"));
        chooser.setInitialFileName(DEFAULT_CSV);
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path path = withExtension(file.toPath(), ".csv");
            lastFolder = path.toAbsolutePath().getParent();
            report(exportCsvInBackground(path));
        }
    }

    private interface Writing {
        List<Path> write() throws IOException;
    }

    /** When the export ends: tells what was written, or shows why it failed (on the FX thread). */
    void report(CompletableFuture<List<Path>> export) {
        export.whenComplete((files, error) -> Platform.runLater(() -> {
            if (error == null) {
                onMessage.accept(wroteMessage(files));
            } else {
                failed(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
        }));
    }

    private void failed(Throwable error) {
        String message = error instanceof IOException ? error.getMessage()
                : String.format(COULD_NOT_EXPORT, error.getMessage() == null ? error.toString() : error.getMessage());
        onMessage.accept(message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(EXPORT_FAILED);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.show();
    }

    static String wroteMessage(List<Path> files) {
        if (files.size() == 1) {
            return String.format(WROTE_FILE, files.get(0));
        }
        Path folder = files.isEmpty() ? null : files.get(0).getParent();
        return String.format(WROTE_FILES, Texts.count("count.files", files.size()), folder);
    }

    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }

    private java.util.Optional<File> initialFolder() {
        return lastFolder != null && Files.isDirectory(lastFolder) ? java.util.Optional.of(lastFolder.toFile())
                : java.util.Optional.empty();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}

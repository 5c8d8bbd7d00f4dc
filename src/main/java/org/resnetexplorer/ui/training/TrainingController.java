package org.resnetexplorer.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.DrawnData;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.engine.CarriedState;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * Starts and steers the runs of one training session, each in its own {@link TrainingService}: the network, and
 * with "Train plain twin too" its plain twin (same seed, same data) alongside, so both curves grow together.
 * The dataset loads in the background; snapshots reach the run list and the charts through one
 * {@link SnapshotQueue}, once per pulse. Every run stays in {@link #runs()}. Use on the FX thread; the dataset
 * loads and the runs train through the {@link BackgroundWork} given.
 */
public final class TrainingController {
    /**
     * Pulses between Run and the trainers' start (see {@link #startAfterFrames}); system property
     * resnetexplorer.startAfterFrames for bench/ui.sh comparisons (0 starts them at once).
     */
    static final int START_AFTER_FRAMES = Integer.getInteger("resnetexplorer.startAfterFrames", 2);
    static final String LOADING = Texts.get("trainingController.loading");
    static final String STARTED = Texts.get("trainingController.started");
    static final String TWIN_SUFFIX = Texts.get("trainingController.twin.suffix");
    static final String TWIN_NAME = Texts.get("trainingController.twin.name");
    static final String TWIN_STARTED = Texts.get("trainingController.twin.started");
    static final String INVALID_GRAPH = Texts.get("trainingController.invalid.graph");
    static final String NO_DATASET = Texts.get("trainingController.no.dataset");
    static final String NOT_FITTING = Texts.get("trainingController.not.fitting");
    static final String PAUSED = Texts.get("trainingController.paused");
    static final String RESUMED = Texts.get("trainingController.resumed");
    static final String STOPPING = Texts.get("trainingController.stopping");
    static final String RATE_CHANGED = Texts.get("trainingController.rate.changed");
    static final String ALL_OVER = "%s: %s";
    static final String RUN_PREFIX = "#%d %s";
    static final String SUMMARY = Texts.get("trainingController.summary");
    static final String LOAD_FAILED = Texts.get("trainingController.load.failed");
    static final String CONTINUED = Texts.get("trainingController.continued");

    private final BackgroundWork work;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final RunRecords records = new RunRecords();
    /** The runs of the current or last session: the network's, then its plain twin's. */
    private final ObservableList<RunRecord> sessionRuns = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> sessionView = FXCollections.unmodifiableObservableList(sessionRuns);
    private final List<TrainingService> services = new ArrayList<>();
    private final List<Trainer> trainers = new ArrayList<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataset = new ReadOnlyStringWrapper("");
    private final SnapshotQueue queue = new SnapshotQueue(this::deliver);
    private Consumer<List<TrainingSnapshot>> charts = batch -> { };
    private java.util.function.BiConsumer<String, Dataset> runData = (run, data) -> { };
    private java.util.function.Supplier<DrawnPoints> drawnPoints = () -> DrawnPoints.NONE;
    private int sessions;
    /** Steps asked for while the session was still loading its dataset. */
    private int pendingSteps;
    private boolean stopRequested;
    /** Each run's latest trained state (while it is in the list): what "Continue training" starts from. */
    private final Map<String, NetworkState> latestStates = new java.util.HashMap<>();
    /** Each run's dataset and settings (while it is in the list): what a saved run folder records. */
    private final Map<String, TrainingSetup> setups = new java.util.HashMap<>();

    public TrainingController(BackgroundWork work) {
        this.work = Objects.requireNonNull(work, "work");
        runs.addListener((javafx.collections.ListChangeListener<RunRecord>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(r -> {
                    latestStates.remove(r.name());
                    setups.remove(r.name());
                });
            }
        });
    }

    /** Every run of this window, oldest first. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** The runs of the current or last session, the network's first (empty while its dataset loads). */
    public ObservableList<RunRecord> sessionRuns() {
        return sessionView;
    }

    /** The snapshots, in batches per pulse, also go to {@code consumer} (the charts). */
    public void setCharts(Consumer<List<TrainingSnapshot>> consumer) {
        charts = Objects.requireNonNull(consumer, "consumer");
    }

    /** The runs' trained states, in batches per pulse, go to {@code consumer} (the charts that run networks). */
    public void setStates(Consumer<List<NetworkState>> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        queue.setStates(batch -> {
            batch.forEach(state -> latestStates.put(state.run(), state));
            consumer.accept(batch);
        });
    }

    /**
     * The trained state of a run that finished or was stopped: its weights at its last evaluation, what "Continue
     * training" opens. Empty for a run that trains, diverged or failed, or whose states no chart asked for.
     */
    public java.util.Optional<NetworkState> trainedState(RunRecord run) {
        boolean usable = run.status() == RunStatus.FINISHED || run.status() == RunStatus.STOPPED;
        return usable ? java.util.Optional.ofNullable(latestStates.get(run.name())) : java.util.Optional.empty();
    }

    /** The dataset and settings a run of a session was started with; empty for an experiment's run. */
    public java.util.Optional<TrainingSetup> setup(RunRecord run) {
        return java.util.Optional.ofNullable(setups.get(run.name()));
    }

    /** Each run's dataset goes to {@code consumer} as the run starts (the charts that draw the data). */
    public void setRunData(java.util.function.BiConsumer<String, Dataset> consumer) {
        runData = Objects.requireNonNull(consumer, "consumer");
    }

    /** The points drawn to train on: the dataset {@value DrawnData#NAME} of a session, as they are at its start. */
    public void setDrawnPoints(java.util.function.Supplier<DrawnPoints> points) {
        drawnPoints = Objects.requireNonNull(points, "points");
    }

    /** Whether a session is loading or training (Run is off, Stop is on). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Whether the session is paused (by Pause or because it started with Step). */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The last thing worth telling the user: what started, paused, ended, diverged. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The dataset of the current or last session. */
    public ReadOnlyStringProperty datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /**
     * Starts a session: loads the dataset in the background, then trains {@code network} (adapted to the dataset's
     * input and classes) and, if asked and it has shortcuts, its plain twin.
     *
     * @param startPaused hold the runs before their first step (what Step does when nothing runs)
     * @throws IllegalArgumentException if the graph cannot train, saying why
     */
    public void start(Network network, TrainingSetup setup, boolean startPaused) {
        start(network, setup, startPaused, null);
    }

    /**
     * Starts a session as {@link #start(Network, TrainingSetup, boolean)} does, or with {@code from} (a trained
     * state of a run, null for none) a run that continues it (decision 0033): the network alone, no plain twin, every
     * unchanged layer starting with the weights of {@code from}, an inserted residual block as the identity.
     */
    public void start(Network network, TrainingSetup setup, boolean startPaused, NetworkState from) {
        if (active.get()) {
            return;
        }
        Analysis analysis = Analysis.of(network);
        if (!analysis.isValid()) {
            throw new IllegalArgumentException(String.format(INVALID_GRAPH, firstError(analysis)));
        }
        if (setup.dataset() == null) {
            throw new IllegalArgumentException(NO_DATASET);
        }
        Dataset drawn = setup.dataset().equals(DrawnData.NAME) ? drawnDataset() : null;
        active.set(true);
        paused.set(startPaused);
        stopRequested = false;
        pendingSteps = 0;
        services.clear();
        trainers.clear();
        sessionRuns.clear();
        dataset.set(setup.dataset());
        message.set(String.format(LOADING, setup.dataset()));
        Task<Prepared> load = new Task<>() {
            @Override
            protected Prepared call() throws DatasetException, EngineException {
                Dataset data = drawn != null ? drawn : Datasets.load(setup.dataset(), setup.datasetOptions());
                Network fitted = fit(network, data);
                return new Prepared(data, fitted, from == null ? null
                        : CarriedState.of(from, fitted, setup.settings().seed(), from.run()));
            }
        };
        load.setOnSucceeded(e -> launch(network, setup, load.getValue(), startPaused));
        load.setOnFailed(e -> {
            Throwable failure = load.getException();
            message.set(failure instanceof DatasetException || failure instanceof IllegalArgumentException
                    || failure instanceof EngineException ? failure.getMessage() : String.format(LOAD_FAILED, setup.dataset(), failure));
            active.set(false);
            paused.set(false);
        });
        work.start("dataset-loader", load);
    }

    /** The points drawn now as a dataset: later edits do not change the session. */
    private Dataset drawnDataset() {
        try {
            return DrawnData.of(drawnPoints.get());
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String firstError(Analysis analysis) {
        Problem first = analysis.errors().get(0);
        return first.nodeName().map(n -> n + ": ").orElse("") + first.message();
    }

    /**
     * What a session needs before its runs start, made off the FX thread: the dataset, the network fitted to it,
     * and for a run that continues a trained one, the weights it starts from.
     */
    private record Prepared(Dataset data, Network fitted, CarriedState.Carried carried) {
    }

    private void launch(Network network, TrainingSetup setup, Prepared prepared, boolean startPaused) {
        if (stopRequested) {
            active.set(false);
            paused.set(false);
            message.set(STOPPING);
            return;
        }
        Dataset data = prepared.data();
        Network fitted = prepared.fitted();
        sessions++;
        List<Network> nets = new ArrayList<>();
        nets.add(fitted);
        boolean hasShortcut = fitted.blocks().stream().map(Block::name).anyMatch(fitted::hasShortcut);
        // a continued run trains alone: its plain twin would not start from the trained weights
        if (setup.plainTwin() && hasShortcut && prepared.carried() == null) {
            nets.add(fitted.withAllShortcuts(false));
        }
        queue.start();
        // on two cores the net and its twin take turns step by step: one core trains, the other keeps the window
        // smooth; with three or more each trains on a core of its own and one is left to the window (decision 0025)
        java.util.concurrent.Semaphore turns = WindowCores.twinOnItsOwnCore(WindowCores.available()) ? null
                : new java.util.concurrent.Semaphore(1, true);
        for (int i = 0; i < nets.size(); i++) {
            boolean twin = i > 0;
            String model = network.name() + (twin ? TWIN_SUFFIX : "");
            // short names that differ from their start: "#3 mlp-resnet-20" and "#3 plain twin" (decision 0020)
            String name = String.format(RUN_PREFIX, sessions, twin ? TWIN_NAME : network.name());
            String continues = prepared.carried() == null ? null : prepared.carried().state().run();
            RunRecord record = new RunRecord(name, model, data.name(), twin, setup.settings().steps(), continues);
            runData.accept(name, data);
            setups.put(name, setup);
            runs.add(record);
            records.add(record);
            sessionRuns.add(record);
            Trainer trainer = new Trainer(name, nets.get(i), data, setup.settings());
            if (prepared.carried() != null) {
                trainer.startFrom(prepared.carried().state());
            }
            if (turns != null) {
                trainer.shareComputeWith(turns);
            }
            if (nets.size() == 1) { // alone: its large convolutions may take the cores the window does not keep
                trainer.useThreads(WindowCores.trainingCores(WindowCores.available()));
            }
            if (paused.get()) {
                trainer.pause();
                for (int k = 0; k < pendingSteps; k++) {
                    trainer.step();
                }
            }
            trainer.addListener(new StatusMirror());
            trainers.add(trainer);
            TrainingService service = new TrainingService(() -> trainer, queue);
            service.setExecutor(task -> work.start("trainer", task));
            service.setOnSucceeded(e -> ended(record, service.getValue()));
            service.setOnFailed(e -> ended(record, new RunResult(name, RunStatus.FAILED, String.valueOf(
                    service.getException()), record.stepProperty().get(), Double.NaN, Double.NaN, Double.NaN, 0, 0)));
            services.add(service);
        }
        message.set(prepared.carried() == null
                ? String.format(STARTED, network.name() + (nets.size() > 1 ? TWIN_STARTED : ""), data.name())
                : String.format(CONTINUED, sessionRuns.get(0).name(), prepared.carried().state().run(),
                        prepared.carried().kept().size(), prepared.carried().initialised().size(),
                        prepared.carried().silenced().isEmpty() ? "-" : String.join(", ", prepared.carried().silenced())));
        startAfterFrames(START_AFTER_FRAMES, () -> services.forEach(TrainingService::start));
    }

    /**
     * Runs {@code start} once {@code frames} pulses have passed: the run list's new rows and the charts' new runs
     * are laid out and drawn first, then the trainers start (compiling their networks and the JIT compiling
     * their code on the same two cores), rather than all in the same late frame.
     */
    private static void startAfterFrames(int frames, Runnable start) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen > frames) {
                    stop();
                    start.run();
                }
            }
        }.start();
    }

    /** The network with its input and classes set to the dataset's. */
    private static Network fit(Network network, Dataset data) {
        Network fitted = network;
        Analysis analysis = Analysis.of(network);
        if (!analysis.inputShape().map(data.shape()::equals).orElse(false)) {
            fitted = fitted.withInputShape(data.shape());
        }
        if (!analysis.classes().map(c -> c == data.classes()).orElse(false)) {
            fitted = fitted.withClasses(data.classes());
        }
        if (!Analysis.of(fitted).isValid()) {
            throw new IllegalArgumentException(DatasetMatch.refusal(network, data.name(), data.shape(), fitted));
        }
        return fitted;
    }

    /** Pauses a running session, resumes a paused one. */
    public void togglePause() {
        if (!active.get()) {
            return;
        }
        boolean pause = !paused.get();
        for (Trainer trainer : trainers) {
            if (pause) {
                trainer.pause();
            } else {
                trainer.resume();
            }
        }
        paused.set(pause);
        message.set(pause ? PAUSED : RESUMED);
    }

    /** One more step of each run of a paused session. */
    public void step() {
        if (active.get() && paused.get()) {
            if (trainers.isEmpty()) {
                pendingSteps++;
            } else {
                trainers.forEach(Trainer::step);
            }
        }
    }

    /** Ends the session's runs after their current step. */
    public void stop() {
        if (!active.get()) {
            return;
        }
        stopRequested = true;
        message.set(STOPPING);
        trainers.forEach(Trainer::stop);
    }

    /** Sets the base learning rate of the running runs from their next step on. */
    public void setLearningRate(double rate) {
        if (active.get() && !trainers.isEmpty()) {
            trainers.forEach(t -> t.setLearningRate(rate));
            message.set(String.format(RATE_CHANGED, String.format(Locale.ROOT, "%.4g", rate)));
        }
    }

    /** A pulse's snapshots: the run list, then the charts. */
    private void deliver(List<TrainingSnapshot> batch) {
        records.update(batch);
        charts.accept(batch);
    }

    private void ended(RunRecord record, RunResult result) {
        // the run's last snapshots may still wait for the next pulse: deliver them first, or they would set the
        // list's step back below the final one ("Finished, 39 / 40")
        queue.drain();
        records.ended(record.name(), result);
        if (result.status() == RunStatus.DIVERGED || result.status() == RunStatus.FAILED) {
            message.set(String.format(ALL_OVER, record.label(), result.message()));
        }
        // in a service's own onSucceeded it still counts as running: ask for its state instead
        if (services.stream().allMatch(TrainingController::isDone)) {
            queue.stop();
            active.set(false);
            paused.set(false);
            summarise();
        }
    }

    private static boolean isDone(TrainingService service) {
        javafx.concurrent.Worker.State state = service.getState();
        return state == javafx.concurrent.Worker.State.SUCCEEDED || state == javafx.concurrent.Worker.State.FAILED
                || state == javafx.concurrent.Worker.State.CANCELLED;
    }

    /**
     * The status line when a session ends: each run's ending and test error, or what went wrong, by the name the
     * run list shows (the user may have renamed it).
     */
    private void summarise() {
        List<String> parts = new ArrayList<>();
        for (Trainer trainer : trainers) {
            RunRecord r = records.get(trainer.runName());
            if (r.status() == RunStatus.DIVERGED || r.status() == RunStatus.FAILED) {
                parts.add(0, r.label() + ": " + r.messageProperty().get());
            } else {
                // the run list's status word in the window's language, lower case inside the English sentence
                parts.add(String.format(SUMMARY, r.label(), RunsTable.statusText(r.status()).toLowerCase(Locale.ROOT),
                        r.stepProperty().get(), Counts.percent(r.testErrorProperty().get())));
            }
        }
        message.set(String.join("; ", parts));
    }

    /** Stops every run (the window is closing); returns at once. */
    public void shutdown() {
        trainers.forEach(Trainer::stop);
        queue.stop();
    }

    /** Mirrors a run's status into its record, on the FX thread. */
    private final class StatusMirror implements TrainingListener {
        @Override
        public void snapshot(TrainingSnapshot snapshot) {
            // the queue carries snapshots
        }

        @Override
        public void status(String run, RunStatus status, String text) {
            Platform.runLater(() -> {
                RunRecord record = records.get(run);
                if (record != null && !record.isOver()) {
                    record.statusProperty().set(status);
                    if (!text.isEmpty()) {
                        record.messageProperty().set(text);
                    }
                }
            });
        }
    }
}

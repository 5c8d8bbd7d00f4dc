package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/**
 * Trains an experiment's runs on its dataset, with its settings and seed, and collects what the claims are checked
 * on. With one job the runs train one after the other on the caller's thread; with more, up to that many train at
 * once, each on a thread of its own (decision 0025), and the result is the same: every run draws its weights,
 * batches and dropout masks from its own seed. {@link #run()} returns when every run has ended, its result in the
 * experiment's run order, with what the preset's study (if any) measured on the trained runs afterwards. {@link #stop()}
 * ends every run in progress and skips the rest and the study. Listeners hear every snapshot (of the run named in it),
 * so a window can chart the runs live, and the study's progress.
 */
public final class ExperimentRunner {
    /**
     * Progress of an experiment, on the thread that trains the run: with more than one job, on several threads at
     * once and the runs' events interleaved. Each run's own events come in order: {@link #runStarted}, its
     * snapshots and status changes, {@link #runFinished}.
     */
    public interface Listener extends TrainingListener {
        /** Run {@code index} (from 0) of {@code count} starts; its network is built. */
        default void runStarted(String run, Network network, int index, int count) {
        }

        default void runFinished(String run, RunResult result) {
        }

        /**
         * The preset's study measures the trained runs, after every run ended: {@code done} from 0 to 1, {@code what}
         * a short text in the user's language. On the thread that called {@link #run()}.
         */
        default void studyProgress(double done, String what) {
        }
    }

    private final Experiment experiment;
    private final boolean full;
    private final int jobs;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    /** The cores the runs may use between them for their large convolutions ({@link #useThreads}). */
    private volatile int threadBudget = 1;
    /** The trainers of the runs training now, for {@link #stop()}. */
    private final Set<Trainer> training = ConcurrentHashMap.newKeySet();
    private Dataset dataset;
    private List<Network> networks;
    /** Each trained run's latest state, kept only for a preset with a study. */
    private final java.util.Map<String, org.resnetexplorer.engine.NetworkState> finalStates = new ConcurrentHashMap<>();

    /** A runner that trains the runs one after the other, on the thread that calls {@link #run()}. */
    public ExperimentRunner(Experiment experiment, boolean full) {
        this(experiment, full, 1);
    }

    /**
     * @param jobs how many runs train at once, at least 1 (more than the runs is as many as the runs); each takes
     *             one core
     */
    public ExperimentRunner(Experiment experiment, boolean full, int jobs) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.full = full;
        if (jobs < 1) {
            throw new IllegalArgumentException("an experiment trains at least one run at a time, not " + jobs);
        }
        this.jobs = jobs;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Lets the runs use up to {@code threads} cores between them (set before {@link #run()}): a run training
     * alone (one job, or one run) may use them all for its large convolutions, runs training at once share them
     * ({@link Trainer#useThreads}). The default is one.
     */
    public void useThreads(int threads) {
        this.threadBudget = Math.max(1, threads);
    }

    /** Stops every run in progress and skips the others. */
    public void stop() {
        stopped = true;
        training.forEach(Trainer::stop);
    }

    /** The network a run trains: its template with its options, adapted to the dataset (or as it is). */
    public static Network network(Experiment.RunSpec spec, Dataset dataset) {
        TemplateOptions options = spec.options();
        if (dataset != null) {
            options = options.withInput(dataset.shape()).withClasses(dataset.classes());
        }
        return Templates.build(spec.template(), options).withName(spec.name());
    }

    /**
     * Every run's network for the dataset: a run that trains checked as the engine checks a run before it allocates
     * anything (a valid graph that fits the data and the memory), one that only counts as the editor checks a graph.
     */
    private List<Network> networks(Dataset dataset) throws ExperimentFileException {
        List<Network> networks = new ArrayList<>();
        for (Experiment.RunSpec spec : experiment.runs()) {
            String where = "experiment '" + experiment.id() + "', run '" + spec.name() + "': ";
            Network network;
            try {
                network = network(spec, spec.train() ? dataset : null);
            } catch (IllegalArgumentException e) {
                throw new ExperimentFileException(where + e.getMessage());
            }
            if (spec.train()) {
                try {
                    Trainer.check(network, dataset, experiment.settings(full));
                } catch (EngineException e) {
                    throw new ExperimentFileException(where + e.getMessage());
                }
            } else {
                List<Problem> errors = Analysis.of(network).errors();
                if (!errors.isEmpty()) {
                    throw new ExperimentFileException(where + errors.get(0).message());
                }
            }
            networks.add(network);
        }
        return networks;
    }

    /**
     * Loads the dataset (none for an experiment that only counts) and builds and checks every run's network, once:
     * before anything is written or trained. {@link #run()} prepares too, if this was not called.
     *
     * @throws DatasetException if the dataset cannot be loaded
     * @throws ExperimentFileException if a run's network cannot be built or is not valid for the dataset
     */
    public void prepare() throws DatasetException, ExperimentFileException {
        if (networks == null) {
            dataset = experiment.trains() ? Datasets.load(experiment.dataset(), experiment.datasetOptions()) : null;
            networks = networks(dataset);
        }
    }

    /** The dataset the runs train on, once {@link #prepare()} loaded it (none before, or for a counting experiment). */
    public java.util.Optional<Dataset> dataset() {
        return java.util.Optional.ofNullable(dataset);
    }

    /**
     * Trains the runs, after {@link #prepare()}: a mistake in the last run is found before the first one trains.
     *
     * @return every run's result, in the experiment's order
     * @throws DatasetException if the dataset cannot be loaded
     * @throws ExperimentFileException if a run's network cannot be built or is not valid for the dataset
     */
    public ExperimentResult run() throws DatasetException, ExperimentFileException {
        prepare();
        int count = experiment.runs().size();
        List<ExperimentResult.Run> runs = new ArrayList<>(count);
        if (jobs == 1 || count == 1 || !experiment.trains()) { // counting takes no thread of its own
            for (int index = 0; index < count; index++) {
                runs.add(run(index));
            }
            return study(runs);
        }
        ExecutorService pool = RunThreads.pool(experiment.id(), Math.min(jobs, count));
        try {
            List<Future<ExperimentResult.Run>> pending = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                int at = index;
                pending.add(pool.submit(() -> run(at))); // the pool takes them in this order
            }
            for (Future<ExperimentResult.Run> run : pending) {
                runs.add(await(run));
            }
        } finally {
            pool.shutdown();
        }
        return study(runs);
    }

    /**
     * The result, with what the preset's study measured on the runs (on this thread, after every run ended; none
     * after {@link #stop()}). A network the study cannot run leaves the runs' result and says why.
     */
    private ExperimentResult study(List<ExperimentResult.Run> runs) throws ExperimentFileException {
        Study study = experiment.study();
        if (study == null || stopped) {
            return new ExperimentResult(experiment, runs);
        }
        StudyMethod method = Studies.method(study);
        method.check(experiment);
        List<TrainedRun> trained = new ArrayList<>();
        for (int index = 0; index < runs.size(); index++) {
            ExperimentResult.Run run = runs.get(index);
            boolean finished = run.result() != null && run.result().status() == RunStatus.FINISHED;
            trained.add(new TrainedRun(run.spec(), networks.get(index),
                    finished ? finalStates.get(run.spec().name()) : null, run.result()));
        }
        StudyInput input = new StudyInput(experiment, full, dataset, trained, experiment.settings(full).seed(),
                (done, what) -> listeners.forEach(l -> l.studyProgress(done, what)), () -> stopped);
        try {
            StudyResult measured = method.measure(input);
            return new ExperimentResult(experiment, runs, stopped ? null : measured, null);
        } catch (EngineException e) {
            return new ExperimentResult(experiment, runs, null, e.getMessage());
        }
    }

    /**
     * The result of a run on another thread. An interrupted caller stops the experiment and still waits (the runs
     * end after their current step); a run that threw stops the others and throws here.
     */
    private ExperimentResult.Run await(Future<ExperimentResult.Run> run) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return run.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop();
                } catch (ExecutionException e) {
                    stop();
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Trains run {@code index} (or counts it, or skips it after {@link #stop()}), telling the listeners. */
    private ExperimentResult.Run run(int index) {
        Experiment.RunSpec spec = experiment.runs().get(index);
        Network network = networks.get(index);
        listeners.forEach(l -> l.runStarted(spec.name(), network, index, experiment.runs().size()));
        if (!spec.train()) {
            return new ExperimentResult.Run(spec, Analysis.of(network), null, List.of());
        }
        if (stopped) {
            RunResult skipped = new RunResult(spec.name(), RunStatus.STOPPED, Texts.get("experimentRunner.skipped"),
                    0, Double.NaN, Double.NaN, Double.NaN, 0, 0);
            return new ExperimentResult.Run(spec, Analysis.of(network), skipped, List.of());
        }
        Trainer trainer = new Trainer(spec.name(), network, dataset, experiment.settings(full));
        trainer.useThreads(threadBudget / Math.min(jobs, experiment.runs().size()));
        if (experiment.study() != null) {
            // the study measures the trained weights: the state of the last evaluation, the last step's
            trainer.addListener(TrainingListener.ofStates(state -> finalStates.put(spec.name(), state)));
        }
        List<TrainingSnapshot> snapshots = new CopyOnWriteArrayList<>();
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                snapshots.add(snapshot);
            }
        });
        listeners.forEach(trainer::addListener);
        training.add(trainer);
        if (stopped) {
            trainer.stop(); // stop() came between the check above and now
        }
        RunResult result;
        try {
            result = trainer.run();
        } finally {
            training.remove(trainer);
        }
        listeners.forEach(l -> l.runFinished(spec.name(), result));
        return new ExperimentResult.Run(spec, Analysis.of(network), result, snapshots);
    }
}

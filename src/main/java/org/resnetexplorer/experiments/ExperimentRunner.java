package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Trains an experiment's runs one after the other on its dataset, with its settings and seed, and collects
 * what the claims are checked on. Runs on the caller's thread; {@link #stop()} ends the current run and skips
 * the rest. Listeners hear every snapshot (of the run named in it), so a window can chart the runs live.
 */
public final class ExperimentRunner {
    /** Progress of an experiment; called on the runner's thread. */
    public interface Listener extends TrainingListener {
        /** Run {@code index} (from 0) of {@code count} starts; its network is built. */
        default void runStarted(String run, Network network, int index, int count) {
        }

        default void runFinished(String run, RunResult result) {
        }
    }

    private final Experiment experiment;
    private final boolean full;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile Trainer current;
    private Dataset dataset;
    private List<Network> networks;

    public ExperimentRunner(Experiment experiment, boolean full) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.full = full;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Stops the run in progress and skips the others. */
    public void stop() {
        stopped = true;
        Trainer trainer = current;
        if (trainer != null) {
            trainer.stop();
        }
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

    /**
     * Trains the runs one after the other, after {@link #prepare()}: a mistake in the last run is found before the
     * first one trains.
     *
     * @throws DatasetException if the dataset cannot be loaded
     * @throws ExperimentFileException if a run's network cannot be built or is not valid for the dataset
     */
    public ExperimentResult run() throws DatasetException, ExperimentFileException {
        prepare();
        List<ExperimentResult.Run> runs = new ArrayList<>();
        int index = 0;
        for (Experiment.RunSpec spec : experiment.runs()) {
            Network network = networks.get(index);
            int at = index++;
            listeners.forEach(l -> l.runStarted(spec.name(), network, at, experiment.runs().size()));
            if (!spec.train()) {
                runs.add(new ExperimentResult.Run(spec, Analysis.of(network), null, List.of()));
                continue;
            }
            if (stopped) {
                RunResult skipped = new RunResult(spec.name(), RunStatus.STOPPED, Texts.get("experimentRunner.skipped"),
                        0, Double.NaN, Double.NaN, Double.NaN, 0, 0);
                runs.add(new ExperimentResult.Run(spec, Analysis.of(network), skipped, List.of()));
                continue;
            }
            Trainer trainer = new Trainer(spec.name(), network, dataset, experiment.settings(full));
            List<TrainingSnapshot> snapshots = new CopyOnWriteArrayList<>();
            trainer.addListener(new TrainingListener() {
                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    snapshots.add(snapshot);
                }
            });
            listeners.forEach(trainer::addListener);
            current = trainer;
            if (stopped) {
                trainer.stop(); // stop() came between the check above and now
            }
            RunResult result = trainer.run();
            current = null;
            listeners.forEach(l -> l.runFinished(spec.name(), result));
            runs.add(new ExperimentResult.Run(spec, Analysis.of(network), result, snapshots));
        }
        return new ExperimentResult(experiment, runs);
    }
}

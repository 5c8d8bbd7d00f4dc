package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.MetricsFiles;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunSettingsFiles;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;

/**
 * {@code train MODEL --dataset NAME ...}: trains a template or graph file (its input and classes adapted to
 * the dataset), prints a progress line as it goes, and writes metrics.csv, histograms.csv, run.json, settings.json
 * ({@link RunSettingsFiles}) and, when the run finishes, its trained network ({@link TrainedNetworkFiles}:
 * network.json, state.json, state.bin) into {@code --out}, or else into {@code runs/NETWORK-DATASET-seedN}, made one safe folder name
 * ({@link FileNames#segment}) since both names come from files. Exit 0 when the run finishes, 3 when it diverges,
 * 1 when it fails, 2 on bad arguments.
 */
final class TrainCommand implements Command {
    static final int DIVERGED = 3;
    /** Size of the --png charts, large enough for a slide. */
    private static final int PNG_WIDTH = 1200;
    private static final int PNG_HEIGHT = 800;
    private static final Set<String> OPTIONS = union(TrainingOptions.OPTIONS, Set.of("--out", "--width", "--shortcut",
            "--activation", "--threads"));
    private static final Set<String> FLAGS = union(TrainingOptions.FLAGS, Set.of("--bn", "--no-bn", "--quiet", "--png"));

    /** Where a run without {@code --out} goes: a folder of its own in here, named after the network and data. */
    private final Path runs;

    TrainCommand(Path runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "MODEL --dataset NAME [--steps N] [--batch B] [--lr X] [--optimizer sgd|adam] [--weight-decay W]"
                + " [--seed S] [--eval-every K] [--out DIR] [--momentum M] [--metrics-every K] [--milestones S1,S2]"
                + " [--lr-factor F] [--warmup N] [--test-limit N] [--data-dir DIR] [--downscale] [--noise X]"
                + " [--train-size N] [--test-size N] [--classes K] [--width W] [--shortcut A|B|C]"
                + " [--activation F] [--bn|--no-bn] [--threads N] [--quiet] [--png]";
    }

    @Override
    public String description() {
        return "train a template or graph file on a dataset (" + String.join(", ", Datasets.names())
                + ", or FILE.csv) and write metrics.csv, histograms.csv, run.json, settings.json and the trained network (and, with --png,"
                + " the charts)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = Arguments.parse(name(), args, OPTIONS, FLAGS);
        if (parsed.positional().size() != 1) {
            throw new UsageException("'train' needs one MODEL, a template name (see 'templates') or a graph file");
        }
        String datasetName = parsed.option("--dataset");
        if (datasetName == null) {
            throw new UsageException("'train' needs --dataset NAME: one of " + String.join(", ", Datasets.names())
                    + ", or a .csv file");
        }
        // refused before anything is loaded; alone on the machine, its large convolutions may use every core
        int threads = threads(parsed, Runtime.getRuntime().availableProcessors());
        String model = parsed.positional().get(0);
        Path chosen = parsed.pathOption("--out", "the folder to write into, e.g. --out runs/first");
        DatasetOptions datasetOptions = TrainingOptions.dataset(parsed);
        Dataset dataset = loadDataset(datasetName, datasetOptions);
        TemplateOptions modelOptions = ModelOptions.from(parsed).withInput(dataset.shape()).withClasses(dataset.classes());
        Network network = Models.resolve(model, modelOptions);
        Models.requireValid(model, network);
        TrainingSettings settings = TrainingOptions.settings(parsed);
        try {
            Trainer.check(network, dataset, settings); // before the output folder exists
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        // The names come from files: one safe folder name inside runs/, whatever they hold ("../../x", "CON").
        Path folder = chosen != null ? chosen
                : runs.resolve(FileNames.segment(network.name() + "-" + dataset.name() + "-seed" + settings.seed()));
        String runName = network.name() + "@" + dataset.name();

        Trainer trainer = new Trainer(runName, network, dataset, settings);
        trainer.useThreads(threads);
        // The folder is made only now, after every check of what the user gave: a refusal leaves nothing behind.
        MetricsFiles files;
        try {
            files = new MetricsFiles(folder);
        } catch (IOException e) {
            throw new UsageException("cannot write into " + folder + " (" + e.getMessage() + "): choose another --out");
        }
        trainer.addListener(files);
        if (!parsed.flag("--quiet")) {
            trainer.addListener(new ProgressPrinter(out, settings));
        }
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        AtomicReference<NetworkState> trained = new AtomicReference<>();
        trainer.addListener(TrainingListener.ofStates(trained::set));
        if (parsed.flag("--png")) {
            trainer.addListener(snapshots::add);
        }
        out.println("training " + network.name() + " on " + dataset.name() + " (" + dataset.train().size() + " train / "
                + dataset.test().size() + " test, " + dataset.shape() + ", " + dataset.classes() + " classes) for "
                + settings.steps() + " steps; writing " + folder);
        RunResult result = trainer.run();
        try (files) {
            files.finish(result, network, dataset, settings);
            // what the run was trained with, whatever its end: a training script is exported from it (decision 0038)
            RunSettingsFiles.write(new RunSettingsFiles.RunSettings(datasetName.trim(), datasetOptions.withDataDir(null),
                    datasetOptions.dataDir() != null, settings), folder);
        } catch (IOException e) {
            err.println("error: could not finish the files in " + folder + ": " + e.getMessage());
            return Cli.FAILED;
        }
        if (result.status() == RunStatus.FINISHED) {
            try {
                TrainedNetworkFiles.write(trained.get(), folder);
            } catch (IOException e) {
                err.println("error: could not write the trained network into " + folder + ": " + e.getMessage());
                return Cli.FAILED;
            }
        }
        if (parsed.flag("--png")) {
            try {
                List<Path> charts = new ArrayList<>(ChartFiles.writeAll(List.of(new RunHistory(runName, snapshots)),
                        folder, PNG_WIDTH, PNG_HEIGHT));
                if (trained.get() != null) {
                    charts.addAll(RunPictures.write(trained.get(), dataset, folder, PNG_WIDTH, PNG_HEIGHT));
                }
                out.println("charts: " + String.join(", ", charts.stream().map(p -> p.getFileName().toString()).toList()));
            } catch (IOException e) {
                err.println("error: could not write the charts into " + folder + ": " + e.getMessage());
                return Cli.FAILED;
            }
        }
        out.println(String.format(Locale.ROOT, "%s after %d steps: loss %.4f, train error %s, test error %s, %.1f steps/s;"
                + " wrote %s", result.status().name().toLowerCase(Locale.ROOT), result.steps(), result.loss(),
                Counts.percent(result.trainError()), Counts.percent(result.testError()), result.stepsPerSecond(), folder));
        if (result.status() == RunStatus.FINISHED) {
            return Cli.OK;
        }
        err.println("error: " + result.message());
        if (result.outOfMemory()) {
            return Cli.BAD_INPUT; // too large for this machine: the input to change, as a network refused before a run
        }
        return result.status() == RunStatus.DIVERGED ? DIVERGED : Cli.FAILED;
    }

    /** A network that cannot train (an open port, a cycle) is refused before anything is written, as summary does. */
    private static Dataset loadDataset(String name, DatasetOptions options) throws UsageException {
        try {
            return Datasets.load(name, options);
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Prints a progress line at every evaluation and about twenty times a run: the running batch error on every
     * line, the training and test errors (inference mode) where they were evaluated, else "-".
     */
    private static final class ProgressPrinter implements TrainingListener {
        private final PrintStream out;
        private final int every;

        ProgressPrinter(PrintStream out, TrainingSettings settings) {
            this.out = out;
            this.every = Math.max(settings.metricsEvery(), settings.steps() / 20);
        }

        @Override
        public void snapshot(TrainingSnapshot s) {
            if (s.hasTestError() || s.step() % every == 0) {
                out.println(String.format(Locale.ROOT, "step %6d/%d  loss %.4f  batch error %6s  train error %6s"
                        + "  test error %6s  lr %.3g  %.1f steps/s", s.step(), s.totalSteps(), s.loss(),
                        Counts.percent(s.batchError()), Counts.percent(s.trainError()), Counts.percent(s.testError()),
                        s.learningRate(), s.stepsPerSecond()));
            }
        }

        @Override
        public void status(String run, RunStatus status, String message) {
            if (status == RunStatus.DIVERGED || status == RunStatus.FAILED) {
                out.println(status.name().toLowerCase(Locale.ROOT) + ": " + message);
            }
        }
    }

    /** {@code --threads N} of train and bench: 1 to the machine's cores; {@code fallback} without it. */
    static int threads(Arguments parsed, int fallback) throws UsageException {
        int cores = Runtime.getRuntime().availableProcessors();
        Integer threads = parsed.intOption("--threads", 1);
        if (threads != null && threads > cores) {
            throw new UsageException("--threads must be at most " + cores + " (the cores of this machine), not "
                    + threads);
        }
        return threads != null ? threads : fallback;
    }
}

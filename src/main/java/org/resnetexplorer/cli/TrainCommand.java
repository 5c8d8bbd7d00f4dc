package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.MetricsFiles;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.RunResult;
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
 * the dataset), prints a progress line as it goes, and writes metrics.csv, histograms.csv, run.json and, when the
 * run finishes, its trained network ({@link TrainedNetworkFiles}: network.json, state.json, state.bin) into
 * {@code --out}, or else into {@code runs/NETWORK-DATASET-seedN}, made one safe folder name
 * ({@link FileNames#segment}) since both names come from files. Exit 0 when the run finishes, 3 when it diverges,
 * 1 when it fails, 2 on bad arguments.
 */
final class TrainCommand implements Command {
    static final int DIVERGED = 3;
    /** Size of the --png charts, large enough for a slide. */
    private static final int PNG_WIDTH = 1200;
    private static final int PNG_HEIGHT = 800;
    private static final Set<String> OPTIONS = Set.of("--dataset", "--steps", "--batch", "--lr", "--optimizer",
            "--weight-decay", "--seed", "--eval-every", "--out", "--momentum", "--metrics-every", "--milestones",
            "--lr-factor", "--warmup", "--test-limit", "--data-dir", "--noise", "--train-size", "--test-size", "--classes",
            "--width", "--shortcut", "--activation");
    private static final Set<String> FLAGS = Set.of("--downscale", "--bn", "--no-bn", "--quiet", "--png");

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
                + " [--activation F] [--bn|--no-bn] [--quiet] [--png]";
    }

    @Override
    public String description() {
        return "train a template or graph file on a dataset (" + String.join(", ", Datasets.names())
                + ", or FILE.csv) and write metrics.csv, histograms.csv, run.json and the trained network (and, with --png,"
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
        String model = parsed.positional().get(0);
        Path chosen = parsed.pathOption("--out", "the folder to write into, e.g. --out runs/first");
        Dataset dataset = loadDataset(datasetName, parsed);
        TemplateOptions modelOptions = ModelOptions.from(parsed).withInput(dataset.shape()).withClasses(dataset.classes());
        Network network = Models.resolve(model, modelOptions);
        Models.requireValid(model, network);
        TrainingSettings settings = settings(parsed);
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
    private static Dataset loadDataset(String name, Arguments parsed) throws UsageException {
        try {
            DatasetOptions options = DatasetOptions.defaults()
                    .withNoise(parsed.doubleOption("--noise"))
                    .withTrainSize(parsed.intOption("--train-size", 1))
                    .withTestSize(parsed.intOption("--test-size", 1))
                    .withClasses(parsed.intOption("--classes", 2))
                    .withDownscale(parsed.flag("--downscale"));
            Path dataDir = parsed.pathOption("--data-dir", "the folder of the dataset's files");
            if (dataDir != null) {
                options = options.withDataDir(dataDir);
            }
            return Datasets.load(name, options);
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static TrainingSettings settings(Arguments parsed) throws UsageException {
        try {
            TrainingSettings s = TrainingSettings.defaults();
            Integer steps = parsed.intOption("--steps", 1);
            if (steps != null) {
                s = s.withSteps(steps);
            }
            Integer batch = parsed.intOption("--batch", 1);
            if (batch != null) {
                s = s.withBatch(batch);
            }
            if (parsed.option("--optimizer") != null) {
                Optimizer optimizer = Optimizer.parse(parsed.option("--optimizer"));
                s = s.withOptimizer(optimizer);
                if (optimizer == Optimizer.ADAM && parsed.option("--lr") == null) {
                    s = s.withLearningRate(0.001);
                }
            }
            Double rate = parsed.doubleOption("--lr");
            if (rate != null) {
                s = s.withLearningRate(rate);
            }
            List<Integer> milestones = parsed.intListOption("--milestones", 1);
            Double factor = parsed.doubleOption("--lr-factor");
            Integer warmup = parsed.intOption("--warmup", 0);
            s = s.withSchedule(new LearningRateSchedule(s.schedule().base(), milestones, factor != null ? factor : 0.1,
                    warmup != null ? warmup : 0));
            Double decay = parsed.doubleOption("--weight-decay");
            if (decay != null) {
                s = s.withWeightDecay(decay);
            }
            Double momentum = parsed.doubleOption("--momentum");
            if (momentum != null) {
                s = s.withMomentum(momentum);
            }
            Long seed = parsed.longOption("--seed");
            if (seed != null) {
                s = s.withSeed(seed);
            }
            Integer eval = parsed.intOption("--eval-every", 1);
            if (eval != null) {
                s = s.withEvalEvery(eval);
            }
            Integer every = parsed.intOption("--metrics-every", 1);
            if (every != null) {
                s = s.withMetricsEvery(every);
            }
            Integer limit = parsed.intOption("--test-limit", 1);
            if (limit != null) {
                s = s.withTestLimit(limit);
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
}

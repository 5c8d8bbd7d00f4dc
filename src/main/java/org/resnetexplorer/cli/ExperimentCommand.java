package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.charts.StudyCharts;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.engine.MetricsFiles;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.experiments.Claim;
import org.resnetexplorer.experiments.Experiment;
import org.resnetexplorer.experiments.ExperimentFileException;
import org.resnetexplorer.experiments.ExperimentResult;
import org.resnetexplorer.experiments.ExperimentRunner;
import org.resnetexplorer.experiments.InRunOrder;
import org.resnetexplorer.experiments.Experiments;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;

/**
 * {@code experiment [NAME | FILE.json] [--full] [--out DIR] [--png] [--lang en|zh] [--check] [--jobs N] [--seed S]}:
 * runs one of the paper's experiments (a bundled preset or a preset file) headless, up to N runs at once (by default
 * as many as the machine has cores), then prints each claim with the figures it was checked on, and the paper's own
 * numbers; a preset with a study then measures the trained runs and prints what it found (and with {@code --png}
 * writes its pictures too). The lines and files are those of a one-by-one run, whatever N (decision 0025).
 * {@code --seed S} trains every run from seed S instead of the preset's (the dataset stays the same). Without NAME,
 * lists the presets. With {@code --check}, reads the preset, loads its dataset and builds every run's network, and
 * trains nothing.
 */
final class ExperimentCommand implements Command {
    /** Exit code when every run finished but a claim does not hold in this result. */
    static final int CLAIM_DOES_NOT_HOLD = 4;

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String usage() {
        return "[NAME | FILE.json] [--full] [--out DIR] [--png] [--lang en|zh] [--check] [--jobs N] [--seed S]";
    }

    @Override
    public String description() {
        return "run one of the paper's experiments in miniature (" + String.join(", ", Experiments.BUNDLED)
                + ") and check its claims on the result; --jobs N trains up to N runs at once (default: one per core, "
                + Runtime.getRuntime().availableProcessors() + " here), --seed S trains every run from seed S";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = Arguments.parse(name(), args, Set.of("--out", "--lang", "--jobs", "--seed"),
                Set.of("--full", "--png", "--check"));
        String language = parsed.option("--lang") == null ? "en" : parsed.option("--lang");
        if (!language.equals("en") && !language.equals("zh")) {
            throw new UsageException("--lang is en or zh, not '" + language + "'");
        }
        if (parsed.positional().isEmpty()) {
            for (String id : Experiments.BUNDLED) {
                try {
                    out.println(id + "  " + Experiment.text(Experiments.bundled(id).title(), language));
                } catch (ExperimentFileException e) {
                    err.println(e.getMessage());
                    return Cli.FAILED;
                }
            }
            return Cli.OK;
        }
        if (parsed.positional().size() > 1) {
            throw new UsageException("'experiment' runs one experiment at a time, not " + parsed.positional().size());
        }
        Path folder = parsed.pathOption("--out", "the folder to write into, e.g. --out runs/plain-vs-residual");
        Integer jobs = parsed.intOption("--jobs", 1);
        Long seed = parsed.longOption("--seed");
        if (parsed.flag("--png") && folder == null) {
            throw new UsageException("--png needs --out DIR, the folder for the charts");
        }
        String which = parsed.positional().get(0);
        Experiment experiment;
        try {
            Path file = Arguments.path(which, "NAME");
            experiment = which.endsWith(".json") || Files.exists(file) ? Experiments.load(file) : Experiments.bundled(which);
        } catch (ExperimentFileException e) {
            throw new UsageException(e.getMessage());
        }
        if (seed != null) {
            experiment = experiment.withSeed(seed);
        }
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        return run(experiment, parsed, folder, language, parallel, out, err);
    }

    /** Runs the experiment, writing its measurements into {@code folder} when it is not null. */
    private int run(Experiment experiment, Arguments parsed, Path folder, String language, int jobs, PrintStream out,
            PrintStream err) throws UsageException {
        boolean full = parsed.flag("--full");
        out.println(Experiment.text(experiment.title(), language));
        ExperimentRunner runner = new ExperimentRunner(experiment, full, jobs);
        runner.useThreads(Runtime.getRuntime().availableProcessors());
        Map<String, List<TrainingSnapshot>> histories = new LinkedHashMap<>();
        MetricsFiles files = null;
        try {
            runner.prepare(); // the dataset and every run's network, before anything is written or trained
        } catch (DatasetException | ExperimentFileException e) {
            throw new UsageException(e.getMessage());
        }
        if (parsed.flag("--check")) {
            out.printf(Locale.ROOT, "ok: %d runs%s, %,d steps each; nothing trained (--check)%n", experiment.runs().size(),
                    experiment.trains() ? " on " + experiment.dataset() : "", experiment.settings(full).steps());
            return Cli.OK;
        }
        try {
            if (folder != null) {
                files = new MetricsFiles(folder);
            }
            MetricsFiles written = files;
            // the runs' events in run order, one at a time: the lines and the files of a one-by-one run
            InRunOrder inOrder = new InRunOrder(experiment, new ExperimentRunner.Listener() {
                @Override
                public void runStarted(String run, Network network, int index, int count) {
                    histories.put(run, new ArrayList<>());
                    out.printf(Locale.ROOT, "run %d/%d  %s%n", index + 1, count, run);
                }

                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    if (written != null) {
                        written.snapshot(snapshot);
                    }
                    histories.get(snapshot.run()).add(snapshot);
                }

                /** The study's progress, a line at each quarter (a study of a few seconds prints one or two). */
                private int quarter = -1;

                @Override
                public void studyProgress(double done, String what) {
                    int reached = (int) Math.floor(Math.min(1, Math.max(0, done)) * 4);
                    if (reached > quarter) {
                        quarter = reached;
                        out.printf(Locale.ROOT, "study %3.0f%%  %s%n", 100 * done, what);
                    }
                }

                @Override
                public void runFinished(String run, RunResult result) {
                    out.printf(Locale.ROOT, "  %s after %d steps: train error %s, test error %s, %.0f steps/s%s%n",
                            result.status().name().toLowerCase(Locale.ROOT), result.steps(), Counts.percent(result.trainError()),
                            Counts.percent(result.testError()), result.stepsPerSecond(),
                            result.status() == RunStatus.FINISHED ? "" : " (" + result.message() + ")");
                }
            });
            runner.addListener(inOrder);
            ExperimentResult result = runner.run();
            inOrder.flush();
            if (files != null) {
                files.close();
                if (parsed.flag("--png")) {
                    List<RunHistory> runs = new ArrayList<>();
                    histories.forEach((run, snapshots) -> {
                        if (!snapshots.isEmpty()) {
                            runs.add(new RunHistory(run, snapshots));
                        }
                    });
                    if (!runs.isEmpty()) {
                        for (Path png : ChartFiles.writeAll(runs, folder, 1200, 800)) {
                            out.println("wrote " + png);
                        }
                    }
                    if (result.study().isPresent()) {
                        for (Path png : StudyCharts.write(StudyCharts.of(result.study().get().findings()), folder,
                                1200, 800)) {
                            out.println("wrote " + png);
                        }
                    }
                }
                out.println("wrote " + folder.resolve(MetricsFiles.METRICS) + " and " + MetricsFiles.HISTOGRAMS);
            }
            return report(result, language, out);
        } catch (DatasetException | ExperimentFileException e) {
            throw new UsageException(e.getMessage()); // prepared above, so not expected here
        } catch (IOException e) {
            err.println("experiment: cannot write to " + folder + ": " + e.getMessage());
            return Cli.FAILED;
        }
    }

    private static int report(ExperimentResult result, String language, PrintStream out) {
        for (ExperimentResult.Run run : result.runs()) {
            if (!run.spec().train()) {
                out.printf(Locale.ROOT, "  %-12s %s parameters, %s multiply-adds%n", run.spec().name(),
                        Counts.grouped(run.analysis().totalParams()), Counts.abbreviated(run.analysis().totalMacs()));
            } else if (run.result().status() != RunStatus.FINISHED) {
                out.println("the experiment did not finish: " + run.spec().name() + " " + run.result().message());
                return Cli.FAILED;
            }
        }
        if (result.studyFailure().isPresent()) {
            out.println("the study did not finish: " + result.studyFailure().get());
            return Cli.FAILED;
        }
        result.study().ifPresent(study -> study.lines(language).forEach(line -> out.println("  " + line)));
        boolean all = true;
        for (Claim.Outcome outcome : result.outcomes()) {
            all &= outcome.holds();
            out.printf(Locale.ROOT, "%s %s  [%s: %s, %s: %s]%n", outcome.holds() ? "HOLDS    " : "NOT SHOWN",
                    Experiment.text(outcome.claim().statement(), language), outcome.claim().run(),
                    outcome.claim().figure().format(outcome.left()),
                    outcome.claim().than() == null ? "bound" : outcome.claim().than(),
                    outcome.claim().otherFigure().format(outcome.right()));
        }
        out.println(Experiment.text(result.experiment().paper(), language));
        return all ? Cli.OK : CLAIM_DOES_NOT_HOLD;
    }
}

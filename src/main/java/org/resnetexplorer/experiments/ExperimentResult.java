package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Analysis;

/** What an experiment's runs produced (in the experiment's order), what its study measured, and its claims checked on it. */
public final class ExperimentResult {
    /** One run: its counts, and for a trained run its result and every snapshot. */
    public record Run(Experiment.RunSpec spec, Analysis analysis, RunResult result, List<TrainingSnapshot> snapshots) {
        public Run {
            snapshots = List.copyOf(snapshots);
        }
    }

    private final Experiment experiment;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final StudyResult study;
    private final String studyFailure;

    ExperimentResult(Experiment experiment, List<Run> runs) {
        this(experiment, runs, null, null);
    }

    /**
     * @param study        what the preset's study measured; null if it has none or it did not run
     * @param studyFailure why the study could not measure (a network that cannot run), null if it did or has none
     */
    ExperimentResult(Experiment experiment, List<Run> runs, StudyResult study, String studyFailure) {
        this.experiment = experiment;
        for (Run run : runs) {
            this.runs.put(run.spec().name(), run);
        }
        this.study = study;
        this.studyFailure = studyFailure;
    }

    /** What the preset's study measured, if it has one and it ran (not after a stop, nor when it failed). */
    public java.util.Optional<StudyResult> study() {
        return java.util.Optional.ofNullable(study);
    }

    /** Why the preset's study could not measure, if it failed. */
    public java.util.Optional<String> studyFailure() {
        return java.util.Optional.ofNullable(studyFailure);
    }

    public Experiment experiment() {
        return experiment;
    }

    public List<Run> runs() {
        return List.copyOf(runs.values());
    }

    public Run run(String name) {
        Run run = runs.get(name);
        if (run == null) {
            throw new IllegalArgumentException("no run '" + name + "' in experiment '" + experiment.id() + "'");
        }
        return run;
    }

    /** Every claim of the experiment, checked. */
    public List<Claim.Outcome> outcomes() {
        List<Claim.Outcome> outcomes = new ArrayList<>();
        for (Claim claim : experiment.claims()) {
            outcomes.add(claim.check(this));
        }
        return outcomes;
    }

    /** Whether every claim holds. */
    public boolean holds() {
        return outcomes().stream().allMatch(Claim.Outcome::holds);
    }

    /** One figure of one run (NaN where the run has none, e.g. a run that diverged before measuring it). */
    public double figure(String name, Claim.Figure figure) {
        return figure(name, figure, Double.NaN);
    }

    /** One figure of one run; {@code level} is the training error {@link Claim.Figure#STEPS_TO_TRAIN_ERROR} counts to. */
    public double figure(String name, Claim.Figure figure, double level) {
        Run run = run(name);
        List<TrainingSnapshot> snapshots = run.snapshots();
        return switch (figure) {
            case PARAMS -> run.analysis().totalParams();
            case MACS -> run.analysis().totalMacs();
            case TRAIN_ERROR -> endTrainError(snapshots);
            case TEST_ERROR -> snapshots.stream().filter(TrainingSnapshot::hasTestError)
                    .reduce((a, b) -> b).map(TrainingSnapshot::testError).orElse(Double.NaN);
            case GRADIENT_RATIO -> snapshots.isEmpty() ? Double.NaN : gradientRatio(snapshots.get(0));
            case RESPONSE_STD -> snapshots.isEmpty() ? Double.NaN
                    : snapshots.get(snapshots.size() - 1).responseStd().stream()
                            .mapToDouble(TrainingSnapshot.LayerValue::value).average().orElse(Double.NaN);
            case STEPS_TO_TRAIN_ERROR -> stepsTo(snapshots, level);
            case LESION_INCREASE, INSERTED_RESIDUAL_CHANGE, INSERTED_PLAIN_CHANGE, BASIN_WIDTH, NEIGHBOUR_CORRELATION ->
                    study == null ? Double.NaN : study.figure(name, figure);
        };
    }

    /**
     * The first evaluation's step whose training error (inference mode, the run's training sample) is at most
     * {@code level}; +infinity if none reaches it (NaN: no snapshots).
     */
    static double stepsTo(List<TrainingSnapshot> snapshots, double level) {
        if (snapshots.isEmpty() || Double.isNaN(level)) {
            return Double.NaN;
        }
        return snapshots.stream().filter(s -> s.hasTrainError() && s.trainError() <= level)
                .mapToDouble(TrainingSnapshot::step).findFirst().orElse(Double.POSITIVE_INFINITY);
    }

    /**
     * The training error (inference mode, the run's training sample) at the end: the mean of the evaluations in the
     * last tenth of the steps, or the last evaluation when none falls there. Where a run evaluates often, one
     * evaluation is one draw of weights that SGD keeps moving; the mean over the last tenth is as steady as the
     * running error claims checked before (decision 0024). NaN for a run never evaluated.
     */
    static double endTrainError(List<TrainingSnapshot> snapshots) {
        List<TrainingSnapshot> evaluated = snapshots.stream().filter(TrainingSnapshot::hasTrainError).toList();
        if (evaluated.isEmpty()) {
            return Double.NaN;
        }
        TrainingSnapshot last = evaluated.get(evaluated.size() - 1);
        int from = last.step() - Math.max(1, last.totalSteps() / 10);
        return evaluated.stream().filter(s -> s.step() > from).mapToDouble(TrainingSnapshot::trainError)
                .average().orElseThrow();
    }

    /** The first hidden weighted layer's gradient norm over the last hidden one's (the classifier left out). */
    static double gradientRatio(TrainingSnapshot first) {
        List<TrainingSnapshot.GradientNorm> weights = first.gradNorms().stream()
                .filter(v -> v.kind() == TrainingSnapshot.GradientKind.WEIGHT).toList();
        if (weights.size() < 3) {
            return Double.NaN;
        }
        return weights.get(0).value() / weights.get(weights.size() - 2).value();
    }
}

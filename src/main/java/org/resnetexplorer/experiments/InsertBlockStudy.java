package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resnetexplorer.engine.BlockSurgery;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/**
 * The {@code insert-block} study (decision 0033): into the trained ResNet of run {@code run} it inserts a residual
 * block in the middle and at the end, then a plain pair instead, measures the test error right after each, and
 * continues training each for {@code steps} steps (times the preset's full factor in the full setting) at the constant
 * {@code learningRate}, measuring the test error every {@code evalEvery} steps. Figures of that run:
 * {@code inserted_residual_change} and {@code inserted_plain_change}, the largest |change| of test error (a fraction)
 * right after the residual and the plain insertions.
 */
final class InsertBlockStudy implements StudyMethod {
    private String run;
    private int steps;
    private double learningRate;
    private int evalEvery;

    @Override
    public void check(Experiment experiment) throws ExperimentFileException {
        StudySettings settings = experiment.study().settings();
        settings.only(Set.of("run", "steps", "learningRate", "evalEvery"));
        run = settings.has("run") ? settings.choice("run", null,
                Set.copyOf(experiment.runs().stream().map(Experiment.RunSpec::name).toList()))
                : experiment.runs().get(0).name();
        steps = settings.integer("steps", 300, 1, 100_000);
        learningRate = settings.number("learningRate", 0.005, 1e-6, 10);
        evalEvery = settings.integer("evalEvery", 25, 1, 100_000);
        Experiment.RunSpec spec = experiment.run(run);
        if (!spec.train()) {
            throw settings.problem("run", "is '" + run + "', a run that does not train: name the trained ResNet");
        }
        Network network = Templates.build(spec.template(), spec.options());
        if (network.blocks().stream().noneMatch(b -> network.hasShortcut(b.name()))) {
            throw settings.problem("run", "is '" + run + "' (" + spec.template() + "), which has no residual block:"
                    + " name a ResNet");
        }
    }

    @Override
    public StudyResult measure(StudyInput in) throws EngineException {
        TrainedRun trained = in.run(run);
        if (trained.state() == null) {
            return new Result(run, null);
        }
        int factor = in.full() ? in.experiment().fullFactor() : 1;
        TrainingSettings settings = in.experiment().settings(in.full())
                .withSteps(Math.min(TrainingSettings.MAX_STEPS, steps * factor))
                .withEvalEvery(evalEvery * factor)
                .withSchedule(LearningRateSchedule.constant(learningRate));
        BlockSurgery.Findings findings = BlockSurgery.measure(run, trained.network(), trained.state(), in.dataset(),
                settings, (what, done) -> in.progress().report(done, what), in.stopped());
        return new Result(run, findings);
    }

    /** What the study measured on run {@code run}; no surgery ({@code null}) when that run did not finish training. */
    record Result(String run, BlockSurgery.Findings surgery) implements StudyResult {
        @Override
        public double figure(String name, Claim.Figure figure) {
            if (surgery == null || !name.equals(run)) {
                return Double.NaN;
            }
            return switch (figure) {
                case INSERTED_RESIDUAL_CHANGE -> surgery.largestChange(true);
                case INSERTED_PLAIN_CHANGE -> surgery.largestChange(false);
                default -> Double.NaN;
            };
        }

        @Override
        public List<String> lines(String language) {
            Texts.Language lang = Texts.Language.parse(language);
            if (surgery == null) {
                return List.of(String.format(Texts.get(lang, "insertBlockStudy.untrained"), run));
            }
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Texts.get(lang, "insertBlockStudy.trained"), run,
                    Counts.percent(surgery.trainedError())));
            for (BlockSurgery.Insertion insertion : surgery.insertions()) {
                double last = insertion.testErrors()[insertion.testErrors().length - 1];
                lines.add(String.format(Texts.get(lang, "insertBlockStudy.insertion"),
                        Texts.get(lang, "insertBlock." + insertion.name()), insertion.after(),
                        Counts.percent(insertion.errorAfter()),
                        String.format(Locale.ROOT, "%+.1f", 100 * insertion.change(surgery.trainedError())),
                        insertion.steps()[insertion.steps().length - 1], Counts.percent(last)));
            }
            return lines;
        }

        @Override
        public List<Object> findings() {
            return surgery == null ? List.of() : List.of(surgery);
        }
    }
}

package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.Lesion;
import org.resnetexplorer.engine.LesionResult;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/**
 * The lesion study (kind {@code "lesion"}; Veit, Wilber, Belongie 2016): every trained run's test error with each
 * block deleted at test time, and with k blocks deleted at random for k = 0 to all, {@code "draws"} times each
 * (default 10). Its figure {@link Claim.Figure#LESION_INCREASE} of a run is the mean, over its blocks, of how much
 * deleting that one block raises the run's test error (a fraction). Errors are measured on the test examples a run's
 * test error is measured on (the settings' {@code testLimit}).
 */
final class LesionStudy implements StudyMethod {
    private static final String DRAWS = "draws";
    private int draws;

    @Override
    public void check(Experiment experiment) throws ExperimentFileException {
        StudySettings settings = experiment.study().settings();
        settings.only(Set.of(DRAWS));
        draws = settings.integer(DRAWS, 10, 1, 50);
        for (Experiment.RunSpec run : experiment.runs()) {
            if (run.train() && Templates.build(run.template(), run.options()).blocks().isEmpty()) {
                throw settings.problem("kind", "deletes blocks, but run '" + run.name() + "' (" + run.template()
                        + ") has none: use templates with blocks, e.g. mlp-resnet-N and mlp-plain-N");
            }
        }
    }

    @Override
    public StudyResult measure(StudyInput in) throws EngineException {
        List<TrainedRun> measured = in.runs().stream().filter(r -> r.state() != null).toList();
        List<LesionResult> results = new ArrayList<>();
        int testLimit = in.experiment().settings(in.full()).testLimit();
        for (int i = 0; i < measured.size() && !in.stopped().getAsBoolean(); i++) {
            TrainedRun run = measured.get(i);
            int index = i;
            String what = Texts.format("lesionStudy.progress", run.spec().name());
            in.progress().report((double) i / measured.size(), what);
            Lesion lesion = Lesion.of(run.state().withRun(run.spec().name()), in.dataset().test(), testLimit);
            results.add(lesion.study(draws, in.seed(),
                    done -> in.progress().report((index + done) / measured.size(), what), in.stopped()));
        }
        return new Findings(results);
    }

    /** Every measured run's lesion study, in the experiment's order. */
    record Findings(List<LesionResult> results) implements StudyResult {
        Findings {
            results = List.copyOf(results);
        }

        @Override
        public double figure(String run, Claim.Figure figure) {
            if (figure != Claim.Figure.LESION_INCREASE) {
                return Double.NaN;
            }
            return results.stream().filter(r -> r.run().equals(run)).mapToDouble(LesionResult::meanIncrease).findFirst()
                    .orElse(Double.NaN);
        }

        @Override
        public List<String> lines(String language) {
            Texts.Language in = Texts.Language.parse(language);
            List<String> lines = new ArrayList<>();
            for (LesionResult r : results) {
                LesionResult.BlockLesion worst = r.blocks().stream()
                        .max(Comparator.comparingDouble(LesionResult.BlockLesion::error)).orElse(null);
                LesionResult.RandomLesions all = r.random().isEmpty() ? null : r.random().get(r.random().size() - 1);
                lines.add(String.format(Locale.ROOT, Texts.get(in, "lesionStudy.line"), r.run(),
                        Counts.percent(r.error()), Counts.percent(r.meanErrorWithOneDeleted()),
                        points(r.meanIncrease()), worst == null ? "-" : Counts.percent(worst.error()),
                        worst == null ? "-" : worst.block(), all == null ? 0 : all.deleted(),
                        all == null ? "-" : Counts.percent(all.mean())));
            }
            return lines;
        }

        /** A change of error in percentage points, with its sign: "+27.6". */
        private static String points(double change) {
            return String.format(Locale.ROOT, "%+.1f", 100 * change);
        }

        @Override
        public List<Object> findings() {
            return List.copyOf(results);
        }
    }
}

package org.resnetexplorer.experiments;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.TemplateOptions;

/**
 * One paper experiment in miniature: the runs it trains (each a template with options), the dataset and the
 * settings they share, how much longer the "full" setting trains, what a study measures on the trained runs (if
 * anything), the claims the result is checked against,
 * and the texts shown beside it in English and Chinese: a title, an explanation, and the paper's own figures
 * (marked as the paper's).
 *
 * @param fullFactor the "full" setting trains {@code fullFactor} times the steps
 * @param study what is measured on the runs once they have trained; null for none
 */
public record Experiment(String id, Map<String, String> title, Map<String, String> explanation,
        Map<String, String> paper, String dataset, DatasetOptions datasetOptions, TrainingSettings settings,
        int fullFactor, List<RunSpec> runs, List<Claim> claims, Study study) {

    /** One run: a name for the charts and the table, a template, its options, and whether it trains at all. */
    public record RunSpec(String name, String template, TemplateOptions options, boolean train) {
        public RunSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(options, "options");
        }
    }

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        title = Map.copyOf(title);
        explanation = Map.copyOf(explanation);
        paper = Map.copyOf(paper);
        runs = List.copyOf(runs);
        claims = List.copyOf(claims);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one run");
        }
        if (fullFactor < 1) {
            throw new IllegalArgumentException("the full factor must be at least 1 (got " + fullFactor + ")");
        }
        if ((long) settings.steps() * fullFactor > TrainingSettings.MAX_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the full setting would train %,d x %,d steps, more"
                    + " than the %,d a run may take: lower \"steps\" or \"fullFactor\"", settings.steps(), fullFactor,
                    TrainingSettings.MAX_STEPS));
        }
    }

    /** The text in {@code language} ("en" or "zh"), English where that language has none. */
    public static String text(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text != null ? text : texts.getOrDefault("en", "");
    }

    /** Whether any run trains (the bottleneck experiment only counts). */
    public boolean trains() {
        return runs.stream().anyMatch(RunSpec::train);
    }

    /** The settings of the default or the "full" setting. */
    public TrainingSettings settings(boolean full) {
        if (!full || fullFactor == 1) {
            return settings;
        }
        int steps = settings.steps() * fullFactor; // at most MAX_STEPS, checked by the constructor
        LearningRateSchedule schedule = settings.schedule();
        // the drops stay at the same fractions of the longer run
        List<Integer> milestones = schedule.milestones().stream().map(m -> m * fullFactor).toList();
        return settings.withSteps(steps)
                .withSchedule(new LearningRateSchedule(schedule.base(), milestones, schedule.factor(), schedule.warmupSteps()))
                .withEvalEvery((int) Math.min(Integer.MAX_VALUE, (long) settings.evalEvery() * fullFactor));
    }

    /**
     * The same experiment trained from another seed: the settings' seed (weights, batch order, dropout) becomes
     * {@code seed}; the dataset, drawn from its own seed, stays the same, so every seed learns the same examples.
     */
    public Experiment withSeed(long seed) {
        return new Experiment(id, title, explanation, paper, dataset, datasetOptions, settings.withSeed(seed), fullFactor,
                runs, claims, study);
    }

    public RunSpec run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("experiment '" + id + "' has no run '" + name + "'"));
    }
}

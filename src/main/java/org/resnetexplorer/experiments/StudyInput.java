package org.resnetexplorer.experiments;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.resnetexplorer.data.Dataset;

/**
 * What a study measures: the experiment (and whether its "full" setting ran), the dataset the runs trained on (null
 * if none trains), every run in the experiment's order, the seed the runs trained from, where to report progress
 * and whether to stop.
 */
public record StudyInput(Experiment experiment, boolean full, Dataset dataset, List<TrainedRun> runs, long seed,
        StudyProgress progress, BooleanSupplier stopped) {
    public StudyInput {
        Objects.requireNonNull(experiment, "experiment");
        runs = List.copyOf(runs);
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(stopped, "stopped");
    }

    /** The run named {@code name}. */
    public TrainedRun run(String name) {
        return runs.stream().filter(r -> r.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run '" + name + "' in " + experiment.id()));
    }
}

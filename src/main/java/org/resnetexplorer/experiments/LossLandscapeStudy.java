package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.engine.LossLandscape;
import org.resnetexplorer.i18n.Texts;

/**
 * The study {@code "loss-landscape"} (Li, Xu, Taylor, Studer, Goldstein 2018): the loss around every run's trained
 * weights along two filter-normalised random directions, over a grid and a finer 1-D slice, on a fixed sample of the
 * training set. Its figure {@link Claim.Figure#BASIN_WIDTH} is the width of the low-loss basin along the slice: the
 * length, in units of the direction, of the interval around the trained weights where the loss stays under
 * {@code basinFactor} times the loss at the trained weights (decision 0035).
 *
 * <p>Settings (all optional): {@code points} (grid points per axis, odd, 3-51; 21), {@code fullPoints} (the same
 * with {@code --full}; 51), {@code range} (the grid spans [-range, range] on both axes; 1), {@code slicePoints} (odd,
 * 3-201; 41), {@code sample} (training examples the loss is the mean over; 128) and {@code basinFactor} (2).
 */
final class LossLandscapeStudy implements StudyMethod {
    private static final Set<String> FIELDS = Set.of("kind", "points", "fullPoints", "range", "slicePoints", "sample",
            "basinFactor");
    private int points;
    private int fullPoints;
    private double range;
    private int slicePoints;
    private int sample;
    private double basinFactor;

    @Override
    public void check(Experiment experiment) throws ExperimentFileException {
        StudySettings settings = experiment.study().settings();
        settings.only(FIELDS);
        points = odd(settings, "points", 21, LossLandscape.MAX_POINTS);
        fullPoints = odd(settings, "fullPoints", LossLandscape.MAX_POINTS, LossLandscape.MAX_POINTS);
        slicePoints = odd(settings, "slicePoints", 41, LossLandscape.MAX_SLICE_POINTS);
        range = settings.number("range", 1, 0.01, 100);
        sample = settings.integer("sample", 128, 16, 10_000);
        basinFactor = settings.number("basinFactor", 2, 1.01, 1000);
        if (!experiment.trains()) {
            throw settings.problem("kind", "measures the loss around trained weights, but no run trains");
        }
        for (Experiment.RunSpec run : experiment.runs()) {
            if (!run.train()) {
                throw settings.problem("kind", "measures the loss around trained weights, but run '" + run.name()
                        + "' does not train");
            }
        }
    }

    private static int odd(StudySettings settings, String field, int fallback, int max) throws ExperimentFileException {
        int value = settings.integer(field, fallback, 3, max);
        if (value % 2 == 0) {
            throw settings.problem(field, "is " + value + ": it must be odd, so that the trained weights are the centre");
        }
        return value;
    }

    /**
     * Every run that finished, one after the other: its landscape on the same training sample, its directions drawn
     * from the experiment's seed. Progress after each run's slice and after every grid row; a stop ends the grid
     * within a row and keeps the landscapes measured so far.
     */
    @Override
    public StudyResult measure(StudyInput in) throws EngineException {
        int perAxis = in.full() ? fullPoints : points;
        Examples examples = LossLandscape.sample(in.dataset().train(), sample, in.seed());
        List<TrainedRun> runs = in.runs().stream().filter(r -> r.state() != null).toList();
        List<Landscape> landscapes = new ArrayList<>();
        for (int index = 0; index < runs.size() && !in.stopped().getAsBoolean(); index++) {
            TrainedRun run = runs.get(index);
            String name = run.spec().name();
            int before = index;
            int rows = perAxis;
            in.progress().report((double) index / runs.size(), Texts.format("lossLandscape.progress.slice", name));
            LossLandscape landscape = LossLandscape.of(run.state().withRun(name), examples, in.seed());
            landscapes.add(landscape.measure(range, perAxis, slicePoints, (evaluated, total) -> {
                int row = (evaluated - slicePoints) / rows;
                in.progress().report((before + (double) evaluated / total) / runs.size(), row == 0
                        ? Texts.format("lossLandscape.progress.slice", name)
                        : Texts.format("lossLandscape.progress.row", name, row, rows));
            }, in.stopped()));
        }
        return new LossLandscapeResult(new Landscapes(landscapes, basinFactor));
    }
}

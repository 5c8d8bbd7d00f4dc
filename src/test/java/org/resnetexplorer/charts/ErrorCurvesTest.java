package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;

class ErrorCurvesTest {

    /** A run whose running error falls from {@code start}, with a training and a test error every tenth step. */
    private static RunHistory run(String name, double start) {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            double error = start * Math.exp(-step / 80.0);
            boolean evaluated = step % 10 == 0;
            snapshots.add(new TrainingSnapshot(name, step, 200, 2 * error + 0.01, error,
                    evaluated ? error - 0.01 : Double.NaN, evaluated ? error + 0.05 : Double.NaN, 0.1, 50, List.of(), List.of(), List.of()));
        }
        return new RunHistory(name, snapshots);
    }

    private static long pixelsOf(BufferedImage image, java.awt.Color colour) {
        long count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    @DisplayName("the iteration axes of the error and loss charts tick at whole steps, also before any run (no 'iteration 0.5')")
    void wholeIterations() {
        assertThat(ErrorCurves.plot(List.of(), 0, false).wholeX()).isTrue();
        assertThat(ErrorCurves.loss(List.of(), 0).wholeX()).isTrue();
    }

    @Test
    @DisplayName("draws each run in its own colour, with test points only at the steps that were evaluated")
    void oneColourPerRun() {
        RunHistory plain = run("plain", 0.9);
        RunHistory residual = run("residual", 0.6);
        LinePlot both = ErrorCurves.plot(List.of(plain, residual), 0, false);
        BufferedImage image = both.render(1200, 800, 1);
        assertThat(pixelsOf(image, Palette.run(0))).as("the first run's colour").isPositive();
        assertThat(pixelsOf(image, Palette.run(1))).as("the second run's colour").isPositive();
        assertThat(plain.series("test", TrainingSnapshot::testError).size()).as("test points only where measured")
                .isEqualTo(20);
        assertThat(both.lines()).as("a training and a test line per run").hasSize(4);
        assertThat(both.lines().get(0).series().size()).as("training points only where evaluated").isEqualTo(20);
    }

    @Test
    @DisplayName("the running-error option adds each run's running batch error as a thinner dashed line after the"
            + " training and test lines, with a key; without it there is none")
    void runningError() {
        RunHistory plain = run("plain", 0.9);
        RunHistory residual = run("residual", 0.6);
        LinePlot without = ErrorCurves.plot(List.of(plain, residual), Palette.first(2), 0, false, false);
        LinePlot with = ErrorCurves.plot(List.of(plain, residual), Palette.first(2), 0, false, true);

        assertThat(without.lines()).hasSize(4).noneMatch(LinePlot.Line::dashed);
        assertThat(with.lines()).hasSize(6);
        assertThat(with.lines().subList(0, 4)).as("training and test lines keep their places")
                .isEqualTo(without.lines());
        LinePlot.Line running = with.lines().get(5);
        assertThat(running.dashed()).as("the running error is dashed").isTrue();
        assertThat(running.width()).as("and thinner than the training error").isLessThan(with.lines().get(2).width());
        assertThat(running.color()).as("in the run's colour").isEqualTo(Palette.run(1));
        assertThat(running.series().size()).as("a point at every snapshot").isEqualTo(200);
        assertThat(running.series().yAt(0)).as("the batch error").isEqualTo(0.6 * Math.exp(-1 / 80.0));
        assertThat(with.render(800, 500, 1)).isNotNull();
    }

    @Test
    @DisplayName("the loss chart draws every run on a log scale")
    void lossChart() {
        BufferedImage image = ErrorCurves.loss(List.of(run("a", 0.9), run("b", 0.5)), 0.5).render(800, 500, 2);
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(pixelsOf(image, Palette.run(1))).isPositive();
    }
}

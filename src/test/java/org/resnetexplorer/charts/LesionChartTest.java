package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.LesionResult;
import org.resnetexplorer.graph.BlockDeletion;

/** The lesion study's bars and random-deletion curve. */
@DisplayName("Lesion chart")
class LesionChartTest {

    private static LesionResult result(String run, boolean residual, double error, double... perBlock) {
        List<LesionResult.BlockLesion> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < perBlock.length; i++) {
            blocks.add(new LesionResult.BlockLesion("block" + (i + 1), residual ? BlockDeletion.Kind.SHORTCUT
                    : BlockDeletion.Kind.REMOVED, perBlock[i]));
        }
        List<LesionResult.RandomLesions> random = List.of(new LesionResult.RandomLesions(0, new double[] {error, error}),
                new LesionResult.RandomLesions(1, new double[] {0.2, 0.4}),
                new LesionResult.RandomLesions(2, new double[] {0.5, 0.6}));
        return new LesionResult(run, residual, 100, error, blocks, random, 500);
    }

    private static final List<LesionResult> RUNS = List.of(result("resnet", true, 0.02, 0.05, 0.1),
            result("plain", false, 0.05, 0.6, 0.65));

    @Test
    @DisplayName("gives two pictures under the issue's file names, lesion.png and lesion-random.png")
    void twoPictures() {
        assertThat(StudyCharts.of(List.of(RUNS.get(0), "something else", RUNS.get(1))))
                .extracting(StudyCharts.Picture::file).containsExactly("lesion.png", "lesion-random.png");
    }

    @Test
    @DisplayName("draws each run's bars in its colour, the plain net's taller bars with more of its colour")
    void barsInRunColours() {
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST,
                ChartStyle.LIGHT.scaled(1.6, 1.6))) {
            BufferedImage image = StudyCharts.of(RUNS).get(0).render(900, 600, 1, style);
            int resnet = Pixels.count(image, style.line(Palette.run(0)));
            int plain = Pixels.count(image, style.line(Palette.run(1)));
            assertThat(resnet).as("the ResNet's bars in %s", style).isGreaterThan(200);
            assertThat(plain).as("the plain net's bars, about six times as tall, in %s", style)
                    .isGreaterThan(4 * resnet);
        }
    }

    @Test
    @DisplayName("the random curve: per run the mean of the draws bold, the best and worst thin, in percent")
    void randomCurve() {
        LinePlot plot = LesionChart.random(RUNS, Palette.first(2));

        assertThat(plot.lines()).hasSize(6);
        assertThat(plot.lines().get(0).series().y()).containsExactly(new double[] {0.02, 0.3, 0.55}, within(1e-12));
        assertThat(plot.lines().get(1).series().y()).containsExactly(0.02, 0.2, 0.5);
        assertThat(plot.lines().get(2).series().y()).containsExactly(0.02, 0.4, 0.6);
        assertThat(plot.lines().get(3).color()).isEqualTo(Palette.run(1));
        assertThat(plot.legendEntries()).filteredOn(e -> !e.key()).extracting(Legend.Entry::name)
                .containsExactly("resnet", "plain");
        BufferedImage image = StudyCharts.of(RUNS).get(1).render(900, 600, 1, ChartStyle.DARK);
        assertThat(Pixels.count(image, ChartStyle.DARK.line(Palette.run(1)))).isGreaterThan(100);
    }

    @Test
    @DisplayName("a study with no block measured says so instead of drawing empty axes")
    void nothingMeasured() {
        LesionResult none = new LesionResult("r", true, 0, 0.1, List.of(), List.of(), 10);
        BufferedImage image = StudyCharts.of(List.of(none)).get(0).render(600, 400, 1, ChartStyle.LIGHT);
        assertThat(Pixels.count(image, Color.BLACK) + Pixels.count(image, ChartStyle.LIGHT.axis())).isPositive();
        assertThat(LesionChart.top(List.of(none))).isEqualTo(0.2);
    }
}

package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.GradientShattering;

/**
 * The shattered-gradients pictures: their fixed file names, a panel per family and pictured depth in the family's run
 * colour, and the correlation against depth with each family's range, readable in every style.
 */
class ShatteredGradientsChartTest {
    private static GradientShattering measured() {
        double[] inputs = {-2, -1, 0, 1, 2};
        GradientShattering.Gradient smooth = new GradientShattering.Gradient(2, new double[] {1, 2, 3, 4, 5}, 0.97);
        GradientShattering.Gradient noisy = new GradientShattering.Gradient(20, new double[] {5, -3, 4, -6, 2}, -0.4);
        GradientShattering.Family plain = new GradientShattering.Family("plain", false, new int[] {2, 20},
                new double[] {0.95, -0.05}, new double[] {0.9, -0.45}, new double[] {0.99, 0.2}, List.of(smooth, noisy));
        GradientShattering.Family resnet = new GradientShattering.Family("resnet", true, new int[] {2, 20},
                new double[] {0.96, 0.5}, new double[] {0.93, 0.4}, new double[] {0.99, 0.6}, List.of(smooth, smooth));
        return new GradientShattering(inputs, 3, List.of(plain, resnet));
    }

    @Test
    @DisplayName("the study draws two pictures under the file names the issue gives")
    void twoPictures() {
        List<StudyCharts.Picture> pictures = StudyCharts.of(List.of(measured()));
        assertThat(pictures).extracting(StudyCharts.Picture::file).containsExactly("shattered-gradients.png",
                "shattered-gradients-correlation.png");
    }

    @Test
    @DisplayName("every family's gradients are painted in its run colour, in the light, dark and presentation styles")
    void gradientsInRunColours() {
        StudyCharts.Picture gradients = ShatteredGradientsChart.pictures(measured()).get(0);
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST.scaled(1.6, 2))) {
            BufferedImage image = gradients.render(1200, 800, 1, style);
            assertThat(Pixels.count(image, style.line(Palette.run(0)))).as("plain's colour in %s", style).isGreaterThan(50);
            assertThat(Pixels.count(image, style.line(Palette.run(1)))).as("resnet's colour in %s", style).isGreaterThan(50);
        }
    }

    @Test
    @DisplayName("each panel shows the correlation of its gradient, to two digits")
    void panelLabels() {
        GradientShattering.Gradient noisy = measured().families().get(0).gradients().get(1);
        assertThat(ShatteredGradientsChart.panelLabel(noisy)).contains("-0.40");
    }

    @Test
    @DisplayName("the panels stay readable in the window's small chart area: each family's curve still shows")
    void smallArea() {
        BufferedImage image = ShatteredGradientsChart.pictures(measured()).get(0).render(480, 230, 1, ChartStyle.LIGHT);
        assertThat(Pixels.count(image, Palette.run(0))).isGreaterThan(20);
        assertThat(Pixels.count(image, Palette.run(1))).isGreaterThan(20);
    }

    @Test
    @DisplayName("the correlation chart has a bold mean and two dashed bounds per family, and shows the lowest value")
    void correlationAgainstDepth() {
        LinePlot plot = ShatteredGradientsChart.correlation(measured());
        assertThat(plot.lines()).hasSize(6);
        assertThat(plot.lines()).filteredOn(LinePlot.Line::dashed).hasSize(4);
        assertThat(plot.legendEntries()).extracting(Legend.Entry::name).contains("plain", "resnet");
        BufferedImage image = plot.render(1200, 800, 1);
        assertThat(plot.frame().orElseThrow().y0()).as("the axis reaches down to plain's lowest, -0.45").isLessThanOrEqualTo(-0.45);
        assertThat(Pixels.count(image, Palette.run(1))).isGreaterThan(100);
    }

    @Test
    @DisplayName("a measurement stopped before any gradient was pictured says so instead of drawing empty panels")
    void nothingPictured() {
        GradientShattering empty = new GradientShattering(new double[] {0, 1}, 1, List.of(new GradientShattering.Family(
                "plain", false, new int[] {2}, new double[] {Double.NaN}, new double[] {Double.NaN},
                new double[] {Double.NaN}, List.of())));
        BufferedImage image = ShatteredGradientsChart.pictures(empty).get(0).render(600, 400, 1, ChartStyle.LIGHT);
        assertThat(Pixels.count(image, ChartStyle.LIGHT.axis())).as("the message's text").isGreaterThan(20);
    }
}

package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;

/** The loss-landscape pictures: panels on one log colour scale, contours where the loss crosses a level, the slices. */
class LossLandscapeChartTest {

    /** A bowl: loss = centre + steepness (a^2 + b^2), over [-1, 1] on a grid of {@code points}, its slice alike. */
    private static Landscape bowl(String run, double centre, double steepness, int points) {
        double[] grid = new double[points * points];
        for (int j = 0; j < points; j++) {
            for (int i = 0; i < points; i++) {
                double a = Landscape.coordinate(1, i, points);
                double b = Landscape.coordinate(1, j, points);
                grid[j * points + i] = centre + steepness * (a * a + b * b);
            }
        }
        double[] slice = new double[41];
        for (int k = 0; k < slice.length; k++) {
            double a = Landscape.coordinate(1, k, slice.length);
            slice[k] = centre + steepness * a * a;
        }
        return new Landscape(run, 1, points, grid, slice, centre, 128, true);
    }

    private static final Landscapes TWO = new Landscapes(List.of(bowl("resnet-20", 0.3, 15, 21),
            bowl("plain-20", 0.3, 1000, 21)), 2);

    @Test
    @DisplayName("both panels share one colour scale: the same loss is the same colour, and the steep bowl is brighter")
    void sharedLogScale() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        List<Rectangle> panels = LossLandscapeChart.paint(image.createGraphics(), TWO, 1200, 800, ChartStyle.LIGHT);
        assertThat(panels).hasSize(2);
        Rectangle wide = panels.get(0);
        Rectangle steep = panels.get(1);
        assertThat(wide.width).isEqualTo(wide.height).isGreaterThan(300);
        assertThat(wide.x + wide.width).isLessThan(steep.x);
        // at a = 0.08, b = 0 the wide bowl's loss is 0.40, the steep one's 6.7: both between two contour levels
        int dx = (int) Math.round(0.08 * wide.width / 2);
        int dy = wide.height / 2;
        assertThat(luminance(image.getRGB(steep.x + steep.width / 2 + dx, steep.y + dy)))
                .as("the steep bowl is brighter at the same (a, b)")
                .isGreaterThan(luminance(image.getRGB(wide.x + wide.width / 2 + dx, wide.y + dy)) + 30);
        // the corners of the wide bowl (loss 30.3) and the steep bowl's point where a^2 + b^2 = 0.03 (loss 30.3), both
        // well between the contours of 20 and 50
        int corner = image.getRGB(wide.x + 2, wide.y + wide.height - 2);
        double r = Math.sqrt(0.03) * steep.width / 2;
        int same = image.getRGB(steep.x + steep.width / 2 + (int) Math.round(r), steep.y + steep.height / 2 + 1);
        assertThat(distance(corner, same)).as("the same loss, the same colour (log scale shared)").isLessThan(40);
    }

    @Test
    @DisplayName("the contour of a level runs where the grid crosses it: around a cone, a circle of that radius")
    void contourOfACone() {
        int n = 41;
        double[][] cone = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                cone[j][i] = Math.hypot(Landscape.coordinate(1, i, n), Landscape.coordinate(1, j, n));
            }
        }
        Rectangle2D bounds = Contours.path(cone, 0.5, 100, 50, 400).getBounds2D();
        // radius 0.5 of the half-width 1 is a quarter of the side: a circle 200 across, centred in the square
        assertThat(bounds.getWidth()).isCloseTo(200, offset(3.0));
        assertThat(bounds.getHeight()).isCloseTo(200, offset(3.0));
        assertThat(bounds.getCenterX()).isCloseTo(300, offset(1.0));
        assertThat(bounds.getCenterY()).isCloseTo(250, offset(1.0));
        assertThat(Contours.path(cone, 5, 100, 50, 400).getBounds2D().isEmpty()).as("a level never crossed").isTrue();
    }

    @Test
    @DisplayName("the colour scale's contours are the losses 1, 2 and 5 times a power of ten between the lowest and highest")
    void levels() {
        LogScale scale = LogScale.of(List.of(bowl("r", 0.3, 1000, 21)));
        assertThat(scale.low()).isCloseTo(Math.log10(0.3), offset(1e-12));
        assertThat(scale.high()).isCloseTo(Math.log10(2000.3), offset(1e-12));
        List<String> labels = new ArrayList<>();
        scale.contourLevels().forEach(level -> labels.add(LogScale.label(level)));
        assertThat(labels).containsExactly("0.5", "1", "2", "5", "10", "20", "50", "100", "200", "500", "1000", "2000");
        assertThat(scale.labelLevels()).containsExactly(0.0, 1.0, 2.0, 3.0);
    }

    @Test
    @DisplayName("a study's landscapes give two pictures, the heatmaps and the slices, readable in every style")
    void pictures() {
        List<StudyCharts.Picture> pictures = StudyCharts.of(List.of(TWO));
        assertThat(pictures).extracting(StudyCharts.Picture::file)
                .containsExactly("loss-landscape.png", "loss-landscape-slice.png");
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST.scaled(1.6, 1.6))) {
            for (StudyCharts.Picture picture : pictures) {
                BufferedImage image = picture.render(1000, 560, 1, style);
                assertThat(Pixels.count(image, style.background())).as("%s on %s", picture.file(), style.background())
                        .isLessThan(1000 * 560 * 95 / 100);
            }
        }
        LinePlot plot = LossLandscapeSliceChart.plot(TWO);
        assertThat(plot.lines()).as("a curve and a dashed basin level per run").hasSize(4);
        assertThat(plot.lines().get(1).dashed()).isTrue();
        assertThat(plot.lines().get(1).series().yAt(0)).as("twice the trained loss").isCloseTo(0.6, offset(1e-12));
    }

    @Test
    @DisplayName("a landscape stopped after some rows leaves the rows not measured empty (the background)")
    void stoppedRowsAreEmpty() {
        Landscape full = bowl("resnet-20", 0.3, 10, 11);
        double[] grid = full.losses();
        for (int k = 5 * 11; k < grid.length; k++) {
            grid[k] = Double.NaN;
        }
        Landscape stopped = new Landscape("resnet-20", 1, 11, grid, full.slice(), 0.3, 128, false);
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Rectangle panel = LossLandscapeChart.paint(image.createGraphics(), new Landscapes(List.of(stopped), 2), 1200,
                800, ChartStyle.LIGHT).get(0);
        assertThat(image.getRGB(panel.x + panel.width / 3, panel.y + 10) & 0xFFFFFF).as("the top rows: not measured")
                .isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(panel.x + panel.width / 3, panel.y + panel.height - 10) & 0xFFFFFF)
                .as("the bottom rows: measured").isNotEqualTo(0xFFFFFF);
    }

    private static double luminance(int rgb) {
        Color c = new Color(rgb);
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private static double distance(int one, int other) {
        Color a = new Color(one);
        Color b = new Color(other);
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}

package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.LayerProjection;
import org.resnetexplorer.engine.NetworkStages;
import org.resnetexplorer.engine.Projection;

/** The picture of one stage: the warped grid, the points in their class colours, a twin's panel beside it. */
class LayerProjectionChartTest {
    private static final NetworkStages.Stage BLOCK = new NetworkStages.Stage(NetworkStages.Kind.BLOCK, "block3.relu2", 3, 8);

    /** A square grid over [0, scale]^2 and one point of each class per column of a 3 x 3 lattice in the left half. */
    private static LayerProjection.Picture picture(float scale) {
        int per = LayerProjection.POINTS_PER_LINE;
        float[] grid = new float[2 * 2 * LayerProjection.LINES * per];
        int at = 0;
        for (int direction = 0; direction < 2; direction++) {
            for (int line = 0; line < LayerProjection.LINES; line++) {
                for (int p = 0; p < per; p++) {
                    float along = scale * p / (per - 1);
                    float across = scale * line / (LayerProjection.LINES - 1);
                    grid[at++] = direction == 0 ? along : across;
                    grid[at++] = direction == 0 ? across : along;
                }
            }
        }
        float[] points = new float[2 * 9];
        int[] labels = new int[9];
        for (int i = 0; i < 9; i++) {
            points[2 * i] = scale * (0.1f + 0.1f * (i % 3));
            points[2 * i + 1] = scale * (0.2f + 0.3f * (i / 3));
            labels[i] = i % 3;
        }
        return new LayerProjection.Picture(BLOCK, 16, grid, points, labels);
    }

    private static BufferedImage render(List<LayerProjectionChart.Panel> panels, ChartStyle style) {
        return LayerProjectionChart.render(panels, Projection.FIRST_TWO_UNITS, List.of("a", "b", "c"), "nothing",
                900, 500, 1, style);
    }

    private static int inHalf(BufferedImage image, Color colour, boolean left) {
        int n = 0;
        for (int x = left ? 0 : image.getWidth() / 2; x < (left ? image.getWidth() / 2 : image.getWidth()); x++) {
            for (int y = 60; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    @DisplayName("the stage reads as the block, its number of the blocks and its node")
    void stageLabel() {
        assertThat(LayerProjectionChart.stageLabel(BLOCK)).isEqualTo("Block 3 of 8 · block3.relu2");
        assertThat(LayerProjectionChart.stageLabel(new NetworkStages.Stage(NetworkStages.Kind.INPUT, "input", 0, 0)))
                .isEqualTo("Input · input");
    }

    @Test
    @DisplayName("one panel draws the points in their class colours over the grid; a twin's panel draws its own"
            + " beside it, in the same colours")
    void panelsSideBySide() {
        BufferedImage one = render(List.of(new LayerProjectionChart.Panel("run · step 10", picture(1))), ChartStyle.LIGHT);
        for (int c = 0; c < 3; c++) {
            assertThat(Pixels.count(one, ClassColours.of(c))).as("class %d's points", c).isGreaterThan(20);
        }
        BufferedImage two = render(List.of(new LayerProjectionChart.Panel("run · step 10", picture(1)),
                new LayerProjectionChart.Panel("twin · step 10", picture(50))), ChartStyle.LIGHT);
        for (int c = 0; c < 3; c++) {
            assertThat(inHalf(two, ClassColours.of(c), true)).as("class %d on the left", c).isGreaterThan(10);
            assertThat(inHalf(two, ClassColours.of(c), false)).as("class %d on the right", c).isGreaterThan(10);
        }
        BufferedImage none = render(List.of(), ChartStyle.LIGHT);
        assertThat(Pixels.count(none, ClassColours.of(0))).as("no panel, no points").isZero();
    }

    @Test
    @DisplayName("the grid lines are drawn, lighter than the axes, in the light and the high-contrast styles")
    void gridLines() {
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.HIGH_CONTRAST.scaled(1.6, 2))) {
            BufferedImage image = render(List.of(new LayerProjectionChart.Panel("run", picture(1))), style);
            int background = style.background().getRGB() & 0xFFFFFF;
            int greys = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 80; y < image.getHeight() - 80; y++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    int r = rgb >> 16;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    greys += rgb != background && Math.abs(r - g) < 12 && Math.abs(g - b) < 12 ? 1 : 0;
                }
            }
            assertThat(greys).as("grey grid pixels in %s", style).isGreaterThan(3000);
        }
    }

    @Test
    @DisplayName("the pointer over a dot finds that point of that panel, with its class; away from the dots nothing")
    void pointUnderThePointer() {
        List<LayerProjectionChart.Panel> panels = List.of(new LayerProjectionChart.Panel("run", picture(1)),
                new LayerProjectionChart.Panel("twin", picture(50)));
        BufferedImage image = new BufferedImage(900, 500, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        LayerProjectionChart.Layout layout = LayerProjectionChart.draw(g, 900, 500, ChartStyle.LIGHT, panels,
                Projection.FIRST_TWO_UNITS, List.of("a", "b", "c"), null);
        g.dispose();
        int found = 0;
        for (int x = 0; x < 900; x++) {
            for (int y = 60; y < 500; y++) {
                for (int c = 0; c < 3; c++) {
                    if ((image.getRGB(x, y) & 0xFFFFFF) == (ClassColours.of(c).getRGB() & 0xFFFFFF)) {
                        LayerProjectionChart.Hit hit = layout.pointAt(x, y, 6).orElseThrow();
                        assertThat(hit.label()).as("the dot at %d, %d", x, y).isEqualTo(c);
                        assertThat(hit.panel()).isEqualTo(x < 450 ? 0 : 1);
                        assertThat(hit.x()).isEqualTo(panels.get(hit.panel()).picture().points()[2 * hit.index()]);
                        found++;
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(layout.pointAt(5, 495, 6)).as("a corner of the chart").isEmpty();
    }
}

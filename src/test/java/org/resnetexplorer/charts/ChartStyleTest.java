package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetexplorer.charts.Pixels.count;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;

class ChartStyleTest {

    private static LinePlot plot() {
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 0.5 + 0.3 * Math.sin(i / 30.0);
        }
        return new LinePlot("Error", "iteration", "error").percent(true).yRange(0, 1)
                .add(new LinePlot.Line(new Series("run", x, y), Palette.run(0), 1.3f, false));
    }

    /** Pixels at least {@code level} bright in every channel (white text, light axes). */
    private static int bright(BufferedImage image, int level) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) >= level && ((rgb >> 8) & 0xFF) >= level && (rgb & 0xFF) >= level) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    @DisplayName("the default style paints as before: white background, the palette's colours")
    void lightIsTheOldLook() {
        BufferedImage image = plot().render(600, 400, 1, ChartStyle.LIGHT);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(count(image, Palette.run(0))).isPositive();
        assertThat(ChartStyle.LIGHT.line(Palette.run(3))).isEqualTo(Palette.run(3));
    }

    @Test
    @DisplayName("thicker lines and larger text: more line pixels and more text pixels, the same image size")
    void scaledStyleThickensLinesAndText() {
        BufferedImage normal = plot().render(600, 400, 1, ChartStyle.LIGHT);
        BufferedImage large = plot().render(600, 400, 1, ChartStyle.LIGHT.scaled(1.5, 2.5));
        assertThat(large.getWidth()).isEqualTo(normal.getWidth());
        assertThat(large.getHeight()).isEqualTo(normal.getHeight());
        assertThat(count(large, Palette.run(0))).as("line pixels").isGreaterThan(count(normal, Palette.run(0)) * 3 / 2);
        assertThat(count(large, Color.BLACK)).as("title pixels").isGreaterThan(count(normal, Color.BLACK) * 3 / 2);
    }

    @Test
    @DisplayName("high contrast: black background, light text, bright run colours instead of the palette's")
    void highContrast() {
        BufferedImage light = plot().render(600, 400, 1, ChartStyle.LIGHT);
        BufferedImage image = plot().render(600, 400, 1, ChartStyle.HIGH_CONTRAST);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("background").isEqualTo(0x000000);
        assertThat(count(image, Palette.run(0))).as("the palette's dark blue is not used").isZero();
        assertThat(count(image, ChartStyle.HIGH_CONTRAST.line(Palette.run(0)))).isPositive();
        assertThat(bright(image, 230)).as("light text and axes").isPositive()
                .isLessThan(image.getWidth() * image.getHeight() / 4);
        assertThat(bright(light, 230)).as("the light chart is mostly white").isGreaterThan(light.getWidth() * light.getHeight() / 2);
        // each run keeps its own colour, and none is the background
        List<Color> runs = new ArrayList<>();
        for (int i = 0; i < Palette.size(); i++) {
            runs.add(ChartStyle.HIGH_CONTRAST.line(Palette.run(i)));
        }
        assertThat(runs).doesNotHaveDuplicates().doesNotContain(Color.BLACK);
        assertThat(ChartStyle.HIGH_CONTRAST.line(Color.GRAY)).as("other colours stay").isEqualTo(Color.GRAY);
    }

    @Test
    @DisplayName("dark: the dark theme's background, every run colour its own and none lost in the background")
    void dark() {
        BufferedImage image = plot().render(600, 400, 1, ChartStyle.DARK);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(ChartStyle.DARK.background().getRGB() & 0xFFFFFF);
        assertThat(ChartStyle.DARK.dark()).isTrue();
        assertThat(ChartStyle.LIGHT.dark()).isFalse();
        List<Color> runs = new ArrayList<>();
        for (int i = 0; i < Palette.size(); i++) {
            Color c = ChartStyle.DARK.line(Palette.run(i));
            runs.add(c);
            assertThat(c.getRed() + c.getGreen() + c.getBlue()).as("run %d bright enough", i).isGreaterThan(300);
        }
        assertThat(runs).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("the heatmap follows the style too: background, larger labels, same size")
    void heatmapFollowsStyle() {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 40; step++) {
            List<TrainingSnapshot.GradientNorm> norms = new ArrayList<>();
            for (int l = 0; l < 6; l++) {
                norms.add(new TrainingSnapshot.GradientNorm("dense" + l, GradientKind.WEIGHT, Math.pow(10, -l * 0.3) * step));
            }
            snapshots.add(new TrainingSnapshot("r", step, 40, 1, 0.5, 0.5, Double.NaN, 0.1, 10, norms, List.of(), List.of()));
        }
        RunHistory run = new RunHistory("r", snapshots);
        BufferedImage light = GradientNormHeatmap.render(run, 600, 400, 1);
        BufferedImage hc = GradientNormHeatmap.render(run, 600, 400, 1, ChartStyle.HIGH_CONTRAST.scaled(1.5, 2));
        assertThat(hc.getWidth()).isEqualTo(light.getWidth());
        assertThat(hc.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(bright(hc, 230)).isPositive();
    }

    @Test
    @DisplayName("a style must name a colour for every palette colour, and sensible scales")
    void refusesBadStyles() {
        assertThatThrownBy(() -> new ChartStyle(Color.WHITE, Color.BLACK, Color.GRAY, Color.GRAY, List.of(Color.RED), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("palette");
        assertThatThrownBy(() -> ChartStyle.LIGHT.scaled(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

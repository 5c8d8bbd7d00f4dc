package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinePlotTest {

    private static Series wave(String name, int points, double offset) {
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i;
            y[i] = 0.5 + 0.3 * Math.sin(i / 50.0 + offset) * Math.exp(-i / (double) points);
        }
        return new Series(name, x, y);
    }

    private static boolean hasColour(BufferedImage image, Color colour) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    @DisplayName("renders at the asked size and scale, with each line's colour on a white background")
    void rendersLines() {
        LinePlot plot = new LinePlot("Error", "iteration", "error").percent(true).yRange(0, 1)
                .add(new LinePlot.Line(wave("a", 500, 0), Palette.run(0), 1.3f, false))
                .add(new LinePlot.Line(wave("b", 500, 1), Palette.run(1), 3f, false));
        BufferedImage image = plot.render(600, 400, 2);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("background").isEqualTo(0xFFFFFF);
        assertThat(hasColour(image, Palette.run(0))).as("first line drawn").isTrue();
        assertThat(hasColour(image, Palette.run(1))).as("second line drawn").isTrue();
    }

    @Test
    @DisplayName("100,000 points are decimated to the pixel columns and still drawn")
    void decimatesLongSeries() {
        LinePlot plot = new LinePlot("Long", "iteration", "value")
                .add(new LinePlot.Line(wave("long", 100_000, 0), Palette.run(2), 1.5f, false));
        long start = System.nanoTime();
        BufferedImage image = plot.render(800, 500, 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(hasColour(image, Palette.run(2))).isTrue();
        assertThat(millis).as("a guard against drawing every point, not a benchmark").isLessThan(5_000);
    }

    @Test
    @DisplayName("a log scale leaves out values that are not positive instead of failing")
    void logScaleSkipsNonPositive() {
        Series series = new Series("loss", new double[] {1, 2, 3, 4}, new double[] {1.0, 0.0, -1, 0.01});
        BufferedImage image = new LinePlot("Loss", "iteration", "loss").logY(true)
                .add(new LinePlot.Line(series, Palette.run(3), 2f, true)).render(400, 300, 1);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("not a blank image").isGreaterThan(5);
    }

    @Test
    @DisplayName("ticks are round numbers covering the range")
    void niceTicks() {
        assertThat(LinePlot.niceTicks(0, 1, 5)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(LinePlot.niceTicks(0, 1000, 8)).contains(0.0, 200.0, 1000.0);
    }

    @Test
    @DisplayName("ticks of layer indices are whole numbers: layers 1 to 3 are 1, 2, 3, never 1.2 or 1.4")
    void wholeTicks() {
        assertThat(LinePlot.niceTicks(1, 3, 8)).as("what a plain axis would show").contains(1.2, 1.4);
        assertThat(LinePlot.wholeTicks(1, 3, 8)).containsExactly(1.0, 2.0, 3.0);
        assertThat(LinePlot.wholeTicks(0.5, 1.5, 4)).containsExactly(1.0);
        assertThat(LinePlot.wholeTicks(1, 56, 6)).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0);
    }

    @Test
    @DisplayName("smoothing averages the past and keeps the first value")
    void smoothing() {
        Series s = new Series("s", new double[] {0, 1, 2}, new double[] {1, 0, 0}).smoothed(0.5);
        assertThat(s.y()).containsExactly(1.0, 0.5, 0.25);
        assertThat(List.of(s.x()[2])).containsExactly(2.0);
    }

    @Test
    @DisplayName("hover lookup: the drawn point nearest the pointer, its data and drawing position; nothing far away")
    void nearestPointUnderPointer() {
        double[] x = new double[3000];
        double[] y = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = 0.9 - 0.8 * i / x.length;
        }
        LinePlot plot = new LinePlot("Error", "iteration", "error").yRange(0, 1)
                .add(new LinePlot.Line(new Series("flat", x, new double[x.length]), Palette.run(0), 1f, false))
                .add(new LinePlot.Line(new Series("falling", x, y), Palette.run(1), 1f, false));
        assertThat(plot.nearest(100, 100, 20)).as("nothing drawn yet").isEmpty();
        plot.render(800, 500, 2);
        LinePlot.Frame frame = plot.frame().orElseThrow();
        double px = frame.px(1500);
        double py = frame.py(0.9 - 0.8 * 1499 / 3000.0);
        LinePlot.Hit hit = plot.nearest(px + 0.2, py - 3, 12).orElseThrow();
        assertThat(hit.lineIndex()).isEqualTo(1);
        assertThat(hit.line().series().name()).isEqualTo("falling");
        assertThat(hit.x()).isCloseTo(1500, org.assertj.core.data.Offset.offset(15.0));
        assertThat(hit.py()).isCloseTo(frame.py(hit.y()), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.hypot(hit.px() - px - 0.2, hit.py() - py + 3)).isLessThanOrEqualTo(3.01);
        assertThat(plot.nearest(frame.px(1500), frame.py(0.25), 5)).as("between the lines, far from both").isEmpty();
        assertThat(frame.x(frame.px(1234))).isCloseTo(1234, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(plot.nearest(frame.px(10), frame.py(0), 4)).get().extracting(LinePlot.Hit::lineIndex).isEqualTo(0);
    }

    @Test
    @DisplayName("nearest index by x, a binary search")
    void nearestIndex() {
        Series s = new Series("s", new double[] {1, 2, 4, 8}, new double[] {0, 0, 0, 0});
        assertThat(s.nearestIndex(0)).isEqualTo(0);
        assertThat(s.nearestIndex(2.9)).isEqualTo(1);
        assertThat(s.nearestIndex(3.1)).isEqualTo(2);
        assertThat(s.nearestIndex(100)).isEqualTo(3);
        assertThat(s.firstIndexAtOrAfter(4)).isEqualTo(2);
        assertThat(new Series("e", new double[0], new double[0]).nearestIndex(1)).isEqualTo(-1);
    }

    @Test
    @DisplayName("a filled line shades the area under it in a light tint of its colour")
    void filledLine() {
        Series s = new Series("h", new double[] {0, 0, 1, 1}, new double[] {0, 10, 10, 0});
        BufferedImage image = new LinePlot("H", "x", "count").add(new LinePlot.Line(s, Palette.run(1), 1.5f, false, true))
                .render(400, 300, 1);
        Color c = new Color(image.getRGB(200, 200));
        assertThat(c.getRed()).as("a tint of orange inside the bars").isGreaterThan(c.getBlue() + 20);
        assertThat(c.getRGB() & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }
}

package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.graph.Shape;

/** The picture of decision regions: cells in their class's colour by confidence, panels side by side, hover. */
class DecisionRegionsChartTest {
    /** Two points far apart in the bottom-left and top-right corners of the data. */
    private static final Dataset DATA = new Dataset("two", new Examples(Shape.flat(2), 2, new float[] {0, 0, 10, 10},
            new int[] {0, 1}), new Examples(Shape.flat(2), 2, new float[] {5, 5}, new int[] {1}), List.of("inner",
            "outer"));
    private static final DecisionRegions.Grid GRID = DecisionRegions.Grid.over(DATA);

    /** Class 0 on the left half of the plane, class 1 on the right, at {@code confidence} everywhere. */
    private static DecisionRegions halves(float confidence) {
        int[] predicted = new int[GRID.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = i % GRID.columns() < GRID.columns() / 2 ? 0 : 1;
        }
        float[] sure = new float[GRID.size()];
        Arrays.fill(sure, confidence);
        return DecisionRegions.of(GRID, 40, 2, predicted, sure, 1);
    }

    private static DecisionRegionsChart.Layout draw(BufferedImage image, ChartStyle style, List<DecisionRegionsChart.Panel> panels,
            boolean discretise) {
        Graphics2D g = image.createGraphics();
        try {
            return DecisionRegionsChart.draw(g, image.getWidth(), image.getHeight(), style, "Decision regions", DATA,
                    GRID, panels, new DecisionRegionsChart.Options(true, discretise));
        } finally {
            g.dispose();
        }
    }

    /** The colour drawn at the plane's point ({@code x}, {@code y}) of a panel. */
    private static Color at(BufferedImage image, DecisionRegionsChart.Area a, double x, double y) {
        double px = a.left() + (x - GRID.left()) / (GRID.right() - GRID.left()) * a.width();
        double py = a.top() + (GRID.top() - y) / (GRID.top() - GRID.bottom()) * a.height();
        return new Color(image.getRGB((int) px, (int) py));
    }

    @Test
    @DisplayName("each cell shows its predicted class's colour, as strong as the network is sure, or full when discretised")
    void colouredByClassAndConfidence() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        DecisionRegionsChart.Layout sure = draw(image, ChartStyle.LIGHT, List.of(new DecisionRegionsChart.Panel("net",
                halves(1f))), false);
        DecisionRegionsChart.Area a = sure.areas().get(0);
        assertThat(at(image, a, 1, 8)).isEqualTo(ClassColours.region(0, 1, Color.WHITE));
        assertThat(at(image, a, 9, 2)).isEqualTo(ClassColours.region(1, 1, Color.WHITE));

        DecisionRegionsChart.Area guess = draw(image, ChartStyle.LIGHT, List.of(new DecisionRegionsChart.Panel("net",
                halves(0.5f))), false).areas().get(0);
        assertThat(at(image, guess, 1, 8)).as("a guess between two classes shows the background").isEqualTo(Color.WHITE);

        DecisionRegionsChart.Area hard = draw(image, ChartStyle.DARK, List.of(new DecisionRegionsChart.Panel("net",
                halves(0.5f))), true).areas().get(0);
        assertThat(at(image, hard, 9, 2)).isEqualTo(ClassColours.region(1, 1, ChartStyle.DARK.background()));
    }

    @Test
    @DisplayName("two runs show side by side, the same size on the same grid, and the hover names each panel's class")
    void sideBySide() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        DecisionRegionsChart.Layout layout = draw(image, ChartStyle.LIGHT, List.of(
                new DecisionRegionsChart.Panel("resnet", halves(1f)), new DecisionRegionsChart.Panel("plain", null)), false);
        assertThat(layout.areas()).hasSize(2);
        DecisionRegionsChart.Area left = layout.areas().get(0);
        DecisionRegionsChart.Area right = layout.areas().get(1);
        assertThat(right.width()).isEqualTo(left.width());
        assertThat(right.top()).isEqualTo(left.top());
        assertThat(right.left()).isGreaterThan(left.left() + left.width());
        assertThat(left.width() / left.height()).isCloseTo((double) GRID.columns() / GRID.rows(), within(1e-9));

        var hit = layout.hitAt(left.left() + left.width() * 0.9, left.top() + left.height() * 0.5);
        assertThat(hit).isPresent();
        assertThat(hit.get().panel()).isEqualTo("resnet");
        assertThat(hit.get().predicted()).isEqualTo("outer");
        assertThat(hit.get().confidence()).isEqualTo(1f);
        assertThat(layout.hitAt(right.left() + 5, right.top() + 5)).as("nothing computed there yet").isEmpty();
        assertThat(layout.hitAt(left.left() - 5, left.top() + 5)).as("outside the plot").isEmpty();
    }

    @Test
    @DisplayName("with projector-sized text on a 1024 x 768 screen both panels and the legend still fit inside the chart")
    void fitsInPresentationMode() {
        ChartStyle large = ChartStyle.HIGH_CONTRAST.scaled(2, 2);
        BufferedImage image = new BufferedImage(1000, 520, BufferedImage.TYPE_INT_RGB);
        DecisionRegionsChart.Layout layout = draw(image, large, List.of(
                new DecisionRegionsChart.Panel("#1 mlp-resnet-20  ·  step 1200  ·  test error 2.0%", halves(0.9f)),
                new DecisionRegionsChart.Panel("#1 plain twin  ·  step 1200  ·  test error 30.0%", halves(0.9f))), false);
        for (DecisionRegionsChart.Area a : layout.areas()) {
            assertThat(a.left()).isPositive();
            assertThat(a.width()).as("a panel big enough to read").isGreaterThan(150);
            assertThat(a.top() + a.height()).isLessThan(image.getHeight());
        }
        DecisionRegionsChart.Area right = layout.areas().get(1);
        boolean beside = right.left() + right.width() < layout.legendLeft();
        boolean below = layout.legendTop() > right.top() + right.height();
        assertThat(beside || below).as("the legend beside or below the panels, not over them").isTrue();
        assertThat(layout.legendLeft()).as("room for the legend's class names").isLessThan(image.getWidth() - 150);
        assertThat(layout.legendTop()).as("the legend inside the chart").isLessThan(image.getHeight() - 20);
    }

    @Test
    @DisplayName("in a tall, narrow chart (beside the run list at 1280x720) the legend goes below and the panels take the width")
    void legendBelowWhenNarrow() {
        BufferedImage image = new BufferedImage(470, 330, BufferedImage.TYPE_INT_RGB);
        DecisionRegionsChart.Layout layout = draw(image, ChartStyle.LIGHT, List.of(
                new DecisionRegionsChart.Panel("resnet", halves(0.9f)),
                new DecisionRegionsChart.Panel("plain", halves(0.9f))), false);
        DecisionRegionsChart.Area left = layout.areas().get(0);
        DecisionRegionsChart.Area right = layout.areas().get(1);
        assertThat(left.width()).as("each panel takes nearly half the width").isGreaterThan(150);
        assertThat(right.left() + right.width()).isLessThan(image.getWidth());
        assertThat(layout.legendTop()).as("the legend under the panels, not beside them")
                .isGreaterThan((int) (left.top() + left.height()));
    }
}

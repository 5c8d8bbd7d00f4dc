package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.ConfusionMatrix;

/** The confusion matrix: cells by true row and predicted column, coloured by the row's share, counts or percentages. */
class ConfusionMatrixChartTest {
    /** Class a: 99 right, 1 as b; class b: its only example predicted as a; class c: none. */
    private static ConfusionMatrix matrix() {
        int[] truth = new int[101];
        int[] predicted = new int[101];
        predicted[99] = 1;
        truth[100] = 1;
        return ConfusionMatrix.of(3, truth, predicted);
    }

    private static ConfusionMatrixChart.Content content(boolean percentages) {
        return new ConfusionMatrixChart.Content("run", 40, matrix(), List.of("a", "b", "c"), percentages);
    }

    @Test
    @DisplayName("the cell under the pointer is the hovered row's true class and column's predicted class")
    void cellsByRowAndColumn() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        ConfusionMatrixChart.Layout layout = ConfusionMatrixChart.draw(g, content(false), 1200, 800, ChartStyle.LIGHT);
        g.dispose();
        int half = layout.cell() / 2;
        assertThat(layout.cellAt(layout.left() + half, layout.top() + layout.cell() + half))
                .contains(new ConfusionMatrixChart.Cell(1, 0));
        assertThat(layout.cellAt(layout.left() + 2 * layout.cell() + half, layout.top() + half))
                .contains(new ConfusionMatrixChart.Cell(0, 2));
        assertThat(layout.cellAt(layout.left() - 2, layout.top() + half)).isEmpty();
        assertThat(layout.cellAt(layout.left() + 3 * layout.cell() + 1, layout.top() + half)).isEmpty();
    }

    @Test
    @DisplayName("the colour follows the row's share: one of one is darker than 99 of 100, an empty row stays background")
    void colourIsRowNormalised() {
        ConfusionMatrix m = matrix();
        int oneOfOne = luminance(ConfusionMatrixChart.shade(m.rowShare(1, 0), ChartStyle.LIGHT).getRGB());
        int manyOfMore = luminance(ConfusionMatrixChart.shade(m.rowShare(0, 0), ChartStyle.LIGHT).getRGB());
        assertThat(oneOfOne).isLessThan(manyOfMore);
        assertThat(ConfusionMatrixChart.shade(m.rowShare(2, 2), ChartStyle.LIGHT)).isEqualTo(ChartStyle.LIGHT.background());
        assertThat(ConfusionMatrixChart.percent(m.rowShare(0, 1))).isEqualTo("1%");
        assertThat(ConfusionMatrixChart.percent(0.004)).isEqualTo("<1%");
        assertThat(ConfusionMatrixChart.percent(0)).isEqualTo("0%");
    }

    @Test
    @DisplayName("counts and row percentages draw different pictures, in every style, neither blank")
    void countsOrPercentages() {
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST.scaled(1.5, 1.5))) {
            BufferedImage counts = ConfusionMatrixChart.render(content(false), 600, 400, 1, style);
            BufferedImage shares = ConfusionMatrixChart.render(content(true), 600, 400, 1, style);
            assertThat(differing(counts, shares)).as("pixels that differ in %s", style).isGreaterThan(20);
            assertThat(Pixels.count(counts, style.background())).as("background").isLessThan(600 * 400 * 95 / 100);
        }
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                n += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return n;
    }

    private static int luminance(int rgb) {
        return ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }
}

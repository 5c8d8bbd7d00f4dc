package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;

class GradientNormHeatmapTest {

    private static double luminance(int rgb) {
        Color c = new Color(rgb);
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    @DisplayName("a vanishing first layer shows dark at the top, a healthy last layer bright at the bottom")
    void vanishingLayerIsDark() {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 20; step++) {
            snapshots.add(new TrainingSnapshot("plain", step, 20, 1, 0.5, 0.5, Double.NaN, 0.1, 10,
                    List.of(new TrainingSnapshot.GradientNorm("first", GradientKind.WEIGHT, 1e-6),
                            new TrainingSnapshot.GradientNorm("middle", GradientKind.WEIGHT, 1e-3),
                            new TrainingSnapshot.GradientNorm("bn", GradientKind.BATCH_NORM, 5),
                            new TrainingSnapshot.GradientNorm("last", GradientKind.WEIGHT, 1)),
                    List.of(), List.of()));
        }
        BufferedImage image = GradientNormHeatmap.render(new RunHistory("plain", snapshots), 600, 400, 1);
        // down the middle column, past the title: the coloured cells run from the first layer to the last
        List<Double> cells = new ArrayList<>();
        for (int y = 60; y < image.getHeight(); y++) {
            int rgb = image.getRGB(300, y) & 0xFFFFFF;
            if (rgb != 0xFFFFFF) {
                cells.add(luminance(rgb));
            }
        }
        double top = cells.get(cells.size() / 10);
        double bottom = cells.get(cells.size() - 1 - cells.size() / 10);
        assertThat(top).as("the first layer's cell is darker than the last layer's").isLessThan(bottom - 50);
        assertThat(GradientNormHeatmap.colour(0).getRGB()).isNotEqualTo(GradientNormHeatmap.colour(1).getRGB());
    }

    @Test
    @DisplayName("thousands of steps fold into pixel columns by step: each the mean log norm, gaps repeat the column before")
    void cellsByStep() {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 3000; step++) {
            if (step > 1000 && step <= 1600) {
                continue; // a gap, as a thinned run has
            }
            double norm = step <= 1500 ? 1e-2 : 1e-4;
            snapshots.add(new TrainingSnapshot("r", step, 3000, 1, 0.5, 0.5, Double.NaN, 0.1, 10,
                    List.of(new TrainingSnapshot.GradientNorm("a", GradientKind.WEIGHT, norm),
                            new TrainingSnapshot.GradientNorm("b", GradientKind.WEIGHT, 10)),
                    List.of(), List.of()));
        }
        double[][] cells = GradientNormHeatmap.cells(snapshots, List.of("a", "b"), 10);
        assertThat(cells).hasNumberOfRows(2);
        assertThat(cells[0]).hasSize(10);
        assertThat(cells[0][0]).isCloseTo(-2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cells[0][3]).as("steps 901-1200, only up to 1000 measured").isCloseTo(-2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cells[0][4]).as("steps 1201-1500: none measured, repeats the column before").isEqualTo(cells[0][3]);
        assertThat(cells[0][9]).isCloseTo(-4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cells[1][5]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GradientNormHeatmap.layers(new RunHistory("r", snapshots))).containsExactly("a", "b");
    }

    @Test
    @DisplayName("a 56-layer net over 3,000 steps draws quickly, at 2x too")
    void denseHeatmapIsFast() {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 3000; step++) {
            List<TrainingSnapshot.GradientNorm> norms = new ArrayList<>();
            for (int l = 0; l < 56; l++) {
                norms.add(new TrainingSnapshot.GradientNorm("conv" + l, GradientKind.WEIGHT, Math.pow(10, -3 + l / 20.0)));
            }
            snapshots.add(new TrainingSnapshot("r", step, 3000, 1, 0.5, 0.5, Double.NaN, 0.1, 10, norms, List.of(), List.of()));
        }
        RunHistory run = new RunHistory("r", snapshots);
        GradientNormHeatmap.render(run, 1200, 800, 1);
        long start = System.nanoTime();
        BufferedImage image = GradientNormHeatmap.render(run, 1200, 800, 2);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(image.getWidth()).isEqualTo(2400);
        assertThat(millis).as("a guard against a cell per snapshot, not a benchmark").isLessThan(3_000);
    }

    @Test
    @DisplayName("the layout tells the cell under the pointer: layer, step and norm")
    void cellUnderPointer() {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 100; step++) {
            snapshots.add(new TrainingSnapshot("r", step, 100, 1, 0.5, 0.5, Double.NaN, 0.1, 10,
                    List.of(new TrainingSnapshot.GradientNorm("top", GradientKind.WEIGHT, step <= 50 ? 1e-3 : 1e-1),
                            new TrainingSnapshot.GradientNorm("bottom", GradientKind.WEIGHT, 2)),
                    List.of(), List.of()));
        }
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        GradientNormHeatmap.Layout layout = GradientNormHeatmap.draw(g, new RunHistory("r", snapshots), 600, 400);
        g.dispose();
        double upper = layout.top() + (layout.bottom() - layout.top()) * 0.25;
        double lower = layout.top() + (layout.bottom() - layout.top()) * 0.75;
        double early = layout.left() + (layout.right() - layout.left()) * 0.1;
        double late = layout.left() + (layout.right() - layout.left()) * 0.9;
        GradientNormHeatmap.Cell cell = layout.cellAt(early, upper).orElseThrow();
        assertThat(cell.layer()).isEqualTo("top");
        assertThat(cell.norm()).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cell.step()).isBetween(8, 13);
        assertThat(layout.cellAt(late, upper).orElseThrow().norm()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(layout.cellAt(late, lower).orElseThrow().layer()).isEqualTo("bottom");
        assertThat(layout.cellAt(layout.left() - 5, upper)).isEmpty();
    }
}

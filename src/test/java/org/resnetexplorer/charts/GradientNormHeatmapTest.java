package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;

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
                    List.of(new TrainingSnapshot.LayerValue("first", "weight", 1e-6),
                            new TrainingSnapshot.LayerValue("middle", "weight", 1e-3),
                            new TrainingSnapshot.LayerValue("bn", "bn", 5),
                            new TrainingSnapshot.LayerValue("last", "weight", 1)),
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
}

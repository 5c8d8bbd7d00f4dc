package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;

class GradientNormsTest {

    private static RunHistory run(String name, double scale, int... steps) {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step : steps) {
            snapshots.add(new TrainingSnapshot(name, step, 100, 1, 0.5, 0.5, Double.NaN, 0.1, 10,
                    List.of(new TrainingSnapshot.GradientNorm("c1", GradientKind.WEIGHT, scale * step),
                            new TrainingSnapshot.GradientNorm("bn1", GradientKind.BATCH_NORM, 99),
                            new TrainingSnapshot.GradientNorm("c2", GradientKind.WEIGHT, 2 * scale * step)),
                    List.of(), List.of()));
        }
        snapshots.add(new TrainingSnapshot(name, steps[steps.length - 1] + 1, 100, 1, 0.5, 0.5, Double.NaN, 0.1, 10, List.of(),
                List.of(), List.of()));
        return new RunHistory(name, snapshots);
    }

    @Test
    @DisplayName("norm against depth at a step: each run's last measured snapshot at or before it, weight layers only")
    void versusDepth() {
        LinePlot plot = GradientNorms.versusDepth(List.of(run("plain", 1, 10, 20, 30), run("res", 10, 5, 25)),
                List.of(Palette.run(0), Palette.run(1)), 24);
        assertThat(plot.lines()).hasSize(2);
        Series plain = plot.lines().get(0).series();
        assertThat(plain.x()).containsExactly(1.0, 2.0);
        assertThat(plain.y()).containsExactly(20.0, 40.0);
        assertThat(plain.name()).contains("step 20");
        assertThat(plot.lines().get(1).series().y()).containsExactly(50.0, 100.0);
        assertThat(GradientNorms.measuredAt(run("r", 1, 10, 20), 3).step()).as("before the first: the first").isEqualTo(10);
        assertThat(GradientNorms.measuredAt(run("r", 1, 10, 20), 1000).step()).as("the last with norms").isEqualTo(20);
    }

    @Test
    @DisplayName("chosen layers against iteration, leaving out snapshots without norms")
    void chosenLayers() {
        LinePlot plot = GradientNorms.layers(run("r", 1, 1, 2, 3), List.of("c2"));
        assertThat(plot.lines()).singleElement().satisfies(l -> {
            assertThat(l.series().x()).containsExactly(1.0, 2.0, 3.0);
            assertThat(l.series().y()).containsExactly(2.0, 4.0, 6.0);
        });
    }
}

package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;

class ResidualResponsesTest {

    private static TrainingSnapshot snapshot(String run, int step, double low, double high, long... counts) {
        return new TrainingSnapshot(run, step, 10, 1, 0.5, 0.5, Double.NaN, 0.1, 10, List.of(),
                List.of(new TrainingSnapshot.LayerValue("a", 3), new TrainingSnapshot.LayerValue("b", 1),
                        new TrainingSnapshot.LayerValue("c", 2)),
                List.of(new TrainingSnapshot.ResidualResponse("block1", 0.5, 0.2,
                        new TrainingSnapshot.Histogram(low, high, counts))));
    }

    @Test
    @DisplayName("a histogram becomes the outline of its bars: bin edges at their counts, down to zero at both ends")
    void outline() {
        Series s = ResidualResponses.outline("h", new TrainingSnapshot.Histogram(-1, 1, new long[] {2, 5, 0, 1}));
        assertThat(s.x()).containsExactly(-1, -1, -0.5, -0.5, 0, 0, 0.5, 0.5, 1, 1);
        assertThat(s.y()).containsExactly(0, 2, 2, 5, 5, 0, 0, 1, 1, 0);
    }

    @Test
    @DisplayName("the histogram chart shows the chosen block at the chosen step, with the range in the legend")
    void histogramAtStep() {
        RunHistory run = new RunHistory("res", List.of(snapshot("res", 1, -2, 2, 1, 1), snapshot("res", 5, -0.5, 0.25, 3, 4)));
        RunHistory plain = new RunHistory("plain", List.of(new TrainingSnapshot("plain", 1, 10, 1, 0.5, 0.5, Double.NaN, 0.1,
                10, List.of(), List.of(), List.of())));
        LinePlot early = ResidualResponses.histogram(List.of(plain, run), Palette.first(2), "block1", 4);
        assertThat(early.lines()).as("only runs with the block").singleElement()
                .satisfies(l -> assertThat(l.series().name()).isEqualTo("res (step 1): range [-2.00, 2.00], std 0.500"));
        assertThat(early.lines().get(0).color()).isEqualTo(Palette.run(1));
        LinePlot late = ResidualResponses.histogram(List.of(run), Palette.first(1), "block1", 5);
        assertThat(late.lines().get(0).series().y()).containsExactly(0, 3, 3, 4, 4, 0);
        assertThat(ResidualResponses.blocks(List.of(plain, run))).containsExactly("block1");
    }

    @Test
    @DisplayName("Fig. 7 in layer order or sorted from largest to smallest")
    void fig7Orders() {
        RunHistory run = new RunHistory("res", List.of(snapshot("res", 1, -1, 1, 1)));
        assertThat(ResidualResponses.plot(List.of(run), Palette.first(1), ResidualResponses.Order.LAYER).lines())
                .singleElement().satisfies(l -> assertThat(l.series().y()).containsExactly(3, 1, 2));
        assertThat(ResidualResponses.plot(List.of(run), Palette.first(1), ResidualResponses.Order.SORTED).lines())
                .singleElement().satisfies(l -> assertThat(l.series().y()).containsExactly(3, 2, 1));
        assertThat(ResidualResponses.plot(List.of(run)).lines()).hasSize(2);
    }

    private static TrainingSnapshot measured(String run, int step, boolean convolutions) {
        return new TrainingSnapshot(run, step, 10, 1, 0.5, 0.5, Double.NaN, 0.1, 10,
                List.of(new TrainingSnapshot.GradientNorm("dense1", TrainingSnapshot.GradientKind.WEIGHT, 0.1)),
                convolutions ? List.of(new TrainingSnapshot.LayerValue("conv1", 1)) : List.of(), List.of());
    }

    @Test
    @DisplayName("Fig. 7 is blank for good when the measured runs have no 3x3 convolution, not while nothing is"
            + " measured yet or when one run has them")
    void noConvolutions() {
        RunHistory dense = new RunHistory("mlp", List.of(measured("mlp", 1, false), measured("mlp", 2, false)));
        RunHistory cnn = new RunHistory("cnn", List.of(measured("cnn", 1, true)));
        RunHistory unmeasured = new RunHistory("new", List.of(new TrainingSnapshot("new", 1, 10, 1, 0.5, 0.5,
                Double.NaN, 0.1, 10, List.of(), List.of(), List.of())));
        assertThat(ResidualResponses.noConvolutions(List.of(dense))).isTrue();
        assertThat(ResidualResponses.noConvolutions(List.of(dense, unmeasured))).isTrue();
        assertThat(ResidualResponses.noConvolutions(List.of(dense, cnn))).isFalse();
        assertThat(ResidualResponses.noConvolutions(List.of(unmeasured))).isFalse();
        assertThat(ResidualResponses.noConvolutions(List.of())).isFalse();
    }
}

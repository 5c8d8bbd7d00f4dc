package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** What a trained state predicts over the plane: a grid that follows the data, predictions the network makes. */
class DecisionRegionsTest {
    private static final Network NETWORK = Templates.build("mlp-resnet-4",
            TemplateOptions.defaults().withInput(Shape.flat(2)));

    @Test
    @DisplayName("the grid covers every training and test point with a tenth of the range to spare, in square cells,"
            + " 100 along the longer side")
    void gridFollowsTheData() {
        Dataset data = points(new float[] {-2, 1, 6, 3, 0, 2}, new float[] {1, 5});
        DecisionRegions.Grid grid = DecisionRegions.Grid.over(data);
        // x spans -2..6 (8), y spans 1..5 (4): padded to 9.6 wide, cells of 0.096
        assertThat(grid.cell()).isCloseTo(0.096, within(1e-9));
        assertThat(grid.columns()).isEqualTo(DecisionRegions.CELLS);
        assertThat(grid.rows()).isEqualTo(50);
        assertThat(grid.left()).isCloseTo(-2.8, within(1e-9));
        assertThat(grid.right()).isCloseTo(6.8, within(1e-9));
        assertThat(grid.bottom()).isCloseTo(3 - 50 * 0.096 / 2, within(1e-9));
        assertThat(grid.top()).isCloseTo(3 + 50 * 0.096 / 2, within(1e-9));
        assertThat(grid.cellAt(1, 5)).as("the test point lies inside").isPresent();
        assertThat(grid.cellAt(-2.9, 3)).as("left of the padding").isEmpty();
        assertThat(grid.cellAt(grid.left() + 0.01, grid.bottom() + 0.01)).contains(0);
        assertThat(grid.cellAt(grid.right() - 0.01, grid.top() - 0.01)).contains(grid.size() - 1);

        DecisionRegions.Grid tall = DecisionRegions.Grid.over(points(new float[] {0, 0, 1, 10}, new float[] {0, 5}));
        assertThat(tall.rows()).as("the longer side is the second feature's").isEqualTo(DecisionRegions.CELLS);
        assertThat(tall.columns()).isEqualTo(10);
        assertThat(tall.bottom()).isCloseTo(-1, within(1e-9));
    }

    @Test
    @DisplayName("a grid's centres lie in their own cells, row by row from the bottom")
    void centresInTheirCells() {
        DecisionRegions.Grid grid = new DecisionRegions.Grid(-1, 2, 0.5, 4, 3);
        float[] centres = grid.centres();
        assertThat(centres).hasSize(2 * 12);
        for (int i = 0; i < grid.size(); i++) {
            assertThat(grid.cellAt(centres[2 * i], centres[2 * i + 1])).contains(i);
        }
        assertThat(centres[0]).isEqualTo(-0.75f);
        assertThat(centres[1]).isEqualTo(2.25f);
        assertThat(centres[2 * 4 + 1]).as("the second row is above the first").isEqualTo(2.75f);
    }

    @Test
    @DisplayName("images are not points of the plane: no grid over them")
    void imagesHaveNoGrid() {
        Dataset images = new Dataset("tiny", new Examples(Shape.image(1, 2, 2), 2, new float[4], new int[] {0}),
                new Examples(Shape.image(1, 2, 2), 2, new float[4], new int[] {1}), List.of("a", "b"));
        assertThat(DecisionRegions.Grid.fits(images)).isFalse();
        assertThatThrownBy(() -> DecisionRegions.Grid.over(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not points of the plane");
    }

    @Test
    @DisplayName("the grid's predictions are the network's on the same points, run one by one in reverse order through"
            + " a second probe")
    void gridMatchesTheNetwork() throws EngineException {
        NetworkState state = trained();
        Dataset data = TrainerTest.spiral();
        DecisionRegions.Grid grid = DecisionRegions.Grid.over(data);
        DecisionRegions regions = DecisionRegions.compute(NetworkProbe.of(state), grid);
        assertThat(regions.step()).isEqualTo(state.step());
        assertThat(regions.classes()).isEqualTo(data.classes());
        assertThat(regions.nanos()).isPositive();

        NetworkProbe other = NetworkProbe.of(state);
        float[] centres = grid.centres();
        int seen = 0;
        java.util.Set<Integer> classes = new java.util.HashSet<>();
        for (int i = grid.size() - 1; i >= 0; i -= 7) {
            NetworkProbe.Pass one = other.run(new float[] {centres[2 * i], centres[2 * i + 1]}, 1);
            assertThat(regions.predicted(i)).as("class of cell %d", i).isEqualTo(one.predicted(0));
            assertThat(regions.confidence(i)).as("confidence of cell %d", i).isCloseTo(one.confidence(0), within(1e-5f));
            classes.add(one.predicted(0));
            seen++;
        }
        assertThat(seen).isGreaterThan(1000);
        assertThat(classes).as("a trained net predicts more than one class over the plane").hasSizeGreaterThan(1);

        // the training points themselves: the cell holding each predicts what the network says of a point near it
        Examples train = data.train();
        int agree = 0;
        NetworkProbe.Pass atPoints = other.run(train.features(), train.size());
        for (int i = 0; i < train.size(); i++) {
            Optional<Integer> cell = grid.cellAt(train.features()[2 * i], train.features()[2 * i + 1]);
            assertThat(cell).isPresent();
            agree += regions.predicted(cell.get()) == atPoints.predicted(i) ? 1 : 0;
        }
        assertThat((double) agree / train.size()).as("cells agree with the points they hold, but near a boundary")
                .isGreaterThan(0.9);
    }

    private static NetworkState trained() {
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("run", NETWORK, TrainerTest.spiral(), TrainerTest.quick(150).withEvalEvery(150));
        trainer.addListener(TrainingListener.ofStates(states::add));
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        return states.get(states.size() - 1);
    }

    private static Dataset points(float[] train, float[] test) {
        return new Dataset("points", new Examples(Shape.flat(2), 2, train, new int[train.length / 2]),
                new Examples(Shape.flat(2), 2, test, new int[test.length / 2]), List.of("a", "b"));
    }
}

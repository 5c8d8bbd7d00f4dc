package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The loss landscape of Li et al. 2018: its directions, its grid, and the losses it measures. */
class LossLandscapeTest {
    private static Dataset spiral;
    private static NetworkState trained;

    /** A short run of a small MLP with BatchNorm on the spiral: a state whose loss is well below chance. */
    @BeforeAll
    static void train() {
        spiral = TrainerTest.spiral();
        Network network = Templates.build("mlp-resnet-4",
                TemplateOptions.defaults().withInput(Shape.flat(2)).withBatchNorm(true));
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("run", network, spiral, TrainerTest.quick(150).withBatch(32)
                .withLearningRate(0.05));
        trainer.addListener(TrainingListener.ofStates(states::add));
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        trained = states.get(states.size() - 1);
    }

    @Test
    @DisplayName("each filter of a direction has the norm of the same filter of the weights; biases and BatchNorm's entries are zero")
    void filterNormalised() throws EngineException {
        // option B: a projection shortcut (a 1x1 convolution and its BatchNorm) besides the convolutions, the
        // BatchNorms and the dense layer with its bias
        Network network = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withWidth(4).withClasses(3).withShortcut(ShortcutOption.B));
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 7);
        NetworkState state = compiled.state("net", 0);
        float[] direction = FilterNormalisedDirection.draw(compiled.parameters().all(), state.values(), new Random(3));
        int weights = 0;
        for (Parameters.Parameter p : compiled.parameters().all()) {
            int offset = (int) p.offset();
            if (p.role() != Parameters.Role.WEIGHT) {
                for (int k = 0; k < p.length(); k++) {
                    assertThat(direction[offset + k]).as("%s's %s entry %d", p.node(), p.role(), k).isZero();
                }
                continue;
            }
            weights++;
            NetworkState.Weights trainedWeights = state.weights(p.node()).orElseThrow();
            long[] shape = trainedWeights.shape();
            boolean dense = shape.length == 2;
            int filters = (int) (dense ? shape[1] : shape[0]);
            int size = (int) (p.length() / filters);
            for (int f = 0; f < filters; f++) {
                double weightNorm = 0;
                double directionNorm = 0;
                for (int k = 0; k < size; k++) {
                    // a convolution's filter f is its f-th [channels, height, width] block; a dense unit is a column
                    int at = dense ? k * filters + f : f * size + k;
                    weightNorm += Math.pow(trainedWeights.values()[at], 2);
                    directionNorm += Math.pow(direction[offset + at], 2);
                }
                assertThat(Math.sqrt(directionNorm)).as("%s, filter %d", p.node(), f)
                        .isCloseTo(Math.sqrt(weightNorm), offset(1e-5 * Math.sqrt(weightNorm)));
            }
        }
        assertThat(weights).as("convolutions, the projection and the dense layer").isGreaterThanOrEqualTo(9);
        assertThat(compiled.parameters().all()).as("the network has biases and BatchNorms to zero")
                .anyMatch(p -> p.role() == Parameters.Role.BIAS).anyMatch(p -> p.role() == Parameters.Role.GAMMA);
    }

    @Test
    @DisplayName("the same seed draws the same two directions, and the two differ")
    void seededDirections() throws EngineException {
        Examples sample = LossLandscape.sample(spiral.train(), 64, 5);
        LossLandscape one = LossLandscape.of(trained, sample, 11);
        LossLandscape again = LossLandscape.of(trained, sample, 11);
        assertThat(one.direction(0)).isEqualTo(again.direction(0));
        assertThat(one.direction(1)).isEqualTo(again.direction(1));
        assertThat(one.direction(0)).isNotEqualTo(one.direction(1));
        assertThat(LossLandscape.of(trained, sample, 12).direction(0)).isNotEqualTo(one.direction(0));
    }

    @Test
    @DisplayName("the centre of the grid and of the slice is the trained network's loss on the sample")
    void centreIsTheTrainedLoss() throws EngineException {
        Examples sample = LossLandscape.sample(spiral.train(), 200, 1);
        Landscape landscape = LossLandscape.of(trained, sample, 1).measure(1, 5, 7, (done, total) -> { }, () -> false);
        NetworkProbe.Pass pass = NetworkProbe.of(trained).run(sample.features(), sample.size());
        double expected = 0;
        for (int i = 0; i < sample.size(); i++) {
            expected -= Math.log(pass.probabilities()[i * pass.classes() + sample.label(i)]);
        }
        expected /= sample.size();
        assertThat(expected).as("trained: well below chance, ln 2").isLessThan(0.5);
        assertThat(landscape.loss(2, 2)).isCloseTo(expected, offset(1e-5));
        assertThat(landscape.slice()[3]).isCloseTo(expected, offset(1e-5));
        assertThat(landscape.centreLoss()).isEqualTo(landscape.slice()[3]);
        assertThat(landscape.loss(2, 2)).as("the same weights, the same loss").isEqualTo(landscape.centreLoss());
    }

    @Test
    @DisplayName("on a linear softmax toy every point's loss is the one computed by hand from the weights and directions")
    void linearToyByHand() throws EngineException {
        NetworkBuilder b = new NetworkBuilder("linear");
        String x = b.add("input", new Input(Shape.flat(2)));
        x = b.add("dense", new Dense(3, false), x);
        b.add("output", new Output(3), x);
        Network network = b.build();
        NetworkState state = CompiledNetwork.compile(network, DataType.FLOAT, 4).state("linear", 0);
        Examples sample = new Examples(Shape.flat(2), 3, new float[] {1, 0, 0, 1, -1, 2, 0.5f, -0.5f},
                new int[] {0, 1, 2, 1});
        LossLandscape landscape = LossLandscape.of(state, sample, 9);
        float[] w = state.weights("dense").orElseThrow().values();
        float[] d1 = landscape.direction(0);
        float[] d2 = landscape.direction(1);
        double[][] points = {{0, 0}, {0.5, 0}, {-0.5, 0}, {0.3, -0.7}, {-1, 1}, {2, 0.25}};
        for (double[] point : points) {
            double expected = 0;
            for (int n = 0; n < sample.size(); n++) {
                double[] z = new double[3];
                for (int u = 0; u < 3; u++) {
                    for (int in = 0; in < 2; in++) {
                        int at = in * 3 + u;
                        double weight = (float) (w[at] + point[0] * d1[at] + point[1] * d2[at]);
                        z[u] += sample.features()[n * 2 + in] * weight;
                    }
                }
                double max = Math.max(z[0], Math.max(z[1], z[2]));
                double sum = Math.exp(z[0] - max) + Math.exp(z[1] - max) + Math.exp(z[2] - max);
                expected += max + Math.log(sum) - z[sample.label(n)];
            }
            expected /= sample.size();
            assertThat(landscape.loss(point[0], point[1])).as("loss at (%s, %s)", point[0], point[1])
                    .isCloseTo(expected, offset(1e-5 * Math.max(1, expected)));
        }
    }

    @Test
    @DisplayName("the loss of a linear softmax model is convex along the slice, and grows away from a trained net")
    void shapeOfTheLoss() throws EngineException {
        NetworkBuilder b = new NetworkBuilder("linear");
        String x = b.add("input", new Input(Shape.flat(2)));
        x = b.add("dense", new Dense(2, true), x);
        b.add("output", new Output(2), x);
        NetworkState linear = CompiledNetwork.compile(b.build(), DataType.FLOAT, 2).state("linear", 0);
        Landscape toy = LossLandscape.of(linear, spiral.train().subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7}), 3)
                .measure(2, 3, 41, (done, total) -> { }, () -> false);
        for (int k = 1; k < 40; k++) {
            double second = toy.slice()[k - 1] - 2 * toy.slice()[k] + toy.slice()[k + 1];
            assertThat(second).as("second difference at a = %s", toy.sliceCoordinate(k)).isGreaterThan(-1e-5);
        }
        Landscape landscape = LossLandscape.of(trained, LossLandscape.sample(spiral.train(), 128, 1), 4)
                .measure(1, 5, 5, (done, total) -> { }, () -> false);
        for (int k = 0; k < 5; k++) {
            assertThat(List.of(landscape.loss(k, 0), landscape.loss(k, 4), landscape.loss(0, k), landscape.loss(4, k)))
                    .as("the grid's edge, %d", k).allMatch(loss -> loss > landscape.centreLoss());
        }
    }

    @Test
    @DisplayName("the grid has points x points losses over [-range, range], the slice its own count, centre at 0")
    void shapes() throws EngineException {
        List<int[]> reports = new ArrayList<>();
        Landscape landscape = LossLandscape.of(trained, LossLandscape.sample(spiral.train(), 32, 1), 1)
                .measure(0.5, 7, 13, (done, total) -> reports.add(new int[] {done, total}), () -> false);
        assertThat(landscape.losses()).hasSize(49);
        assertThat(Arrays.stream(landscape.losses())).allMatch(Double::isFinite);
        assertThat(landscape.slice()).hasSize(13);
        assertThat(Arrays.stream(landscape.slice())).allMatch(Double::isFinite);
        assertThat(landscape.gridCoordinate(0)).isEqualTo(-0.5);
        assertThat(landscape.gridCoordinate(3)).isZero();
        assertThat(landscape.gridCoordinate(6)).isEqualTo(0.5);
        assertThat(landscape.sliceCoordinate(6)).isZero();
        assertThat(landscape.sampleSize()).isEqualTo(32);
        assertThat(landscape.complete()).isTrue();
        assertThat(reports).as("after the slice, then after each of the 7 rows").hasSize(8);
        assertThat(reports.get(0)).containsExactly(13, 62);
        assertThat(reports.get(7)).containsExactly(62, 62);
    }

    @Test
    @DisplayName("a stop ends the grid after the row in which it came; the rows not measured are NaN")
    void stopEndsWithinARow() throws EngineException {
        List<Integer> rows = new ArrayList<>();
        Landscape landscape = LossLandscape.of(trained, LossLandscape.sample(spiral.train(), 32, 1), 1)
                .measure(1, 5, 5, (done, total) -> rows.add(done), () -> rows.size() >= 3);
        assertThat(landscape.complete()).isFalse();
        assertThat(rows).as("the slice, then two rows").containsExactly(5, 10, 15);
        for (int i = 0; i < 5; i++) {
            assertThat(landscape.loss(i, 1)).isFinite();
            assertThat(landscape.loss(i, 2)).isNaN();
        }
        assertThat(Arrays.stream(landscape.slice())).allMatch(Double::isFinite);
    }

    @Test
    @DisplayName("refuses an even or too large grid, a sample of another shape and an empty sample")
    void refuses() throws EngineException {
        LossLandscape landscape = LossLandscape.of(trained, LossLandscape.sample(spiral.train(), 8, 1), 1);
        assertThatThrownBy(() -> landscape.measure(1, 20, 5, (d, t) -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points must be odd");
        assertThatThrownBy(() -> landscape.measure(1, 53, 5, (d, t) -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> landscape.measure(0, 5, 5, (d, t) -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
        Examples images = TrainerTest.tinyImages(4, 1, 1).train();
        assertThatThrownBy(() -> LossLandscape.of(trained, images, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> LossLandscape.of(trained, spiral.train().subset(new int[0]), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    @DisplayName("the basin's width runs from crossing to crossing of the level, interpolated between points")
    void basinWidth() {
        double[] grid = new double[9];
        Landscape landscape = new Landscape("r", 1, 3, grid, new double[] {5, 2, 1, 2, 5}, 1, 1, true);
        // right: 0.5 + 0.5 * (3 - 2) / (5 - 2); the same on the left
        assertThat(landscape.basinWidth(3)).isCloseTo(2 * (0.5 + 0.5 / 3), offset(1e-12));
        assertThat(landscape.basinWidth(6)).as("never reaches the level: the whole range").isEqualTo(2);
        assertThat(landscape.basinWidth(1)).as("the centre is not below the level").isZero();
        Landscape lopsided = new Landscape("r", 1, 3, grid, new double[] {Double.NaN, 0.5, 1, 4, 9}, 1, 1, true);
        assertThat(lopsided.basinWidth(2)).as("NaN counts as above; left stops at a = -0.5; right: 0.5 * (2 - 1) / (4 - 1)")
                .isCloseTo(0.5 + 0.5 / 3, offset(1e-12));
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The per-layer pictures of 2-D data: the stages of a net and its twin, the grid, the projections. */
class LayerProjectionTest {
    private static final Network RESNET = Templates.build("mlp-resnet-6",
            TemplateOptions.defaults().withInput(Shape.flat(2)).withWidth(8).withClasses(2));
    private static final Examples DATA = TrainerTest.spiral().train();

    private static NetworkState trained() {
        List<NetworkState> states = new java.util.ArrayList<>();
        Trainer trainer = new Trainer("run", RESNET, TrainerTest.spiral(), TrainerTest.quick(30));
        trainer.addListener(TrainingListener.ofStates(states::add));
        trainer.run();
        return states.get(states.size() - 1);
    }

    @Test
    @DisplayName("a ResNet's stages are its input, its stem, each block's output and its scores, and its plain twin's"
            + " are the same nodes")
    void stagesLineUp() {
        List<NetworkStages.Stage> stages = NetworkStages.of(RESNET);
        assertThat(stages).extracting(NetworkStages.Stage::node).containsExactly("input", "relu1", "block1.relu2",
                "block2.relu2", "block3.relu2", "fc");
        assertThat(stages).extracting(NetworkStages.Stage::kind).containsExactly(NetworkStages.Kind.INPUT,
                NetworkStages.Kind.STEM, NetworkStages.Kind.BLOCK, NetworkStages.Kind.BLOCK, NetworkStages.Kind.BLOCK,
                NetworkStages.Kind.SCORES);
        assertThat(stages.get(3)).isEqualTo(new NetworkStages.Stage(NetworkStages.Kind.BLOCK, "block2.relu2", 2, 3));
        assertThat(NetworkStages.of(RESNET.withAllShortcuts(false))).isEqualTo(stages);
    }

    @Test
    @DisplayName("the input stage, first two units, is the input itself: the grid over the data's range and the points")
    void inputStageIsTheInput() throws EngineException {
        List<LayerProjection.Picture> pictures = LayerProjection.compute(NetworkProbe.of(trained()), DATA,
                Projection.FIRST_TWO_UNITS);
        LayerProjection.Picture input = pictures.get(0);
        assertThat(input.stage().kind()).isEqualTo(NetworkStages.Kind.INPUT);
        assertThat(input.width()).isEqualTo(2);
        assertThat(input.points()).containsExactly(DATA.features());
        assertThat(input.labels()).containsExactly(DATA.labels());
        assertThat(input.grid()).containsExactly(LayerProjection.grid(DATA.features()));
        assertThat(input.lines()).isEqualTo(2 * LayerProjection.LINES);
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        for (int i = 0; i < DATA.size(); i++) {
            minX = Math.min(minX, DATA.features()[2 * i]);
            maxX = Math.max(maxX, DATA.features()[2 * i]);
        }
        float margin = (float) ((maxX - minX) * LayerProjection.MARGIN);
        assertThat(input.grid()[0]).as("the first line starts left of the data").isCloseTo(minX - margin, within(1e-5f));
        assertThat(input.grid()[2 * (LayerProjection.POINTS_PER_LINE - 1)]).isCloseTo(maxX + margin, within(1e-5f));
    }

    @Test
    @DisplayName("the random projection is orthonormal, fixed by its seed and width, and differs for another seed")
    void randomProjectionIsOrthonormalAndFixed() {
        double[][] basis = Projection.basis(16, 7);
        assertThat(dot(basis[0], basis[0])).isCloseTo(1, within(1e-12));
        assertThat(dot(basis[1], basis[1])).isCloseTo(1, within(1e-12));
        assertThat(dot(basis[0], basis[1])).isCloseTo(0, within(1e-12));
        assertThat(Projection.basis(16, 7)).isDeepEqualTo(basis);
        assertThat(Projection.basis(16, 8)[0]).isNotEqualTo(basis[0]);
        float[] unit = new float[16];
        unit[3] = 1;
        assertThat(Projection.RANDOM.project(unit, 1, 16)).as("a unit vector lands on the basis' column")
                .containsExactly((float) Projection.basis(16, Projection.SEED)[0][3],
                        (float) Projection.basis(16, Projection.SEED)[1][3]);
        assertThat(Projection.RANDOM.project(new float[] {3, 4}, 1, 2)).as("a width of 2 is drawn as it is")
                .containsExactly(3, 4);
    }

    @Test
    @DisplayName("a stage's projected points are the probe's output of its node projected by hand, either way")
    void stageIsTheNodeOutputProjected() throws EngineException {
        NetworkState state = trained();
        for (Projection projection : Projection.values()) {
            LayerProjection.Picture block = LayerProjection.compute(NetworkProbe.of(state), DATA, projection).get(3);
            assertThat(block.stage().node()).isEqualTo("block2.relu2");
            float[] out = NetworkProbe.of(state).run(DATA.features(), DATA.size(), List.of("block2.relu2")).outputs()
                    .get("block2.relu2");
            assertThat(block.width()).isEqualTo(8);
            double[][] basis = Projection.basis(8, Projection.SEED);
            for (int i = 0; i < DATA.size(); i++) {
                double x = projection == Projection.FIRST_TWO_UNITS ? out[8 * i] : 0;
                double y = projection == Projection.FIRST_TWO_UNITS ? out[8 * i + 1] : 0;
                if (projection == Projection.RANDOM) {
                    for (int u = 0; u < 8; u++) {
                        x += basis[0][u] * out[8 * i + u];
                        y += basis[1][u] * out[8 * i + u];
                    }
                }
                assertThat(block.points()[2 * i]).as("%s x of point %d", projection, i).isCloseTo((float) x, within(1e-4f));
                assertThat(block.points()[2 * i + 1]).as("%s y of point %d", projection, i).isCloseTo((float) y,
                        within(1e-4f));
            }
        }
    }

    @Test
    @DisplayName("a block whose residual branch has zero weights leaves the points and the grid where they were;"
            + " with its weights it moves them")
    void identityBlockLeavesThePoints() throws EngineException {
        NetworkState state = trained();
        CompiledNetwork compiled = CompiledNetwork.compile(RESNET, DataType.FLOAT, 0);
        compiled.load(state);
        List<LayerProjection.Picture> before = LayerProjection.compute(NetworkProbe.of(state), DATA,
                Projection.RANDOM);
        assertThat(before.get(3).points()).as("a trained block moves the points").isNotEqualTo(before.get(2).points());
        compiled.parameters().all().stream().filter(p -> p.node().equals("block2.dense2"))
                .forEach(p -> p.value().assign(0));
        NetworkState identity = compiled.state("run", state.step());
        List<LayerProjection.Picture> after = LayerProjection.compute(NetworkProbe.of(identity), DATA,
                Projection.RANDOM);
        assertThat(after.get(3).points()).containsExactly(after.get(2).points());
        assertThat(after.get(3).grid()).containsExactly(after.get(2).grid());
        assertThat(after.get(2).points()).as("the blocks before it are untouched").containsExactly(before.get(2).points());
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Wire;

/**
 * A BatchNorm or an Add whose only consumer is a ReLU computes that ReLU in the same pass (the gradient checks
 * prove the gradients); here: each node still reports its own output (before the ReLU, as the paper's Fig. 7
 * measures it), the ReLU node the ReLU of it, and the Java-side ReLU keeps the sign conventions of relu_bp.
 */
class FusionTest {
    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    private static boolean reluOnlyAfter(Network network, String node) {
        List<Wire> next = network.consumers(node);
        return next.size() == 1 && network.requireNode(next.get(0).to()).layer() instanceof Activation a
                && a.function() == ActivationFunction.RELU;
    }

    private static float[] values(CompiledNetwork network, String node) {
        INDArray a = network.activation(node).orElseThrow(() -> new AssertionError("no output of " + node));
        return a.reshape(a.length()).toFloatVector();
    }

    @Test
    @DisplayName("fused BatchNorm+ReLU and Add+ReLU nodes report their output before the ReLU, the ReLU node after it")
    void fusedNodesKeepTheirOwnOutputs() throws EngineException {
        Network graph = TrainerTest.tinyCifar();
        CompiledNetwork network = CompiledNetwork.compile(graph, DataType.FLOAT, 5);
        Random random = new Random(2);
        float[] input = new float[6 * 8 * 8];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        int batchNorms = 0;
        int adds = 0;
        try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
            network.forward(Nd4j.create(input, new long[] {6, 1, 8, 8}, 'c'), true);
            for (Node node : graph.nodes()) {
                boolean bn = node.layer() instanceof BatchNorm;
                boolean add = node.layer() instanceof Add;
                if (!(bn || add) || !reluOnlyAfter(graph, node.name())) {
                    continue;
                }
                float[] before = values(network, node.name());
                float[] after = values(network, graph.consumers(node.name()).get(0).to());
                if (bn) {
                    batchNorms++;
                    assertThat(network.layer(node.name())).get().isInstanceOf(BatchNormLayer.class);
                    assertThat(((BatchNormLayer) network.layer(node.name()).orElseThrow()).fusesRelu()).isTrue();
                    // batch statistics: every channel's output has mean beta = 0, so about half is negative
                    assertThat(Measurements.std(before)).as("std of %s", node.name()).isGreaterThan(0.5);
                } else {
                    adds++;
                    float[] residual = values(network, graph.source(node.name(), Add.RESIDUAL).orElseThrow());
                    float[] shortcut = values(network, graph.source(node.name(), Add.SHORTCUT).orElseThrow());
                    for (int i = 0; i < before.length; i++) {
                        assertThat(before[i]).isEqualTo(residual[i] + shortcut[i]);
                    }
                }
                int negative = 0;
                for (int i = 0; i < before.length; i++) {
                    negative += before[i] < 0 ? 1 : 0;
                    assertThat(after[i]).as("%s at %d", node.name(), i).isEqualTo(Math.max(before[i], 0f));
                }
                assertThat(negative).as("negative values before the ReLU of %s", node.name()).isPositive();
            }
        }
        assertThat(batchNorms).as("BatchNorms fused with their ReLU").isGreaterThanOrEqualTo(4);
        assertThat(adds).as("Adds fused with their ReLU").isEqualTo(3);
    }

    @Test
    @DisplayName("the Java-side ReLU never outputs -0, and its backward passes the gradient exactly where y > 0")
    void reluSignConventions() {
        float[] x = {-2f, -0f, 0f, Float.MIN_VALUE, 3f, -Float.MIN_VALUE};
        float[] y = new float[x.length];
        HostArrays.relu(x, y, 0, x.length);
        assertThat(y).containsExactly(0f, 0f, 0f, Float.MIN_VALUE, 3f, 0f);
        for (float v : y) {
            assertThat(Float.floatToRawIntBits(v)).as("no -0").isNotEqualTo(Integer.MIN_VALUE);
        }
        float[] g = {1f, 2f, 3f, 4f, -5f, 6f};
        HostArrays.reluMask(g, y, 0, g.length);
        assertThat(g).containsExactly(0f, 0f, 0f, 4f, -5f, 0f);

        double[] xd = {-2, -0.0, 0, Double.MIN_VALUE, 3};
        double[] yd = new double[xd.length];
        HostArrays.relu(xd, yd, 0, xd.length);
        double[] gd = {1, 2, 3, 4, -5};
        HostArrays.reluMask(gd, yd, 0, gd.length);
        assertThat(gd).containsExactly(0, 0, 0, 4, -5);
    }

    @Test
    @DisplayName("a profiled run times every layer call of every training step, and only those, and its measurements")
    void profileCountsLayerCalls() {
        LayerProfile profile = new LayerProfile();
        Trainer trainer = new Trainer("profiled", TrainerTest.tinyCifar(), TrainerTest.tinyImages(40, 20, 3),
                TrainerTest.quick(4));
        trainer.profile(profile);
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(profile.steps()).isEqualTo(4);
        assertThat(profile.millisPerStep()).isPositive();
        // quick() measures every step: each step's measurements are timed, and cost something
        assertThat(profile.measuredSteps()).isEqualTo(4);
        assertThat(profile.millisPerMeasurement()).isPositive().isLessThan(profile.millisPerStep());
        assertThat(profile.measurementOverhead()).isPositive();
        // cifar-resnet-8: 7 convs and 7 BatchNorms, each once forward and once backward per step
        assertThat(profile.perStep()).filteredOn(row -> row.kind().equals("Conv")).extracting(LayerProfile.Row::calls)
                .containsExactly(7L, 7L);
        assertThat(profile.perStep()).filteredOn(row -> row.kind().equals("BatchNorm"))
                .extracting(LayerProfile.Row::calls).containsExactly(7L, 7L);
        double layers = profile.perStep().stream().mapToDouble(LayerProfile.Row::millis).sum();
        assertThat(layers).isLessThanOrEqualTo(profile.millisPerStep());
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
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
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;

/**
 * Residual responses are measured right: a block whose residual branch is zeroed reports response std 0 and
 * residual ratio 0; a known input gives the std computed by hand; gradient norms are those of the gradient
 * buffer, one per weighted layer, BatchNorm apart, biases left out.
 */
class MeasurementsTest {
    private static final int BINS = 10;
    /** Measurements read float copies of the values: agreement to float precision. */
    private static final double RELATIVE = 1e-6;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    private static Parameters.Parameter parameter(CompiledNetwork network, String node, Parameters.Role role) {
        return network.parameters().all().stream().filter(p -> p.node().equals(node) && p.role() == role).findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " parameter of " + node));
    }

    /** A batch of Gaussian values of the network's input shape. */
    private static INDArray batch(CompiledNetwork network, int size, long seed, DataType type) {
        Shape shape = network.analysis().inputShape().orElseThrow();
        long[] dims = new long[shape.dims().size() + 1];
        dims[0] = size;
        for (int i = 0; i < shape.dims().size(); i++) {
            dims[i + 1] = shape.dims().get(i);
        }
        Random random = new Random(seed);
        double[] values = new double[(int) (size * shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, dims, 'c').castTo(type);
    }

    /** Runs a training pass (and, with labels, the backward pass) in a step workspace, then the checks. */
    private static void pass(CompiledNetwork network, INDArray x, int[] labels, Consumer<Measurements> checks) {
        try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
            INDArray logits = network.forward(x, true);
            if (labels != null) {
                network.backward(SoftmaxCrossEntropy.of(logits, labels).gradLogits());
            }
            checks.accept(new Measurements(network, BINS));
        }
    }

    private static Offset<Double> relative(double expected) {
        return within(Math.max(1e-12, Math.abs(expected) * RELATIVE));
    }

    private static double populationStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static double norm(double[] values) {
        double squares = 0;
        for (double v : values) {
            squares += v * v;
        }
        return Math.sqrt(squares);
    }

    private static double[] values(CompiledNetwork network, String node) {
        INDArray a = network.activation(node).orElseThrow(() -> new AssertionError("no activation of " + node));
        return a.reshape(a.length()).toDoubleVector();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a block whose residual branch is zeroed reports response std 0, residual ratio 0 and every value in"
            + " one bin")
    void zeroedBranchIsSilent() throws EngineException {
        CompiledNetwork network = CompiledNetwork.compile(TrainerTest.tinyCifar(), DataType.FLOAT, 3);
        // F(x) of block2 is bn2(conv2(...)): with conv2's weights and bn2's gamma and beta all zero, F(x) = 0
        parameter(network, "block2.conv2", Parameters.Role.WEIGHT).value().assign(0);
        parameter(network, "block2.bn2", Parameters.Role.GAMMA).value().assign(0);
        parameter(network, "block2.bn2", Parameters.Role.BETA).value().assign(0);
        int size = 6;
        pass(network, batch(network, size, 1, DataType.FLOAT), null, m -> {
            List<TrainingSnapshot.ResidualResponse> residuals = m.residuals();
            assertThat(residuals).extracting(TrainingSnapshot.ResidualResponse::block)
                    .containsExactly("block1", "block2", "block3");
            TrainingSnapshot.ResidualResponse silent = residuals.get(1);
            assertThat(values(network, "block2.bn2")).as("F(x) of block2").containsOnly(0.0);
            assertThat(silent.std()).as("std of a zero branch").isZero();
            assertThat(silent.ratio()).as("residual ratio of a zero branch").isZero();
            long[] counts = silent.histogram().counts();
            assertThat(counts).as("histogram bins").hasSize(BINS);
            long values = (long) size * 8 * 4 * 4;
            assertThat(counts).as("every one of the %d values in a single bin", values).contains(values)
                    .containsOnly(0, values);
            assertThat(silent.histogram().low()).isZero();
            assertThat(silent.histogram().high()).isZero();
            for (TrainingSnapshot.ResidualResponse live : List.of(residuals.get(0), residuals.get(2))) {
                assertThat(live.std()).as("std of %s, untouched", live.block()).isGreaterThan(0.01);
                assertThat(live.ratio()).as("ratio of %s, untouched", live.block()).isGreaterThan(0.01);
            }
        });
    }

    @Test
    @DisplayName("the histogram of a branch: bins over [min, max], the maximum in the last; a NaN puts every value in"
            + " the middle bin")
    void histogramEdgesAndNaN() throws EngineException {
        Measurements fourBins = new Measurements(CompiledNetwork.compile(TrainerTest.tinyCifar(), DataType.FLOAT, 3), 4);
        TrainingSnapshot.ResidualResponse f = fourBins.describe("b", new float[] {-2, 0, 1, 1.999f, 2, -0f}, 1);
        // four bins over [-2, 2], each 1 wide: [-2, -1) holds -2, [-1, 0) none, [0, 1) holds 0 and -0, [1, 2] the rest
        assertThat(f.histogram().low()).isEqualTo(-2.0);
        assertThat(f.histogram().high()).isEqualTo(2.0);
        assertThat(f.histogram().counts()).containsExactly(1, 0, 2, 3);
        TrainingSnapshot.ResidualResponse broken = fourBins.describe("b", new float[] {1, Float.NaN, 3}, 1);
        assertThat(broken.histogram().counts()).containsExactly(0, 0, 3, 0);
        assertThat(broken.histogram().low()).isNaN();
        assertThat(broken.std()).isNaN();
        assertThat(fourBins.describe("b", new float[] {5, 5}, 1).histogram().counts()).containsExactly(0, 0, 2, 0);
    }

    @Test
    @DisplayName("a hand-sized residual block on a known batch gives the std, ratio and histogram worked out by hand")
    void knownBranchByHand() throws EngineException {
        // y = relu(x + dense2(relu(dense1(x)))) with both dense layers the identity and no bias
        NetworkBuilder b = new NetworkBuilder("by-hand");
        String x = b.add("input", new Input(Shape.flat(2)));
        int mark = b.size();
        String r = b.add("b.dense1", new Dense(2, false), x);
        r = b.add("b.relu1", new Activation(ActivationFunction.RELU), r);
        r = b.add("b.dense2", new Dense(2, false), r);
        String s = b.add("b.shortcut", new Shortcut(ShortcutOption.A, 2, 1), x);
        String y = b.add("b.relu2", new Activation(ActivationFunction.RELU), b.add("b.add", new Add(), r, s));
        b.addBlock(new Block("b", BlockKind.BASIC, ShortcutOption.A, "b.dense2", b.namesSince(mark)));
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), y));
        CompiledNetwork network = CompiledNetwork.compile(b.build(), DataType.DOUBLE, 1);
        for (String dense : List.of("b.dense1", "b.dense2")) {
            parameter(network, dense, Parameters.Role.WEIGHT).value().assign(Nd4j.eye(2).castTo(DataType.DOUBLE));
        }
        // x = [[1, 2], [3, -1]]: F(x) = relu(x) = [1, 2, 3, 0], the shortcut passes x = [1, 2, 3, -1]
        INDArray batch = Nd4j.create(new double[][] {{1, 2}, {3, -1}}).castTo(DataType.DOUBLE);
        Measurements threeBins = new Measurements(network, 3);
        try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
            network.forward(batch, true);
            List<TrainingSnapshot.ResidualResponse> residuals = threeBins.residuals();
            assertThat(residuals).hasSize(1);
            TrainingSnapshot.ResidualResponse f = residuals.get(0);
            assertThat(f.block()).isEqualTo("b");
            // mean 1.5; deviations -0.5, 0.5, 1.5, -1.5; variance (0.25 + 0.25 + 2.25 + 2.25) / 4 = 1.25
            assertThat(f.std()).as("std of F(x)").isCloseTo(Math.sqrt(1.25), within(1e-7));
            // |F| = sqrt(1 + 4 + 9) = sqrt(14), |x| = sqrt(1 + 4 + 9 + 1) = sqrt(15)
            assertThat(f.ratio()).as("|F(x)| / |x|").isCloseTo(Math.sqrt(14.0 / 15), within(1e-7));
            // three bins over [0, 3]: [0, 1) holds 0, [1, 2) holds 1, [2, 3] holds 2 and 3
            assertThat(f.histogram().low()).isEqualTo(0.0);
            assertThat(f.histogram().high()).isEqualTo(3.0);
            assertThat(f.histogram().counts()).containsExactly(1, 1, 2);
            assertThat(f.histogram().binLow(1)).isEqualTo(1.0);
            assertThat(f.histogram().binHigh(1)).isEqualTo(2.0);
            assertThat(threeBins.responseStd()).as("no 3x3 convolution, no response").isEmpty();
        }
    }

    /**
     * input 1x6x6 -> conv1 3x3 -> bn1 -> relu1 -> block1 [conv1 3x3 stride 2 -> bn1 -> relu1 -> conv2 3x3 -> bn2,
     * shortcut B (1x1 conv stride 2 + BN) from 2 to 4 channels] -> add -> relu2 -> pool -> fc (with bias) -> output.
     */
    private static Network projectionNet() {
        NetworkBuilder b = new NetworkBuilder("projection");
        String x = b.add("input", new Input(Shape.image(1, 6, 6)));
        x = b.add("relu1", relu(), b.add("bn1", new BatchNorm(), b.add("conv1", new Conv2D(2, 3, 1, 1, false), x)));
        int mark = b.size();
        String r = b.add("block1.bn1", new BatchNorm(), b.add("block1.conv1", new Conv2D(4, 3, 2, 1, false), x));
        r = b.add("block1.relu1", relu(), r);
        r = b.add("block1.bn2", new BatchNorm(), b.add("block1.conv2", new Conv2D(4, 3, 1, 1, false), r));
        String s = b.add("block1.shortcut", new Shortcut(ShortcutOption.B, 4, 2), x);
        String y = b.add("block1.relu2", relu(), b.add("block1.add", new Add(), r, s));
        b.addBlock(new Block("block1", BlockKind.BASIC, ShortcutOption.B, "block1.bn2", b.namesSince(mark)));
        String pooled = b.add("pool", new GlobalAvgPool(), y);
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), pooled));
        return b.build();
    }

    private static Activation relu() {
        return new Activation(ActivationFunction.RELU);
    }

    /** The projection net in DOUBLE with every value nudged, so gamma is not 1 and biases not 0. */
    private static CompiledNetwork nudgedProjectionNet() throws EngineException {
        CompiledNetwork network = CompiledNetwork.compile(projectionNet(), DataType.DOUBLE, 5);
        INDArray values = network.values();
        Random random = new Random(8);
        for (int i = 0; i < values.length(); i++) {
            values.putScalar(i, values.getDouble(i) + 0.3 * random.nextGaussian());
        }
        return network;
    }

    @Test
    @DisplayName("response std of each 3x3 conv and std and ratio of each residual branch equal those computed from the"
            + " activations")
    void responsesMatchTheActivations() throws EngineException {
        CompiledNetwork network = nudgedProjectionNet();
        pass(network, batch(network, 5, 2, DataType.DOUBLE), null, m -> {
            Map<String, String> responseNode = new LinkedHashMap<>();
            responseNode.put("conv1", "bn1");
            responseNode.put("block1.conv1", "block1.bn1");
            responseNode.put("block1.conv2", "block1.bn2");
            List<TrainingSnapshot.LayerValue> responses = m.responseStd();
            assertThat(responses).extracting(TrainingSnapshot.LayerValue::layer)
                    .as("one response per 3x3 conv, in network order").containsExactlyElementsOf(responseNode.keySet());
            for (TrainingSnapshot.LayerValue v : responses) {
                double expected = populationStd(values(network, responseNode.get(v.layer())));
                assertThat(v.value()).as("response std of %s (std of its BatchNorm's output)", v.layer())
                        .isCloseTo(expected, relative(expected));
            }

            List<TrainingSnapshot.ResidualResponse> residuals = m.residuals();
            assertThat(residuals).hasSize(1);
            TrainingSnapshot.ResidualResponse f = residuals.get(0);
            double[] branch = values(network, "block1.bn2");
            double[] shortcut = values(network, "block1.shortcut");
            assertThat(branch).as("F(x) is [5, 4, 3, 3]").hasSize(5 * 4 * 3 * 3);
            double std = populationStd(branch);
            double ratio = norm(branch) / norm(shortcut);
            assertThat(f.std()).as("std of F(x)").isCloseTo(std, relative(std));
            assertThat(f.ratio()).as("|F(x)| / |shortcut(x)|").isCloseTo(ratio, relative(ratio));
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double v : branch) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            assertThat(f.histogram().low()).as("histogram low").isCloseTo(low, relative(low));
            assertThat(f.histogram().high()).as("histogram high").isCloseTo(high, relative(high));
            assertThat(f.histogram().counts()).hasSize(BINS);
            assertThat(java.util.Arrays.stream(f.histogram().counts()).sum()).as("values counted")
                    .isEqualTo(branch.length);
            assertThat(f.histogram().counts()[0]).as("the minimum is in the first bin").isPositive();
            assertThat(f.histogram().counts()[BINS - 1]).as("the maximum is in the last bin").isPositive();
        });
    }

    @Test
    @DisplayName("gradient norms are the L2 norms of each layer's weight gradient; BatchNorm apart (kind bn), biases not"
            + " at all, a projection shortcut's BN as <shortcut>/bn")
    void gradientNorms() throws EngineException {
        CompiledNetwork network = nudgedProjectionNet();
        pass(network, batch(network, 5, 3, DataType.DOUBLE), new int[] {0, 1, 2, 1, 0}, m -> {
            Map<String, Double> expected = new LinkedHashMap<>();
            Map<String, Double> squares = new HashMap<>();
            for (Parameters.Parameter p : network.parameters().all()) {
                if (p.role() == Parameters.Role.BIAS) {
                    continue;
                }
                String key = p.role() == Parameters.Role.WEIGHT ? p.node() + " WEIGHT"
                        : (p.node().endsWith("shortcut") ? p.node() + "/bn" : p.node()) + " BATCH_NORM";
                double[] g = p.grad().reshape(p.length()).toDoubleVector();
                double sum = 0;
                for (double v : g) {
                    sum += v * v;
                }
                squares.merge(key, sum, Double::sum);
                expected.putIfAbsent(key, 0.0);
            }
            squares.forEach((key, sum) -> expected.put(key, Math.sqrt(sum)));
            assertThat(expected.keySet()).as("the layers expected").containsExactlyInAnyOrder("conv1 WEIGHT",
                    "bn1 BATCH_NORM", "block1.conv1 WEIGHT", "block1.bn1 BATCH_NORM", "block1.conv2 WEIGHT",
                    "block1.bn2 BATCH_NORM", "block1.shortcut WEIGHT", "block1.shortcut/bn BATCH_NORM", "fc WEIGHT");

            List<TrainingSnapshot.GradientNorm> norms = m.gradNorms();
            assertThat(norms).extracting(v -> v.layer() + " " + v.kind()).as("layers and kinds reported")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (TrainingSnapshot.GradientNorm v : norms) {
                double want = expected.get(v.layer() + " " + v.kind());
                assertThat(want).as("gradient of %s %s is not zero", v.layer(), v.kind()).isGreaterThan(1e-8);
                assertThat(v.value()).as("gradient norm of %s (%s)", v.layer(), v.kind()).isCloseTo(want, relative(want));
            }
            double fcBias = norm(parameter(network, "fc", Parameters.Role.BIAS).grad().toDoubleVector());
            assertThat(fcBias).as("fc's bias gradient, which must not count").isGreaterThan(1e-6);
        });
    }

    @Test
    @DisplayName("two histograms with the same bins and counts are equal")
    void histogramsCompareByContent() {
        TrainingSnapshot.Histogram a = new TrainingSnapshot.Histogram(-1, 1, new long[] {1, 2, 3});
        TrainingSnapshot.Histogram b = new TrainingSnapshot.Histogram(-1, 1, new long[] {1, 2, 3});
        TrainingSnapshot.Histogram c = new TrainingSnapshot.Histogram(-1, 1, new long[] {1, 2, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(new TrainingSnapshot.ResidualResponse("b", 1, 0.5, a))
                .isEqualTo(new TrainingSnapshot.ResidualResponse("b", 1, 0.5, b));
    }
}

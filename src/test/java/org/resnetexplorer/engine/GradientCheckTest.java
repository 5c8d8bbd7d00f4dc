package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Flatten;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * Analytic gradients of every layer kind and of whole residual blocks against central finite differences, for
 * networks in double precision and in float (the precision the app trains in, where BatchNorm, the ReLUs and
 * the shortcuts run on float arrays), each at a batch of 6 and at a batch of a single example: the norm of the
 * difference over the checked parameters, relative to the gradients' norm, stays below the precision's tolerance.
 *
 * <p>The finite differences are always taken in double, on the same parameters and inputs: in float, a loss of
 * about 1 carries rounding errors of about 1e-6, so differences over a small step measure mostly noise, and over
 * a large one they cross the kinks of ReLU and max pooling (tried: relative errors of 1e-2 to 3e-1 at a step of
 * 1e-2). Against them a float network's gradients are as exact as float allows: relative errors up to 1.3e-5
 * (a batch of one through BatchNorm, whose zero variance magnifies rounding), against a tolerance of 1e-4.
 */
class GradientCheckTest {
    private static final double STEP = 1e-6;
    private static final int[] BATCHES = {6, 1};
    private static final int MAX_CHECKED = 80;

    /** A precision the network computes in, and how close its gradients must come to the finite differences. */
    private enum Precision {
        DOUBLE(DataType.DOUBLE, 1e-5),
        FLOAT(DataType.FLOAT, 1e-4);

        final DataType type;
        final double tolerance;

        Precision(DataType type, double tolerance) {
            this.type = type;
            this.tolerance = tolerance;
        }
    }

    /**
     * One compute thread, as a trainer runs: without it, OpenMP's spinning workers made this class take about 100 s
     * instead of 10 on a busy 2-core machine.
     */
    @BeforeAll
    static void oneComputeThread() {
        Nd4jRuntime.start();
    }

    static List<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (ActivationFunction f : ActivationFunction.values()) {
            cases.add(Arguments.of("Dense with bias + " + f.label(), mlp(new Activation(f))));
        }
        cases.add(Arguments.of("Conv2D 3x3 stride 2 with bias, Flatten", image(3, 6, 6,
                new Conv2D(4, 3, 2, 1, true), new Activation(ActivationFunction.TANH), new Flatten())));
        cases.add(Arguments.of("Conv2D 1x1 and 3x3 without bias, GlobalAvgPool", image(2, 5, 5,
                new Conv2D(3, 1, 1, 0, false), new Conv2D(4, 3, 1, 1, false), new GlobalAvgPool())));
        cases.add(Arguments.of("BatchNorm on images", image(2, 4, 4,
                new Conv2D(3, 3, 1, 1, false), new BatchNorm(), new Activation(ActivationFunction.RELU), new GlobalAvgPool())));
        cases.add(Arguments.of("BatchNorm on flat vectors", flat(5,
                new Dense(6, false), new BatchNorm(), new Activation(ActivationFunction.SIGMOID))));
        cases.add(Arguments.of("MaxPool 3x3 stride 2 padding 1", image(2, 6, 6,
                new Conv2D(3, 3, 1, 1, true), new MaxPool(3, 2, 1), new Flatten())));
        cases.add(Arguments.of("AvgPool 2x2 stride 2 and 3x3 padding 1", image(2, 6, 6,
                new Conv2D(3, 3, 1, 1, true), new AvgPool(2, 2, 0), new AvgPool(3, 1, 1), new Flatten())));
        cases.add(Arguments.of("Dropout (the same mask in every pass)", flat(4,
                new Dense(8, true), new Dropout(0.3), new Activation(ActivationFunction.TANH))));
        cases.add(Arguments.of("Dense of one unit + ReLU, from one input", flat(1,
                new Dense(1, true), new Activation(ActivationFunction.RELU), new Dense(4, true),
                new Activation(ActivationFunction.RELU))));
        cases.add(Arguments.of("Shortcut A: subsample and zero-pad channels", residual(ShortcutOption.A, 2, 6, 6)));
        cases.add(Arguments.of("Shortcut A stride 2 on a 1x1 map", residual(ShortcutOption.A, 2, 1, 1)));
        cases.add(Arguments.of("Shortcut A stride 2 on an odd 5x3 map", residual(ShortcutOption.A, 2, 5, 3)));
        cases.add(Arguments.of("Shortcut B: 1x1 projection + BN where the shape changes", residual(ShortcutOption.B, 2, 6, 6)));
        cases.add(Arguments.of("Shortcut B stride 2 on a 1x1 map", residual(ShortcutOption.B, 2, 1, 1)));
        cases.add(Arguments.of("Shortcut C: projection at stride 1", residual(ShortcutOption.C, 1, 6, 6)));
        cases.add(Arguments.of("flat Shortcut C (dense projection + BN)", flatResidual()));
        TemplateOptions tiny = TemplateOptions.defaults().withInput(Shape.image(2, 8, 8)).withWidth(2).withClasses(3);
        cases.add(Arguments.of("basic blocks: cifar-resnet-8", Templates.build("cifar-resnet-8", tiny)));
        cases.add(Arguments.of("pre-activation blocks: cifar-preact-resnet-8", Templates.build("cifar-preact-resnet-8", tiny)));
        cases.add(Arguments.of("bottleneck blocks: resnet-50 stem and first stage, shortcut B", bottleneck()));
        cases.add(Arguments.of("residual MLP without BN", Templates.build("mlp-resnet-4",
                TemplateOptions.defaults().withWidth(5).withClasses(3))));
        return cases;
    }

    /** Every network of {@link #networks()} in both precisions at each batch size. */
    static List<Arguments> checks() {
        List<Arguments> checks = new ArrayList<>();
        for (Arguments network : networks()) {
            for (Precision precision : Precision.values()) {
                for (int batch : BATCHES) {
                    checks.add(Arguments.of(network.get()[0], network.get()[1], precision, batch));
                }
            }
        }
        return checks;
    }

    @ParameterizedTest(name = "{0}, {2}, batch {3}")
    @MethodSource("checks")
    @DisplayName("analytic gradients match central finite differences")
    void gradientsMatchFiniteDifferences(String description, Network network, Precision precision, int batch)
            throws EngineException {
        CompiledNetwork reference = CompiledNetwork.compile(network, DataType.DOUBLE, 7);
        CompiledNetwork checked = precision.type == DataType.DOUBLE ? reference
                : CompiledNetwork.compile(network, precision.type, 7);
        Shape shape = reference.analysis().inputShape().orElseThrow();
        int classes = reference.analysis().classes().orElseThrow();
        Random random = new Random(11);
        double[] features = new double[(int) (batch * shape.elementCount())];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextGaussian();
        }
        // both networks see the same input and parameters, as the checked precision holds them
        INDArray checkedX = Nd4j.create(features, batchShape(batch, shape), 'c').castTo(precision.type);
        INDArray x = checkedX.castTo(DataType.DOUBLE);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }

        INDArray values = reference.values();
        // biases start at exactly 0, where ReLU has its kink: an input row that is all zeros would then sit on
        // the kink and finite differences would straddle it; a small nudge moves every value off it
        for (int i = 0; i < values.length(); i++) {
            values.putScalar(i, values.getDouble(i) + 0.05 * random.nextGaussian());
        }
        checked.values().assign(values);
        values.assign(checked.values());
        loss(checked, checkedX, labels, true);
        double[] analytic = checked.gradients().toDoubleVector();
        int count = (int) values.length();
        int stride = Math.max(1, count / MAX_CHECKED);
        double diff = 0;
        double norm = 0;
        for (int i = random.nextInt(stride); i < count; i += stride) {
            double original = values.getDouble(i);
            values.putScalar(i, original + STEP);
            double plus = loss(reference, x, labels, false);
            values.putScalar(i, original - STEP);
            double minus = loss(reference, x, labels, false);
            values.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            diff += (numeric - analytic[i]) * (numeric - analytic[i]);
            norm += numeric * numeric + analytic[i] * analytic[i];
        }
        assertThat(norm).as("%s: the checked gradients are not all zero", description).isGreaterThan(1e-12);
        assertThat(Math.sqrt(diff / norm)).as("%s, %s, batch %d: relative error of the analytic gradient", description,
                precision, batch).isLessThan(precision.tolerance);
    }

    /** The training-mode loss of the batch; with {@code backward}, also fills the gradient buffer. */
    private static double loss(CompiledNetwork network, INDArray x, int[] labels, boolean backward) {
        Nd4j.getRandom().setSeed(3);
        SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.of(network.forward(x, true), labels);
        if (backward) {
            network.backward(result.gradLogits());
        }
        return result.loss();
    }

    private static long[] batchShape(int batch, Shape shape) {
        List<Integer> dims = shape.dims();
        long[] result = new long[dims.size() + 1];
        result[0] = batch;
        for (int i = 0; i < dims.size(); i++) {
            result[i + 1] = dims.get(i);
        }
        return result;
    }

    private static Network mlp(LayerSpec activation) {
        return flat(4, new Dense(6, true), activation, new Dense(5, true), activation);
    }

    private static Network flat(int inputs, LayerSpec... layers) {
        return chain(Shape.flat(inputs), layers);
    }

    private static Network image(int channels, int height, int width, LayerSpec... layers) {
        return chain(Shape.image(channels, height, width), layers);
    }

    /** Input, the layers in a row, a Dense of 3 class scores and the Output. */
    private static Network chain(Shape input, LayerSpec... layers) {
        NetworkBuilder b = new NetworkBuilder("check");
        String x = b.add("input", new Input(input));
        for (int i = 0; i < layers.length; i++) {
            x = b.add("layer" + i, layers[i], x);
        }
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), x));
        return b.build();
    }

    /**
     * A stem conv to x (2 x height x width), then a block: x -> conv(stride) -> BN -> relu -> conv -> BN, plus a
     * shortcut of the option to 4 channels, added, relu. The stem's gradient passes through the shortcut, so the
     * shortcut's backward is checked even where it has no parameters.
     */
    private static Network residual(ShortcutOption option, int stride, int height, int width) {
        NetworkBuilder b = new NetworkBuilder("residual");
        String x = b.add("stem", new Conv2D(2, 3, 1, 1, true), b.add("input", new Input(Shape.image(2, height, width))));
        String r = b.add("conv1", new Conv2D(4, 3, stride, 1, false), x);
        r = b.add("relu1", new Activation(ActivationFunction.RELU), b.add("bn1", new BatchNorm(), r));
        r = b.add("bn2", new BatchNorm(), b.add("conv2", new Conv2D(4, 3, 1, 1, false), r));
        String s = b.add("shortcut", new Shortcut(option, 4, stride), x);
        String y = b.add("relu2", new Activation(ActivationFunction.RELU), b.add("add", new Add(), r, s));
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), b.add("pool", new GlobalAvgPool(), y)));
        return b.build();
    }

    private static Network flatResidual() {
        NetworkBuilder b = new NetworkBuilder("flat-residual");
        String x = b.add("input", new Input(Shape.flat(4)));
        String r = b.add("tanh", new Activation(ActivationFunction.TANH), b.add("dense1", new Dense(6, true), x));
        String s = b.add("shortcut", new Shortcut(ShortcutOption.C, 6, 1), x);
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), b.add("add", new Add(), r, s)));
        return b.build();
    }

    private static Network bottleneck() {
        TemplateOptions tiny = TemplateOptions.defaults().withInput(Shape.image(2, 16, 16)).withWidth(2).withClasses(3);
        Network resnet50 = Templates.build("resnet-50", tiny);
        // keep conv1 .. conv3_1 and classify from there: two bottleneck blocks, one of them strided
        NetworkBuilder b = new NetworkBuilder("bottleneck");
        List<String> keep = new ArrayList<>();
        for (var node : resnet50.nodes()) {
            keep.add(node.name());
            if (node.name().equals("conv3_1.relu3")) {
                break;
            }
        }
        for (String name : keep) {
            LayerSpec layer = resnet50.requireNode(name).layer();
            String[] from = layer.inputPorts().stream().map(p -> resnet50.source(name, p).orElseThrow()).toArray(String[]::new);
            b.add(name, layer, from);
        }
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), b.add("pool", new GlobalAvgPool(), "conv3_1.relu3")));
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    @DisplayName("the engine allocates exactly the parameters the graph model counts")
    void allocatesWhatTheModelCounts(String description, Network network) throws EngineException {
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 1);
        assertThat(compiled.parameterCount()).as("%s: parameters allocated", description)
                .isEqualTo(compiled.analysis().totalParams());
        assertThat(compiled.values().length()).as("%s: length of the flat buffer", description)
                .isEqualTo(Math.max(1, compiled.analysis().totalParams()));
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

/**
 * Every engine layer computes in float what it computes in double: students train in float, where BatchNorm, the
 * ReLUs and the shortcuts run their own float code on the Java side, while the finite-difference checks are most
 * exact in double. Each case compiles a small network in both precisions, gives the layer under test the same
 * parameters (random, so that gamma and beta matter) and the same input, and compares its training forward, its
 * backward (the gradient of each input and of each parameter, for the same gradient of the output) and its
 * evaluation forward (BatchNorm then uses the running statistics the training pass updated). The values are drawn
 * in float and widened, so both precisions start from the very same numbers.
 *
 * <p>Tolerance: each value within 1e-4 of the double one, relative to the double array's root mean square (float
 * carries about 7 digits; the largest difference seen is ~1e-6). Two further tests prove that the cases reach every
 * engine layer and every layer kind of the graph model.
 */
class FloatParityTest {
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 5;
    private static final long SEED = 7;

    /** One layer to compare: the node {@code node} of {@code network}, or the loss with {@code node} null. */
    record Case(String description, Network network, String node) {
        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    static void oneComputeThread() {
        Nd4jRuntime.start();
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("Dense with bias", flat(5, new Dense(6, true), tanh()), "layer0"));
        cases.add(new Case("Dense without bias", flat(5, new Dense(6, false), tanh()), "layer0"));
        cases.add(new Case("Dense with bias and its fused ReLU", flat(5, new Dense(6, true), relu()), "layer0"));
        cases.add(new Case("the ReLU fused into the Dense before it (passes values on)",
                flat(5, new Dense(6, true), relu()), "layer1"));
        cases.add(new Case("Conv2D 3x3 stride 2 padding 1 with bias", image(3, 7, 7, new Conv2D(4, 3, 2, 1, true), tanh()),
                "layer0"));
        cases.add(new Case("Conv2D 1x1 without bias", image(3, 5, 5, new Conv2D(4, 1, 1, 0, false), tanh()), "layer0"));
        cases.add(new Case("BatchNorm on images", image(3, 4, 5, new BatchNorm(), tanh()), "layer0"));
        cases.add(new Case("BatchNorm on images with its fused ReLU", image(3, 4, 5, new BatchNorm(), relu()), "layer0"));
        cases.add(new Case("BatchNorm on flat vectors", flat(6, new BatchNorm(1e-3, 0.2), tanh()), "layer0"));
        cases.add(new Case("BatchNorm on flat vectors with its fused ReLU", flat(6, new BatchNorm(), relu()), "layer0"));
        cases.add(new Case("ReLU on its own (after a Dense without bias)", flat(5, new Dense(6, false), relu()), "layer1"));
        cases.add(new Case("ReLU on its own on images", image(2, 4, 4, new MaxPool(2, 2, 0), relu()), "layer1"));
        for (ActivationFunction f : List.of(ActivationFunction.TANH, ActivationFunction.SIGMOID, ActivationFunction.IDENTITY)) {
            cases.add(new Case(f.label(), flat(5, new Dense(6, false), new Activation(f)), "layer1"));
        }
        cases.add(new Case("Add", residual(ShortcutOption.A, 1, false), "add"));
        cases.add(new Case("Add and its ReLU in one pass", residual(ShortcutOption.A, 1, true), "add"));
        cases.add(new Case("Shortcut A as identity", residual(ShortcutOption.A, 1, false), "shortcut"));
        cases.add(new Case("Shortcut A: subsample and zero-pad channels", residual(ShortcutOption.A, 2, false), "shortcut"));
        cases.add(new Case("Shortcut B: 1x1 projection + BN where the shape changes", residual(ShortcutOption.B, 2, false),
                "shortcut"));
        cases.add(new Case("Shortcut C: 1x1 projection + BN at stride 1", residual(ShortcutOption.C, 1, false), "shortcut"));
        cases.add(new Case("flat Shortcut C: dense projection + BN", flatResidual(), "shortcut"));
        cases.add(new Case("MaxPool 3x3 stride 2 padding 1", image(2, 7, 7, new MaxPool(3, 2, 1), new Flatten()), "layer0"));
        cases.add(new Case("AvgPool 2x2 stride 2", image(2, 6, 6, new AvgPool(2, 2, 0), new Flatten()), "layer0"));
        cases.add(new Case("AvgPool 3x3 stride 1 padding 1", image(2, 5, 5, new AvgPool(3, 1, 1), new Flatten()), "layer0"));
        cases.add(new Case("GlobalAvgPool", image(3, 4, 5, new GlobalAvgPool()), "layer0"));
        cases.add(new Case("Flatten of images", image(2, 3, 4, new Flatten()), "layer0"));
        cases.add(new Case("Flatten of flat vectors", flat(6, new Flatten()), "layer0"));
        cases.add(new Case("Dropout (the same mask in both precisions)", flat(40, new Dropout(0.3)), "layer0"));
        cases.add(new Case("softmax cross-entropy (the Output's loss)", flat(5, new Dense(6, true)), null));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a layer's forward (training and evaluation) and backward agree in float and double")
    void floatMatchesDouble(Case c) throws EngineException {
        CompiledNetwork doubles = CompiledNetwork.compile(c.network(), DataType.DOUBLE, SEED);
        CompiledNetwork floats = CompiledNetwork.compile(c.network(), DataType.FLOAT, SEED);
        Random random = new Random(11);
        INDArray values = floats.values();
        for (long i = 0; i < values.length(); i++) {
            values.putScalar(i, random.nextGaussian());
        }
        doubles.values().assign(values.castTo(DataType.DOUBLE));
        if (c.node() == null) {
            compareLoss(c, random);
            return;
        }
        Layer f = floats.layer(c.node()).orElseThrow();
        Layer d = doubles.layer(c.node()).orElseThrow();
        List<Shape> shapes = floats.analysis().facts(c.node()).orElseThrow().inputs();
        INDArray[] inFloat = new INDArray[shapes.size()];
        INDArray[] inDouble = new INDArray[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            inFloat[i] = gaussian(random, shapes.get(i));
            inDouble[i] = inFloat[i].castTo(DataType.DOUBLE);
        }

        Nd4j.getRandom().setSeed(SEED);
        double[] outFloat = values(f.forward(inFloat, true));
        Nd4j.getRandom().setSeed(SEED);
        INDArray outDouble = d.forward(inDouble, true);
        assertClose(c + ": training forward", outFloat, values(outDouble));

        Shape output = floats.analysis().facts(c.node()).orElseThrow().output();
        INDArray gradFloat = gaussian(random, output);
        floats.gradients().assign(0);
        doubles.gradients().assign(0);
        INDArray[] backFloat = f.backward(gradFloat);
        INDArray[] backDouble = d.backward(gradFloat.castTo(DataType.DOUBLE));
        assertThat(backFloat).as("%s: input gradients", c).hasSameSizeAs(inFloat);
        for (int i = 0; i < backFloat.length; i++) {
            assertClose(c + ": gradient of input " + i, values(backFloat[i]), values(backDouble[i]));
        }
        List<Parameters.Parameter> paramsFloat = f.parameters();
        List<Parameters.Parameter> paramsDouble = d.parameters();
        assertThat(paramsFloat).as("%s: parameters", c).hasSameSizeAs(paramsDouble);
        for (int i = 0; i < paramsFloat.size(); i++) {
            assertClose(c + ": gradient of " + paramsFloat.get(i).role(), values(paramsFloat.get(i).grad()),
                    values(paramsDouble.get(i).grad()));
        }

        assertClose(c + ": evaluation forward", values(f.forward(inFloat, false)), values(d.forward(inDouble, false)));
    }

    /** Softmax cross-entropy of the same logits and labels: loss, gradient and errors. */
    private static void compareLoss(Case c, Random random) {
        INDArray logits = gaussian(random, Shape.flat(6)).muli(3);
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(6);
        }
        SoftmaxCrossEntropy.Result f = SoftmaxCrossEntropy.of(logits, labels);
        SoftmaxCrossEntropy.Result d = SoftmaxCrossEntropy.of(logits.castTo(DataType.DOUBLE), labels);
        assertThat(f.gradLogits().dataType()).as("the gradient's precision").isEqualTo(DataType.FLOAT);
        assertClose(c + ": loss", new double[] {f.loss()}, new double[] {d.loss()});
        assertClose(c + ": gradient of the logits", values(f.gradLogits()), values(d.gradLogits()));
        assertThat(f.errors()).as("%s: errors", c).isEqualTo(d.errors());
    }

    @Test
    @DisplayName("the cases reach every engine layer, each variant of the Dense, BatchNorm, ReLU and Shortcut layers")
    void everyEngineLayerCovered() throws EngineException {
        Set<Class<?>> reached = new HashSet<>();
        Set<String> variants = new HashSet<>();
        for (Case c : cases()) {
            if (c.node() == null) {
                continue;
            }
            Layer layer = CompiledNetwork.compile(c.network(), DataType.FLOAT, SEED).layer(c.node()).orElseThrow();
            reached.add(layer.getClass());
            if (layer instanceof DenseLayer dense) {
                variants.add("Dense " + (dense.parameters().size() == 2 ? "with bias" : "without bias")
                        + (c.description().contains("fused ReLU") ? ", ReLU fused" : ""));
            } else if (layer instanceof BatchNormLayer bn) {
                variants.add("BatchNorm" + (bn.fusesRelu() ? ", ReLU fused" : ""));
            } else if (layer instanceof ReluLayer relu) {
                variants.add(relu.adds() ? "ReLU after Add" : "ReLU");
            } else if (layer instanceof ShortcutLayer shortcut) {
                variants.add("Shortcut " + (shortcut.parameters().isEmpty() ? "A" : "projection"));
            }
        }
        Set<Class<?>> engineLayers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Layer.class.getPackageName()).stream()
                .filter(type -> type.isAssignableTo(Layer.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::reflect).collect(Collectors.toSet());
        assertThat(engineLayers).as("engine layers found").contains(DenseLayer.class, ReluLayer.class);
        assertThat(reached).as("engine layers the cases reach").containsExactlyInAnyOrderElementsOf(engineLayers);
        assertThat(variants).as("variants the cases reach").containsExactlyInAnyOrder("Dense with bias",
                "Dense without bias", "Dense with bias, ReLU fused", "BatchNorm", "BatchNorm, ReLU fused", "ReLU",
                "ReLU after Add", "Shortcut A", "Shortcut projection");
    }

    @Test
    @DisplayName("the cases test a node of every layer kind of the graph model (the Input computes nothing; the"
            + " Output's part is the loss)")
    void everyLayerKindCovered() {
        Set<Class<?>> kinds = new HashSet<>();
        kinds.add(Input.class);
        for (Case c : cases()) {
            kinds.add(c.node() == null ? Output.class : c.network().requireNode(c.node()).layer().getClass());
        }
        assertThat(kinds).containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
    }

    /**
     * Each value of {@code actual} within {@link #TOLERANCE} of {@code expected}'s, relative to the root mean square
     * of {@code expected} (values near zero are compared at the scale of the array).
     */
    private static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as("%s: size", what).hasSameSizeAs(expected);
        double squares = 0;
        for (double v : expected) {
            squares += v * v;
        }
        double scale = Math.sqrt(squares / Math.max(1, expected.length));
        assertThat(scale).as("%s: values not all zero", what).isGreaterThan(0);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]) / scale;
            if (!(error <= worst)) {
                worst = error;
                at = i;
            }
        }
        assertThat(worst).as("%s: largest difference (at %d: float %s, double %s), relative to the values' rms %s",
                what, at, at < 0 ? "" : actual[at], at < 0 ? "" : expected[at], scale).isLessThan(TOLERANCE);
    }

    /** The array's values in row-major order, widened to double. */
    private static double[] values(INDArray array) {
        return array.dup('c').reshape(array.length()).toDoubleVector();
    }

    /** A batch of {@link #BATCH} examples of {@code shape}, standard normal, in float. */
    private static INDArray gaussian(Random random, Shape shape) {
        long[] dims = new long[shape.dims().size() + 1];
        dims[0] = BATCH;
        for (int i = 0; i < shape.dims().size(); i++) {
            dims[i + 1] = shape.dims().get(i);
        }
        float[] values = new float[(int) (BATCH * shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        // the layers are called directly: an image batch in their layout, channels last
        return ChannelsLast.fromChannelsFirst(Nd4j.create(values, dims, 'c'));
    }

    private static Activation relu() {
        return Activation.RELU;
    }

    private static Activation tanh() {
        return new Activation(ActivationFunction.TANH);
    }

    private static Network flat(int inputs, LayerSpec... layers) {
        return chain(Shape.flat(inputs), layers);
    }

    /** The layers on images, then a Flatten unless they end flat. */
    private static Network image(int channels, int height, int width, LayerSpec... layers) {
        LayerSpec last = layers[layers.length - 1];
        if (last instanceof Flatten || last instanceof GlobalAvgPool) {
            return chain(Shape.image(channels, height, width), layers);
        }
        LayerSpec[] flattened = java.util.Arrays.copyOf(layers, layers.length + 1);
        flattened[layers.length] = new Flatten();
        return chain(Shape.image(channels, height, width), flattened);
    }

    /** Input, the layers in a row ("layer0", "layer1", ...), a Dense of 3 class scores and the Output. */
    private static Network chain(Shape input, LayerSpec... layers) {
        NetworkBuilder b = new NetworkBuilder("parity");
        String x = b.add("input", new Input(input));
        for (int i = 0; i < layers.length; i++) {
            x = b.add("layer" + i, layers[i], x);
        }
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), x));
        return b.build();
    }

    /**
     * A block on 2x6x6 images: conv (stride) to 4 channels beside a shortcut of the option, added, then a ReLU or
     * a tanh after the Add (with the ReLU, the Add computes it).
     */
    private static Network residual(ShortcutOption option, int stride, boolean reluAfter) {
        NetworkBuilder b = new NetworkBuilder("residual");
        String x = b.add("input", new Input(Shape.image(option == ShortcutOption.A && stride == 1 ? 4 : 2, 6, 6)));
        String r = b.add("conv", new Conv2D(4, 3, stride, 1, false), x);
        String s = b.add("shortcut", new Shortcut(option, 4, stride), x);
        String y = b.add("after", reluAfter ? relu() : tanh(), b.add("add", new Add(), r, s));
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), b.add("pool", new GlobalAvgPool(), y)));
        return b.build();
    }

    private static Network flatResidual() {
        NetworkBuilder b = new NetworkBuilder("flat-residual");
        String x = b.add("input", new Input(Shape.flat(4)));
        String r = b.add("dense", new Dense(6, true), x);
        String s = b.add("shortcut", new Shortcut(ShortcutOption.C, 6, 1), x);
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), b.add("add", new Add(), r, s)));
        return b.build();
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
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
 * The engine trains every graph the model layer calls valid, at every batch size: many small graphs, generated
 * from every template family with tiny inputs (down to 1x1x1), widths 1 to 3, every shortcut option, with and
 * without BatchNorm, and hand-built graphs where some dimension is 1 (a Dense of one unit or one input, a 1x1
 * map, one channel, a pooling window as big as the map, a stride-2 shortcut on a 1x1 map). Each trains two steps
 * at batches of 1, 2 and 3 and is evaluated on 251 test examples, which leaves a last evaluation batch of one.
 */
class EveryValidGraphTrainsTest {
    /** 250 examples per evaluation batch (the trainer's) and one more. */
    private static final int TEST_EXAMPLES = 251;
    private static final int[] BATCHES = {1, 2, 3};
    private static final List<Shape> TINY_IMAGES = List.of(Shape.image(1, 1, 1), Shape.image(1, 4, 4),
            Shape.image(3, 2, 2), Shape.image(2, 3, 3), Shape.image(1, 5, 1), Shape.image(1, 1, 3), Shape.image(2, 7, 5));
    private static final List<Shape> TINY_VECTORS = List.of(Shape.flat(1), Shape.flat(2), Shape.flat(3));
    private static final List<String> IMAGE_TEMPLATES = List.of("cifar-resnet-8", "cifar-plain-8",
            "cifar-preact-resnet-8", "resnet-18", "plain-18", "resnet-50");
    private static final List<String> MLP_TEMPLATES = List.of("mlp-resnet-2", "mlp-resnet-4", "mlp-plain-1", "mlp-plain-3");

    /** A graph to train, with what it is. */
    private record Case(String description, Network network) {
    }

    @Test
    @DisplayName("generated template graphs with tiny inputs train at batches of 1, 2 and 3 and evaluate a last batch of 1")
    void templatesTrainAtEveryBatchSize() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(20240611);
        for (String template : IMAGE_TEMPLATES) {
            cases.addAll(templateCases(template, TINY_IMAGES, random));
        }
        for (String template : MLP_TEMPLATES) {
            cases.addAll(templateCases(template, TINY_VECTORS, random));
        }
        assertEveryCaseTrains(cases);
    }

    @Test
    @DisplayName("hand-built graphs with a dimension of 1 train at batches of 1, 2 and 3 and evaluate a last batch of 1")
    void edgeShapesTrainAtEveryBatchSize() {
        List<Case> cases = new ArrayList<>();
        ActivationFunction relu = ActivationFunction.RELU;
        cases.add(chain("Dense of one unit with bias, then ReLU (fused)", Shape.flat(3), new Dense(1, true), act(relu)));
        cases.add(chain("Dense from one input with bias, then ReLU (fused)", Shape.flat(1), new Dense(4, true), act(relu)));
        cases.add(chain("one input, Dense of one unit, ReLU, twice", Shape.flat(1), new Dense(1, true), act(relu),
                new Dense(1, true), act(relu)));
        cases.add(chain("Dense of one unit without bias, BatchNorm, ReLU (fused into BN)", Shape.flat(2),
                new Dense(1, false), new BatchNorm(), act(relu)));
        cases.add(chain("Dense without bias from one input", Shape.flat(1), new Dense(3, false), act(ActivationFunction.TANH)));
        for (ActivationFunction f : ActivationFunction.values()) {
            cases.add(chain("Dense of one unit, then " + f.label(), Shape.flat(2), new Dense(1, true), act(f)));
        }
        cases.add(chain("BatchNorm straight on one input", Shape.flat(1), new BatchNorm(), act(relu)));
        cases.add(chain("Dropout on one input", Shape.flat(1), new Dropout(0.5), new Dense(2, true), act(relu)));
        cases.add(chain("Dropout on a 1x1 map", Shape.image(1, 1, 1), new Dropout(0.3), new Flatten()));
        cases.add(chain("Flatten of a 1x1x1 image", Shape.image(1, 1, 1), new Flatten(), new Dense(2, true), act(relu)));
        cases.add(chain("conv 1x1, one channel to one filter, BN, ReLU on 1x1", Shape.image(1, 1, 1),
                new Conv2D(1, 1, 1, 0, false), new BatchNorm(), act(relu), new GlobalAvgPool()));
        cases.add(chain("conv 3x3 padding 1 on a 1x1 map", Shape.image(2, 1, 1), new Conv2D(3, 3, 1, 1, true), act(relu),
                new Flatten()));
        cases.add(chain("conv stride 3 on 2x2", Shape.image(1, 2, 2), new Conv2D(2, 1, 3, 0, true), new GlobalAvgPool()));
        cases.add(chain("conv on a one-pixel-wide image", Shape.image(1, 5, 1), new Conv2D(2, 3, 2, 1, false),
                new BatchNorm(), act(relu), new GlobalAvgPool()));
        cases.add(chain("GlobalAvgPool on 1x1", Shape.image(3, 1, 1), new GlobalAvgPool()));
        cases.add(chain("MaxPool whose window covers the whole 3x3 map", Shape.image(2, 3, 3), new MaxPool(3, 1, 0),
                new Flatten()));
        cases.add(chain("AvgPool whose window covers the whole 4x4 map", Shape.image(2, 4, 4), new AvgPool(4, 4, 0),
                new Flatten()));
        cases.add(chain("MaxPool 3x3 stride 2 padding 1 on 1x1", Shape.image(1, 1, 1), new MaxPool(3, 2, 1), new Flatten()));
        cases.add(chain("AvgPool 3x3 padding 1 on 1x1", Shape.image(1, 1, 1), new AvgPool(3, 1, 1), new Flatten()));
        cases.add(chain("MaxPool 1x1 stride 2 on 1x3", Shape.image(1, 1, 3), new MaxPool(1, 2, 0), new Flatten()));
        cases.add(chain("BatchNorm on a 1x1 map of one channel", Shape.image(1, 1, 1), new BatchNorm(), new Flatten()));
        cases.add(inputToOutput());
        cases.add(addedToItself());
        for (ShortcutOption option : ShortcutOption.values()) {
            for (Shape in : List.of(Shape.image(1, 1, 1), Shape.image(2, 3, 3), Shape.image(1, 1, 2), Shape.image(1, 5, 4))) {
                for (int stride : new int[] {1, 2, 3}) {
                    cases.add(residual(option, in, 2, stride));
                }
            }
            cases.add(residual(option, Shape.image(2, 2, 2), 2, 2));
            cases.add(flatResidual(option, 1, 1));
            cases.add(flatResidual(option, 1, 3));
            cases.add(flatResidual(option, 2, 2));
        }
        assertEveryCaseTrains(cases);
    }

    @Test
    @DisplayName("BatchNorm over a single example in training mode (zero variance) gives finite values: beta, and finite gradients")
    void batchNormOfOneExampleIsFinite() throws EngineException {
        Nd4jRuntime.start();
        for (Shape input : List.of(Shape.flat(3), Shape.image(2, 1, 1))) {
            LayerSpec weighted = input instanceof Shape.Image ? new Conv2D(4, 1, 1, 0, false) : new Dense(4, false);
            Case c = chain("BN", input, weighted, new BatchNorm(), act(ActivationFunction.RELU),
                    input instanceof Shape.Image ? new Flatten() : act(ActivationFunction.IDENTITY));
            CompiledNetwork network = CompiledNetwork.compile(c.network(), DataType.FLOAT, 3);
            INDArray x = Nd4j.rand(DataType.FLOAT, batchOfOne(input));
            SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.of(network.forward(x, true), new int[] {1});
            network.backward(result.gradLogits());

            float[] normalised = network.activation("layer1").orElseThrow().reshape(4).toFloatVector();
            // x - mean is 0, so the output is beta (0 at the start), up to the rounding of scale x + shift in float
            assertThat(normalised).as("%s: BN of one example is its beta", input).usingComparatorWithPrecision(1e-4f)
                    .containsOnly(0f);
            assertThat(result.loss()).as("%s: loss", input).isFinite();
            assertThat(Arrays.stream(network.gradients().toDoubleVector()).allMatch(Double::isFinite))
                    .as("%s: every gradient is finite", input).isTrue();
            INDArray evaluated = network.forward(x, false);
            assertThat(Arrays.stream(evaluated.toDoubleVector()).allMatch(Double::isFinite))
                    .as("%s: logits in evaluation are finite after the running statistics took the zero variance", input)
                    .isTrue();
        }
    }

    private static long[] batchOfOne(Shape shape) {
        long[] dims = new long[shape.dims().size() + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.dims().size(); i++) {
            dims[i + 1] = shape.dims().get(i);
        }
        return dims;
    }

    /**
     * Graphs of one template: one for every shortcut option with and without BatchNorm, and one for every input,
     * the other settings drawn at random (widths 1 to 3, 2 or 3 classes, any activation).
     */
    private static List<Case> templateCases(String template, List<Shape> inputs, Random random) {
        List<TemplateOptions> options = new ArrayList<>();
        for (ShortcutOption option : ShortcutOption.values()) {
            for (boolean batchNorm : new boolean[] {true, false}) {
                options.add(randomOptions(random, inputs).withShortcut(option).withBatchNorm(batchNorm));
            }
        }
        for (Shape input : inputs) {
            options.add(randomOptions(random, inputs).withInput(input));
        }
        List<Case> cases = new ArrayList<>();
        for (TemplateOptions o : options) {
            Network network = Templates.build(template, o);
            cases.add(new Case(template + " " + o.input() + " width " + o.width() + " classes " + o.classes() + " option "
                    + o.shortcut() + (Boolean.TRUE.equals(o.batchNorm()) ? " BN " : " no BN ") + o.activation(), network));
        }
        return cases;
    }

    private static TemplateOptions randomOptions(Random random, List<Shape> inputs) {
        ActivationFunction[] functions = ActivationFunction.values();
        return TemplateOptions.defaults().withInput(inputs.get(random.nextInt(inputs.size())))
                .withWidth(1 + random.nextInt(3)).withClasses(2 + random.nextInt(2))
                .withShortcut(ShortcutOption.values()[random.nextInt(3)]).withBatchNorm(random.nextBoolean())
                .withActivation(random.nextInt(3) == 0 ? functions[random.nextInt(functions.length)] : ActivationFunction.RELU);
    }

    /**
     * Trains every valid case at each batch size and collects what went wrong, so that one failure shows all of
     * them. A case the model layer calls invalid is skipped; at least half of the cases must be valid.
     */
    private static void assertEveryCaseTrains(List<Case> cases) {
        List<String> failures = new ArrayList<>();
        int valid = 0;
        for (Case c : cases) {
            Analysis analysis = Analysis.of(c.network());
            if (!analysis.isValid()) {
                continue;
            }
            valid++;
            Dataset data = randomData(analysis.inputShape().orElseThrow(), analysis.classes().orElseThrow());
            for (int batch : BATCHES) {
                TrainingSettings settings = TrainingSettings.defaults().withSteps(2).withBatch(batch).withMetricsEvery(1)
                        .withEvalEvery(2).withTestLimit(TEST_EXAMPLES).withLearningRate(0.05);
                RunResult result = new Trainer("edge", c.network(), data, settings).run();
                if (result.status() != RunStatus.FINISHED || !Double.isFinite(result.loss())
                        || !Double.isFinite(result.testError())) {
                    failures.add(c.description() + ", batch " + batch + ": " + result.status() + " " + result.message()
                            + " (loss " + result.loss() + ", test error " + result.testError() + ")");
                }
            }
        }
        assertThat(valid).as("graphs the model layer calls valid, of %d generated", cases.size())
                .isGreaterThanOrEqualTo(cases.size() / 2);
        assertThat(failures).as("runs that did not finish with a finite loss and test error").isEmpty();
    }

    /** Gaussian features and random labels: 16 training examples and {@value #TEST_EXAMPLES} test examples. */
    private static Dataset randomData(Shape shape, int classes) {
        return new Dataset("random", randomExamples(shape, classes, 16, 1), randomExamples(shape, classes, TEST_EXAMPLES, 2),
                IntStream.range(0, classes).mapToObj(i -> "class " + i).toList());
    }

    private static Examples randomExamples(Shape shape, int classes, int count, long seed) {
        Random random = new Random(seed);
        float[] features = new float[(int) (count * shape.elementCount())];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new Examples(shape, classes, features, labels);
    }

    private static LayerSpec act(ActivationFunction f) {
        return new Activation(f);
    }

    /** Input, the layers in a row, a Dense of 2 class scores and the Output. */
    private static Case chain(String description, Shape input, LayerSpec... layers) {
        NetworkBuilder b = new NetworkBuilder("edge");
        String x = b.add("input", new Input(input));
        for (int i = 0; i < layers.length; i++) {
            x = b.add("layer" + i, layers[i], x);
        }
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), x));
        return new Case(description + " on " + input, b.build());
    }

    /** The input's two features are the class scores: a network without parameters. */
    private static Case inputToOutput() {
        NetworkBuilder b = new NetworkBuilder("edge-no-parameters");
        b.add("output", new Output(2), b.add("input", new Input(Shape.flat(2))));
        return new Case("the Input straight into the Output", b.build());
    }

    /** Dense, then an Add of its output to itself (both ports from one node), ReLU, Flatten of a flat vector. */
    private static Case addedToItself() {
        NetworkBuilder b = new NetworkBuilder("edge-self-add");
        String d = b.add("dense", new Dense(2, true), b.add("input", new Input(Shape.flat(2))));
        String r = b.add("relu", new Activation(ActivationFunction.RELU), b.add("add", new Add(), d, d));
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), b.add("flatten", new Flatten(), r)));
        return new Case("an Add of a node to itself", b.build());
    }

    /** x -> conv 3x3 (stride) -> BN -> ReLU, plus a shortcut of the option, added, ReLU, pooled. */
    private static Case residual(ShortcutOption option, Shape input, int filters, int stride) {
        NetworkBuilder b = new NetworkBuilder("edge-residual");
        String x = b.add("input", new Input(input));
        String r = b.add("bn", new BatchNorm(), b.add("conv", new Conv2D(filters, 3, stride, 1, false), x));
        String s = b.add("shortcut", new Shortcut(option, filters, stride), x);
        String y = b.add("relu", new Activation(ActivationFunction.RELU), b.add("add", new Add(), r, s));
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), b.add("pool", new GlobalAvgPool(), y)));
        return new Case("shortcut " + option + " stride " + stride + " to " + filters + " channels on " + input, b.build());
    }

    /** A flat block: Dense (units) -> ReLU, plus a shortcut of the option from {@code inputs} features. */
    private static Case flatResidual(ShortcutOption option, int inputs, int units) {
        NetworkBuilder b = new NetworkBuilder("edge-flat-residual");
        String x = b.add("input", new Input(Shape.flat(inputs)));
        String r = b.add("relu1", new Activation(ActivationFunction.RELU), b.add("dense", new Dense(units, true), x));
        String s = b.add("shortcut", new Shortcut(option, units, 1), x);
        String y = b.add("relu2", new Activation(ActivationFunction.RELU), b.add("add", new Add(), r, s));
        b.add("output", new Output(2), b.add("fc", new Dense(2, true), y));
        return new Case("flat shortcut " + option + " from " + inputs + " to " + units + " features", b.build());
    }
}

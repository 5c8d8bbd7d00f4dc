package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.Nd4jRuntime;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The acceptance test of issue 17's weights export: a trained network exported from its run folder computes under
 * Debian's PyTorch (python3-torch, with NumPy) the logits the engine computes, within {@value #TOLERANCE}, on 100
 * examples, with the same predictions. Skipped, not failed, where /usr/bin/python3 cannot import torch.
 */
class ExportTrainedPyTorchTest {
    /** Largest difference allowed between a logit of PyTorch's and the engine's, both in float32 (decision 0037). */
    static final double TOLERANCE = 1e-4;
    private static final int EXAMPLES = 100;
    private static final String PYTHON = PythonWithTorch.PYTHON;

    @TempDir
    Path temp;

    @BeforeAll
    static void pythonWithTorch() throws InterruptedException {
        PythonWithTorch.assume("trained weights export");
    }

    @Test
    @DisplayName("mlp-resnet-4 trained 100 steps on spiral gives PyTorch the engine's logits and predictions")
    void mlpOnSpiral() throws Exception {
        assertSameLogits(trained("mlp-resnet-4"), spiralTest());
    }

    @Test
    @DisplayName("mlp-resnet-4 with BatchNorm keeps its running statistics in PyTorch")
    void mlpWithBatchNorm() throws Exception {
        assertSameLogits(trained("mlp-resnet-4", "--bn"), spiralTest());
    }

    @Test
    @DisplayName("cifar-resnet-8 of width 4 on 8x8 images, zero-padding shortcuts (A) and projections (B), computes alike")
    void convolutionalResNet() throws Exception {
        for (ShortcutOption shortcut : List.of(ShortcutOption.A, ShortcutOption.B)) {
            TemplateOptions options = TemplateOptions.defaults().withInput(Shape.image(3, 8, 8)).withWidth(4)
                    .withShortcut(shortcut);
            Path run = Files.createDirectories(temp.resolve("cnn-" + shortcut));
            TrainedNetworkFiles.write(moved(Templates.build("cifar-resnet-8", options), 3), run);
            Nd4j.getRandom().setSeed(11);
            float[] images = Nd4j.rand(DataType.FLOAT, EXAMPLES, 3 * 8 * 8).reshape(-1).toFloatVector();
            assertSameLogits(run, images);
        }
    }

    /** A run folder written by {@code train} for 100 steps on spiral. */
    private Path trained(String template, String... options) {
        Path run = temp.resolve(template + String.join("", options));
        List<String> args = new ArrayList<>(List.of("train", template, "--dataset", "spiral", "--steps", "100", "--out",
                run.toString(), "--quiet"));
        args.addAll(List.of(options));
        Run train = Run.of(args.toArray(String[]::new));
        assertThat(train.code()).as("train's exit code; stderr: %s", train.err()).isZero();
        return run;
    }

    /** The first 100 of spiral's test examples. */
    private static float[] spiralTest() throws Exception {
        Examples test = Datasets.load("spiral", DatasetOptions.defaults()).test();
        float[] features = new float[EXAMPLES * test.featureCount()];
        System.arraycopy(test.features(), 0, features, 0, features.length);
        return features;
    }

    /**
     * A state of the network away from its initial values (every value moved) and with running statistics of a
     * training pass over random images, as a trained network has them.
     */
    private static NetworkState moved(org.resnetexplorer.graph.Network network, long seed) throws Exception {
        Nd4jRuntime.start();
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, seed);
        Nd4j.getRandom().setSeed(seed);
        compiled.values().addi(Nd4j.randn(DataType.FLOAT, compiled.values().shape()).muli(0.1));
        compiled.forward(Nd4j.randn(DataType.FLOAT, 32, 3, 8, 8).muli(2).addi(0.5), true);
        return compiled.state("cnn", 1);
    }

    /** Exports the run with {@code export-pytorch}, runs it under PyTorch on {@code inputs}, compares the logits. */
    private void assertSameLogits(Path run, float[] inputs) throws Exception {
        Path model = run.resolve("model.py");
        Run export = Run.of("export-pytorch", run.toString(), "-o", model.toString());
        assertThat(export.code()).as("export's exit code; stderr: %s", export.err()).isZero();
        assertThat(export.out()).contains("trained");

        NetworkState state = TrainedNetworkFiles.read(run);
        Nd4jRuntime.start();
        CompiledNetwork engine = CompiledNetwork.compile(state.network(), DataType.FLOAT, 0);
        engine.load(state);
        Shape shape = engine.analysis().inputShape().orElseThrow();
        long[] dims = new long[1 + shape.dims().size()];
        dims[0] = EXAMPLES;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = shape.dims().get(i - 1);
        }
        float[] expected = engine.forward(Nd4j.create(inputs, dims, 'c'), false).dup().reshape(-1).toFloatVector();

        float[] actual = underPyTorch(model, inputs, shape, expected.length);
        int classes = expected.length / EXAMPLES;
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("logit %d of example %d (%s)", i % classes, i / classes, run.getFileName())
                    .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(TOLERANCE));
        }
        for (int n = 0; n < EXAMPLES; n++) {
            assertThat(argmax(actual, n, classes)).as("prediction for example %d", n).isEqualTo(argmax(expected, n, classes));
        }
    }

    private float[] underPyTorch(Path model, float[] inputs, Shape shape, int outputs) throws Exception {
        Path in = model.resolveSibling("inputs.f32");
        Path out = model.resolveSibling("logits.f32");
        Files.write(in, littleEndian(inputs));
        Path driver = model.resolveSibling("driver.py");
        Files.write(driver, List.of("import importlib.util, sys, numpy, torch",
                "spec = importlib.util.spec_from_file_location('exported', sys.argv[1])",
                "exported = importlib.util.module_from_spec(spec)", "spec.loader.exec_module(exported)",
                "dims = [int(d) for d in sys.argv[4].split(',')]",
                "x = torch.from_numpy(numpy.fromfile(sys.argv[2], dtype='<f4').astype(numpy.float32).reshape([-1] + dims))",
                "model = exported.build().eval()", "with torch.no_grad():", "    y = model(x)",
                "y.numpy().astype('<f4').tofile(sys.argv[3])"), StandardCharsets.UTF_8);
        String dims = shape.dims().stream().map(String::valueOf).collect(Collectors.joining(","));
        Process process = new ProcessBuilder(PYTHON, driver.toString(), model.toString(), in.toString(), out.toString(),
                dims).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python's exit code; output:%n%s", output).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes.length).as("logits written by PyTorch").isEqualTo(4 * outputs);
        float[] logits = new float[outputs];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(logits);
        return logits;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return bytes.array();
    }

    private static int argmax(float[] logits, int example, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[example * classes + c] > logits[example * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}

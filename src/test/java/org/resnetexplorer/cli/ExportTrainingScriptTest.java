package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.Examples;

/**
 * {@code export-pytorch MODEL --train} (decision 0038), run under Debian's PyTorch (python3-torch 1.13 with NumPy)
 * on the CPU: each script exits 0 with finite losses; a spiral MLP with BatchNorm prints the engine's loss at step 20
 * (same start, data, batches and optimizer); the ported generator draws the engine's toy points. Skipped, not failed,
 * where /usr/bin/python3 cannot import torch.
 */
class ExportTrainingScriptTest {
    private static final String PYTHON = PythonWithTorch.PYTHON;
    private static final Pattern STEP = Pattern.compile("step +(\\d+)/\\d+ +loss (\\S+)");

    @TempDir
    Path temp;

    @BeforeAll
    static void pythonWithTorch() throws InterruptedException {
        PythonWithTorch.assume("training scripts");
    }

    @Test
    @DisplayName("a spiral MLP with BatchNorm trains in PyTorch as in the engine: the same loss at step 20")
    void spiralAsTheEngine() throws Exception {
        List<String> options = List.of("--dataset", "spiral", "--lr", "0.05", "--steps", "20", "--bn");
        Path script = export("mlp-resnet-4", options, "train.py");
        Run train = Run.of(concat(List.of("train", "mlp-resnet-4", "--out", temp.resolve("run").toString()), options)
                .toArray(String[]::new));
        assertThat(train.code()).as("train's stderr: %s", train.err()).isZero();
        String output = python(script, "--device", "cpu");
        double engine = lossAt(train.out(), 20);
        assertThat(lossAt(output, 20)).as("the script's loss at step 20; its output:%n%s", output)
                .isCloseTo(engine, within(5e-4));
    }

    @Test
    @DisplayName("Adam with a warm-up, a milestone and weight decay trains in PyTorch as in the engine: the same loss at"
            + " step 20")
    void adamScheduleAsTheEngine() throws Exception {
        List<String> options = List.of("--dataset", "gauss", "--classes", "4", "--optimizer", "adam", "--lr", "0.01",
                "--warmup", "5", "--milestones", "10", "--lr-factor", "0.5", "--steps", "20", "--weight-decay", "0.01",
                "--bn");
        Path script = export("mlp-resnet-4", options, "adam.py");
        Run train = Run.of(concat(List.of("train", "mlp-resnet-4", "--out", temp.resolve("run").toString()), options)
                .toArray(String[]::new));
        assertThat(train.code()).as("train's stderr: %s", train.err()).isZero();
        String output = python(script, "--device", "cpu");
        assertThat(lossAt(output, 20)).as("the script's loss at step 20; its output:%n%s", output)
                .isCloseTo(lossAt(train.out(), 20), within(5e-4));
    }

    @Test
    @DisplayName("the script's generator draws the engine's toy points, for each of the five sets")
    void toyPointsAsTheEngine() throws Exception {
        Path script = export("mlp-resnet-4", List.of("--dataset", "gauss"), "toy.py");
        String[][] sets = {{"spiral", "3"}, {"circles", "2"}, {"xor", "2"}, {"gauss", "3"}, {"moons", "2"}};
        Path driver = temp.resolve("points.py");
        List<String> lines = new ArrayList<>(List.of("import importlib.util, sys, numpy",
                "spec = importlib.util.spec_from_file_location('script', sys.argv[1])",
                "script = importlib.util.module_from_spec(spec)", "spec.loader.exec_module(script)"));
        for (String[] set : sets) {
            lines.add("x, y = script.toy_points('" + set[0] + "', 200, " + set[1] + ", 0.3, script.JavaRandom("
                    + "script.derive(1, 1)))");
            lines.add("x.numpy().astype('<f4').tofile(sys.argv[2] + '/" + set[0] + ".f32')");
            lines.add("y.numpy().astype('<i4').tofile(sys.argv[2] + '/" + set[0] + ".i32')");
        }
        Files.write(driver, lines, StandardCharsets.UTF_8);
        run(List.of(PYTHON, driver.toString(), script.toString(), temp.toString()));
        for (String[] set : sets) {
            Examples engine = Datasets.load(set[0], DatasetOptions.defaults().withNoise(0.3).withTrainSize(200)
                    .withClasses(Integer.valueOf(set[1]))).train();
            float[] features = floats(temp.resolve(set[0] + ".f32"));
            int[] labels = ints(temp.resolve(set[0] + ".i32"));
            assertThat(labels).as("%s's labels", set[0]).isEqualTo(engine.labels());
            for (int i = 0; i < features.length; i++) {
                // Java's Math.sin and C's sin may differ in the last bit of a double: at most one float's step
                assertThat(features[i]).as("%s feature %d", set[0], i).isCloseTo(engine.features()[i], within(1e-6f));
            }
        }
    }

    @Test
    @DisplayName("the script picks and standardises the engine's Fashion-MNIST examples (a stand-in for torchvision"
            + " serving the bundled subset's files): the same labels, the same halved, standardised pixels")
    void imagesAsTheEngine() throws Exception {
        Path script = export("cifar-resnet-8", List.of("--dataset", "fashion-mnist", "--downscale", "--train-size",
                "600", "--test-size", "100", "--width", "4"), "images.py");
        // torchvision is not installed here: a module of its name that reads the IDX files as its FashionMNIST does
        Path stub = Files.createDirectories(temp.resolve("stub/torchvision"));
        Files.writeString(stub.resolve("__init__.py"), "from . import datasets\n");
        Files.write(stub.resolve("datasets.py"), List.of("import gzip, os, numpy, torch",
                "class FashionMNIST:", "    def __init__(self, root, train=True, download=False):",
                "        prefix = 'train' if train else 't10k'",
                "        def read(name, offset):",
                "            with gzip.open(os.path.join(root, prefix + name), 'rb') as f:",
                "                return numpy.frombuffer(f.read(), dtype=numpy.uint8, offset=offset)",
                "        self.data = torch.from_numpy(read('-images-idx3-ubyte.gz', 16).reshape(-1, 28, 28).copy())",
                "        self.targets = torch.from_numpy(read('-labels-idx1-ubyte.gz', 8).astype(numpy.int64))"),
                StandardCharsets.UTF_8);
        Path driver = temp.resolve("images-driver.py");
        Files.write(driver, List.of("import importlib.util, sys", "sys.path.insert(0, sys.argv[3])",
                "spec = importlib.util.spec_from_file_location('script', sys.argv[1])",
                "script = importlib.util.module_from_spec(spec)", "spec.loader.exec_module(script)",
                "class Args:", "    data_dir = sys.argv[2]", "    fake_data = False",
                "x, y, tx, ty, prepare = script.datasets(Args)",
                "prepare(x[:3]).numpy().astype('<f4').tofile(sys.argv[4] + '/pixels.f32')",
                "y.numpy().astype('<i4').tofile(sys.argv[4] + '/labels.i32')",
                "ty.numpy().astype('<i4').tofile(sys.argv[4] + '/test-labels.i32')"), StandardCharsets.UTF_8);
        Path files = Path.of("assets/datasets/fashion-mnist-subset").toAbsolutePath();
        run(List.of(PYTHON, driver.toString(), script.toString(), files.toString(), stub.getParent().toString(),
                temp.toString()));
        Dataset engine = Datasets.load("fashion-mnist", DatasetOptions.defaults().withDownscale(true).withTrainSize(600)
                .withTestSize(100));
        assertThat(ints(temp.resolve("labels.i32"))).isEqualTo(engine.train().labels());
        assertThat(ints(temp.resolve("test-labels.i32"))).isEqualTo(engine.test().labels());
        float[] pixels = floats(temp.resolve("pixels.f32"));
        assertThat(pixels).hasSize(3 * 14 * 14);
        for (int i = 0; i < pixels.length; i++) {
            assertThat(pixels[i]).as("pixel %d", i).isCloseTo(engine.train().features()[i], within(1e-5f));
        }
    }

    @Test
    @DisplayName("a tiny CIFAR-style ResNet on downscaled fake CIFAR-10 images trains a few steps with finite losses")
    void cifarStyleOnFakeImages() throws Exception {
        Path script = export("cifar-resnet-8", List.of("--dataset", "cifar10", "--downscale", "--train-size", "64",
                "--test-size", "32", "--batch", "16", "--steps", "4", "--width", "4", "--eval-every", "2"), "cifar.py");
        assertThat(Files.readString(script)).as("torchvision imported only where the images are loaded")
                .doesNotContainPattern("(?m)^import torchvision").contains("    import torchvision");
        assertFiniteLosses(python(script, "--device", "cpu", "--fake-data"), 4);
    }

    @Test
    @DisplayName("a CSV dataset's examples go beside the script, as the engine split and standardised them, and train")
    void csvBesideTheScript() throws Exception {
        Path csv = temp.resolve("points.csv");
        List<String> rows = new ArrayList<>(List.of("a,b,label"));
        for (int i = 0; i < 60; i++) {
            rows.add(i + "," + (i % 7) * 0.5 + "," + (i % 3 == 0 ? "yes" : "no"));
        }
        Files.write(csv, rows, StandardCharsets.UTF_8);
        Path script = export("mlp-plain-2", List.of("--dataset", csv.toString(), "--batch", "8", "--steps", "6"),
                "csv.py");
        Dataset engine = Datasets.load(csv.toString(), DatasetOptions.defaults());
        List<String> data = Files.readAllLines(temp.resolve("csv-data.csv"));
        assertThat(data).hasSize(1 + engine.train().size() + engine.test().size());
        assertThat(data.get(1)).isEqualTo("0," + engine.train().label(0) + "," + engine.train().features()[0] + ","
                + engine.train().features()[1]);
        assertFiniteLosses(python(script, "--device", "cpu"), 6);
    }

    @Test
    @DisplayName("a run folder's script takes the run's settings and, with --from-trained, starts from its weights")
    void runFolderFromTrained() throws Exception {
        Path run = temp.resolve("run");
        assertThat(Run.of("train", "mlp-resnet-4", "--dataset", "moons", "--steps", "200", "--lr", "0.05", "--out",
                run.toString(), "--quiet").code()).isZero();
        Path script = temp.resolve("again.py");
        Run export = Run.of("export-pytorch", run.toString(), "--train", "--from-trained", "-o", script.toString());
        assertThat(export.code()).as("stderr: %s", export.err()).isZero();
        assertThat(Files.readString(script)).contains("STEPS = 200\n").contains("LEARNING_RATE = 0.05\n")
                .contains("DATASET = \"moons\"\n").contains("after 200 steps");
        String output = python(script, "--device", "cpu", "--steps", "1");
        Matcher error = Pattern.compile("test error +([0-9.]+)%").matcher(output);
        assertThat(error.find()).as("a test error in:%n%s", output).isTrue();
        assertThat(Double.parseDouble(error.group(1))).as("a trained start's test error on moons").isLessThan(20);
    }

    @Test
    @DisplayName("two processes as torchrun starts them (WORLD_SIZE 2, gloo on the CPU) train with DDP; only rank 0 prints")
    void twoProcesses() throws Exception {
        Path script = export("mlp-resnet-4", List.of("--dataset", "xor", "--steps", "12", "--batch", "32", "--bn"),
                "ddp.py");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<Process> processes = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            ProcessBuilder builder = new ProcessBuilder(PYTHON, script.toString(), "--device", "cpu")
                    .directory(temp.toFile()).redirectErrorStream(true);
            // the variables torchrun sets (Debian's torchrun 1.13 fails here before it starts a worker)
            builder.environment().putAll(java.util.Map.of("WORLD_SIZE", "2", "RANK", String.valueOf(rank), "LOCAL_RANK",
                    String.valueOf(rank), "MASTER_ADDR", "127.0.0.1", "MASTER_PORT", String.valueOf(port),
                    "OMP_NUM_THREADS", "1"));
            processes.add(builder.start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
            outputs.add(output);
        }
        assertThat(outputs.get(0)).contains("2 processes");
        assertFiniteLosses(outputs.get(0), 12);
        assertThat(outputs.get(1)).as("rank 1 prints nothing").doesNotContain("step");
    }

    private Path export(String model, List<String> options, String name) {
        Path script = temp.resolve(name);
        Run export = Run.of(concat(concat(List.of("export-pytorch", model, "--train"), options),
                List.of("-o", script.toString())).toArray(String[]::new));
        assertThat(export.code()).as("export's stderr: %s", export.err()).isZero();
        return script;
    }

    private static void assertFiniteLosses(String output, int steps) {
        Matcher m = STEP.matcher(output);
        int last = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(2))).as("loss at step %s in:%n%s", m.group(1), output).isFinite();
            last = Integer.parseInt(m.group(1));
        }
        assertThat(last).as("the last step printed in:%n%s", output).isEqualTo(steps);
    }

    private static double lossAt(String output, int step) {
        Matcher m = STEP.matcher(output);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == step) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no loss at step " + step + " in:\n" + output);
    }

    private String python(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python's exit code; output:%n%s", output).isZero();
        return output;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static int[] ints(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[bytes.remaining() / 4];
        bytes.asIntBuffer().get(values);
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

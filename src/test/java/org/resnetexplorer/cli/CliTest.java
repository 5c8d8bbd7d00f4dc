package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.Templates.Entry;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();



    private static JsonNode summaryJson(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("summary"));
        all.addAll(List.of(args));
        all.add("--json");
        Run run = Run.of(all.toArray(String[]::new));
        assertThat(run.code()).as("exit code of %s, stderr: %s", all, run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    @DisplayName("templates lists every template name, one line each")
    void templatesListsNames() {
        Run run = Run.of("templates");
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(Templates.catalogue().size());
        for (Entry entry : Templates.catalogue()) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(entry.name() + " "));
        }
    }

    @Test
    @DisplayName("experiment lists the presets (in Chinese too), runs one and reports its claims; a bad name exits 2")
    void experiment() {
        Run list = Run.of("experiment", "--lang", "zh");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("degradation  退化问题", "bottleneck");
        Run bottleneck = Run.of("experiment", "bottleneck");
        assertThat(bottleneck.code()).as(bottleneck.err()).isZero();
        assertThat(bottleneck.out()).contains("resnet-50    25,557,032 parameters, 4.09 G multiply-adds")
                .contains("HOLDS     ResNet-50 has 16 more layers").contains("From the paper (Table 1)");
        Run unknown = Run.of("experiment", "figure-99");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no bundled experiment 'figure-99'");
        assertThat(Run.of("experiment", "bottleneck", "--png").code()).isEqualTo(2);
    }

    @Test
    @DisplayName("a preset with a mistake in its last run, or a dataset it cannot have, exits 2 before the first run trains")
    void experimentCheckedFirst(@TempDir Path dir) throws Exception {
        String good = org.resnetexplorer.experiments.Experiments.bundledText("degradation");
        Map<String, String> broken = Map.of(
                "mlp-nope-20", good.replace("\"template\": \"mlp-plain-20\"", "\"template\": \"mlp-nope-20\""),
                "downscal", good.replace("\"seed\": 1}", "\"seed\": 1, \"downscale\": true}"),
                "2,147,483,647", good.replace("\"trainSize\": 1000", "\"trainSize\": 2147483647"),
                "run 'plain-4'", good.replace("\"width\": 16", "\"width\": 100000"));
        for (Map.Entry<String, String> preset : broken.entrySet()) {
            assertThat(preset.getValue()).isNotEqualTo(good);
            Path file = Files.writeString(dir.resolve("preset.json"), preset.getValue());
            Path out = dir.resolve("out");
            Run run = Run.of("experiment", file.toString(), "--out", out.toString());
            assertThat(run.code()).as("%s: exit code; stderr %s", preset.getKey(), run.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err().lines().toList()).as("%s: stderr", preset.getKey()).hasSize(1);
            assertThat(run.err()).startsWith("error: ").contains(preset.getKey()).doesNotContain("Exception", "\tat ");
            assertThat(run.out()).as("%s: nothing trained", preset.getKey()).doesNotContain("run 1/2");
            assertThat(out).as("%s: nothing written", preset.getKey()).doesNotExist();
        }
    }

    @Test
    @DisplayName("export-pytorch MODEL -o FILE writes the module; without -o it prints it; bad input exits 2")
    void exportPyTorch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws IOException {
        java.nio.file.Path file = folder.resolve("model.py");
        Run run = Run.of("export-pytorch", "cifar-resnet-8", "--input", "1,16,16", "-o", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote " + file).contains("cifar-resnet-8");
        assertThat(java.nio.file.Files.readString(file)).contains("def build():", "nn.Conv2d(1, 16, kernel_size=3");
        assertThat(folder.toFile().list()).as("no temporary file left").containsExactly("model.py");

        Run printed = Run.of("export-pytorch", "mlp-plain-4");
        assertThat(printed.code()).isZero();
        assertThat(printed.out()).contains("class Net(nn.Module):", "def build():");

        Run missing = Run.of("export-pytorch");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("needs one MODEL");
        Run unwritable = Run.of("export-pytorch", "mlp-plain-4", "-o", folder.resolve("no/such/folder/m.py").toString());
        assertThat(unwritable.code()).isEqualTo(1);
        assertThat(unwritable.err()).contains("cannot write").contains("folder exists");
    }

    @Test
    @DisplayName("summary prints a table of layers with the totals")
    void summaryPrintsTable() {
        Run run = Run.of("summary", "resnet-18");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Layer", "Kind", "Output shape", "Params", "Mult-adds")
                .contains("conv1", "Conv2D", "64x112x112", "9,408", "118,013,952")
                .contains("Total params:    11,689,512 (11.7 M)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("summary --json prints one object with the promised keys and consistent totals")
    void summaryJson() throws IOException {
        JsonNode root = summaryJson("resnet-18");
        assertThat(root.fieldNames()).toIterable().containsExactly("model", "input", "totalParams", "totalMacs", "layers");
        assertThat(root.get("model").asText()).isEqualTo("resnet-18");
        assertThat(root.get("input").toString()).isEqualTo("[3,224,224]");
        assertThat(root.get("totalParams").asLong()).isEqualTo(11_689_512L);
        JsonNode first = root.get("layers").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("name", "kind", "outputShape", "params", "macs");
        assertThat(first.get("name").asText()).isEqualTo("input");
        long params = StreamSupport.stream(root.get("layers").spliterator(), false).mapToLong(l -> l.get("params").asLong()).sum();
        long macs = StreamSupport.stream(root.get("layers").spliterator(), false).mapToLong(l -> l.get("macs").asLong()).sum();
        assertThat(params).as("sum of the layers' parameters").isEqualTo(root.get("totalParams").asLong());
        assertThat(macs).as("sum of the layers' multiply-adds").isEqualTo(root.get("totalMacs").asLong());
        JsonNode last = root.get("layers").get(root.get("layers").size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("Output");
        assertThat(last.get("outputShape").toString()).isEqualTo("[1000]");
    }

    @Test
    @DisplayName("--classes resizes the classifier, --input the image, --shortcut the projections")
    void summaryOptions() throws IOException {
        long resnet18 = 11_689_512L;
        assertThat(summaryJson("resnet-18", "--classes", "10").get("totalParams").asLong())
                .isEqualTo(resnet18 - (512 * 1000 + 1000) + (512 * 10 + 10));
        JsonNode small = summaryJson("resnet-18", "--input", "3,64,64");
        assertThat(small.get("input").toString()).isEqualTo("[3,64,64]");
        assertThat(small.get("totalParams").asLong()).isEqualTo(resnet18);
        long projections = (64 * 128 + 2 * 128) + (128 * 256 + 2 * 256) + (256 * 512 + 2 * 512);
        assertThat(summaryJson("resnet-18", "--shortcut", "A").get("totalParams").asLong()).isEqualTo(resnet18 - projections);
        assertThat(summaryJson("resnet-18", "--shortcut", "C").get("totalParams").asLong()).isGreaterThan(resnet18);
        assertThat(summaryJson("cifar-resnet-20", "--no-bn").get("totalParams").asLong())
                .as("without BN the 19 convs get a bias instead of gamma and beta")
                .isLessThan(summaryJson("cifar-resnet-20").get("totalParams").asLong());
    }

    @Test
    @DisplayName("summary reads a saved graph file and adapts it to --input and --classes")
    void summaryOfFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.json");
        GraphFiles.save(Templates.build("cifar-resnet-8"), file);
        JsonNode fromFile = summaryJson(file.toString());
        assertThat(fromFile.get("totalParams").asLong()).isEqualTo(summaryJson("cifar-resnet-8").get("totalParams").asLong());
        JsonNode adapted = summaryJson(file.toString(), "--input", "1,16,16", "--classes", "3");
        assertThat(adapted.get("input").toString()).isEqualTo("[1,16,16]");
        JsonNode layers = adapted.get("layers");
        assertThat(layers.get(layers.size() - 1).get("outputShape").toString()).isEqualTo("[3]");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("bad input ends with exit code 2 and one line naming the problem")
    @CsvSource(delimiter = '|', value = {
        "summary resnet-19 | 'resnet-19'",
        "summary cifar-resnet-21 | 6n+2",
        "summary mlp-resnet-3 | even number",
        "summary | needs one MODEL",
        "summary resnet-18 resnet-34 | needs one MODEL",
        "summary missing.json | missing.json",
        "summary resnet-18 --classes abc | --classes needs a whole number",
        "summary resnet-18 --classes 1 | --classes must be at least 2",
        "summary resnet-18 --input 0,1,1 | channels must be at least 1",
        "summary resnet-18 --input 3,a,4 | is not a shape",
        "summary resnet-18 --shortcut D | not a shortcut option",
        "summary resnet-18 --activation swish | not an activation",
        "summary resnet-18 --colour red | has no option --colour",
        "summary resnet-18 --input | --input needs a value",
        "summary resnet-18 --bn --no-bn | contradict",
        "summary resnet-18 --input 2 | Conv2D 'conv1' gets 2, a flat vector",
        "summary resnet-50 --width 0 | --width must be at least 1",
        "frobnicate | unknown command 'frobnicate'",
        "templates extra | takes no arguments"})
    void badInput(String command, String expected) {
        Run run = Run.of(command.isBlank() ? new String[0] : command.trim().split(" "));
        assertThat(run.code()).as("exit code of '%s' (stdout %s)", command, run.out()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err().lines().toList()).as("stderr of '%s'", command).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(expected).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("a MODEL, preset NAME or folder that cannot be a path (a NUL in it) exits 2 with one line")
    void unusablePaths() {
        for (String[] args : List.of(new String[] {"summary", "a\0b.json"}, new String[] {"experiment", "x\0.json"},
                new String[] {"train", "mlp-resnet-4", "--dataset", "mnist", "--data-dir", "a\0b"},
                new String[] {"summary", "mlp\0-resnet-4"})) {
            Run run = Run.of(args);
            assertThat(run.code()).as("exit code of %s; stderr %s", List.of(args), run.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err().lines().toList()).as("stderr of %s", List.of(args)).hasSize(1);
            assertThat(run.err()).startsWith("error: ").doesNotContain("Exception");
        }
    }

    @Test
    @DisplayName("a broken or invalid graph file gives exit 2 and names the file")
    void brokenAndInvalidFiles(@TempDir Path dir) throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "this is not json {");
        Run broken = Run.of("summary", garbage.toString());
        assertThat(broken.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(broken.err()).contains("garbage.json").doesNotContain("Exception");

        NetworkBuilder b = new NetworkBuilder("open");
        String in = b.add("input", new Input(Shape.flat(4)));
        b.add("output", new Output(2), b.add("fc", new Dense(3, true), in));
        Path invalid = dir.resolve("invalid.json");
        GraphFiles.save(b.build(), invalid);
        Run run = Run.of("summary", invalid.toString());
        assertThat(run.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err()).contains("invalid.json").contains("Output 'output' gets 3 but predicts 2 classes");
    }

    @Test
    @DisplayName("help and --help explain the commands and exit 0")
    void help() {
        assertThat(Run.of("--help").out()).contains("templates", "summary");
        Run summaryHelp = Run.of("summary", "--help");
        assertThat(summaryHelp.code()).isZero();
        assertThat(summaryHelp.out()).startsWith("usage: resnet-explorer summary MODEL");
    }
}

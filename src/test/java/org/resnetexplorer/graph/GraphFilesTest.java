package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.i18n.Texts;

class GraphFilesTest {
    /** A small valid graph (2 inputs, one dense layer, 2 classes) that the broken files below start from. */
    private static final String NODES = "{'name': 'input', 'kind': 'Input', 'shape': [2]},"
            + " {'name': 'fc', 'kind': 'Dense', 'units': 2, 'bias': true}, {'name': 'out', 'kind': 'Output', 'classes': 2}";
    private static final String WIRES = "{'from': 'input', 'to': 'fc', 'port': 'in'}, {'from': 'fc', 'to': 'out', 'port': 'in'}";
    private static final String HEADER = "'format': 'resnet-explorer/graph', 'schemaVersion': 1, 'name': 'tiny'";
    private static final String KNOWN_KINDS = "Input, Dense, Conv2D, BatchNorm, Activation, Add, Shortcut, MaxPool, AvgPool,"
            + " GlobalAvgPool, Flatten, Dropout, Output";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @DisplayName("saving a template and loading it back gives an equal network")
    @ValueSource(strings = {"resnet-18", "resnet-50", "plain-34", "cifar-resnet-20", "cifar-plain-8", "cifar-preact-resnet-14",
            "mlp-resnet-4", "mlp-plain-3"})
    void templatesRoundTrip(String template) throws Exception {
        Network network = Templates.build(template);
        Path file = dir.resolve(template + ".json");

        GraphFiles.save(network, file);
        Network loaded = GraphFiles.load(file);

        assertThat(loaded).isEqualTo(network);
        assertThat(loaded.wires()).hasSameSizeAs(network.wires());
        assertThat(GraphFiles.toJson(loaded)).as("the same file once more").isEqualTo(Files.readString(file));
    }

    @Test
    @DisplayName("a network with every layer kind, activation, shortcut option and a custom block survives a round trip")
    void everyLayerKindRoundTrips() throws Exception {
        Network network = EveryKind.network();
        assertThat(EveryKind.kinds(network)).as("the network covers every layer kind")
                .containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
        assertThat(network.nodes().stream().map(Node::layer).filter(Activation.class::isInstance)
                .map(l -> ((Activation) l).function()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ActivationFunction.values());
        assertThat(network.nodes().stream().map(Node::layer).filter(Shortcut.class::isInstance)
                .map(l -> ((Shortcut) l).option()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ShortcutOption.values());
        assertThat(network.nodes().stream().map(Node::layer).filter(Dense.class::isInstance)
                .map(l -> ((Dense) l).bias()).collect(Collectors.toSet()))
                .as("dense layers with and without bias").containsExactlyInAnyOrder(true, false);
        Path file = dir.resolve("every-kind.json");

        GraphFiles.save(network, file);

        assertThat(GraphFiles.load(file)).isEqualTo(network);
    }

    @Test
    @DisplayName("a network with an open port and a cycle saves and loads: validation is Analysis's job")
    void networkWithValidationProblemsRoundTrips() throws Exception {
        Network network = Templates.build("cifar-resnet-8")
                .disconnect("fc", LayerSpec.IN)
                .withNode(new Node("loop1", Activation.RELU))
                .withNode(new Node("loop2", new Activation(ActivationFunction.TANH)))
                .connect(Wire.of("loop1", "loop2"))
                .connect(Wire.of("loop2", "loop1"));
        assertThat(Analysis.of(network).errors()).as("the network is invalid").isNotEmpty();
        Path file = dir.resolve("work-in-progress.json");

        GraphFiles.save(network, file);

        assertThat(GraphFiles.load(file)).isEqualTo(network);
    }

    @Test
    @DisplayName("the saved JSON is readable: one line per node, wire and block, settings by name")
    void savedJsonIsReadable() throws Exception {
        Network network = Templates.build("resnet-18");
        Path file = dir.resolve("resnet-18.json");

        GraphFiles.save(network, file);
        String json = Files.readString(file);

        assertThat(json).startsWith("{\n  \"format\": \"resnet-explorer/graph\",\n  \"schemaVersion\": 1,\n"
                + "  \"name\": \"resnet-18\",\n  \"nodes\": [\n    {\"name\": \"input\", \"kind\": \"Input\", \"shape\": [3, 224, 224]},\n");
        assertThat(json.lines()).contains(
                "    {\"name\": \"conv1\", \"kind\": \"Conv2D\", \"filters\": 64, \"kernel\": 7, \"stride\": 2, \"padding\": 3,"
                        + " \"bias\": false},",
                "    {\"name\": \"bn1\", \"kind\": \"BatchNorm\", \"epsilon\": 1.0E-5, \"momentum\": 0.1},",
                "    {\"name\": \"relu1\", \"kind\": \"Activation\", \"function\": \"relu\"},",
                "    {\"name\": \"conv2_1.shortcut\", \"kind\": \"Shortcut\", \"option\": \"B\", \"filters\": 64, \"stride\": 1},",
                "    {\"from\": \"input\", \"to\": \"conv1\", \"port\": \"in\"},");
        assertThat(json).contains("\n    {\"name\": \"conv2_1\", \"kind\": \"basic\", \"shortcutOption\": \"B\","
                + " \"branchEnd\": \"conv2_1.bn2\", \"members\": [\"conv2_1.conv1\", \"conv2_1.bn1\"");
        assertThat(json.lines().filter(line -> line.startsWith("    {")))
                .hasSize(network.nodes().size() + network.wires().size() + network.blocks().size());
        for (Node node : network.nodes()) {
            assertThat(json).contains("{\"name\": \"" + node.name() + "\", \"kind\": \"" + node.layer().kind() + "\"");
        }
        assertThat(json).endsWith("  ]\n}\n");
    }

    @Test
    @DisplayName("saving over an existing file replaces it and leaves no temporary file in the folder")
    void saveReplacesExistingFile() throws Exception {
        Path file = dir.resolve("net.json");
        Files.writeString(file, "an older network, much longer than the new one will be ".repeat(2000));
        Network network = Templates.build("mlp-resnet-4");

        GraphFiles.save(network, file);

        assertThat(GraphFiles.load(file)).isEqualTo(network);
        assertThat(Files.readString(file)).isEqualTo(GraphFiles.toJson(network));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("saving into a folder that does not exist throws IOException and creates nothing")
    void saveIntoMissingFolderFails() throws Exception {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> GraphFiles.save(Templates.build("mlp-plain-3"), missing.resolve("net.json")))
                .isInstanceOf(IOException.class);

        assertThat(missing).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("saving onto a folder throws IOException and leaves the folder as it was")
    void saveOntoFolderFails() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("net.json"));

        assertThatThrownBy(() -> GraphFiles.save(Templates.build("mlp-plain-3"), folder))
                .isInstanceOf(IOException.class)
                .hasMessage(folder + ": is a folder: save to a file inside it");

        assertThat(folder).isEmptyDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }

    @Test
    @DisplayName("a file without blocks loads with none, and one without a name is named after the file")
    void blocksAndNameMayBeAbsent() throws Exception {
        Path file = dir.resolve("my-net.v2.json");
        Files.writeString(file, json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1, 'nodes': [" + NODES
                + "], 'wires': [" + WIRES + "]}"));

        Network loaded = GraphFiles.load(file);

        assertThat(loaded.name()).isEqualTo("my-net.v2");
        assertThat(loaded.blocks()).isEmpty();
        assertThat(loaded.nodes()).extracting(Node::name).containsExactly("input", "fc", "out");
        assertThat(loaded.wires()).containsExactlyInAnyOrder(Wire.of("input", "fc"), Wire.of("fc", "out"));
    }

    @Test
    @DisplayName("keys the app does not know are ignored, so newer files with extra settings still load")
    void unknownKeysAreIgnored() throws Exception {
        Path file = dir.resolve("extra.json");
        Files.writeString(file, json("{" + HEADER + ", 'savedBy': 'ResNet Explorer 9', 'nodes': ["
                + "{'name': 'input', 'kind': 'Input', 'shape': [2], 'x': 10, 'y': 20},"
                + " {'name': 'fc', 'kind': 'Dense', 'units': 2, 'bias': true, 'initializer': 'he'},"
                + " {'name': 'out', 'kind': 'Output', 'classes': 2}],"
                + " 'wires': [{'from': 'input', 'to': 'fc', 'port': 'in', 'color': 'red'}, " + "{'from': 'fc', 'to': 'out', 'port': 'in'}],"
                + " 'blocks': [{'name': 'b', 'kind': 'custom', 'shortcutOption': 'A', 'branchEnd': 'fc', 'members': ['fc'],"
                + " 'collapsed': true}]}"));

        Network loaded = GraphFiles.load(file);

        NetworkBuilder expected = new NetworkBuilder("tiny");
        expected.add("out", new Output(2), expected.add("fc", new Dense(2, true), expected.add("input", new Input(Shape.flat(2)))));
        expected.addBlock(new Block("b", BlockKind.CUSTOM, ShortcutOption.A, "fc", List.of("fc")));
        assertThat(loaded).isEqualTo(expected.build());
    }

    @Test
    @DisplayName("a whole number written with a decimal point (as some tools write numbers) is read as that number")
    void wholeNumberWithDecimalPoint() throws Exception {
        Path file = dir.resolve("decimal.json");
        Files.writeString(file, json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1.0, 'nodes': ["
                + "{'name': 'input', 'kind': 'Input', 'shape': [3.0, 8, 8]},"
                + " {'name': 'conv1', 'kind': 'Conv2D', 'filters': 64.0, 'kernel': 3, 'stride': 1, 'padding': 1e0, 'bias': false}],"
                + " 'wires': [{'from': 'input', 'to': 'conv1', 'port': 'in'}]}"));

        Network loaded = GraphFiles.load(file);

        assertThat(loaded.requireNode("input").layer()).isEqualTo(new Input(Shape.image(3, 8, 8)));
        assertThat(loaded.requireNode("conv1").layer()).isEqualTo(new Conv2D(64, 3, 1, 1, false));
    }

    @Test
    @DisplayName("a file that starts with a UTF-8 byte-order mark (as some Windows editors write) loads")
    void byteOrderMarkIsSkipped() throws Exception {
        Network network = Templates.build("mlp-plain-3");
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + GraphFiles.toJson(network));

        assertThat(GraphFiles.load(file)).isEqualTo(network);
    }

    @Test
    @DisplayName("fromJson names the file it is given in messages and in the default name")
    void fromJsonUsesTheGivenFile() throws Exception {
        Path pasted = Path.of("pasted", "clip.json");

        Network loaded = GraphFiles.fromJson(json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1, 'nodes': [],"
                + " 'wires': []}"), pasted);

        assertThat(loaded.name()).isEqualTo("clip");
        assertThatThrownBy(() -> GraphFiles.fromJson("[]", pasted))
                .hasMessage(pasted + ": holds a JSON list, not a JSON object: it is not a ResNet Explorer graph");
    }

    @Test
    @DisplayName("a file that does not exist is reported as missing")
    void missingFile() {
        Path file = dir.resolve("nowhere.json");

        assertRejected(file, "does not exist: check the folder and the file name");
    }

    @Test
    @DisplayName("a folder is reported as a folder, not read")
    void folderInsteadOfFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("nets"));

        assertRejected(folder, "is a folder, not a graph file: choose a .json file inside it");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a binary file is reported as not text")
    @MethodSource("binaryFiles")
    void binaryFile(String description, byte[] bytes) throws Exception {
        Path file = dir.resolve("binary.json");
        Files.write(file, bytes);

        assertRejected(file, "holds binary data, not text: it is not a graph file");
    }

    static Stream<Arguments> binaryFiles() {
        byte[] noise = new byte[512];
        new Random(42).nextBytes(noise);
        return Stream.of(
                arguments("a PNG header", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}),
                arguments("valid UTF-8 with NUL bytes", "{\"format\":\0\0\0}".getBytes(StandardCharsets.UTF_8)),
                arguments("random bytes", noise));
    }

    @Test
    @DisplayName("the first half of a saved file is reported as cut off, with the line where it ends")
    void truncatedFile() throws Exception {
        String whole = GraphFiles.toJson(Templates.build("cifar-resnet-8"));
        String half = whole.substring(0, whole.length() / 2);
        int lastLine = half.split("\n", -1).length;
        Path file = dir.resolve("half.json");
        Files.writeString(file, half);

        assertRejected(file, "ends early, on line " + lastLine + ": the file seems cut off");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a broken file is refused with a message naming the file and the specific problem")
    @MethodSource("brokenFiles")
    void brokenFile(String description, String content, List<String> expected) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, content);

        assertRejected(file, expected.toArray(String[]::new));
    }

    @Test
    @DisplayName("with the language set to Chinese, a broken file is refused in Chinese, naming the file and the field")
    void brokenFileInChinese() throws Exception {
        Path file = dir.resolve("坏的.json");
        Files.writeString(file, withNode(json("{'name': 'conv1', 'kind': 'Conv2D', 'kernel': 3, 'stride': 1, 'padding': 1,"
                + " 'bias': false}")));
        Path folder = Files.createDirectory(dir.resolve("nets"));
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, json("{" + HEADER + ", 'nodes': ["));
        // Classes that keep texts in constants read them once: load them in English first, or they would stay
        // Chinese for the tests that run after this one in the same JVM.
        assertThat(List.of(Checks.AT_LEAST, ShapeException.NEEDS_IMAGE, Analysis.CYCLE)).doesNotContainNull();
        Texts.Language before = Texts.language();
        try {
            Texts.use(Texts.Language.CHINESE);
            assertThatThrownBy(() -> GraphFiles.load(file)).isInstanceOf(GraphFileException.class)
                    .hasMessage(file + ": 节点“conv1”（Conv2D）缺少“filters”");
            assertThatThrownBy(() -> GraphFiles.load(folder)).isInstanceOf(GraphFileException.class)
                    .hasMessage(folder + ": 这是文件夹，不是图文件：请选择其中的 .json 文件");
            assertThatThrownBy(() -> GraphFiles.load(cut)).isInstanceOf(GraphFileException.class)
                    .hasMessageStartingWith(cut + ": 文件在第 1 行提前结束");
        } finally {
            Texts.use(before);
        }
        assertThatThrownBy(() -> GraphFiles.load(file)).as("English again once the language is restored")
                .hasMessage(file + ": node 'conv1' (Conv2D) lacks 'filters'");
    }

    static Stream<Arguments> brokenFiles() {
        String conv = "{'name': 'conv1', 'kind': 'Conv2D', 'filters': 64, 'kernel': 3, 'stride': 1, 'padding': 1, 'bias': false}";
        String block = "{'name': 'b1', 'kind': 'basic', 'shortcutOption': 'A', 'branchEnd': 'fc', 'members': ['fc', 'out']}";
        return Stream.of(
                // Not a graph at all
                broken("an empty file", "", "is empty: there is no graph in it"),
                broken("a file of only whitespace", "  \n\t\n  ", "is empty: there is no graph in it"),
                broken("plain text", "hello world, this is my network",
                        "is not a graph file: it does not hold JSON (it starts with 'hello world, this is my network')"),
                broken("a JSON list", "[1, 2, 3]", "holds a JSON list, not a JSON object: it is not a ResNet Explorer graph"),
                broken("a number", "42", "holds a number, not a JSON object"),
                broken("an object of another program", json("{'layers': [], 'optimizer': 'adam'}"),
                        "is not a ResNet Explorer graph: it has no \"format\": \"resnet-explorer/graph\""),
                broken("another format", json("{'format': 'keras/model', 'schemaVersion': 1}"),
                        "is not a ResNet Explorer graph: its format is \"keras/model\", not \"resnet-explorer/graph\""),
                // Damaged JSON
                broken("JSON cut off inside a value", json("{" + HEADER + ", 'nodes': [{'name': 'fc', 'kind': 'Dense',"
                        + " 'units': 2, 'bias': fal"), "ends early, on line 1: the file seems cut off"),
                broken("JSON cut off after a comma", json("{" + HEADER + ",\n'nodes': [\n{'name': 'fc'},\n"),
                        "ends early, on line 4: the file seems cut off"),
                broken("a word where a value belongs", json("{'format':\n\n  resnet, 'schemaVersion': 1}"),
                        "is not valid JSON: line 3, column 9: Unrecognized token 'resnet'"),
                broken("a key given twice", json("{" + HEADER + ", 'name': 'again', 'nodes': [], 'wires': []}"),
                        "is not valid JSON: line 1", "Duplicate field 'name'"),
                broken("text after the graph", graph(NODES, WIRES, "") + "\nand some notes",
                        "goes on after the graph ends on line 1: delete what follows it"),
                broken("a second closing brace", graph(NODES, WIRES, "") + "}", "goes on after the graph ends on line 1"),
                // The header
                broken("no schemaVersion", json("{'format': 'resnet-explorer/graph', 'nodes': [], 'wires': []}"),
                        "lacks 'schemaVersion' (the version of its format): the file is damaged"),
                broken("schemaVersion as text", json("{'format': 'resnet-explorer/graph', 'schemaVersion': '1'}"),
                        "'schemaVersion' must be a whole number, not \"1\""),
                broken("a fractional schemaVersion", json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1.5}"),
                        "'schemaVersion' must be a whole number, not 1.5"),
                broken("a newer schemaVersion", json("{'format': 'resnet-explorer/graph', 'schemaVersion': 2, 'graph': {}}"),
                        "was saved by a newer version of ResNet Explorer (schema 2; this version reads 1): update the app"),
                broken("schemaVersion 0", json("{'format': 'resnet-explorer/graph', 'schemaVersion': 0}"),
                        "has schemaVersion 0, but versions start at 1: the file is damaged"),
                broken("a negative schemaVersion", json("{'format': 'resnet-explorer/graph', 'schemaVersion': -3}"),
                        "has schemaVersion -3, but versions start at 1"),
                broken("a name that is not text", json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1, 'name': 5,"
                        + " 'nodes': [], 'wires': []}"), "the graph: 'name' must be text, not 5"),
                broken("a blank name", json("{'format': 'resnet-explorer/graph', 'schemaVersion': 1, 'name': ' ',"
                        + " 'nodes': [], 'wires': []}"), "a network needs a name"),
                // The three lists
                broken("no nodes", json("{" + HEADER + ", 'wires': []}"), "the graph lacks 'nodes'"),
                broken("nodes as an object", json("{" + HEADER + ", 'nodes': {'input': {}}, 'wires': []}"),
                        "the graph: 'nodes' must be a list ([...]), not {\"input\":{}}"),
                broken("nodes as null", json("{" + HEADER + ", 'nodes': null, 'wires': []}"),
                        "the graph: 'nodes' must be a list ([...]), not null"),
                broken("no wires", json("{" + HEADER + ", 'nodes': [" + NODES + "]}"), "the graph lacks 'wires'"),
                broken("wires as text", json("{" + HEADER + ", 'nodes': [], 'wires': 'none'}"),
                        "the graph: 'wires' must be a list ([...]), not \"none\""),
                broken("blocks as a number", json("{" + HEADER + ", 'nodes': [], 'wires': [], 'blocks': 5}"),
                        "the graph: 'blocks' must be a list ([...]), not 5"),
                // Nodes
                broken("a node that is not an object", graph("{'name': 'input', 'kind': 'Input', 'shape': [2]}, 7", "", ""),
                        "node #2 must be a JSON object ({...}), not 7"),
                broken("a node without a name", withNode("{'kind': 'Flatten'}"), "node #4 lacks 'name'"),
                broken("a node with an empty name", withNode("{'name': '', 'kind': 'Flatten'}"), "node #4 has an empty 'name'"),
                broken("a node with a numeric name", withNode("{'name': 12, 'kind': 'Flatten'}"),
                        "node #4: 'name' must be text, not 12"),
                broken("a node without a kind", withNode("{'name': 'flat'}"), "node 'flat' lacks 'kind'"),
                broken("an unknown kind", withNode("{'name': 'conv1', 'kind': 'Conv3D', 'filters': 8}"),
                        "node 'conv1' has kind \"Conv3D\", which is not a layer kind: use one of " + KNOWN_KINDS),
                broken("a missing setting", withNode(conv.replace("'filters': 64, ", "")), "node 'conv1' (Conv2D) lacks 'filters'"),
                broken("text for a whole number", withNode(conv.replace("64", "'64'")),
                        "node 'conv1' (Conv2D): 'filters' must be a whole number, not \"64\""),
                broken("a fraction for a whole number", withNode(conv.replace("'kernel': 3", "'kernel': 3.5")),
                        "node 'conv1' (Conv2D): 'kernel' must be a whole number, not 3.5"),
                broken("a whole number too large", withNode(conv.replace("64", "99999999999")),
                        "node 'conv1' (Conv2D): 'filters' must be a whole number up to 2147483647, not 99999999999"),
                broken("null for a whole number", withNode(conv.replace("'stride': 1", "'stride': null")),
                        "node 'conv1' (Conv2D): 'stride' must be a whole number, not null"),
                broken("text for true/false", withNode(conv.replace("false", "'no'")),
                        "node 'conv1' (Conv2D): 'bias' must be true or false, not \"no\""),
                broken("text for a number", withNode("{'name': 'bn1', 'kind': 'BatchNorm', 'epsilon': 1e-5, 'momentum': '0.1'}"),
                        "node 'bn1' (BatchNorm): 'momentum' must be a number, not \"0.1\""),
                broken("a number for an activation", withNode("{'name': 'act', 'kind': 'Activation', 'function': 1}"),
                        "node 'act' (Activation): 'function' must be text, not 1"),
                broken("filters 0", withNode(conv.replace("64", "0")),
                        "node 'conv1' (Conv2D): filters must be at least 1 (got 0)"),
                broken("a dropout rate of 1.5", withNode("{'name': 'drop', 'kind': 'Dropout', 'rate': 1.5}"),
                        "node 'drop' (Dropout): rate must be from 0 up to (not including) 1 (got 1.5)"),
                broken("a negative epsilon", withNode("{'name': 'bn1', 'kind': 'BatchNorm', 'epsilon': -1, 'momentum': 0.1}"),
                        "node 'bn1' (BatchNorm): epsilon must be a positive number (got -1.0)"),
                broken("a shape of two dimensions", withNode("{'name': 'in2', 'kind': 'Input', 'shape': [3, 32]}"),
                        "node 'in2' (Input): 'shape' [3,32]: a shape has 1 dimension (a flat size) or 3 (C,H,W), not 2"),
                broken("an empty shape", withNode("{'name': 'in2', 'kind': 'Input', 'shape': []}"),
                        "node 'in2' (Input): 'shape' []: a shape has 1 dimension (a flat size) or 3 (C,H,W), not 0"),
                broken("a shape as text", withNode("{'name': 'in2', 'kind': 'Input', 'shape': '3x32x32'}"),
                        "node 'in2' (Input): 'shape' must be a list of whole numbers ([3, 32, 32] for an image, [2] for a flat"
                                + " vector), not \"3x32x32\""),
                broken("a shape with text in it", withNode("{'name': 'in2', 'kind': 'Input', 'shape': [3, 'a', 32]}"),
                        "node 'in2' (Input): 'shape' must be a list of whole numbers", "not [3,\"a\",32]"),
                broken("a shape with a fraction in it", withNode("{'name': 'in2', 'kind': 'Input', 'shape': [3, 2.5, 8]}"),
                        "node 'in2' (Input): 'shape' must be a list of whole numbers", "not [3,2.5,8]"),
                broken("a shape with a zero", withNode("{'name': 'in2', 'kind': 'Input', 'shape': [3, 0, 32]}"),
                        "node 'in2' (Input): 'shape' [3,0,32]: height must be at least 1 (got 0)"),
                broken("an unknown activation", withNode("{'name': 'act', 'kind': 'Activation', 'function': 'swish'}"),
                        "node 'act' (Activation): 'swish' is not an activation: use relu, tanh, sigmoid or identity"),
                broken("an unknown shortcut option", withNode("{'name': 'sc', 'kind': 'Shortcut', 'option': 'D', 'filters': 8,"
                        + " 'stride': 1}"), "node 'sc' (Shortcut): 'D' is not a shortcut option: use A, B or C"),
                broken("two nodes of one name", withNode("{'name': 'fc', 'kind': 'Flatten'}"), "two nodes are named 'fc'"),
                // Wires
                broken("a wire that is not an object", graph(NODES, "'input -> fc'", ""),
                        "wire #1 must be a JSON object ({...}), not \"input -> fc\""),
                broken("a wire without a port", graph(NODES, "{'from': 'input', 'to': 'fc'}", ""), "wire #1 lacks 'port'"),
                broken("a wire with an empty start", graph(NODES, "{'from': '', 'to': 'fc', 'port': 'in'}", ""),
                        "wire #1: a wire's start needs a name"),
                broken("a wire from an unknown node", graph(NODES, "{'from': 'ghost', 'to': 'fc', 'port': 'in'}", ""),
                        "a wire starts at 'ghost', which is not a node"),
                broken("a wire to an unknown node", graph(NODES, "{'from': 'fc', 'to': 'ghost', 'port': 'in'}", ""),
                        "a wire ends at 'ghost', which is not a node"),
                broken("a wire to an unknown port", graph(NODES, "{'from': 'input', 'to': 'fc', 'port': 'left'}", ""),
                        "Dense 'fc' has no input port 'left' (its ports: in)"),
                broken("two wires into one port", graph(NODES, WIRES + ", {'from': 'out', 'to': 'fc', 'port': 'in'}", ""),
                        "input 'in' of 'fc' gets two wires, from 'input' and 'out'"),
                // Blocks
                broken("a block that is not an object", graph(NODES, WIRES, "'b1'"), "block #1 must be a JSON object ({...}), not \"b1\""),
                broken("a block without members", graph(NODES, WIRES, block.replace(", 'members': ['fc', 'out']", "")),
                        "block 'b1' lacks 'members'"),
                broken("block members that are not names", graph(NODES, WIRES, block.replace("['fc', 'out']", "[1, 2]")),
                        "block 'b1': 'members' must be a list of node names, not [1,2]"),
                broken("an unknown block kind", graph(NODES, WIRES, block.replace("basic", "triple")),
                        "block 'b1': 'triple' is not a block kind: use basic, bottleneck, preact or custom"),
                broken("an unknown block shortcut option", graph(NODES, WIRES, block.replace("'A'", "'D'")),
                        "block 'b1': 'D' is not a shortcut option: use A, B or C"),
                broken("a block member that is not a node", graph(NODES, WIRES, block.replace("'out'", "'ghost'")),
                        "block 'b1' holds 'ghost', which is not a node"),
                broken("a block whose branch end is not a member", graph(NODES, WIRES, block.replace("'branchEnd': 'fc'",
                        "'branchEnd': 'input'")), "block 'b1' does not hold its branch end 'input'"),
                broken("a node in two blocks", graph(NODES, WIRES, block + ", " + block.replace("b1", "b2")),
                        "'fc' is in two blocks, 'b1' and 'b2'"));
    }

    /** Asserts that loading {@code file} fails with a message that names it and holds each expected part. */
    private static void assertRejected(Path file, String... expected) {
        assertThatThrownBy(() -> GraphFiles.load(file))
                .isInstanceOfSatisfying(GraphFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).isEqualTo(file + ": " + e.problem());
                    assertThat(e.getMessage()).doesNotContain("\n");
                    for (String part : expected) {
                        assertThat(e.problem()).contains(part);
                    }
                });
    }

    private static Arguments broken(String description, String content, String... expected) {
        return arguments(description, content, Arrays.asList(expected));
    }

    /** JSON written with single quotes, which keeps the cases readable; none of them needs a real one. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String graph(String nodes, String wires, String blocks) {
        return json("{" + HEADER + ", 'nodes': [" + nodes + "], 'wires': [" + wires + "], 'blocks': [" + blocks + "]}");
    }

    /** The small graph with one more node, left unwired (open ports are fine in a file). */
    private static String withNode(String node) {
        return graph(NODES + ", " + node, WIRES, "");
    }
}

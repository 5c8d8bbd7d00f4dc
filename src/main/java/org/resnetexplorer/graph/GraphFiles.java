package org.resnetexplorer.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.files.JsonTexts;
import org.resnetexplorer.i18n.Texts;

/**
 * Networks as JSON files. A file holds {@code "format": "resnet-explorer/graph"}, its {@code "schemaVersion"},
 * the network's {@code "name"}, and the lists {@code "nodes"}, {@code "wires"} and {@code "blocks"}:
 *
 * <pre>{@code
 * {
 *   "format": "resnet-explorer/graph",
 *   "schemaVersion": 1,
 *   "name": "resnet-18",
 *   "nodes": [
 *     {"name": "input", "kind": "Input", "shape": [3, 224, 224]},
 *     {"name": "conv1", "kind": "Conv2D", "filters": 64, "kernel": 7, "stride": 2, "padding": 3, "bias": false},
 *     ...
 *   ],
 *   "wires": [
 *     {"from": "input", "to": "conv1", "port": "in"},
 *     ...
 *   ],
 *   "blocks": [
 *     {"name": "conv2_1", "kind": "basic", "shortcutOption": "B", "branchEnd": "conv2_1.bn2", "members": [...]},
 *     ...
 *   ]
 * }
 * }</pre>
 *
 * <p>A node's settings are the components of its layer record, by name, so a new setting needs no code here.
 * Reading ignores keys it does not know (a newer app may add some) and refuses anything else it cannot make
 * sense of with a {@link GraphFileException} that names the problem; it never returns part of a network. A
 * network that is sound as a graph but not valid (an open port, a cycle) loads: the editor saves work in
 * progress, and {@link Analysis} reports its problems. A file is read only if it is a regular file of at most
 * {@link #MAX_BYTES} bytes (decision 0018).
 *
 * <p>{@link GraphJson} turns a file's text into its one JSON object (or says why it is none), and
 * {@link GraphFilePrinter} lays the JSON written out line by line.
 */
public final class GraphFiles {
    /**
     * The largest graph file read, in bytes: five times the deepest template saved with its layout
     * (cifar-preact-resnet-6002, 24,007 nodes, 6.0 MB; ResNet-152 takes 133 kB), so that no network the editor can
     * reasonably hold is refused, while a wrong file (a disk image, {@code /dev/zero}) is refused before it is read.
     */
    public static final long MAX_BYTES = 32_000_000;
    private static final String FORMAT = "resnet-explorer/graph";
    private static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Longest JSON value quoted in a message, so that one line stays one line. */
    static final int SHOWN_LENGTH = 40;

    /** How a file writes and reads each type of layer setting. */
    private static final Map<Class<?>, Codec> CODECS = Map.of(
            int.class, new Codec(value -> JSON.numberNode((int) value), GraphFiles::readInt),
            double.class, new Codec(value -> JSON.numberNode((double) value), GraphFiles::readDouble),
            boolean.class, new Codec(value -> JSON.booleanNode((boolean) value), GraphFiles::readBoolean),
            Shape.class, new Codec(GraphFiles::writeShape, GraphFiles::readShape),
            ActivationFunction.class, new Codec(value -> JSON.textNode(((ActivationFunction) value).id()),
                    (json, setting) -> ActivationFunction.parse(readText(json, setting))),
            ShortcutOption.class, new Codec(value -> JSON.textNode(((ShortcutOption) value).name()),
                    (json, setting) -> ShortcutOption.parse(readText(json, setting))));

    /** The layer record of each kind a file names, in the order an error message lists them. */
    private static final Map<String, Class<? extends LayerSpec>> KINDS = kinds(
            Input.class, Dense.class, Conv2D.class, BatchNorm.class, Activation.class, Add.class, Shortcut.class,
            MaxPool.class, AvgPool.class, GlobalAvgPool.class, Flatten.class, Dropout.class, Output.class);

    private GraphFiles() {
    }

    /**
     * Reads the network saved in {@code file}.
     *
     * @throws GraphFileException if the file is missing, unreadable, not a graph, or damaged, saying which
     */
    public static Network load(Path file) throws GraphFileException {
        return fromJson(readText(file), file);
    }

    /**
     * Reads the network saved in {@code file} with its layout (where the boxes are, which blocks are collapsed)
     * and the points drawn to train on.
     * A file without a layout, as saved by {@link #save} or an older version, loads as
     * {@link GraphDocument#opened}: laid out automatically, a deep network with its blocks collapsed.
     *
     * @throws GraphFileException if the file is missing, unreadable, not a graph, or damaged, saying which
     */
    public static GraphDocument loadDocument(Path file) throws GraphFileException {
        return documentFromJson(readText(file), file);
    }

    private static String readText(Path file) throws GraphFileException {
        // Opening a graph is when a student comes back to a folder whose last save was cut short.
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            AtomicFiles.removeStale(folder);
        }
        byte[] bytes;
        try {
            bytes = InputFiles.readBytes(file, MAX_BYTES, Texts.get("graphFiles.what"));
        } catch (InputFileException e) {
            String problem = switch (e.reason()) {
                case MISSING -> Texts.get("graphFiles.missing");
                case FOLDER -> Texts.get("graphFiles.folder");
                case DENIED -> Texts.get("graphFiles.denied");
                default -> e.problem();
            };
            throw new GraphFileException(file, problem, e);
        }
        return GraphJson.decode(bytes, file);
    }

    /**
     * Saves {@code network} to {@code file}, replacing it if it exists. The file is written whole or not at all
     * ({@link AtomicFiles#write}): the JSON goes to a temporary file in the same folder, is forced to disk, and then
     * takes the file's place in one step, so a crash or a full disk leaves the old file as it was.
     *
     * @throws IOException if the folder does not exist, the file is a folder, or writing fails
     */
    public static void save(Network network, Path file) throws IOException {
        AtomicFiles.writeText(toJson(network), file);
    }

    /**
     * Saves the document's network with its layout (an optional {@code "layout"} object that {@link #load}
     * ignores), as atomically as {@link #save}.
     *
     * @throws IOException if the folder does not exist, the file is a folder, or writing fails
     */
    public static void saveDocument(GraphDocument document, Path file) throws IOException {
        AtomicFiles.writeText(documentToJson(document), file);
    }

    /** The file contents for {@code network}: pretty-printed JSON, one line per node, wire and block. */
    public static String toJson(Network network) {
        return print(tree(network));
    }

    /**
     * The file contents for a document: the network as {@link #toJson(Network)} writes it, then
     * {@code "layout": {"positions": {"input": [0.0, 0.0], ...}, "collapsed": ["block1", ...]}}, one position
     * per line, in network order, then the drawn points if there are any ({@link DrawnPointsJson}).
     */
    public static String documentToJson(GraphDocument document) {
        Network network = document.network();
        ObjectNode root = tree(network);
        ObjectNode layout = root.putObject("layout");
        ObjectNode positions = layout.putObject("positions");
        List<String> names = new ArrayList<>();
        network.nodes().forEach(node -> names.add(node.name()));
        network.blocks().forEach(block -> names.add(block.name()));
        for (String name : names) {
            Point point = document.positions().get(name);
            if (point != null) {
                positions.putArray(name).add(coordinate(point.x())).add(coordinate(point.y()));
            }
        }
        ArrayNode collapsed = layout.putArray("collapsed");
        network.blocks().stream().map(Block::name).filter(document.collapsed()::contains).forEach(collapsed::add);
        DrawnPointsJson.write(document.points(), root);
        return print(root);
    }

    /** A whole coordinate is written without a decimal point: {@code [230, 86]}. */
    private static JsonNode coordinate(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? JSON.numberNode((long) value) : JSON.numberNode(value);
    }

    private static ObjectNode tree(Network network) {
        ObjectNode root = JSON.objectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("name", network.name());
        ArrayNode nodes = root.putArray("nodes");
        network.nodes().forEach(node -> nodes.add(writeNode(node)));
        ArrayNode wires = root.putArray("wires");
        for (Wire wire : network.wires()) {
            wires.addObject().put("from", wire.from()).put("to", wire.to()).put("port", wire.port());
        }
        ArrayNode blocks = root.putArray("blocks");
        for (Block block : network.blocks()) {
            ObjectNode json = blocks.addObject()
                    .put("name", block.name())
                    .put("kind", block.kind().id())
                    .put("shortcutOption", block.shortcutOption().name())
                    .put("branchEnd", block.branchEnd());
            block.members().forEach(json.putArray("members")::add);
        }
        return root;
    }

    private static String print(ObjectNode root) {
        try {
            return GraphJson.MAPPER.writer(new GraphFilePrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree of plain JSON values always serializes", e);
        }
    }

    /**
     * Reads a network from the contents of a graph file. {@code fileForMessages} names the file in error messages
     * and gives the network its name when the JSON has none.
     *
     * @throws GraphFileException if the text is not a graph or is damaged, saying what is wrong
     */
    public static Network fromJson(String json, Path fileForMessages) throws GraphFileException {
        Objects.requireNonNull(json, "json");
        Reader reader = new Reader(Objects.requireNonNull(fileForMessages, "fileForMessages"));
        return reader.network(reader.root(json));
    }

    /**
     * Reads a document (network, layout and drawn points) from the contents of a graph file; without a
     * {@code "layout"} the document is laid out automatically with every block expanded, without {@code "points"}
     * it has none.
     *
     * @throws GraphFileException if the text is not a graph or is damaged, saying what is wrong
     */
    public static GraphDocument documentFromJson(String json, Path fileForMessages) throws GraphFileException {
        Objects.requireNonNull(json, "json");
        Reader reader = new Reader(Objects.requireNonNull(fileForMessages, "fileForMessages"));
        JsonNode root = reader.root(json);
        return reader.document(root, reader.network(root)).withPoints(reader.points(root));
    }

    private static ObjectNode writeNode(Node node) {
        LayerSpec layer = node.layer();
        if (KINDS.get(layer.kind()) != layer.getClass()) {
            // Saving it would write a file that no version of the app can open.
            throw new IllegalStateException("kind " + layer.kind() + " (" + layer.getClass().getName()
                    + ") is not registered in GraphFiles");
        }
        ObjectNode json = JSON.objectNode().put("name", node.name()).put("kind", layer.kind());
        for (RecordComponent component : layer.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(layer);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component + " of " + layer, e);
            }
            json.set(component.getName(), CODECS.get(component.getType()).write().apply(value));
        }
        return json;
    }

    private static JsonNode writeShape(Object shape) {
        ArrayNode dims = JSON.arrayNode();
        ((Shape) shape).dims().forEach(dims::add);
        return dims;
    }

    private static int readInt(JsonNode json, String setting) {
        if (isWhole(json) && json.canConvertToInt()) {
            return json.intValue();
        }
        throw new IllegalArgumentException(isWhole(json)
                ? Texts.format("graphFiles.not.whole.up.to", setting, Integer.MAX_VALUE, shown(json))
                : Texts.format("graphFiles.not.whole", setting, shown(json)));
    }

    /** Whether the value is a whole number, also when written with a decimal point ({@code 64.0}). */
    private static boolean isWhole(JsonNode json) {
        return json.isNumber() && json.canConvertToExactIntegral();
    }

    private static double readDouble(JsonNode json, String setting) {
        if (json.isNumber()) {
            return json.doubleValue();
        }
        throw new IllegalArgumentException(Texts.format("graphFiles.not.number", setting, shown(json)));
    }

    private static boolean readBoolean(JsonNode json, String setting) {
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        throw new IllegalArgumentException(Texts.format("graphFiles.not.boolean", setting, shown(json)));
    }

    private static String readText(JsonNode json, String setting) {
        if (json.isTextual()) {
            return json.textValue();
        }
        throw new IllegalArgumentException(Texts.format("graphFiles.setting.not.text", setting, shown(json)));
    }

    private static Shape readShape(JsonNode json, String setting) {
        if (!json.isArray() || !allWhole(json)) {
            throw new IllegalArgumentException(Texts.format("graphFiles.not.shape", setting, shown(json)));
        }
        int[] dims = new int[json.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = json.get(i).intValue();
        }
        try {
            return Shape.of(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Texts.format("graphFiles.bad.shape", setting, shown(json), e.getMessage()), e);
        }
    }

    private static boolean allWhole(JsonNode array) {
        for (JsonNode dim : array) {
            if (!isWhole(dim) || !dim.canConvertToInt()) {
                return false;
            }
        }
        return true;
    }

    /** A JSON value as a message quotes it, shortened to fit on the line. */
    static String shown(JsonNode json) {
        String text = json.toString();
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH - 3) + "...";
    }

    /**
     * The registry of kinds: a kind's name in files is its record's class name ({@link #writeNode} checks that
     * it is also what {@link LayerSpec#kind} says). Checked once here, so that a layer missing from the list, or
     * with a setting no file can hold, fails every test rather than one save.
     */
    @SafeVarargs
    private static Map<String, Class<? extends LayerSpec>> kinds(Class<? extends LayerSpec>... types) {
        Map<String, Class<? extends LayerSpec>> kinds = new LinkedHashMap<>();
        for (Class<? extends LayerSpec> type : types) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!CODECS.containsKey(component.getType())) {
                    throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + " is a "
                            + component.getType().getSimpleName() + ", which graph files cannot hold: add a codec");
                }
            }
            kinds.put(type.getSimpleName(), type);
        }
        for (Class<?> permitted : LayerSpec.class.getPermittedSubclasses()) {
            if (!kinds.containsValue(permitted)) {
                throw new IllegalStateException(permitted.getSimpleName() + " is missing from GraphFiles.KINDS");
            }
        }
        return Collections.unmodifiableMap(kinds);
    }

    /**
     * Writes one type of setting as JSON, and reads it back; {@code read} gets the setting's name and throws
     * IllegalArgumentException with a message that names it ({@code "'filters' must be a whole number, not 3.5"}).
     */
    private record Codec(Function<Object, JsonNode> write, BiFunction<JsonNode, String, Object> read) {
    }

    /** Reads one file; every problem becomes a GraphFileException naming that file. */
    private static final class Reader {
        /** What messages about the file's top level call it: {@code "the graph lacks 'nodes'"}. */
        private static String graph() {
            return Texts.get("graphFiles.owner.graph");
        }

        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        /** The checked top-level object of the file. */
        JsonNode root(String text) throws GraphFileException {
            JsonNode root = GraphJson.object(text, file);
            checkHeader(root);
            Optional<JsonTexts.LoneSurrogate> broken = JsonTexts.firstLoneSurrogate(root);
            if (broken.isPresent()) {
                throw fail(Texts.format("graphFiles.lone.surrogate", broken.get().path(), broken.get().escape()));
            }
            return root;
        }

        /** The layout saved beside the network, if any: positions by name, and collapsed blocks. */
        GraphDocument document(JsonNode root, Network network) throws GraphFileException {
            JsonNode layout = root.get("layout");
            if (layout == null) {
                return GraphDocument.opened(network);
            }
            String owner = Texts.get("graphFiles.owner.layout");
            requireObject(layout, Texts.format("graphFiles.field", "layout"));
            Map<String, Point> positions = new LinkedHashMap<>();
            JsonNode json = layout.get("positions");
            if (json != null) {
                if (!json.isObject()) {
                    throw fail(Texts.format("graphFiles.positions.not.object", owner, "positions", shown(json)));
                }
                for (Map.Entry<String, JsonNode> entry : json.properties()) {
                    positions.put(entry.getKey(), point(entry.getKey(), entry.getValue()));
                }
            }
            List<String> collapsed = new ArrayList<>();
            for (JsonNode block : list(layout, "collapsed", false, owner)) {
                if (!block.isTextual()) {
                    throw fail(Texts.format("graphFiles.collapsed.not.names", owner, "collapsed", shown(layout.get("collapsed"))));
                }
                collapsed.add(block.textValue());
            }
            return new GraphDocument(network, positions, new java.util.HashSet<>(collapsed));
        }

        /** The points drawn to train on, if the file has them. */
        DrawnPoints points(JsonNode root) throws GraphFileException {
            try {
                return DrawnPointsJson.read(root);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage(), e);
            }
        }

        private Point point(String name, JsonNode json) throws GraphFileException {
            if (json.isArray() && json.size() == 2 && json.get(0).isNumber() && json.get(1).isNumber()
                    && Double.isFinite(json.get(0).doubleValue()) && Double.isFinite(json.get(1).doubleValue())) {
                return new Point(json.get(0).doubleValue(), json.get(1).doubleValue());
            }
            throw fail(Texts.format("graphFiles.position", name, shown(json)));
        }

        Network network(JsonNode root) throws GraphFileException {
            String name = root.has("name") ? text(root, "name", graph()) : defaultName();
            List<Node> nodes = new ArrayList<>();
            int index = 1;
            for (JsonNode json : list(root, "nodes", true, graph())) {
                nodes.add(node(json, index++));
            }
            List<Wire> wires = new ArrayList<>();
            index = 1;
            for (JsonNode json : list(root, "wires", true, graph())) {
                wires.add(wire(json, index++));
            }
            List<Block> blocks = new ArrayList<>();
            index = 1;
            for (JsonNode json : list(root, "blocks", false, graph())) {
                blocks.add(block(json, index++));
            }
            try {
                return new Network(name, nodes, wires, blocks);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage(), e);
            }
        }

        /** The format and its version, checked before anything else: a newer file may be laid out differently. */
        private void checkHeader(JsonNode root) throws GraphFileException {
            JsonNode format = root.get("format");
            if (format == null) {
                throw fail(Texts.format("graphFiles.no.format", "format", FORMAT));
            }
            if (!FORMAT.equals(format.textValue())) {
                throw fail(Texts.format("graphFiles.wrong.format", shown(format), FORMAT));
            }
            JsonNode version = root.get("schemaVersion");
            if (version == null) {
                throw fail(Texts.format("graphFiles.no.version", "schemaVersion"));
            }
            if (!isWhole(version)) {
                throw fail(Texts.format("graphFiles.not.whole", "schemaVersion", shown(version)));
            }
            BigInteger number = version.bigIntegerValue();
            if (number.compareTo(BigInteger.valueOf(SCHEMA_VERSION)) > 0) {
                throw fail(Texts.format("graphFiles.newer", number, SCHEMA_VERSION));
            }
            if (number.signum() <= 0) {
                throw fail(Texts.format("graphFiles.version.below.one", "schemaVersion", number));
            }
        }

        /** Without a name in the file, the network is named after it: {@code my-net.json} holds {@code my-net}. */
        private String defaultName() {
            Path last = file.getFileName();
            String fileName = last != null ? last.toString() : file.toString();
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        private Node node(JsonNode json, int index) throws GraphFileException {
            String owner = Texts.format("graphFiles.owner.node.index", index);
            requireObject(json, owner);
            String name = text(json, "name", owner);
            if (name.isBlank()) {
                throw fail(Texts.format("graphFiles.empty.name", owner, "name"));
            }
            owner = Texts.format("graphFiles.owner.node", name);
            String kind = text(json, "kind", owner);
            Class<? extends LayerSpec> type = KINDS.get(kind);
            if (type == null) {
                throw fail(Texts.format("graphFiles.unknown.kind", owner, shown(json.get("kind")),
                        String.join(", ", KINDS.keySet())));
            }
            return new Node(name, layer(json, type, Texts.format("graphFiles.owner.node.kind", owner, kind)));
        }

        /** The layer of that record type, each component read from the setting of its name. */
        private LayerSpec layer(JsonNode json, Class<? extends LayerSpec> type, String owner) throws GraphFileException {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String setting = components[i].getName();
                JsonNode value = json.get(setting);
                if (value == null) {
                    throw fail(Texts.format("graphFiles.lacks", owner, setting));
                }
                try {
                    values[i] = CODECS.get(components[i].getType()).read().apply(value, setting);
                } catch (IllegalArgumentException e) {
                    throw fail(Texts.format("graphFiles.owner.problem", owner, e.getMessage()), e);
                }
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<? extends LayerSpec> canonical = type.getDeclaredConstructor(types);
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException invalid) {
                    throw fail(Texts.format("graphFiles.owner.problem", owner, invalid.getMessage()), invalid);
                }
                throw new IllegalStateException("cannot create " + type.getSimpleName() + " from " + owner, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor to call", e);
            }
        }

        private Wire wire(JsonNode json, int index) throws GraphFileException {
            String owner = Texts.format("graphFiles.owner.wire.index", index);
            requireObject(json, owner);
            String from = text(json, "from", owner);
            String to = text(json, "to", owner);
            String port = text(json, "port", owner);
            try {
                return new Wire(from, to, port);
            } catch (IllegalArgumentException e) {
                throw fail(Texts.format("graphFiles.owner.problem", owner, e.getMessage()), e);
            }
        }

        private Block block(JsonNode json, int index) throws GraphFileException {
            String owner = Texts.format("graphFiles.owner.block.index", index);
            requireObject(json, owner);
            String name = text(json, "name", owner);
            if (name.isBlank()) {
                throw fail(Texts.format("graphFiles.empty.name", owner, "name"));
            }
            owner = Texts.format("graphFiles.owner.block", name);
            String kind = text(json, "kind", owner);
            String option = text(json, "shortcutOption", owner);
            String branchEnd = text(json, "branchEnd", owner);
            List<String> members = new ArrayList<>();
            for (JsonNode member : list(json, "members", true, owner)) {
                if (!member.isTextual()) {
                    throw fail(Texts.format("graphFiles.members.not.names", owner, "members", shown(json.get("members"))));
                }
                members.add(member.textValue());
            }
            BlockKind blockKind;
            ShortcutOption shortcutOption;
            try {
                blockKind = BlockKind.parse(kind);
                shortcutOption = ShortcutOption.parse(option);
            } catch (IllegalArgumentException e) {
                throw fail(Texts.format("graphFiles.owner.problem", owner, e.getMessage()), e);
            }
            try {
                return new Block(name, blockKind, shortcutOption, branchEnd, members);
            } catch (IllegalArgumentException e) {
                // The block's own checks name the block already.
                throw fail(e.getMessage(), e);
            }
        }

        private void requireObject(JsonNode json, String owner) throws GraphFileException {
            if (!json.isObject()) {
                throw fail(Texts.format("graphFiles.owner.not.object", owner, shown(json)));
            }
        }

        private String text(JsonNode json, String key, String owner) throws GraphFileException {
            JsonNode value = json.get(key);
            if (value == null) {
                throw fail(Texts.format("graphFiles.lacks", owner, key));
            }
            if (!value.isTextual()) {
                throw fail(Texts.format("graphFiles.not.text", owner, key, shown(value)));
            }
            return value.textValue();
        }

        /** The list under {@code key}; an optional one may be absent, and then it is empty. */
        private JsonNode list(JsonNode json, String key, boolean required, String owner) throws GraphFileException {
            JsonNode value = json.get(key);
            if (value == null && !required) {
                return JSON.arrayNode();
            }
            if (value == null) {
                throw fail(Texts.format("graphFiles.lacks", owner, key));
            }
            if (!value.isArray()) {
                throw fail(Texts.format("graphFiles.not.list", owner, key, shown(value)));
            }
            return value;
        }

        private GraphFileException fail(String problem) {
            return new GraphFileException(file, problem);
        }

        private GraphFileException fail(String problem, Throwable cause) {
            return new GraphFileException(file, problem, cause);
        }
    }
}

package org.resnetexplorer.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.files.JsonTexts;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.TrainedValues.Part;

/**
 * A run's trained network in its folder (decision 0037): {@value #NETWORK} the graph as trained (a graph file),
 * {@value #INDEX} the index of its state's blocks (run, step, and per block its node, part, shape, value type and
 * byte offset), {@value #VALUES} the values: every parameter as little-endian float32 in the engine's layout, then
 * every BatchNorm's running means and variances as little-endian float64, exactly as the state holds them.
 *
 * <p>Reading takes every size from the graph, none from the files: the index must list exactly the blocks the graph
 * gives, and the values file must hold exactly their bytes (it is never read past them). Names in the index are
 * only compared with the graph's; the file names are fixed, never taken from a file.
 */
public final class TrainedNetworkFiles {
    /** The graph file of the trained network. */
    public static final String NETWORK = "network.json";
    /** The index of the state's blocks. */
    public static final String INDEX = "state.json";
    /** The state's values. */
    public static final String VALUES = "state.bin";
    /** What the index's "format" says. */
    static final String FORMAT = "resnet-explorer trained state";
    static final int VERSION = 1;
    /** Largest index read: some 200 bytes a block, and a network of 32 MB of graph file has far fewer blocks. */
    static final long MAX_INDEX_BYTES = 32_000_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainedNetworkFiles() {
    }

    /** Whether a folder holds a trained network (its three files may still be damaged: {@link #read} says). */
    public static boolean isRunFolder(Path folder) {
        return Files.isDirectory(folder) && Files.exists(folder.resolve(INDEX));
    }

    /**
     * Writes the state and its network into {@code folder} (which exists), each file whole or not at all; the index
     * last, so that a folder with an index has the other two.
     */
    public static void write(NetworkState state, Path folder) throws IOException {
        List<StateBlocks.Block> blocks = StateBlocks.of(Analysis.of(state.network()));
        int parameters = state.parameterCount();
        ByteBuffer bytes = ByteBuffer.allocate(size(blocks, parameters)).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : state.values()) {
            bytes.putFloat(value);
        }
        ObjectNode index = JSON.createObjectNode();
        index.put("format", FORMAT);
        index.put("version", VERSION);
        index.put("run", state.run());
        index.put("step", state.step());
        ArrayNode list = index.putArray("blocks");
        for (StateBlocks.Block block : blocks) {
            list.add(describe(block, parameters));
            if (block.statistics()) {
                double[] statistics = state.runningStatistics().get(block.norm());
                int from = block.part() == Part.RUNNING_MEAN ? 0 : block.length();
                for (int i = 0; i < block.length(); i++) {
                    bytes.putDouble(statistics[from + i]);
                }
            }
        }
        GraphFiles.save(state.network(), folder.resolve(NETWORK));
        AtomicFiles.write(bytes.array(), folder.resolve(VALUES));
        AtomicFiles.writeText(JSON.writeValueAsString(index) + "\n", folder.resolve(INDEX));
    }

    /**
     * The trained state in {@code folder}, with its network.
     *
     * @throws StateFileException if a file is missing, too large, damaged, or does not fit the graph
     */
    public static NetworkState read(Path folder) throws StateFileException {
        Path indexFile = folder.resolve(INDEX);
        Network network;
        try {
            network = GraphFiles.load(folder.resolve(NETWORK));
        } catch (GraphFileException e) {
            throw new StateFileException(e.getMessage(), e);
        }
        Analysis analysis = Analysis.of(network);
        List<Problem> errors = analysis.errors();
        if (!errors.isEmpty()) {
            throw new StateFileException(folder.resolve(NETWORK) + ": not a network that trains: "
                    + errors.get(0).message(), null);
        }
        try {
            // a graph edited to millions of units: refused as a run of it would be, before its blocks are listed
            RunMemory.check(network.name(), analysis, 1, RunMemory.budget());
        } catch (EngineException e) {
            throw new StateFileException(folder.resolve(NETWORK) + ": " + e.getMessage(), e);
        }
        List<StateBlocks.Block> blocks = StateBlocks.of(analysis);
        int parameters = blocks.stream().filter(b -> !b.statistics()).mapToInt(StateBlocks.Block::length).sum();
        JsonNode index = index(indexFile);
        List<JsonNode> listed = index.path("blocks").isArray() ? iterable(index.get("blocks")) : null;
        if (listed == null || listed.size() != blocks.size()) {
            throw damaged(indexFile, "lists " + (listed == null ? "no" : listed.size()) + " blocks where the network in "
                    + NETWORK + " has " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (!expected(blocks.get(i), parameters).equals(listed.get(i))) {
                throw damaged(indexFile, "block " + (i + 1) + " is not the network's " + blocks.get(i).node() + " "
                        + blocks.get(i).part().name().toLowerCase(Locale.ROOT) + " of shape "
                        + describe(blocks.get(i), parameters).get("shape"));
            }
        }
        int size = size(blocks, parameters);
        Path valuesFile = folder.resolve(VALUES);
        byte[] bytes;
        try {
            bytes = InputFiles.readBytes(valuesFile, size, "a trained state's values");
        } catch (InputFileException e) {
            throw new StateFileException(e.getMessage(), e);
        }
        if (bytes.length != size) {
            throw damaged(valuesFile, "holds " + bytes.length + " bytes where the network's state has " + size);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[parameters];
        for (int i = 0; i < parameters; i++) {
            values[i] = buffer.getFloat();
        }
        Map<String, double[]> statistics = new HashMap<>();
        Map<String, NetworkState.Slice> slices = new HashMap<>();
        for (StateBlocks.Block block : blocks) {
            if (block.statistics()) {
                double[] both = statistics.computeIfAbsent(block.norm(), k -> new double[2 * block.length()]);
                int from = block.part() == Part.RUNNING_MEAN ? 0 : block.length();
                for (int i = 0; i < block.length(); i++) {
                    both[from + i] = buffer.getDouble();
                }
            } else if (block.part() == Part.WEIGHT) {
                slices.put(block.node(), new NetworkState.Slice(block.offset(), block.shape()));
            }
        }
        return new NetworkState(index.get("run").asText(), index.get("step").asInt(), network, values, statistics, slices);
    }

    /** The index, parsed and checked apart from its blocks. */
    private static JsonNode index(Path file) throws StateFileException {
        JsonNode index;
        try {
            index = JSON.readTree(InputFiles.readText(file, MAX_INDEX_BYTES, "a trained state's index"));
        } catch (InputFileException e) {
            throw new StateFileException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw damaged(file, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (index == null || !FORMAT.equals(index.path("format").asText(null))) {
            throw damaged(file, "not a trained state's index (no \"format\": \"" + FORMAT + "\")");
        }
        if (!index.path("version").isInt() || index.get("version").asInt() != VERSION) {
            throw damaged(file, "version " + index.path("version") + ", where this version reads " + VERSION);
        }
        if (!index.path("run").isTextual() || JsonTexts.firstLoneSurrogate(index).isPresent()) {
            throw damaged(file, "the run's name is missing or holds half a character");
        }
        if (!index.path("step").isInt() || index.get("step").asInt() < 0) {
            throw damaged(file, "the step is missing or not a whole number of at least 0");
        }
        return index;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    /** A block as the index lists it: the offset in bytes into the values file. */
    private static ObjectNode describe(StateBlocks.Block block, int parameters) {
        ObjectNode node = JSON.createObjectNode();
        node.put("node", block.node());
        node.put("part", block.part().name().toLowerCase(Locale.ROOT));
        ArrayNode shape = node.putArray("shape");
        for (long d : block.shape()) {
            shape.add(d);
        }
        node.put("type", block.statistics() ? "float64" : "float32");
        node.put("offset", block.statistics() ? 4L * parameters + 8L * block.offset() : 4L * block.offset());
        return node;
    }

    /** A block as a parser reads it from the index (numbers as their smallest type), to compare with what was read. */
    private static JsonNode expected(StateBlocks.Block block, int parameters) {
        try {
            return JSON.readTree(describe(block, parameters).toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a block's own JSON does not parse", e);
        }
    }

    /** The bytes of a state's values: 4 a parameter, 8 a running statistic. */
    private static int size(List<StateBlocks.Block> blocks, int parameters) {
        long statistics = blocks.stream().filter(StateBlocks.Block::statistics).mapToLong(StateBlocks.Block::length).sum();
        return Math.toIntExact(4L * parameters + 8L * statistics);
    }

    private static StateFileException damaged(Path file, String problem) {
        return new StateFileException(file + ": " + problem + "; write the run again with 'train ... --out DIR'", null);
    }
}

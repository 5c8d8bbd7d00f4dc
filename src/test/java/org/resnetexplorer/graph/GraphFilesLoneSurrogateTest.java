package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half a character (a lone UTF-16 surrogate, which JSON can write as {@code "\ud800"}) anywhere in a graph file:
 * refused when the file is read, naming where, so that nothing built from it fails when it is written later.
 */
class GraphFilesLoneSurrogateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for the escape in the tree; Jackson writes it as {@code \u0001}, which the test then replaces. */
    private static final String MARK = "\u0001";
    /** Checked before anything else, with messages of their own: a file whose format is not ours is not read on. */
    private static final List<String> HEADER = List.of("format", "schemaVersion");

    @TempDir
    Path dir;

    /** A place in the file that holds text: the path a message names, and how to put text there. */
    private record Place(String path, JsonNode parent, String key, int index, boolean isKey) {
    }

    @Test
    @DisplayName("a lone surrogate in any text or key of a graph file is refused with the place and the escape")
    void refusedWherever() throws Exception {
        GraphDocument document = GraphDocument.opened(Templates.build("cifar-resnet-8"));
        JsonNode original = JSON.readTree(GraphFiles.documentToJson(document));
        List<Place> places = new ArrayList<>();
        collect(original, "", places);
        assertThat(places).as("text places in the file").hasSizeGreaterThan(100);
        Random random = new Random(9);
        List<String> units = List.of("\\ud800", "\\udbff", "\\udc00", "\\udfff");
        for (int trial = 0; trial < 60; trial++) {
            JsonNode tree = original.deepCopy();
            List<Place> inCopy = new ArrayList<>();
            collect(tree, "", inCopy);
            Place place = inCopy.get(random.nextInt(inCopy.size()));
            String unit = units.get(random.nextInt(units.size()));
            put(place, MARK);
            Path file = dir.resolve("net" + trial + ".json");
            Files.writeString(file, JSON.writeValueAsString(tree).replace("\\u0001", unit));
            // A key is named as the file shows it, the half character as its escape.
            String where = place.isKey() ? place.path() + unit : place.path();

            assertThatThrownBy(() -> GraphFiles.loadDocument(file)).as("half a character at %s", where)
                    .isInstanceOf(GraphFileException.class)
                    .hasMessage(file + ": " + where + " holds half a character (a lone UTF-16 surrogate, "
                            + unit + "): remove it or write the whole character");
        }
    }

    @Test
    @DisplayName("a whole character written as an escaped pair loads as that character")
    void pairsLoad() throws Exception {
        Path file = dir.resolve("net.json");
        Files.writeString(file, GraphFiles.toJson(Templates.build("mlp-plain-3"))
                .replace("\"name\": \"mlp-plain-3\"", "\"name\": \"net \\ud83d\\ude00\""));

        assertThat(GraphFiles.load(file).name()).isEqualTo("net \uD83D\uDE00");
    }

    /** Every text value and key under {@code node}, with the path a message gives it. */
    private static void collect(JsonNode node, String path, List<Place> places) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + (i + 1) + "]";
                if (node.get(i).isTextual()) {
                    places.add(new Place(at, node, null, i, false));
                }
                collect(node.get(i), at, places);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (path.isEmpty() && HEADER.contains(entry.getKey())) {
                    continue;
                }
                String at = (path.isEmpty() ? "" : path + ".") + entry.getKey();
                places.add(new Place(at, node, entry.getKey(), -1, true));
                if (entry.getValue().isTextual()) {
                    places.add(new Place(at, node, entry.getKey(), -1, false));
                }
                collect(entry.getValue(), at, places);
            }
        }
    }

    /**
     * Puts {@code mark} into the text at the place; the message then names the key as the file shows it, with the
     * unit as an escape (a key), or the path of the value.
     */
    private static void put(Place place, String mark) {
        if (place.parent().isArray()) {
            String text = place.parent().get(place.index()).textValue();
            ((ArrayNode) place.parent()).set(place.index(), TextNode.valueOf(text + mark));
        } else if (!place.isKey()) {
            ObjectNode parent = (ObjectNode) place.parent();
            parent.put(place.key(), mark + parent.get(place.key()).textValue());
        } else {
            ObjectNode parent = (ObjectNode) place.parent();
            JsonNode value = parent.remove(place.key());
            parent.set(place.key() + mark, value);
        }
    }
}

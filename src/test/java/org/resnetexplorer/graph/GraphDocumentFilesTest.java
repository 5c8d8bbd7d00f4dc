package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDocumentFilesTest {
    @TempDir
    Path dir;

    private static GraphDocument laidOut() {
        Network network = Templates.build("cifar-resnet-8");
        return new GraphDocument(network, Map.of("input", new Point(0, 0), "conv1", new Point(12.5, 86),
                "block2", new Point(230, 400), "block1.conv1", new Point(-40, 172)), Set.of("block2", "block3"));
    }

    @Test
    @DisplayName("a document saved with its positions and collapsed blocks loads back equal")
    void documentRoundTrip() throws Exception {
        GraphDocument document = laidOut();
        Path file = dir.resolve("net.json");

        GraphFiles.saveDocument(document, file);
        GraphDocument loaded = GraphFiles.loadDocument(file);

        assertThat(loaded).isEqualTo(document);
        assertThat(loaded.positions()).containsEntry("conv1", new Point(12.5, 86)).containsEntry("block2", new Point(230, 400));
        assertThat(loaded.collapsed()).containsExactlyInAnyOrder("block2", "block3");
        String text = Files.readString(file);
        assertThat(text).contains("\n      \"conv1\": [12.5, 86],\n").as("one position per line, whole numbers plain")
                .contains("\"collapsed\": [\"block2\", \"block3\"]");
        assertThat(GraphFiles.documentToJson(loaded)).as("the same file once more").isEqualTo(text);
    }

    @Test
    @DisplayName("a file with a layout still loads as a plain network, and a plain file as a document laid out automatically")
    void oldAndNewFilesInterchange() throws Exception {
        GraphDocument document = laidOut();
        Path withLayout = dir.resolve("with.json");
        Path without = dir.resolve("without.json");
        GraphFiles.saveDocument(document, withLayout);
        GraphFiles.save(document.network(), without);

        assertThat(GraphFiles.load(withLayout)).isEqualTo(document.network());
        GraphDocument old = GraphFiles.loadDocument(without);
        assertThat(old.network()).isEqualTo(document.network());
        assertThat(old.positions()).isEmpty();
        assertThat(old.collapsed()).isEmpty();
        assertThat(Files.readString(without)).doesNotContain("layout");
    }

    @Test
    @DisplayName("names in the layout that are not in the network are dropped; a damaged layout is refused naming it")
    void layoutErrors() throws Exception {
        String valid = GraphFiles.toJson(Templates.build("mlp-plain-1"));
        String prefix = valid.substring(0, valid.lastIndexOf('}'));
        Path file = dir.resolve("f.json");

        GraphDocument stale = GraphFiles.documentFromJson(prefix + ", \"layout\": {\"positions\": {\"gone\": [1, 2],"
                + " \"input\": [3, 4]}, \"collapsed\": [\"nothing\"]}}", file);
        assertThat(stale.positions()).containsOnlyKeys("input");
        assertThat(stale.collapsed()).isEmpty();

        assertThatThrownBy(() -> GraphFiles.documentFromJson(prefix + ", \"layout\": {\"positions\": {\"input\": [1]}}}", file))
                .isInstanceOf(GraphFileException.class)
                .hasMessageContaining("f.json").hasMessageContaining("the position of 'input' must be [x, y], two numbers");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(prefix + ", \"layout\": [1, 2]}", file))
                .isInstanceOf(GraphFileException.class).hasMessageContaining("'layout' must be a JSON object");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(prefix + ", \"layout\": {\"collapsed\": [3]}}", file))
                .isInstanceOf(GraphFileException.class).hasMessageContaining("'collapsed' must be a list of block names");
    }

    @Test
    @DisplayName("a deep network opens with its blocks collapsed, a small one expanded; so does a file without a layout")
    void opened(@TempDir Path other) throws Exception {
        Network deep = Templates.build("resnet-152");
        assertThat(GraphDocument.opened(deep).collapsed()).hasSize(deep.blocks().size());
        assertThat(GraphDocument.opened(Templates.build("cifar-resnet-8")).collapsed()).isEmpty();
        Path file = other.resolve("deep.json");
        GraphFiles.save(deep, file);
        assertThat(GraphFiles.loadDocument(file).collapsed()).hasSize(deep.blocks().size());
    }

    @Test
    @DisplayName("documents with the same content are equal, whatever stale names they were given")
    void equality() {
        Network network = Templates.build("mlp-resnet-2");
        GraphDocument a = new GraphDocument(network, Map.of("input", new Point(1, 2), "ghost", new Point(0, 0)),
                Set.of("block1", "ghost"));
        GraphDocument b = new GraphDocument(network, Map.of("input", new Point(1, 2)), Set.of("block1"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.withAutomaticLayout()).isNotEqualTo(a);
        assertThat(a.withAutomaticLayout().positions()).isEmpty();
    }
}

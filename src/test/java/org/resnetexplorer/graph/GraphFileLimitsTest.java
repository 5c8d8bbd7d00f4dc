package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.files.SpecialFiles;

/** A graph file is checked for type and size before it is read (decision 0018). */
@DisplayName("Graph files: type and size before reading")
class GraphFileLimitsTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;


    private static void refused(Path file, String problem) {
        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThatThrownBy(() -> GraphFiles.load(file)).isInstanceOf(GraphFileException.class)
                    .hasMessage(file + ": " + problem);
            assertThatThrownBy(() -> GraphFiles.loadDocument(file)).isInstanceOf(GraphFileException.class)
                    .hasMessage(file + ": " + problem);
        });
    }

    @Test
    @DisplayName("a sparse file of 6 GB is refused at once, naming its size, the limit and what to check")
    void hugeFile() throws IOException {
        Path huge = SpecialFiles.sparse(dir.resolve("net.json"), 6_000_000_000L);
        refused(huge, "is 6,000,000,000 bytes (6 GB), more than the 32 MB a graph file may have: check that it is a"
                + " graph file (a file that large would fill the memory)");
    }

    @Test
    @DisplayName("a file one byte over the limit is refused by its size; one at the limit is read and judged by its content")
    void atTheLimit() throws IOException {
        Path over = SpecialFiles.sparse(dir.resolve("over.json"), GraphFiles.MAX_BYTES + 1);
        refused(over, "is 32,000,001 bytes (32 MB), more than the 32 MB a graph file may have: check that it is a graph"
                + " file (a file that large would fill the memory)");
        Path at = SpecialFiles.sparse(dir.resolve("at.json"), GraphFiles.MAX_BYTES);
        refused(at, "holds binary data, not text: it is not a graph file (ResNet Explorer saves graphs as JSON text)");
    }

    @Test
    @DisplayName("a named pipe is refused without waiting for a writer")
    void namedPipe() throws Exception {
        Path pipe = dir.resolve("net.json");
        SpecialFiles.fifo(pipe);
        refused(pipe, "is a named pipe, not a graph file: give the path of a file saved on disk");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
    @DisplayName("a device is refused without being read")
    void devices(String device) {
        assumeThat(Files.exists(Path.of(device))).isTrue();
        refused(Path.of(device), "is a device, not a graph file: give the path of a file saved on disk");
    }

    @Test
    @DisplayName("the deepest template, saved with a position for every node, takes less than a fifth of the limit")
    void deepestTemplateFits() throws Exception {
        Network deepest = Templates.build("cifar-preact-resnet-6002");
        Map<String, Point> positions = new HashMap<>();
        int row = 0;
        for (Node node : deepest.nodes()) {
            positions.put(node.name(), new Point(123456.75 + row, -98765.25 - row++));
        }
        Path file = dir.resolve("deepest.json");
        GraphFiles.saveDocument(new GraphDocument(deepest, positions, Set.of()), file);
        assertThat(Files.size(file)).as("bytes of %s", file).isLessThan(GraphFiles.MAX_BYTES / 5);
        assertThat(GraphFiles.loadDocument(file).network().nodes()).hasSize(deepest.nodes().size());
    }
}

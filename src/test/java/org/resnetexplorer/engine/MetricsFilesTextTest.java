package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.files.Rfc4180;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;

/**
 * Names from graph files in the run's files: a comma, a quote, a line break or a formula in a name keeps every row
 * of metrics.csv and histograms.csv whole for an RFC 4180 reader; half a character never fails the run's files.
 */
class MetricsFilesTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "=cmd|' /C calc'!A0,\"1\"\nrun";
    private static final String LAYER = "conv \"one\",\r\nfirst";
    private static final String BLOCK = "@SUM(1+1),\"block\"";
    private static final Dataset DATA = TrainerTest.tinyImages(32, 16, 3);
    private static final TrainingSettings SETTINGS = new TrainingSettings(2, 8, Optimizer.SGD,
            LearningRateSchedule.constant(0.05), 0.9, 1e-4, 4, 2, 1, 16, 5);

    @TempDir
    Path dir;

    /** The tiny CIFAR network with its first convolution and first block renamed, as a graph file could name them. */
    private static Network renamed() throws Exception {
        String json = GraphFiles.toJson(TrainerTest.tinyCifar())
                .replace("\"conv1\"", TextNode.valueOf(LAYER).toString())
                .replace("\"block1\"", TextNode.valueOf(BLOCK).toString());
        return GraphFiles.fromJson(json, Path.of("renamed.json"));
    }

    private static RunResult train(String run, Network network, Path folder) throws IOException {
        Trainer trainer = new Trainer(run, network, DATA, SETTINGS);
        try (MetricsFiles files = new MetricsFiles(folder)) {
            trainer.addListener(files);
            RunResult result = trainer.run();
            files.finish(result, network, DATA, SETTINGS);
            return result;
        }
    }

    private static List<List<String>> read(Path file, int columns) throws IOException {
        List<List<String>> records = Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records).as("records of %s", file).hasSizeGreaterThan(1)
                .allSatisfy(record -> assertThat(record).as("a record of %s", file).hasSize(columns));
        return records.subList(1, records.size());
    }

    @Test
    @DisplayName("names with commas, quotes, line breaks and formulas read back exactly, formulas behind an apostrophe")
    void hostileNamesReadBack() throws Exception {
        Path folder = dir.resolve("run");
        RunResult result = train(RUN, renamed(), folder);
        assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.FINISHED);

        List<List<String>> metrics = read(folder.resolve(MetricsFiles.METRICS), 5);
        List<List<String>> histograms = read(folder.resolve(MetricsFiles.HISTOGRAMS), 6);

        String runCell = "'" + RUN;
        assertThat(metrics).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(runCell));
        assertThat(histograms).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(runCell));
        Set<String> layers = metrics.stream().map(row -> row.get(3)).collect(Collectors.toSet());
        assertThat(layers).contains(LAYER, "'" + BLOCK);
        assertThat(histograms.stream().map(row -> row.get(2)).collect(Collectors.toSet())).contains("'" + BLOCK);
        assertThat(metrics).allSatisfy(row -> assertThat(row.get(1)).matches("[0-9]+"));
    }

    @Test
    @DisplayName("half a character in the run's and network's names is written as U+FFFD, and the run's files are whole")
    void loneSurrogatesDoNotFailTheEnd() throws Exception {
        Path folder = dir.resolve("run");
        Network network = TrainerTest.tinyCifar().withName("net\uDC00");

        RunResult result = train("run\uD800", network, folder);

        assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.FINISHED);
        JsonNode json = JSON.readTree(Files.readString(folder.resolve(MetricsFiles.RUN), StandardCharsets.UTF_8));
        assertThat(json.path("run").asText()).isEqualTo("run\uFFFD");
        assertThat(json.path("model").asText()).isEqualTo("net\uFFFD");
        assertThat(read(folder.resolve(MetricsFiles.METRICS), 5)).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("run\uFFFD"));
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** What a short run leaves in its folder: metrics.csv, histograms.csv and run.json, in the documented form. */
class MetricsFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "tiny-run";
    private static final int STEPS = 6;
    private static final int BATCH = 8;
    private static final int BINS = 7;
    private static final Set<String> WHOLE_NETWORK = Set.of("loss", "batch_error", "train_error", "test_error", "lr");
    private static final Set<String> PER_LAYER = Set.of("grad_norm", "response_std", "residual_ratio");
    /** Values in F(x) per example of each block of the tiny cifar-resnet-8: 4x8x8, 8x4x4, 16x2x2. */
    private static final Map<String, Integer> BRANCH_SIZE = Map.of("block1", 256, "block2", 128, "block3", 64);

    private static Path folder;
    private static RunResult result;
    private static final Network NETWORK = TrainerTest.tinyCifar();
    private static final Dataset DATA = TrainerTest.tinyImages(64, 40, 9);
    /** metrics every 2 steps, test error every 3: steps 1, 2, 3, 4, 6 measured, 3 and 6 evaluated. */
    private static final TrainingSettings SETTINGS = new TrainingSettings(STEPS, BATCH, Optimizer.SGD,
            LearningRateSchedule.constant(0.05), 0.9, 1e-4, 4, 3, 2, 40, BINS);

    @BeforeAll
    static void shortRun(@TempDir Path dir) throws IOException {
        folder = dir.resolve("run");
        Trainer trainer = new Trainer(RUN, NETWORK, DATA, SETTINGS);
        try (MetricsFiles files = new MetricsFiles(folder)) {
            trainer.addListener(files);
            result = trainer.run();
            files.finish(result, NETWORK, DATA, SETTINGS);
        }
        assertThat(result.status()).as("the short run: %s", result.message()).isEqualTo(RunStatus.FINISHED);
    }

    private static List<String[]> rows(String file, String header) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
        assertThat(lines).as("%s has a header and rows", file).hasSizeGreaterThan(1);
        assertThat(lines.get(0)).as("header of %s", file).isEqualTo(header);
        int columns = header.split(",").length;
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as("cells of '%s' in %s", line, file).hasSize(columns);
            rows.add(cells);
        }
        return rows;
    }

    @Test
    @DisplayName("metrics.csv: its header, only the documented metrics, an empty layer exactly for whole-network metrics")
    void metricsCsv() throws IOException {
        List<String[]> rows = rows(MetricsFiles.METRICS, "run,step,metric,layer,value");
        Set<String> metrics = new TreeSet<>();
        Map<Integer, List<String>> wholeNetworkByStep = new TreeMap<>();
        Set<String> responseLayers = new TreeSet<>();
        for (String[] row : rows) {
            String metric = row[2];
            String layer = row[3];
            metrics.add(metric);
            assertThat(row[0]).as("run column").isEqualTo(RUN);
            assertThat(Double.parseDouble(row[4])).as("value of %s at step %s", metric, row[1]).isFinite();
            if (WHOLE_NETWORK.contains(metric)) {
                assertThat(layer).as("layer of whole-network metric %s", metric).isEmpty();
                wholeNetworkByStep.computeIfAbsent(Integer.parseInt(row[1]), k -> new ArrayList<>()).add(metric);
            } else {
                assertThat(layer).as("layer of per-layer metric %s", metric).isNotEmpty();
            }
            if (metric.equals("response_std")) {
                responseLayers.add(layer);
            }
        }
        assertThat(metrics).as("metric names").containsExactlyInAnyOrder("loss", "batch_error", "train_error",
                "test_error", "lr", "grad_norm", "response_std", "residual_ratio");
        assertThat(wholeNetworkByStep).as("whole-network metrics by step").containsOnlyKeys(1, 2, 3, 4, 6);
        for (int step : List.of(1, 2, 4)) {
            assertThat(wholeNetworkByStep.get(step)).as("step %d: the running batch error, no evaluation", step)
                    .containsExactly("loss", "batch_error", "lr");
        }
        assertThat(wholeNetworkByStep.get(3)).as("step 3 is evaluated though metrics are every 2 steps")
                .containsExactly("loss", "batch_error", "train_error", "test_error", "lr");
        assertThat(wholeNetworkByStep.get(6)).containsExactly("loss", "batch_error", "train_error", "test_error", "lr");
        assertThat(responseLayers).as("response_std per 3x3 conv and per block").containsExactlyInAnyOrder("conv1",
                "block1.conv1", "block1.conv2", "block2.conv1", "block2.conv2", "block3.conv1", "block3.conv2", "block1",
                "block2", "block3");
        assertThat(PER_LAYER).containsAll(metrics.stream().filter(m -> !WHOLE_NETWORK.contains(m)).toList());
    }

    @Test
    @DisplayName("metrics.csv: train_error is the run's final training error at the last evaluation, a whole number of"
            + " the 40 sampled examples; batch_error a whole number of the batches since the previous row")
    void errorValues() throws IOException {
        Map<String, Double> atSix = new TreeMap<>();
        double batchAtOne = Double.NaN;
        for (String[] row : rows(MetricsFiles.METRICS, "run,step,metric,layer,value")) {
            if (row[1].equals("6")) {
                atSix.put(row[2], Double.parseDouble(row[4]));
            }
            if (row[1].equals("1") && row[2].equals("batch_error")) {
                batchAtOne = Double.parseDouble(row[4]);
            }
        }
        assertThat(atSix.get("train_error")).isEqualTo(result.trainError());
        assertThat(atSix.get("test_error")).isEqualTo(result.testError());
        assertThat(atSix.get("train_error") * 40).as("errors among the 40 sampled training examples")
                .isCloseTo(Math.rint(atSix.get("train_error") * 40), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(atSix.get("batch_error") * 2 * BATCH).as("errors among the two batches since step 4")
                .isCloseTo(Math.rint(atSix.get("batch_error") * 2 * BATCH), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(batchAtOne * BATCH).as("errors in the first batch")
                .isCloseTo(Math.rint(batchAtOne * BATCH), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("histograms.csv: its header, and per step and block the configured bins, counting every value of F(x)")
    void histogramsCsv() throws IOException {
        List<String[]> rows = rows(MetricsFiles.HISTOGRAMS, "run,step,layer,bin_lo,bin_hi,count");
        Map<String, List<String[]>> byStepAndBlock = new LinkedHashMap<>();
        for (String[] row : rows) {
            assertThat(row[0]).isEqualTo(RUN);
            byStepAndBlock.computeIfAbsent(row[1] + " " + row[2], k -> new ArrayList<>()).add(row);
        }
        List<String> expectedKeys = new ArrayList<>();
        for (int step : List.of(1, 2, 3, 4, 6)) {
            for (String block : List.of("block1", "block2", "block3")) {
                expectedKeys.add(step + " " + block);
            }
        }
        assertThat(byStepAndBlock.keySet()).as("(step, block) pairs").containsExactlyElementsOf(expectedKeys);
        byStepAndBlock.forEach((key, bins) -> {
            assertThat(bins).as("bins of %s", key).hasSize(BINS);
            long total = 0;
            for (int i = 0; i < bins.size(); i++) {
                double low = Double.parseDouble(bins.get(i)[3]);
                double high = Double.parseDouble(bins.get(i)[4]);
                assertThat(high).as("bin %d of %s: hi >= lo", i, key).isGreaterThanOrEqualTo(low);
                if (i > 0) {
                    assertThat(low).as("bin %d of %s starts where bin %d ends", i, key, i - 1)
                            .isCloseTo(Double.parseDouble(bins.get(i - 1)[4]), org.assertj.core.data.Offset.offset(1e-9));
                }
                long count = Long.parseLong(bins.get(i)[5]);
                assertThat(count).isNotNegative();
                total += count;
            }
            String block = key.split(" ")[1];
            assertThat(total).as("values counted for %s: batch x features of F(x)", key)
                    .isEqualTo((long) BATCH * BRANCH_SIZE.get(block));
        });
    }

    @Test
    @DisplayName("run.json holds the graph, dataset, settings, seed, versions, wall time and final figures")
    void runJson() throws IOException {
        JsonNode root = JSON.readTree(folder.resolve(MetricsFiles.RUN).toFile());
        assertThat(root.path("run").asText()).isEqualTo(RUN);
        assertThat(root.path("model").asText()).isEqualTo("cifar-resnet-8");
        assertThat(root.path("graph").isObject()).as("graph is an object").isTrue();
        assertThat(root.path("graph").toString()).as("the graph names its nodes").contains("block3.conv2");
        JsonNode dataset = root.path("dataset");
        assertThat(dataset.path("name").asText()).isEqualTo("tiny-images");
        assertThat(dataset.path("train").asInt()).isEqualTo(64);
        assertThat(dataset.path("test").asInt()).isEqualTo(40);
        assertThat(dataset.path("shape").toString()).isEqualTo("[1,8,8]");
        assertThat(dataset.path("classes").asInt()).isEqualTo(2);
        JsonNode settings = root.path("settings");
        assertThat(settings.path("steps").asInt()).isEqualTo(STEPS);
        assertThat(settings.path("batch").asInt()).isEqualTo(BATCH);
        assertThat(settings.path("optimizer").asText()).isEqualTo("sgd");
        assertThat(settings.path("learningRate").asDouble()).isEqualTo(0.05);
        assertThat(settings.path("momentum").asDouble()).isEqualTo(0.9);
        assertThat(settings.path("weightDecay").asDouble()).isEqualTo(1e-4);
        assertThat(settings.path("evalEvery").asInt()).isEqualTo(3);
        assertThat(settings.path("metricsEvery").asInt()).isEqualTo(2);
        assertThat(settings.path("milestones").isArray()).isTrue();
        assertThat(root.path("seed").asLong()).isEqualTo(4);
        assertThat(root.path("versions").path("java").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(root.path("versions").path("nd4j").asText()).startsWith("ND4J ");
        assertThat(root.path("versions").path("convolutions").asText()).isEqualTo("oneDNN 2.5.2");
        assertThat(root.path("versions").path("resnetExplorer").asText()).isNotEmpty();
        assertThat(root.path("wallSeconds").isNumber()).isTrue();
        assertThat(root.path("wallSeconds").asDouble()).isPositive();
        assertThat(root.path("status").asText()).isEqualTo("finished");
        JsonNode last = root.path("final");
        assertThat(last.path("steps").asInt()).isEqualTo(STEPS);
        assertThat(last.path("loss").asDouble()).isEqualTo(result.loss());
        assertThat(last.path("trainError").asDouble()).as("the last evaluation's training error")
                .isEqualTo(result.trainError()).isBetween(0.0, 1.0);
        assertThat(last.path("testError").isNumber()).isTrue();
        assertThat(last.path("testError").asDouble()).isEqualTo(result.testError()).isBetween(0.0, 1.0);
        assertThat(last.path("stepsPerSecond").asDouble()).isPositive();
    }

    @Test
    @DisplayName("run.json of a run stopped before any evaluation has null for the unmeasured test error")
    void runJsonNullWhereUnmeasured(@TempDir Path dir) throws IOException {
        Network network = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2)));
        Dataset data = TrainerTest.spiral();
        TrainingSettings settings = TrainerTest.quick(50).withEvalEvery(40);
        Trainer trainer = new Trainer("stopped", network, data, settings);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                if (snapshot.step() == 2) {
                    trainer.stop();
                }
            }
        });
        RunResult stopped;
        try (MetricsFiles files = new MetricsFiles(dir)) {
            trainer.addListener(files);
            stopped = trainer.run();
            files.finish(stopped, network, data, settings);
        }
        assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
        JsonNode root = JSON.readTree(dir.resolve(MetricsFiles.RUN).toFile());
        assertThat(root.path("status").asText()).isEqualTo("stopped");
        assertThat(root.path("final").path("steps").asInt()).isEqualTo(2);
        assertThat(root.path("final").path("loss").isNumber()).as("loss measured").isTrue();
        assertThat(root.path("final").has("testError")).isTrue();
        assertThat(root.path("final").path("testError").isNull()).as("test error never measured: null").isTrue();
        assertThat(root.path("final").path("trainError").isNull()).as("training error never measured: null").isTrue();
        assertThat(Files.readString(dir.resolve(MetricsFiles.METRICS))).doesNotContain("test_error")
                .doesNotContain("train_error").contains("batch_error");
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The oneDNN build we ship trains like ND4J's generic x86-64 build: the losses of the first steps of an MLP
 * and of a small ResNet match figures recorded with the generic build ({@code mvn -Pgeneric}), to float
 * precision. Record them anew with
 * {@code mvn -Pgeneric test -Dtest=GenericBuildReferenceTest -Dengine.reference.record=src/test/resources/org/resnetexplorer/engine/generic-build-reference.csv}:
 * then the comparison is skipped (not passed) and the recording runs instead.
 */
class GenericBuildReferenceTest {
    private static final String REFERENCE = "generic-build-reference.csv";
    /** System property: the file to record the generic build's numbers into, instead of comparing with them. */
    private static final String RECORD = "engine.reference.record";
    private static final String HEADER = "workload,step,loss";
    /** Where the shipped oneDNN build keeps its native libraries (the generic build has linux-x86_64/ instead). */
    private static final String ONEDNN_LIBRARIES = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/";
    private static final int STEPS = 8;

    @Test
    @DisabledIfSystemProperty(named = RECORD, matches = ".+", disabledReason = "recording the reference instead")
    @DisplayName("the first training steps match the generic build's numbers")
    void matchesGenericBuild() throws IOException {
        List<String> lines = firstSteps();
        List<String> reference = reference();
        assertThat(lines).as("workloads and steps").hasSameSizeAs(reference);
        for (int i = 0; i < lines.size(); i++) {
            String[] ours = lines.get(i).split(",");
            String[] theirs = reference.get(i).split(",");
            assertThat(ours[0] + "," + ours[1]).isEqualTo(theirs[0] + "," + theirs[1]);
            double expected = Double.parseDouble(theirs[2]);
            assertThat(Double.parseDouble(ours[2])).as("loss of %s at step %s against the generic build", ours[0], ours[1])
                    .isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = RECORD, matches = ".+")
    @DisplayName("records the generic build's numbers of the first training steps into the file -Dengine.reference.record"
            + " names")
    void recordGenericBuild() throws IOException {
        assertThat(GenericBuildReferenceTest.class.getClassLoader().getResource(ONEDNN_LIBRARIES))
                .as("the oneDNN build's native libraries on the class path: record with mvn -Pgeneric").isNull();
        List<String> lines = firstSteps();
        Path file = Path.of(System.getProperty(RECORD));
        Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).as("the recorded file %s", file)
                .startsWith(HEADER).hasSize(1 + 2 * STEPS).endsWith(lines.toArray(String[]::new));
    }

    /** The "workload,step,loss" lines of both workloads. */
    private static List<String> firstSteps() {
        List<String> lines = new ArrayList<>();
        lines.addAll(losses("mlp-resnet-4", Templates.build("mlp-resnet-4", TemplateOptions.defaults().withWidth(8)
                .withClasses(3)), dataset(Shape.flat(2), 3)));
        lines.addAll(losses("cifar-resnet-8", Templates.build("cifar-resnet-8", TemplateOptions.defaults().withWidth(4)
                .withInput(Shape.image(1, 8, 8)).withClasses(3)), dataset(Shape.image(1, 8, 8), 3)));
        return lines;
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = GenericBuildReferenceTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(in).as("the recorded reference %s", REFERENCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
    }

    /** "workload,step,loss" lines of the first steps of a seeded run, one snapshot per step. */
    private static List<String> losses(String workload, Network network, Dataset data) {
        List<String> lines = new ArrayList<>();
        TrainingSettings settings = TrainingSettings.defaults().withSteps(STEPS).withBatch(16).withMetricsEvery(1)
                .withEvalEvery(STEPS).withLearningRate(0.05).withSeed(5);
        Trainer trainer = new Trainer(workload, network, data, settings);
        trainer.addListener(snapshot -> lines.add(String.format(Locale.ROOT, "%s,%d,%.9g", workload, snapshot.step(),
                snapshot.loss())));
        RunResult result = trainer.run();
        assertThat(result.status()).as("%s: %s", workload, result.message()).isEqualTo(RunStatus.FINISHED);
        return lines;
    }

    /** 64 seeded examples whose class is decided by the sign pattern of their first values. */
    private static Dataset dataset(Shape shape, int classes) {
        Random random = new Random(3);
        int n = 64;
        int width = (int) shape.elementCount();
        float[] features = new float[n * width];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                features[i * width + j] = (float) random.nextGaussian();
            }
            labels[i] = Math.floorMod((int) Math.signum(features[i * width]) + 2 * (int) Math.signum(features[i * width + 1]),
                    classes);
        }
        Examples examples = new Examples(shape, classes, features, labels);
        return new Dataset("signs", examples, examples,
                IntStream.range(0, classes).mapToObj(c -> "class " + c).toList());
    }
}

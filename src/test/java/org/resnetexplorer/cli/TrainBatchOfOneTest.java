package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code train} where a batch holds a single example: a training batch of one, a test set of one, and a CSV
 * whose 20% test split (251 of 1,255 rows) leaves a last evaluation batch of one (the trainer evaluates 250 at a
 * time). Each used to end with exit 1 in native code.
 */
class TrainBatchOfOneTest {
    @TempDir
    Path temp;



    @Test
    @DisplayName("train mlp-resnet-8 --batch 1 --test-limit 1 exits 0")
    void batchOfOneAndTestOfOne() {
        Run run = Run.of("train", "mlp-resnet-8", "--dataset", "spiral", "--steps", "3", "--batch", "1", "--test-limit", "1",
                "--out", temp.resolve("run").toString(), "--quiet");

        assertThat(run.code()).as("exit code; out: %s; err: %s", run.out(), run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("finished after 3 steps");
    }

    @ParameterizedTest(name = "{0} rows, {1} feature(s), {2}")
    @CsvSource({"1255, 2, mlp-resnet-8", "1255, 1, mlp-resnet-8", "1255, 1, mlp-plain-3", "1255, 3, mlp-resnet-2"})
    @DisplayName("train on a generated CSV whose test split leaves a last evaluation batch of one exits 0")
    void csvWithALastTestBatchOfOne(int rows, int features, String model) throws IOException {
        Path csv = temp.resolve("points.csv");
        writeCsv(csv, rows, features);

        Run run = Run.of("train", model, "--dataset", csv.toString(), "--steps", "3", "--out",
                temp.resolve("run").toString(), "--quiet");

        assertThat(run.code()).as("exit code; out: %s; err: %s", run.out(), run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).as("the 20%% test split").contains("/ 251 test");
        assertThat(run.out()).contains("finished after 3 steps");
    }

    /** A header, then rows of Gaussian features and a label 0 or 1 (the sign of the first feature). */
    private static void writeCsv(Path file, int rows, int features) throws IOException {
        Random random = new Random(rows * 31L + features);
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < features; f++) {
            text.append('x').append(f).append(',');
        }
        text.append("label\n");
        for (int r = 0; r < rows; r++) {
            double first = random.nextGaussian();
            text.append(String.format(Locale.ROOT, "%.4f", first));
            for (int f = 1; f < features; f++) {
                text.append(String.format(Locale.ROOT, ",%.4f", random.nextGaussian()));
            }
            text.append(',').append(first > 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, text);
    }
}

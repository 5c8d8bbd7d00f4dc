package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.files.SpecialFiles;

/**
 * The examples of issue 11 (items 4, 5 and 9) on the command line: each exits 2 with one line on standard error
 * starting {@code error: }, naming the problem, without a stack trace and without writing anything.
 */
@DisplayName("Command line: input limits, overflow and number options")
class InputLimitsCliTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;


    private static Run run(String... args) {
        return assertTimeoutPreemptively(AT_ONCE, () -> Run.of(args));
    }

    /** Exit 2 and exactly one line on standard error, starting {@code error: } and holding the parts. */
    private static void refused(Run run, String... parts) {
        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(parts).doesNotContain("Exception", "\tat ");
    }



    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
    @DisplayName("summary and train refuse a device as a graph file or a CSV dataset")
    void devices(String device) throws IOException {
        assumeThat(Files.exists(Path.of(device))).isTrue();
        refused(run("summary", device), device + ": is a device, not a graph file");
        Path csv = Files.createSymbolicLink(dir.resolve("data.csv"), Path.of(device));
        refused(run("train", "mlp-resnet-2", "--dataset", csv.toString(), "--out", dir.resolve("out").toString()),
                "is a device, not a CSV file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("a named pipe as a graph file is refused without waiting for a writer")
    void namedPipe() throws Exception {
        Path pipe = dir.resolve("net.json");
        SpecialFiles.fifo(pipe);
        refused(run("summary", pipe.toString()), pipe + ": is a named pipe, not a graph file");
        refused(run("export-pytorch", pipe.toString(), "-o", dir.resolve("net.py").toString()), "is a named pipe");
    }

    @Test
    @DisplayName("a sparse graph file of 6 GB is refused at once by its size")
    void hugeGraphFile() throws IOException {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.json"), 6_000_000_000L);
        refused(run("summary", huge.toString()), huge + ": is 6,000,000,000 bytes (6 GB), more than the 32 MB a graph"
                + " file may have");
    }

    @Test
    @DisplayName("a gzip bomb in place of an MNIST file is refused once it unpacks past the IDX limit")
    void gzipBomb() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(images), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 250; i++) {
                gz.write(zeros);
            }
        }
        for (String name : new String[] {"train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.write(dir.resolve(name), new byte[] {0});
        }
        refused(run("train", "mlp-resnet-2", "--dataset", "mnist", "--data-dir", dir.toString()),
                images + ": unpacks (gzip) to more than the 200 MB an IDX file may have");
    }

    @Test
    @DisplayName("train refuses two billion training points before allocating them")
    void hugeTrainingSize() {
        refused(run("train", "mlp-resnet-2", "--dataset", "spiral", "--train-size", "2000000000"),
                "spiral: 2,000,000,000 training and 500 test examples of 2 values need 24 GB of memory");
    }

    @Test
    @DisplayName("summary refuses resnet-18 on a 100,000,000 x 100,000,000 input rather than print negative multiply-adds")
    void hugeInput() {
        Run run = run("summary", "resnet-18", "--input", "3,100000000,100000000");
        refused(run, "resnet-18: Conv2D 'conv1' has more parameters or multiply-adds than can be counted");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("summary refuses a graph file whose padding of 2^31-1 would give a shape too large to count")
    void hugePadding() throws IOException {
        Path file = dir.resolve("padded.json");
        Files.writeString(file, """
                {"format": "resnet-explorer/graph", "schemaVersion": 1, "name": "padded",
                 "nodes": [{"name": "input", "kind": "Input", "shape": [1, 8, 8]},
                           {"name": "conv", "kind": "Conv2D", "filters": 4, "kernel": 3, "stride": 1,
                            "padding": 2147483647, "bias": true},
                           {"name": "pool", "kind": "GlobalAvgPool"},
                           {"name": "fc", "kind": "Dense", "units": 2, "bias": true},
                           {"name": "output", "kind": "Output", "classes": 2}],
                 "wires": [{"from": "input", "to": "conv", "port": "in"}, {"from": "conv", "to": "pool", "port": "in"},
                           {"from": "pool", "to": "fc", "port": "in"}, {"from": "fc", "to": "output", "port": "in"}],
                 "blocks": []}
                """);
        refused(run("summary", file.toString()), "Conv2D 'conv' gets 1x8x8 and would output 4 x 4294967300 x 4294967300,"
                + " too large to count");
    }

    @ParameterizedTest(name = "--width {0}")
    @ValueSource(strings = {"2147483647", "100000"})
    @DisplayName("train refuses an MLP too wide to count or to fit in memory, and writes nothing")
    void tooWide(String width) {
        Path out = dir.resolve("run");
        refused(run("train", "mlp-resnet-8", "--dataset", "spiral", "--width", width, "--out", out.toString()),
                "mlp-resnet-8");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "--lr {0}")
    @ValueSource(strings = {"1f", "1d", "0x1p3", "NaN", "Infinity", "+0.1", " 0.1", "٠.١"})
    @DisplayName("train refuses a learning rate that is not a plain decimal number")
    void learningRates(String rate) {
        Path out = dir.resolve("run");
        refused(run("train", "mlp-resnet-2", "--dataset", "spiral", "--lr", rate, "--out", out.toString()),
                "--lr needs a number, not '" + rate + "'");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("summary refuses a width whose widest layers would pass 2^31-1 channels, with the largest that fits")
    void templateWidth() {
        refused(run("summary", "resnet-50", "--width", "1000000000"), "'resnet-50': width 1000000000 would give its"
                + " widest layers 32000000000 channels, more than 2147483647: use a width of at most 67108863");
    }
}

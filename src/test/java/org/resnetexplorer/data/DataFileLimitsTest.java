package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.files.ByteSizes;
import org.resnetexplorer.files.SpecialFiles;

/** Every dataset file is checked for type and size before it is read (decision 0018). */
@DisplayName("Dataset files: type and size before reading")
class DataFileLimitsTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;



    /** Loading the dataset fails at once with a DatasetException naming the file and saying the parts. */
    private static void refused(String name, DatasetOptions options, Path file, String... parts) {
        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> Datasets.load(name, options))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(name + ": " + file)
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
    }

    /** Loading the CSV file fails at once as {@link #refused} says. */
    private static void refusedCsv(Path file, String... parts) {
        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> Datasets.load(file.toString(), null))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file.getFileName() + ": " + file)
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long left = size; left > 0; left -= chunk.length) {
                gz.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "in place of {0}")
    @ValueSource(strings = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"})
    @DisplayName("a sparse file of 5 GB in place of an IDX file is refused at once by its size, naming size and limit")
    void hugeIdx(String file) throws IOException {
        DataFiles.mnistFolder(dir, false);
        Path huge = SpecialFiles.sparse(dir.resolve(file), 5_000_000_000L);
        refused("mnist", DatasetOptions.defaults().withDataDir(dir), huge, "is 5,000,000,000 bytes (5 GB)",
                "more than the 200 MB an IDX file may have");
    }

    @Test
    @DisplayName("an IDX file one byte over the limit is refused by its size; one at the limit is read and judged by its content")
    void idxAtTheLimit() throws IOException {
        DataFiles.mnistFolder(dir, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        SpecialFiles.sparse(images, Idx.MAX_BYTES + 1);
        refused("mnist", DatasetOptions.defaults().withDataDir(dir), images, "is 200,000,001 bytes");
        Files.delete(images);
        SpecialFiles.sparse(images, Idx.MAX_BYTES);
        refused("mnist", DatasetOptions.defaults().withDataDir(dir), images, "holds IDX values of type 0x00");
    }

    @Test
    @DisplayName("a gzip bomb in place of an IDX file is refused once it unpacks past the limit")
    void gzipBomb() throws IOException {
        DataFiles.mnistFolder(dir, true);
        byte[] bomb = gzipOfZeros(Idx.MAX_BYTES + 50_000_000);
        assertThat(bomb.length).as("the bomb's size on disk").isLessThan(1_000_000);
        Path file = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), bomb);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> Datasets.load("mnist", DatasetOptions.defaults().withDataDir(dir)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("mnist: " + file + ": unpacks (gzip) to more than the 200 MB an IDX file may have: it is not"
                        + " an IDX file, or it is damaged: fetch it again"));
    }

    @Test
    @DisplayName("a named pipe in place of an IDX file, a CIFAR batch or a CSV file is refused without waiting for a writer")
    void namedPipes() throws Exception {
        Path mnist = Files.createDirectory(dir.resolve("mnist"));
        DataFiles.mnistFolder(mnist, false);
        Path labels = mnist.resolve("t10k-labels-idx1-ubyte");
        Files.delete(labels);
        SpecialFiles.fifo(labels);
        refused("mnist", DatasetOptions.defaults().withDataDir(mnist), labels, "is a named pipe, not an IDX file");

        Path cifar = Files.createDirectory(dir.resolve("cifar"));
        for (String name : Cifar10.TRAIN_FILES) {
            Files.write(cifar.resolve(name), DataFiles.cifarBatch(3, 0));
        }
        Path test = cifar.resolve(Cifar10.TEST_FILE);
        SpecialFiles.fifo(test);
        refused("cifar10", DatasetOptions.defaults().withDataDir(cifar), test,
                "is a named pipe, not a CIFAR-10 batch file");

        Path csv = dir.resolve("pipe.csv");
        SpecialFiles.fifo(csv);
        refusedCsv(csv, "is a named pipe, not a CSV file");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/zero", "/dev/urandom"})
    @DisplayName("a device behind a .csv name or an IDX file name is refused without being read")
    void devices(String device) throws IOException {
        assumeThat(Files.exists(Path.of(device))).isTrue();
        Path csv = Files.createSymbolicLink(dir.resolve("data.csv"), Path.of(device));
        refusedCsv(csv, "is a device, not a CSV file");
        Path mnist = Files.createDirectory(dir.resolve("mnist"));
        DataFiles.mnistFolder(mnist, false);
        Path images = mnist.resolve("train-images-idx3-ubyte");
        Files.delete(images);
        Files.createSymbolicLink(images, Path.of(device));
        refused("mnist", DatasetOptions.defaults().withDataDir(mnist), images, "is a device, not an IDX file");
    }

    @Test
    @DisplayName("a CIFAR batch may be as large as a real one, 10,000 records, and not one byte larger")
    void cifarBatchSize() throws Exception {
        assertThat(Cifar10.MAX_BATCH_BYTES).isEqualTo(30_730_000);
        Path exact = SpecialFiles.sparse(dir.resolve("data_batch_1.bin"), Cifar10.MAX_BATCH_BYTES);
        RawImages read = Cifar10.read("cifar10", "batch", List.of(Source.file(exact)));
        assertThat(read.count()).isEqualTo(10_000);
        Path over = SpecialFiles.sparse(dir.resolve("data_batch_2.bin"), Cifar10.MAX_BATCH_BYTES + 1);
        assertThatThrownBy(() -> Cifar10.read("cifar10", "batch", List.of(Source.file(over))))
                .isInstanceOf(DatasetException.class)
                .hasMessage("cifar10: " + over + ": is 30,730,001 bytes (30.7 MB), more than the 30.7 MB a CIFAR-10 batch"
                        + " file may have: check that it is a CIFAR-10 batch file (a file that large would fill the memory)");
    }

    @Test
    @DisplayName("a CSV file one byte over its limit is refused by its size; one at the limit is read and judged by its content")
    void csvAtTheLimit() throws IOException {
        Path over = SpecialFiles.sparse(dir.resolve("over.csv"), Csv.MAX_BYTES + 1);
        refusedCsv(over, "is 32,000,001 bytes", "more than the 32 MB a CSV file may have");
        Path at = SpecialFiles.sparse(dir.resolve("at.csv"), Csv.MAX_BYTES);
        refusedCsv(at, "has only one column");
    }

    @Test
    @DisplayName("an IDX file cut at any length, plain or gzipped, is refused with a message, never an exception of another kind")
    void truncatedIdx() throws IOException {
        byte[] whole = DataFiles.idxImages(20, 4, 4);
        for (boolean gzip : new boolean[] {false, true}) {
            Path folder = Files.createDirectory(dir.resolve("cut-" + gzip));
            DataFiles.mnistFolder(folder, gzip);
            Path file = folder.resolve("train-images-idx3-ubyte" + (gzip ? ".gz" : ""));
            byte[] stored = gzip ? DataFiles.gzip(whole) : whole;
            for (int length = 0; length < stored.length; length++) {
                Files.write(file, Arrays.copyOf(stored, length));
                assertThatThrownBy(() -> Datasets.load("mnist", DatasetOptions.defaults().withDataDir(folder)))
                        .as("cut at %d of %d bytes (gzip %s)", length, stored.length, gzip)
                        .isInstanceOf(DatasetException.class).hasMessageContaining(file.toString());
            }
        }
    }

    @Test
    @DisplayName("the bundled subset is read through the same limit as any IDX file")
    void bundledSubset() {
        Source images = Source.resource(Datasets.BUNDLED_FASHION_MNIST + "train-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> images.readAll("fashion-mnist", 1_000_000, "an IDX file"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("holds more than the 1 MB an IDX file may have");
        assertThatThrownBy(() -> images.readAll("fashion-mnist", 3_000_000, "an IDX file"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("unpacks (gzip) to more than the 3 MB an IDX file may have");
    }

    @Test
    @DisplayName("the real data files fit their limits: full MNIST's images (47 MB) and a CIFAR-10 batch")
    void realFilesFit() {
        assertThat(Idx.MAX_BYTES).isGreaterThan(4 * (16L + 60_000L * 28 * 28));
        assertThat(ByteSizes.text(Idx.MAX_BYTES)).isEqualTo("200 MB");
        assertThat(Cifar10.MAX_BATCH_BYTES).isEqualTo(10_000L * (1 + 3 * 32 * 32));
    }
}

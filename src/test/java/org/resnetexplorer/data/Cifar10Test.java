package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.Shape;

/** CIFAR-10's binary batches, on tiny batch files the tests write. */
@DisplayName("CIFAR-10 binary batches")
class Cifar10Test {

    @TempDir
    Path dir;

    private static DatasetOptions from(Path folder) {
        return DatasetOptions.defaults().withDataDir(folder);
    }

    private static void assertFails(DatasetOptions options, String file, String... parts) {
        assertThatThrownBy(() -> Datasets.load("cifar10", options))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("cifar10: ")
                .hasMessageContaining(file)
                .hasMessageContainingAll(parts);
    }

    @Test
    @DisplayName("the five training batches and the test batch load as 3x32x32 images in R, G, B planes")
    void reads() throws DatasetException {
        Dataset d = Datasets.load("cifar10", from(DataFiles.cifarFolder(dir)));
        assertThat(d.shape()).isEqualTo(Shape.image(3, 32, 32));
        assertThat(d.classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck");
        assertThat(d.train().size()).isEqualTo(20);
        assertThat(d.test().size()).isEqualTo(5);
        assertThat(d.train().labels()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(d.test().labels()).containsExactly(0, 1, 2, 3, 4);
        Normalization n = d.normalization();
        assertThat(n.mean()).hasSize(3);
        for (int image : new int[] {0, 7, 19}) {
            float[] x = d.train().example(image);
            for (int c = 0; c < 3; c++) {
                for (int p : new int[] {0, 1, 32, 555, 1023}) {
                    assertThat(n.restore(c, x[c * 1024 + p])).as("image %s channel %s pixel %s", image, c, p)
                            .isCloseTo(DataFiles.cifarPixel(image, c, p) / 255.0, offset(1e-5));
                }
            }
        }
        assertThat(n.restore(2, d.test().example(4)[2 * 1024 + 9])).isCloseTo(DataFiles.cifarPixel(104, 2, 9) / 255.0,
                offset(1e-5));
    }

    @Test
    @DisplayName("the folder cifar-10-batches-bin inside the given folder is found; downscaling gives 3x16x16")
    void nestedFolderAndDownscale() throws DatasetException {
        DataFiles.cifarFolder(dir.resolve("cifar-10-batches-bin"));
        Dataset d = Datasets.load("cifar10", from(dir).withDownscale(true));
        assertThat(d.shape()).isEqualTo(Shape.image(3, 16, 16));
        float[] x = d.train().example(1);
        double expected = (DataFiles.cifarPixel(1, 1, 0) + DataFiles.cifarPixel(1, 1, 1) + DataFiles.cifarPixel(1, 1, 32)
                + DataFiles.cifarPixel(1, 1, 33)) / 4.0 / 255;
        assertThat(d.normalization().restore(1, x[256])).isCloseTo(expected, offset(1e-5));
    }

    @Test
    @DisplayName("a batch whose length is not a multiple of 3073 bytes is named")
    void wrongRecordSize() {
        DataFiles.cifarFolder(dir);
        Path file = DataFiles.write(dir.resolve("data_batch_1.bin"), new byte[1000], false);
        assertThatThrownBy(() -> Datasets.load("cifar10", from(dir)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("cifar10: " + file + " is 1000 bytes, not a multiple of 3073 (1 label + 3072 pixels per"
                        + " image): is this the binary version of CIFAR-10?");
    }

    @Test
    @DisplayName("a batch cut short is named")
    void truncated() {
        DataFiles.cifarFolder(dir);
        byte[] batch = DataFiles.cifarBatch(5, 100);
        Path file = DataFiles.write(dir.resolve("test_batch.bin"), Arrays.copyOf(batch, batch.length - 100), false);
        assertFails(from(dir), file.toString(), "not a multiple of 3073");
    }

    @Test
    @DisplayName("an empty batch is named")
    void empty() {
        DataFiles.cifarFolder(dir);
        Path file = DataFiles.write(dir.resolve("data_batch_4.bin"), new byte[0], false);
        assertFails(from(dir), file.toString(), "is empty");
    }

    @Test
    @DisplayName("a label outside 0-9 is named with its image")
    void labelOutOfRange() {
        DataFiles.cifarFolder(dir);
        byte[] batch = DataFiles.cifarBatch(4, 8);
        batch[2 * 3073] = 57;
        Path file = DataFiles.write(dir.resolve("data_batch_3.bin"), batch, false);
        assertFails(from(dir), file.toString(), "image 2 has label 57", "CIFAR-10 labels are 0-9");
    }

    @Test
    @DisplayName("a missing batch is named")
    void missingBatch() throws IOException {
        DataFiles.cifarFolder(dir);
        Files.delete(dir.resolve("data_batch_5.bin"));
        assertFails(from(dir), dir.resolve("data_batch_5.bin").toString(), "is missing");
        Files.delete(dir.resolve("test_batch.bin"));
        DataFiles.write(dir.resolve("data_batch_5.bin"), DataFiles.cifarBatch(1, 0), false);
        assertFails(from(dir), dir.resolve("test_batch.bin").toString(), "is missing");
    }

    @Test
    @DisplayName("a missing folder, an empty one and the Python version each get their own advice")
    void wrongFolders() throws IOException {
        Path missing = dir.resolve("nope");
        assertFails(from(missing), missing.toString(), "does not exist", "cifar-10-binary.tar.gz");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertFails(from(empty), empty.toString(), "no CIFAR-10 binary batches in", "--data-dir");
        Path python = Files.createDirectories(dir.resolve("py"));
        Files.write(python.resolve("data_batch_1"), new byte[10]);
        assertFails(from(python), python.toString(), "Python version");
        Path archive = Files.write(dir.resolve("cifar-10-binary.tar.gz"), new byte[10]);
        assertFails(from(archive), archive.toString(), "is an archive: extract it");
    }

    @Test
    @DisplayName("cifar10 without a folder says to pass --data-dir; a different number of classes is refused")
    void needsFolder() {
        assertThatThrownBy(() -> Datasets.load("cifar10", DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("pass --data-dir");
        assertThatThrownBy(() -> Datasets.load("cifar10", from(dir).withClasses(100)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cifar10 has 10 classes, not 100");
    }
}

package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.graph.Shape;

/** The IDX reader and the MNIST-format datasets, on tiny files the tests write. */
@DisplayName("IDX files (MNIST, Fashion-MNIST)")
class IdxTest {

    @TempDir
    Path dir;

    private static DatasetOptions from(Path folder) {
        return DatasetOptions.defaults().withDataDir(folder);
    }

    private static void assertFails(String name, DatasetOptions options, String file, String... parts) {
        assertThatThrownBy(() -> Datasets.load(name, options))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining(file)
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(((DatasetException) e).file()).contains(file));
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("mnist reads the four IDX files of a folder, plain or gzipped, pixels in C,H,W order")
    void readsMnist(boolean gzip) throws DatasetException {
        Dataset d = Datasets.load("mnist", from(DataFiles.mnistFolder(dir, gzip)));
        assertThat(d.shape()).isEqualTo(Shape.image(1, 4, 4));
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(d.train().size()).isEqualTo(20);
        assertThat(d.test().size()).isEqualTo(10);
        assertThat(d.train().labels()).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
        Normalization n = d.normalization();
        for (int i = 0; i < d.train().size(); i++) {
            float[] image = d.train().example(i);
            for (int p = 0; p < 16; p++) {
                assertThat(n.restore(0, image[p])).isCloseTo(DataFiles.pixel(i, p) / 255.0, offset(1e-5));
            }
        }
        assertThat(n.restore(0, d.test().example(3)[5])).isCloseTo(DataFiles.pixel(3, 5) / 255.0, offset(1e-5));
    }

    @Test
    @DisplayName("pixels are standardised with the training split's mean and deviation")
    void standardised() throws DatasetException {
        Dataset d = Datasets.load("mnist", from(DataFiles.mnistFolder(dir, false)));
        double mean = 0;
        for (float v : d.train().features()) {
            mean += v;
        }
        mean /= d.train().features().length;
        double var = 0;
        for (float v : d.train().features()) {
            var += (v - mean) * (v - mean);
        }
        var /= d.train().features().length;
        assertThat(mean).isCloseTo(0, offset(1e-5));
        assertThat(var).isCloseTo(1, offset(1e-4));
        assertThat(d.normalization().mean()).hasSize(1);
        assertThat(d.normalization().std()).hasSize(1);
        assertThat(d.normalization().mean().get(0)).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("downscaling halves 4x4 images to 2x2 by averaging 2x2 blocks")
    void downscale() throws DatasetException {
        Dataset d = Datasets.load("mnist", from(DataFiles.mnistFolder(dir, false)).withDownscale(true));
        assertThat(d.shape()).isEqualTo(Shape.image(1, 2, 2));
        float[] image = d.train().example(2);
        double expected = (DataFiles.pixel(2, 0) + DataFiles.pixel(2, 1) + DataFiles.pixel(2, 4) + DataFiles.pixel(2, 5))
                / 4.0 / 255;
        assertThat(d.normalization().restore(0, image[0])).isCloseTo(expected, offset(1e-5));
    }

    @Test
    @DisplayName("train and test sizes pick a seeded subset, classes in proportion")
    void subsets() throws DatasetException {
        Path folder = DataFiles.mnistFolder(dir, true);
        Dataset d = Datasets.load("mnist", from(folder).withTrainSize(10).withTestSize(5).withSeed(3L));
        assertThat(d.train().size()).isEqualTo(10);
        assertThat(d.test().size()).isEqualTo(5);
        assertThat(d.train().classCounts()).containsOnly(1);
        assertThat(Datasets.load("mnist", from(folder).withTrainSize(10).withTestSize(5).withSeed(3L)).train())
                .isEqualTo(d.train());
        assertThat(Datasets.load("mnist", from(folder).withTrainSize(10).withTestSize(5).withSeed(4L)).train())
                .isNotEqualTo(d.train());
        assertFails("mnist", from(folder).withTrainSize(21), folder.resolve("train-images-idx3-ubyte.gz").toString(),
                "asked for 21 training examples", "holds 20", "ask for at most 20");
    }

    @Test
    @DisplayName("torchvision's MNIST/raw folder and the train-images.idx3-ubyte spelling are found too")
    void layouts() throws DatasetException, IOException {
        DataFiles.mnistFolder(dir.resolve("MNIST").resolve("raw"), false);
        assertThat(Datasets.load("mnist", from(dir)).train().size()).isEqualTo(20);

        Path kaggle = dir.resolve("kaggle");
        DataFiles.mnistFolder(kaggle, false);
        for (String name : IdxSets.FILES) {
            Files.move(kaggle.resolve(name), kaggle.resolve(name.replaceFirst("-idx", ".idx")));
        }
        assertThat(Datasets.load("mnist", from(kaggle)).test().size()).isEqualTo(10);
    }

    @Test
    @DisplayName("a gzipped file without .gz and a plain file named .gz both read, told apart by their bytes")
    void gzipByContent() throws DatasetException, IOException {
        DataFiles.mnistFolder(dir, true);
        Files.move(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-images-idx3-ubyte"));
        DataFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), DataFiles.idxLabels(20, 10), false);
        assertThat(Datasets.load("mnist", from(dir)).test().size()).isEqualTo(10);
    }

    @Test
    @DisplayName("mnist without a folder says to pass --data-dir")
    void mnistNeedsFolder() {
        assertThatThrownBy(() -> Datasets.load("mnist", DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class)
                .hasMessage("mnist: mnist is not bundled: pass --data-dir with the folder holding " + IdxSets.EXPECTED);
    }

    @Test
    @DisplayName("a missing folder is named")
    void missingFolder() {
        Path missing = dir.resolve("nowhere");
        assertFails("mnist", from(missing), missing.toString(), "does not exist", "--data-dir");
    }

    @Test
    @DisplayName("a folder without IDX files is named with the files expected")
    void noIdxFiles() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", from(dir)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("fashion-mnist: no IDX files in " + dir + " (expected train-images-idx3-ubyte[.gz],"
                        + " train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]):"
                        + " pass --data-dir with the folder holding them");
    }

    @Test
    @DisplayName("a file as the folder is refused")
    void fileAsFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("data.bin"), "x");
        assertFails("mnist", from(file), file.toString(), "is a file, not a folder");
    }

    @Test
    @DisplayName("one missing file of the four is named")
    void missingFile() throws IOException {
        DataFiles.mnistFolder(dir, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertFails("mnist", from(dir), dir.resolve("t10k-labels-idx1-ubyte").toString(), "is missing");
    }

    @Test
    @DisplayName("a wrong magic number is named with the one expected")
    void wrongMagic() {
        DataFiles.mnistFolder(dir, false);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Path file = DataFiles.write(dir.resolve("train-images-idx3-ubyte"), png, false);
        assertFails("mnist", from(dir), file.toString(), "starts with 0x89504e47, not the IDX magic number 0x00000803",
                "is it an IDX images file?");
    }

    @Test
    @DisplayName("images and labels files swapped: the dimensions say so")
    void swapped() {
        DataFiles.mnistFolder(dir, false);
        Path file = DataFiles.write(dir.resolve("train-labels-idx1-ubyte"), DataFiles.idxImages(20, 4, 4), false);
        assertFails("mnist", from(dir), file.toString(), "has 3 dimension(s) where an IDX labels file has 1");
    }

    @Test
    @DisplayName("an IDX file of floats is refused: only unsigned bytes are read")
    void wrongType() {
        DataFiles.mnistFolder(dir, false);
        byte[] floats = ByteBuffer.allocate(8 + 4 * 20).putInt(0x00000D01).putInt(20).array();
        Path file = DataFiles.write(dir.resolve("train-labels-idx1-ubyte"), floats, false);
        assertFails("mnist", from(dir), file.toString(), "type 0x0d", "only unsigned bytes");
    }

    @Test
    @DisplayName("a truncated plain file is named with the length its header announces")
    void truncated() {
        DataFiles.mnistFolder(dir, false);
        byte[] full = DataFiles.idxImages(10, 4, 4);
        Path file = DataFiles.write(dir.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 7), false);
        assertFails("mnist", from(dir), file.toString(), "is truncated", "10 images of 4x4 (176 bytes)", "169 bytes");
    }

    @Test
    @DisplayName("a file cut inside its header is truncated too")
    void truncatedHeader() {
        DataFiles.mnistFolder(dir, false);
        Path file = DataFiles.write(dir.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(DataFiles.idxImages(10, 4, 4), 9),
                false);
        assertFails("mnist", from(dir), file.toString(), "is truncated", "ends inside its header");
    }

    @Test
    @DisplayName("a truncated gzip file is named")
    void truncatedGzip() {
        DataFiles.mnistFolder(dir, true);
        byte[] gz = DataFiles.gzip(DataFiles.idxImages(20, 4, 4));
        Path file = DataFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2), false);
        assertFails("mnist", from(dir), file.toString(), "is truncated");
    }

    @Test
    @DisplayName("a damaged gzip file is named")
    void damagedGzip() {
        DataFiles.mnistFolder(dir, true);
        byte[] gz = DataFiles.gzip(DataFiles.idxImages(20, 4, 4));
        for (int i = 12; i < 40; i++) {
            gz[i] = (byte) 0xff;
        }
        Path file = DataFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), gz, false);
        assertFails("mnist", from(dir), file.toString(), "fetch the file again");
    }

    @Test
    @DisplayName("bytes beyond what the header announces are refused")
    void tooLong() {
        DataFiles.mnistFolder(dir, false);
        byte[] full = DataFiles.idxLabels(10, 10);
        Path file = DataFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), Arrays.copyOf(full, full.length + 3), false);
        assertFails("mnist", from(dir), file.toString(), "3 more than its header announces");
    }

    @Test
    @DisplayName("a label outside 0-9 is named with its example")
    void labelOutOfRange() {
        DataFiles.mnistFolder(dir, false);
        byte[] labels = DataFiles.idxLabels(20, 10);
        labels[8 + 13] = 12;
        Path file = DataFiles.write(dir.resolve("train-labels-idx1-ubyte"), labels, false);
        assertFails("mnist", from(dir), file.toString(), "label 12 of example 13 is out of range: labels must be 0-9");
    }

    @Test
    @DisplayName("labels and images of different counts are refused, naming both files")
    void countMismatch() {
        DataFiles.mnistFolder(dir, false);
        Path file = DataFiles.write(dir.resolve("train-labels-idx1-ubyte"), DataFiles.idxLabels(19, 10), false);
        assertFails("mnist", from(dir), file.toString(), "holds 19 labels but",
                dir.resolve("train-images-idx3-ubyte").toString(), "holds 20 images");
    }

    @Test
    @DisplayName("train and test images of different sizes are refused")
    void sizeMismatch() {
        DataFiles.mnistFolder(dir, false);
        Path file = DataFiles.write(dir.resolve("t10k-images-idx3-ubyte"), DataFiles.idxImages(10, 6, 6), false);
        assertFails("mnist", from(dir), file.toString(), "holds images of 1x6x6", "1x4x4");
    }

    @Test
    @DisplayName("a folder where a data file should be counts as a missing file")
    void folderAsFile() throws IOException {
        DataFiles.mnistFolder(dir, false);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        Path folder = Files.createDirectory(dir.resolve("train-images-idx3-ubyte.gz"));
        assertFails("mnist", from(dir), dir.resolve("train-images-idx3-ubyte").toString(), "is missing");
        assertThat(folder).isDirectory();
    }
}

package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.Shape;

/** The bundled Fashion-MNIST subset (a classpath resource) and the full set's look-up. */
@DisplayName("Fashion-MNIST")
class FashionMnistTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the bundled subset is on the classpath under /assets/datasets/fashion-mnist-subset/")
    void onClasspath() throws IOException {
        for (String name : IdxSets.FILES) {
            try (InputStream in = Datasets.class.getResourceAsStream(Datasets.BUNDLED_FASHION_MNIST + name + ".gz")) {
                assertThat(in).as(name + ".gz: add assets/ as a resource folder with targetPath assets").isNotNull();
            }
        }
    }

    @Test
    @DisplayName("the bundled subset loads with 6000/1000 images of 1x28x28 and 10 balanced classes")
    void bundled() throws DatasetException {
        Dataset d = Datasets.load("fashion-mnist", DatasetOptions.defaults());
        assertThat(d.name()).isEqualTo("fashion-mnist");
        assertThat(d.shape()).isEqualTo(Shape.image(1, 28, 28));
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(d.train().size()).isEqualTo(6000);
        assertThat(d.test().size()).isEqualTo(1000);
        assertThat(d.train().classCounts()).containsOnly(600);
        assertThat(d.test().classCounts()).containsOnly(100);
        // standardised with the training split's statistics: Fashion-MNIST's grey levels average about 0.29
        assertThat(d.normalization().mean().get(0)).isCloseTo(0.286, offset(0.01));
        assertThat(d.normalization().std().get(0)).isCloseTo(0.353, offset(0.01));
        double mean = 0;
        for (float v : d.train().features()) {
            mean += v;
        }
        assertThat(mean / d.train().features().length).isCloseTo(0, offset(1e-4));
        double testMean = 0;
        for (float v : d.test().features()) {
            testMean += v;
        }
        assertThat(testMean / d.test().features().length).as("the test split is close, not exactly 0")
                .isCloseTo(0, offset(0.05)).isNotEqualTo(0);
    }

    @Test
    @DisplayName("downscaled, the bundled subset is 1x14x14 with the same labels")
    void downscaled() throws DatasetException {
        Dataset full = Datasets.load("fashion-mnist", DatasetOptions.defaults());
        Dataset small = Datasets.load("fashion-mnist", DatasetOptions.defaults().withDownscale(true));
        assertThat(small.shape()).isEqualTo(Shape.image(1, 14, 14));
        assertThat(small.train().size()).isEqualTo(6000);
        assertThat(small.test().size()).isEqualTo(1000);
        assertThat(small.train().labels()).isEqualTo(full.train().labels());
        float[] big = full.train().example(0);
        float[] half = small.train().example(0);
        double raw = 0;
        for (int p : new int[] {10 * 28 + 12, 10 * 28 + 13, 11 * 28 + 12, 11 * 28 + 13}) {
            raw += full.normalization().restore(0, big[p]);
        }
        assertThat(small.normalization().restore(0, half[5 * 14 + 6])).isCloseTo(raw / 4, offset(1e-5));
    }

    @Test
    @DisplayName("a smaller training set from the subset stays balanced; more than it holds is refused")
    void subsetOfSubset() throws DatasetException {
        Dataset d = Datasets.load("fashion-mnist", DatasetOptions.defaults().withTrainSize(500).withTestSize(100));
        assertThat(d.train().classCounts()).containsOnly(50);
        assertThat(d.test().classCounts()).containsOnly(10);
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", DatasetOptions.defaults().withTrainSize(6001)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContainingAll("asked for 6001 training examples", "train-images-idx3-ubyte.gz",
                        "holds 6000");
    }

    @Test
    @DisplayName("when the bundled files are not on the classpath the message names the resource")
    void bundledMissing() {
        Datasets.Locations elsewhere = new Datasets.Locations("/assets/datasets/nowhere/", Datasets.DEBIAN_FASHION_MNIST);
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", DatasetOptions.defaults(), elsewhere))
                .isInstanceOf(DatasetException.class)
                .hasMessageContainingAll("/assets/datasets/nowhere/train-images-idx3-ubyte.gz", "is not on the classpath",
                        "--data-dir");
    }

    @Test
    @DisplayName("with a data folder, fashion-mnist reads the full set there with Fashion-MNIST's class names")
    void fromFolder() throws DatasetException {
        Dataset d = Datasets.load("fashion-mnist", DatasetOptions.defaults().withDataDir(DataFiles.mnistFolder(dir, true)));
        assertThat(d.train().size()).isEqualTo(20);
        assertThat(d.classNames().get(9)).isEqualTo("Ankle boot");
    }

    @Test
    @DisplayName("fashion-mnist-full reads Debian's folder when no folder is given, and says how to get it when absent")
    void fullFromDebianFolder() throws DatasetException, IOException {
        Path debian = Files.createDirectories(dir.resolve("usr/share/datasets/fashion-mnist"));
        DataFiles.mnistFolder(debian, true);
        Datasets.Locations locations = new Datasets.Locations(Datasets.BUNDLED_FASHION_MNIST, debian);
        Dataset d = Datasets.load("fashion-mnist-full", DatasetOptions.defaults(), locations);
        assertThat(d.train().size()).isEqualTo(20);

        Datasets.Locations none = new Datasets.Locations(Datasets.BUNDLED_FASHION_MNIST, dir.resolve("absent"));
        assertThatThrownBy(() -> Datasets.load("fashion-mnist-full", DatasetOptions.defaults(), none))
                .isInstanceOf(DatasetException.class)
                .hasMessageContainingAll(dir.resolve("absent").toString(), "--data-dir", "apt-get install dataset-fashion-mnist");
    }

    @Test
    @DisplayName("on a machine with Debian's dataset-fashion-mnist, fashion-mnist-full has 60000/10000 images")
    void debianPackage() throws DatasetException {
        assumeTrue(Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST), "dataset-fashion-mnist is not installed");
        Dataset d = Datasets.load("fashion-mnist-full", DatasetOptions.defaults().withTestSize(1000).withDownscale(true));
        assertThat(d.train().size()).isEqualTo(60000);
        assertThat(d.train().classCounts()).containsOnly(6000);
        assertThat(d.test().classCounts()).containsOnly(100);
        assertThat(d.shape()).isEqualTo(Shape.image(1, 14, 14));
    }
}

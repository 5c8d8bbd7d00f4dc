package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Shape;

/** The catalogue: names, help lines and what an unknown name or an unusable option says. */
@DisplayName("Datasets catalogue")
class DatasetsTest {

    @Test
    @DisplayName("names lists the generated sets, then the image sets, each with a one-line description")
    void names() {
        assertThat(Datasets.names()).containsExactly("spiral", "circles", "xor", "gauss", "moons", "fashion-mnist",
                "fashion-mnist-full", "mnist", "cifar10");
        for (String name : Datasets.names()) {
            assertThat(Datasets.description(name)).isNotBlank().doesNotContain("\n");
        }
        assertThat(Datasets.description("my/iris.CSV")).isEqualTo(Datasets.CSV_HELP);
        assertThat(Datasets.isGenerated("moons")).isTrue();
        assertThat(Datasets.isGenerated("mnist")).isFalse();
        assertThatThrownBy(() -> Datasets.description("imagenet")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an unknown name lists the known ones")
    void unknown() {
        assertThatThrownBy(() -> Datasets.load("imagenet", null))
                .isInstanceOf(DatasetException.class)
                .hasMessage("imagenet: unknown dataset 'imagenet': use one of spiral, circles, xor, gauss, moons,"
                        + " fashion-mnist, fashion-mnist-full, mnist, cifar10, or a path to a .csv file");
    }

    @Test
    @DisplayName("image sets refuse noise and another number of classes")
    void imageOptions() {
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", DatasetOptions.defaults().withNoise(0.1)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("fashion-mnist: noise applies to the generated sets only (spiral, circles, xor, gauss, moons),"
                        + " not to fashion-mnist");
        assertThatThrownBy(() -> Datasets.load("mnist", DatasetOptions.defaults().withClasses(3)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("mnist has 10 classes, not 3");
    }

    @Test
    @DisplayName("the shape and fixed classes known before loading are the loaded set's, downscaled or not")
    void shapeBeforeLoading() throws DatasetException {
        for (String name : new String[] {"spiral", "circles", "xor", "gauss", "moons"}) {
            Dataset loaded = Datasets.load(name, null);
            assertThat(Datasets.shape(name, false)).as(name).contains(loaded.shape());
            assertThat(Datasets.fixedClasses(name)).as(name).isEqualTo(name.equals("spiral") || name.equals("gauss")
                    ? OptionalInt.empty() : OptionalInt.of(loaded.classes()));
        }
        for (boolean downscale : new boolean[] {false, true}) {
            Dataset images = Datasets.load("fashion-mnist", DatasetOptions.defaults().withDownscale(downscale));
            assertThat(Datasets.shape("fashion-mnist", downscale)).contains(images.shape());
            assertThat(Datasets.fixedClasses("fashion-mnist")).hasValue(images.classes());
        }
        assertThat(Datasets.shape("cifar10", true)).contains(Shape.image(3, 16, 16));
        assertThat(Datasets.shape("mnist", false)).contains(Shape.image(1, 28, 28));
        assertThat(Datasets.shape("iris.csv", false)).isEqualTo(Optional.empty());
        assertThat(Datasets.fixedClasses("iris.csv")).isEmpty();
        assertThat(Datasets.shape("imagenet", false)).isEmpty();
    }
}

package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.graph.Shape;

/** The generated 2-D sets: reproducible, balanced, in range, shaped by noise, and following their rules. */
@DisplayName("Generated toy sets")
class ToySetsTest {

    private static Dataset load(String name, DatasetOptions options) throws DatasetException {
        return Datasets.load(name, options);
    }

    private static DatasetOptions seeded(long seed) {
        return DatasetOptions.defaults().withSeed(seed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spiral", "circles", "xor", "gauss", "moons"})
    @DisplayName("the same seed gives the same points and labels, another seed other points")
    void deterministicPerSeed(String name) throws DatasetException {
        Dataset a = load(name, seeded(7));
        Dataset b = load(name, seeded(7));
        Dataset c = load(name, seeded(8));
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.train().features()).isNotEqualTo(c.train().features());
        assertThat(a.test().features()).isNotEqualTo(c.test().features());
        assertThat(Arrays.copyOf(a.train().features(), a.test().features().length)).as("train and test are drawn apart")
                .isNotEqualTo(a.test().features());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spiral", "circles", "xor", "gauss", "moons"})
    @DisplayName("without options a set has 1000 training and 500 test points of 2 features and 2 balanced classes")
    void defaults(String name) throws DatasetException {
        Dataset d = load(name, DatasetOptions.defaults());
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.shape()).isEqualTo(Shape.flat(2));
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.classNames()).hasSize(2).doesNotHaveDuplicates();
        assertThat(d.train().size()).isEqualTo(1000);
        assertThat(d.test().size()).isEqualTo(500);
        assertThat(d.train().classCounts()).containsExactly(500, 500);
        assertThat(d.test().classCounts()).containsExactly(250, 250);
        assertThat(d.normalization().isNone()).isTrue();
        assertThat(load(name, null).train()).as("null options are the defaults").isEqualTo(d.train());
    }

    @ParameterizedTest(name = "{0} with {1} classes, {2} train, {3} test")
    @CsvSource({"spiral, 3, 301, 77", "spiral, 6, 120, 60", "gauss, 5, 99, 10", "circles, 2, 11, 3", "xor, 2, 64, 1",
            "moons, 2, 7, 5", "gauss, 8, 800, 80"})
    @DisplayName("sizes and classes are as asked, each class within one example of the others")
    void sizesAndBalance(String name, int classes, int train, int test) throws DatasetException {
        Dataset d = load(name, DatasetOptions.defaults().withClasses(classes).withTrainSize(train).withTestSize(test));
        assertThat(d.classes()).isEqualTo(classes);
        assertThat(d.classNames()).hasSize(classes);
        assertThat(d.train().size()).isEqualTo(train);
        assertThat(d.test().size()).isEqualTo(test);
        for (Examples split : new Examples[] {d.train(), d.test()}) {
            int[] counts = split.classCounts();
            int min = Arrays.stream(counts).min().orElseThrow();
            int max = Arrays.stream(counts).max().orElseThrow();
            assertThat(max - min).as("class counts %s", Arrays.toString(counts)).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spiral", "circles", "xor", "gauss", "moons"})
    @DisplayName("every feature lies in [-1, 1], even at the largest noise")
    void inRange(String name) throws DatasetException {
        for (double noise : new double[] {0, 0.1, 0.5, 1}) {
            Dataset d = load(name, DatasetOptions.defaults().withNoise(noise).withTrainSize(2000));
            for (float v : d.train().features()) {
                assertThat(v).as("%s at noise %s", name, noise).isBetween(-1f, 1f);
            }
            for (float v : d.test().features()) {
                assertThat(v).as("%s at noise %s", name, noise).isBetween(-1f, 1f);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spiral", "circles", "xor", "gauss", "moons"})
    @DisplayName("noise moves the points but keeps the labels")
    void noiseChangesPoints(String name) throws DatasetException {
        Dataset quiet = load(name, seeded(3).withNoise(0.0));
        Dataset noisy = load(name, seeded(3).withNoise(0.3));
        assertThat(noisy.train().features()).isNotEqualTo(quiet.train().features());
        assertThat(noisy.train().labels()).isEqualTo(quiet.train().labels());
        assertThat(spread(noisy.train(), quiet.train())).as("mean distance moved").isGreaterThan(0.01);
    }

    private static double spread(Examples a, Examples b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += Math.hypot(a.features()[2 * i] - b.features()[2 * i], a.features()[2 * i + 1] - b.features()[2 * i + 1]);
        }
        return sum / a.size();
    }

    @Test
    @DisplayName("without noise, xor's class 1 is exactly the points whose coordinates have the same sign")
    void xorRule() throws DatasetException {
        Dataset d = load("xor", seeded(11).withNoise(0.0).withTrainSize(3000));
        Examples e = d.train();
        for (int i = 0; i < e.size(); i++) {
            float x = e.features()[2 * i];
            float y = e.features()[2 * i + 1];
            assertThat(Math.abs(x)).as("padding keeps points off the axes").isGreaterThanOrEqualTo(0.3f / 6 - 1e-6f);
            assertThat(Math.abs(y)).isGreaterThanOrEqualTo(0.3f / 6 - 1e-6f);
            assertThat(e.label(i)).as("label of (%s, %s)", x, y).isEqualTo(x * y > 0 ? 1 : 0);
        }
        assertThat(d.classNames()).containsExactly("opposite signs", "same signs");
    }

    @Test
    @DisplayName("without noise, circles' class 0 is exactly the points within radius 2.5/6 of the centre")
    void circlesRule() throws DatasetException {
        Dataset d = load("circles", seeded(12).withNoise(0.0).withTrainSize(3000));
        Examples e = d.train();
        for (int i = 0; i < e.size(); i++) {
            double r = Math.hypot(e.features()[2 * i], e.features()[2 * i + 1]);
            if (e.label(i) == 0) {
                assertThat(r).isLessThanOrEqualTo(2.5 / 6 + 1e-6);
            } else {
                assertThat(r).isBetween(3.5 / 6 - 1e-6, 5.0 / 6 + 1e-6);
            }
        }
        assertThat(d.classNames()).containsExactly("inside", "outside");
    }

    @Test
    @DisplayName("with noise, some circles points cross the gap between disc and ring, keeping their class")
    void circlesNoiseCrosses() throws DatasetException {
        Examples e = load("circles", seeded(12).withNoise(0.3)).train();
        long crossed = 0;
        for (int i = 0; i < e.size(); i++) {
            double r = Math.hypot(e.features()[2 * i], e.features()[2 * i + 1]);
            if (e.label(i) == 0 ? r > 2.5 / 6 : r < 3.5 / 6) {
                crossed++;
            }
        }
        assertThat(crossed).isGreaterThan(50);
    }

    @Test
    @DisplayName("gauss blobs sit around their centres: two classes at (2,2)/6 and (-2,-2)/6")
    void gaussCentres() throws DatasetException {
        Examples e = load("gauss", seeded(5).withNoise(0.0).withTrainSize(4000)).train();
        double[][] sums = new double[2][3];
        for (int i = 0; i < e.size(); i++) {
            sums[e.label(i)][0] += e.features()[2 * i];
            sums[e.label(i)][1] += e.features()[2 * i + 1];
            sums[e.label(i)][2]++;
        }
        assertThat(sums[0][0] / sums[0][2]).isCloseTo(2.0 / 6, offset(0.03));
        assertThat(sums[0][1] / sums[0][2]).isCloseTo(2.0 / 6, offset(0.03));
        assertThat(sums[1][0] / sums[1][2]).isCloseTo(-2.0 / 6, offset(0.03));
        assertThat(sums[1][1] / sums[1][2]).isCloseTo(-2.0 / 6, offset(0.03));
    }

    @Test
    @DisplayName("spiral arms turn: without noise every point lies on its arm's curve")
    void spiralOnArms() throws DatasetException {
        int classes = 3;
        Examples e = load("spiral", seeded(9).withNoise(0.0).withClasses(classes)).train();
        for (int i = 0; i < e.size(); i++) {
            double x = e.features()[2 * i] * 6;
            double y = e.features()[2 * i + 1] * 6;
            double u = Math.hypot(x, y) / 5;
            double angle = 1.75 * u * 2 * Math.PI + 2 * Math.PI * e.label(i) / classes;
            assertThat(x).isCloseTo(5 * u * Math.sin(angle), offset(1e-3));
            assertThat(y).isCloseTo(5 * u * Math.cos(angle), offset(1e-3));
        }
        assertThat(load("spiral", seeded(9).withClasses(classes)).classNames()).containsExactly("arm 1", "arm 2", "arm 3");
    }

    @Test
    @DisplayName("moons without noise: the upper moon has y >= its baseline, the lower moon y <= its own")
    void moonsRule() throws DatasetException {
        Examples e = load("moons", seeded(4).withNoise(0.0)).train();
        for (int i = 0; i < e.size(); i++) {
            double y = e.features()[2 * i + 1] * 2 + 0.25; // back to make_moons units
            if (e.label(i) == 0) {
                assertThat(y).isGreaterThanOrEqualTo(-1e-5);
            } else {
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-5);
            }
        }
    }

    @Test
    @DisplayName("only spiral and gauss take a number of classes, each within its range")
    void classesRefused() {
        assertThatThrownBy(() -> load("circles", DatasetOptions.defaults().withClasses(3)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("circles: circles has 2 classes, not 3: the number of classes can be chosen for spiral (2-6)"
                        + " and gauss (2-8)");
        assertThatThrownBy(() -> load("spiral", DatasetOptions.defaults().withClasses(7)))
                .isInstanceOf(DatasetException.class).hasMessage("spiral: spiral can have 2 to 6 classes, not 7");
        assertThatThrownBy(() -> load("gauss", DatasetOptions.defaults().withClasses(9)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("2 to 8 classes, not 9");
    }

    @Test
    @DisplayName("generated sets refuse a data folder and downscaling, which they cannot honour")
    void optionsRefused() {
        assertThatThrownBy(() -> load("xor", DatasetOptions.defaults().withDownscale(true)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("downscaling applies to images");
        assertThatThrownBy(() -> load("xor", DatasetOptions.defaults().withDataDir(java.nio.file.Path.of("/tmp"))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("leave out --data-dir");
    }
}

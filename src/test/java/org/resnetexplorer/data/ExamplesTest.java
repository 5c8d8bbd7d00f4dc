package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Shape;

/** The value types: Examples, Dataset, DatasetOptions, Normalization, DatasetException. */
@DisplayName("Examples, Dataset and options")
class ExamplesTest {

    /** Three 1x2x2 images with features 0..11 and labels 0, 1, 1. */
    private static Examples three() {
        float[] f = new float[12];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        return new Examples(Shape.image(1, 2, 2), 2, f, new int[] {0, 1, 1});
    }

    @Test
    @DisplayName("an example is its row of features; subset copies the rows asked for, in that order")
    void rowsAndSubset() {
        Examples e = three();
        assertThat(e.size()).isEqualTo(3);
        assertThat(e.featureCount()).isEqualTo(4);
        assertThat(e.example(1)).containsExactly(4, 5, 6, 7);
        assertThat(e.classCounts()).containsExactly(1, 2);
        Examples s = e.subset(new int[] {2, 0, 2});
        assertThat(s.features()).containsExactly(8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
        assertThat(s.labels()).containsExactly(1, 0, 1);
        assertThat(s.shape()).isEqualTo(e.shape());
        assertThatThrownBy(() -> e.example(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> e.subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("equality looks at the contents of the arrays")
    void equality() {
        assertThat(three()).isEqualTo(three()).hasSameHashCodeAs(three());
        Examples other = three();
        other.features()[0] = 99;
        assertThat(other).isNotEqualTo(three());
        assertThat(three()).hasToString("Examples[3 of 1x2x2, 2 classes]");
    }

    @Test
    @DisplayName("the constructor refuses features of the wrong length and labels out of range")
    void validation() {
        assertThatThrownBy(() -> new Examples(Shape.flat(2), 2, new float[5], new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features holds 5 floats, but 3 examples of shape 2 need 6");
        assertThatThrownBy(() -> new Examples(Shape.flat(2), 2, new float[4], new int[] {0, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("label 2 of example 1 is outside 0..1");
        assertThatThrownBy(() -> new Examples(Shape.flat(2), 2, new float[4], new int[] {-1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("label -1 of example 0 is outside 0..1");
        assertThatThrownBy(() -> new Examples(Shape.flat(2), 0, new float[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Examples(Shape.flat(2), 2, new float[0], new int[0]).size()).isZero();
    }

    @Test
    @DisplayName("a dataset needs train and test of one shape and one name per class")
    void dataset() {
        Examples e = three();
        Dataset d = new Dataset("tiny", e, e, List.of("a", "b"));
        assertThat(d.shape()).isEqualTo(Shape.image(1, 2, 2));
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.normalization().isNone()).isTrue();
        assertThat(d).hasToString("tiny: 3 train / 3 test examples of 1x2x2, 2 classes");
        assertThatThrownBy(() -> new Dataset("x", e, e, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 class names for 2 classes");
        Examples flat = new Examples(Shape.flat(4), 2, e.features(), e.labels());
        assertThatThrownBy(() -> new Dataset("x", e, flat, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x2x2").hasMessageContaining("4");
    }

    @Test
    @DisplayName("options: withers change one setting; sizes, noise and classes are checked")
    void options() {
        DatasetOptions o = DatasetOptions.defaults().withSeed(3L).withTrainSize(10).withTestSize(5).withNoise(0.2)
                .withClasses(3).withDataDir(Path.of("d")).withDownscale(true);
        assertThat(o).isEqualTo(new DatasetOptions(3L, 10, 5, 0.2, 3, Path.of("d"), true));
        assertThat(o.withSeed(null).seed()).isNull();
        assertThat(DatasetOptions.defaults()).isEqualTo(new DatasetOptions(null, null, null, null, null, null, false));
        assertThatThrownBy(() -> DatasetOptions.defaults().withTrainSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the training size must be at least 1 (got 0)");
        assertThatThrownBy(() -> DatasetOptions.defaults().withTestSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetOptions.defaults().withNoise(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noise must be from 0 to 1 (got 1.5)");
        assertThatThrownBy(() -> DatasetOptions.defaults().withNoise(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetOptions.defaults().withClasses(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("normalization restores raw values and refuses a zero deviation")
    void normalization() {
        Normalization n = new Normalization(List.of(0.5, 0.25), List.of(0.5, 2.0));
        assertThat(n.restore(0, 1.0)).isEqualTo(1.0);
        assertThat(n.apply(1, n.restore(1, -0.75))).isEqualTo(-0.75);
        assertThat(Normalization.none().restore(0, 3.0)).isEqualTo(3.0);
        assertThatThrownBy(() -> new Normalization(List.of(0.0), List.of(0.0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Normalization(List.of(0.0), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a dataset exception reads dataset: problem, and puts the file in front when the problem omits it")
    void exception() {
        DatasetException withFile = new DatasetException("mnist", "/d/x", "/d/x is truncated");
        assertThat(withFile).hasMessage("mnist: /d/x is truncated");
        assertThat(withFile.file()).contains("/d/x");
        assertThat(withFile.dataset()).isEqualTo("mnist");
        assertThat(withFile.problem()).isEqualTo("/d/x is truncated");
        assertThat(new DatasetException("mnist", "/d/y", "is truncated")).hasMessage("mnist: /d/y: is truncated");
        assertThat(new DatasetException("spiral", "no such thing").file()).isEmpty();
    }

    @Test
    @DisplayName("halving averages each 2x2 block of each channel and drops an odd last row")
    void halve() {
        float[] f = new float[2 * 3 * 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        Examples e = new Examples(Shape.image(2, 3, 4), 1, f, new int[] {0});
        Examples h = Preprocessing.halve(e);
        assertThat(h.shape()).isEqualTo(Shape.image(2, 1, 2));
        // channel 0: rows 0-1 of [0..3],[4..7]; channel 1 starts at 12
        assertThat(h.features()).containsExactly((0 + 1 + 4 + 5) / 4f, (2 + 3 + 6 + 7) / 4f, (12 + 13 + 16 + 17) / 4f,
                (14 + 15 + 18 + 19) / 4f);
    }
}

package org.resnetexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** Graph and dataset agree: the network fitted to a dataset, the dataset that suits a network, the refusals. */
class DatasetMatchTest {
    private static final DatasetOptions SPIRAL_3 = DatasetOptions.defaults().withClasses(3);
    private static final DatasetOptions HALVED = DatasetOptions.defaults().withDownscale(true);

    private static Network cnn() {
        return Templates.build("cifar-resnet-20");
    }

    private static Network mlp() {
        return Templates.build("mlp-resnet-8", TemplateOptions.defaults().withClasses(3));
    }

    @Test
    @DisplayName("a CNN fitted to Fashion-MNIST reads its images (halved or not) and predicts its 10 classes")
    void fitsImages() {
        Analysis halved = Analysis.of(DatasetMatch.fit(cnn(), "fashion-mnist", HALVED).orElseThrow());
        assertThat(halved.inputShape()).contains(Shape.image(1, 14, 14));
        assertThat(halved.classes()).contains(10);
        assertThat(halved.isValid()).isTrue();
        Analysis full = Analysis.of(DatasetMatch.fit(cnn(), "fashion-mnist", DatasetOptions.defaults()).orElseThrow());
        assertThat(full.inputShape()).contains(Shape.image(1, 28, 28));
    }

    @Test
    @DisplayName("an MLP fitted to the spiral takes the chosen classes; one that already agrees is left as it is")
    void fitsPoints() {
        Network five = DatasetMatch.fit(mlp(), "spiral", DatasetOptions.defaults().withClasses(5)).orElseThrow();
        assertThat(Analysis.of(five).classes()).contains(5);
        Network same = mlp();
        assertThat(DatasetMatch.fit(same, "spiral", SPIRAL_3).orElseThrow()).isSameAs(same);
        assertThat(Analysis.of(DatasetMatch.fit(mlp(), "moons", DatasetOptions.defaults()).orElseThrow()).classes())
                .as("moons has 2 classes whatever the field says").contains(2);
    }

    @Test
    @DisplayName("a CNN does not fit a 2-D set, an MLP on points not an image set: each gets the dataset of its kind")
    void better() {
        assertThat(DatasetMatch.fit(cnn(), "spiral", SPIRAL_3)).isEmpty();
        assertThat(DatasetMatch.better(cnn(), "spiral", SPIRAL_3)).contains("fashion-mnist");
        assertThat(DatasetMatch.fit(mlp(), "fashion-mnist", HALVED)).isEmpty();
        assertThat(DatasetMatch.better(mlp(), "fashion-mnist", HALVED)).contains("spiral");
        assertThat(DatasetMatch.better(cnn(), "fashion-mnist", HALVED)).as("it fits already").isEmpty();
        assertThat(DatasetMatch.better(mlp(), "circles", DatasetOptions.defaults())).as("it fits already").isEmpty();
        assertThat(DatasetMatch.Reads.of(cnn())).isEqualTo(DatasetMatch.Reads.IMAGES);
        assertThat(DatasetMatch.Reads.of(mlp())).isEqualTo(DatasetMatch.Reads.POINTS);
    }

    @Test
    @DisplayName("a network agrees with a dataset only when its input and classes are the dataset's as they are")
    void agrees() {
        assertThat(DatasetMatch.agrees(mlp(), "spiral", SPIRAL_3)).isTrue();
        assertThat(DatasetMatch.agrees(mlp(), "circles", DatasetOptions.defaults())).as("2 classes, not 3").isFalse();
        assertThat(DatasetMatch.agrees(mlp(), "fashion-mnist", HALVED)).isFalse();
        assertThat(DatasetMatch.agrees(cnn(), "fashion-mnist", HALVED)).as("3x32x32, not 1x14x14").isFalse();
        Network fitted = DatasetMatch.fit(cnn(), "fashion-mnist", HALVED).orElseThrow();
        assertThat(DatasetMatch.agrees(fitted, "fashion-mnist", HALVED)).isTrue();
    }

    @Test
    @DisplayName("a refusal caused by the dataset names the kind of dataset needed, not the layer that broke")
    void refusals() {
        Shape points = Shape.flat(2);
        String cnnOnSpiral = DatasetMatch.refusal(cnn(), "spiral", points, cnn().withInputShape(points));
        assertThat(cnnOnSpiral).isEqualTo("The graph reads images and spiral has points of 2 values: choose an image"
                + " dataset such as fashion-mnist").doesNotContain("Flatten");
        Shape images = Shape.image(1, 28, 28);
        assertThat(DatasetMatch.refusal(mlp(), "fashion-mnist", images, mlp().withInputShape(images)))
                .isEqualTo("The graph reads 2-D points and fashion-mnist has 1x28x28 images: choose a 2-D dataset"
                        + " such as spiral, or put a Flatten after the input");
        Network wide = mlp().withInputShape(Shape.flat(784));
        assertThat(DatasetMatch.refusal(wide, "fashion-mnist", images, wide.withInputShape(images)))
                .startsWith("The graph reads flat vectors and fashion-mnist has 1x28x28 images: put a Flatten");
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * A convolution on the network's input computes its weights' gradient without the input's
 * ({@link Kernels#conv2dWeightGradient}), and that gradient is the one {@code conv2d_bp} gives (which the
 * finite-difference checks cover), for kernels of 1, 3 and 5, padding 0 to 2, one to three channels, in float and
 * double; a training network's gradients are unchanged by it.
 */
class WeightGradientTest {

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(DataType.FLOAT, DataType.DOUBLE).flatMap(type -> Stream.of(
                // type, batch, channels, size, filters, kernel, padding (stride 1: a strided layer keeps conv2d_bp)
                Arguments.of(type, 5, 1, 8, 4, 3, 1),
                Arguments.of(type, 4, 3, 9, 5, 3, 1),
                Arguments.of(type, 3, 2, 7, 3, 3, 0),
                Arguments.of(type, 2, 1, 7, 2, 5, 2),
                Arguments.of(type, 3, 2, 6, 4, 1, 0)));
    }

    @ParameterizedTest(name = "{0}: batch {1}, {2} channels of {3}x{3}, {4} filters {5}x{5}, padding {6}")
    @MethodSource("shapes")
    @DisplayName("the weights-only gradient equals conv2d_bp's")
    void equalsConv2dBackward(DataType type, int batch, int channels, int size, int filters, int kernel, int padding) {
        int stride = 1;
        Nd4j.getRandom().setSeed(batch * 100L + size);
        INDArray x = Nd4j.randn(DataType.DOUBLE, batch, size, size, channels).castTo(type); // NHWC, as the engine runs
        INDArray w = Nd4j.randn(DataType.DOUBLE, filters, channels, kernel, kernel).castTo(type);
        INDArray y = Kernels.conv2d(x, w, null, stride, padding);
        INDArray g = Nd4j.randn(DataType.DOUBLE, y.shape()).castTo(type);
        INDArray expected = Nd4j.zeros(type, w.shape());
        Kernels.conv2dBackward(x, w, null, g, stride, padding, expected, null);

        INDArray actual = Nd4j.zeros(type, w.shape());
        Kernels.conv2dWeightGradient(x, g, padding, actual);

        double scale = expected.amaxNumber().doubleValue();
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
        assertThat(actual.sub(expected).amaxNumber().doubleValue() / scale).isLessThanOrEqualTo(tolerance);
    }

    @Test
    @DisplayName("a network told to skip its input's gradient computes the same parameter gradients and none for the input")
    void trainingGradientsUnchanged() throws Exception {
        Network network = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withClasses(3).withWidth(4));
        CompiledNetwork full = CompiledNetwork.compile(network, DataType.DOUBLE, 3);
        CompiledNetwork skipping = CompiledNetwork.compile(network, DataType.DOUBLE, 3);
        skipping.skipInputGradient();
        Nd4j.getRandom().setSeed(5);
        INDArray batch = Nd4j.randn(DataType.DOUBLE, 6, 1, 8, 8);
        INDArray gradLogits = Nd4j.randn(DataType.DOUBLE, 6, 3);

        full.forward(batch, true);
        full.backward(gradLogits);
        skipping.forward(batch, true);
        skipping.backward(gradLogits);

        double scale = full.gradients().amaxNumber().doubleValue();
        assertThat(skipping.gradients().sub(full.gradients()).amaxNumber().doubleValue() / scale).isLessThan(1e-12);
        assertThat(full.inputGradient()).isPresent();
        assertThat(skipping.inputGradient()).isEmpty();
    }
}

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
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The float convolutions oneDNN runs directly ({@link OneDnnConvolution}) compute what libnd4j's {@code conv2d}
 * and {@code conv2d_bp} compute in double precision (which the finite-difference checks cover): the output, dL/dx,
 * dL/dw and dL/db, for kernels of 1 to 5, strides 1 and 2, padding 0 to 2, odd and non-square images, a batch of
 * one, with and without a bias; with the weights and their gradient as views into flat buffers at an offset, as a
 * network's parameters are.
 */
class OneDnnConvolutionTest {
    private static final double TOLERANCE = 2e-5;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    @Test
    @DisplayName("oneDNN's binary loads on this platform (else every float convolution falls back to libnd4j)")
    void available() {
        assertThat(OneDnnConvolution.available()).isTrue();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                // batch, channels, height, width, filters, kernel, stride, padding, bias
                Arguments.of(4, 8, 16, 16, 8, 3, 1, 1, false),
                Arguments.of(3, 8, 16, 16, 16, 3, 2, 1, false),
                Arguments.of(2, 3, 9, 7, 5, 3, 1, 1, true),
                Arguments.of(1, 1, 8, 8, 4, 3, 1, 1, true),
                Arguments.of(2, 4, 7, 7, 6, 1, 2, 0, false),
                Arguments.of(2, 2, 7, 9, 3, 5, 1, 2, true),
                Arguments.of(3, 5, 6, 6, 4, 3, 2, 0, true),
                Arguments.of(2, 16, 4, 4, 32, 1, 1, 0, false));
    }

    @ParameterizedTest(name = "batch {0}, {1} channels of {2}x{3}, {4} filters {5}x{5}, stride {6}, padding {7}, bias {8}")
    @MethodSource("shapes")
    @DisplayName("forward and backward equal libnd4j's in double precision")
    void matchesLibnd4j(int batch, int channels, int height, int width, int filters, int kernel, int stride, int padding,
            boolean withBias) {
        Nd4j.getRandom().setSeed(batch * 1000L + channels * 10L + kernel);
        INDArray x = Nd4j.randn(DataType.DOUBLE, batch, height, width, channels);
        // weights and their gradients as parameters are: views at an offset into one flat buffer
        int weightCount = filters * channels * kernel * kernel;
        INDArray values = Nd4j.randn(DataType.DOUBLE, 3 + weightCount + filters).castTo(DataType.FLOAT);
        INDArray w = values.get(NDArrayIndex.interval(3, 3 + weightCount)).reshape('c', filters, channels, kernel, kernel);
        INDArray b = withBias ? values.get(NDArrayIndex.interval(3 + weightCount, 3 + weightCount + filters)) : null;
        INDArray grads = Nd4j.zeros(DataType.FLOAT, values.length());
        INDArray gw = grads.get(NDArrayIndex.interval(3, 3 + weightCount)).reshape('c', filters, channels, kernel, kernel);
        INDArray gb = withBias ? grads.get(NDArrayIndex.interval(3 + weightCount, 3 + weightCount + filters)) : null;

        OneDnnConvolution conv = OneDnnConvolution.create(stride, padding, withBias);
        INDArray xf = x.castTo(DataType.FLOAT);
        INDArray y = conv.forward(xf, w, b);
        INDArray wd = w.castTo(DataType.DOUBLE);
        INDArray bd = withBias ? b.castTo(DataType.DOUBLE) : null;
        INDArray expectedY = Kernels.conv2d(x, wd, bd, stride, padding);
        assertClose("y", y, expectedY);

        INDArray g = Nd4j.randn(DataType.DOUBLE, expectedY.shape());
        INDArray expectedGw = Nd4j.zeros(DataType.DOUBLE, w.shape());
        INDArray expectedGb = withBias ? Nd4j.zeros(DataType.DOUBLE, filters) : null;
        INDArray expectedGx = Kernels.conv2dBackward(x, wd, bd, g, stride, padding, expectedGw, expectedGb);
        INDArray gx = conv.backward(xf, w, g.castTo(DataType.FLOAT), true, gw, gb);
        assertClose("dL/dx", gx, expectedGx);
        assertClose("dL/dw", gw, expectedGw);
        if (withBias) {
            assertClose("dL/db", gb, expectedGb);
        }
        assertThat(grads.getDouble(0)).as("values before the weights' gradient stay as they were").isZero();

        grads.assign(0);
        assertThat(conv.backward(xf, w, g.castTo(DataType.FLOAT), false, gw, gb)).as("no dL/dx asked for").isNull();
        assertClose("dL/dw without dL/dx", gw, expectedGw);
    }

    @Test
    @DisplayName("more input shapes than it keeps: every call still computes its own shape's convolution")
    void manyShapes() {
        OneDnnConvolution conv = OneDnnConvolution.create(1, 1, false);
        INDArray w = Nd4j.randn(DataType.FLOAT, 4, 2, 3, 3);
        for (int round = 0; round < 2; round++) {
            for (int batch = 1; batch <= 5; batch++) {
                INDArray x = Nd4j.randn(DataType.FLOAT, batch, 6, 5, 2);
                assertClose("batch " + batch, conv.forward(x, w, null),
                        Kernels.conv2d(x.castTo(DataType.DOUBLE), w.castTo(DataType.DOUBLE), null, 1, 1));
            }
        }
    }

    @Test
    @DisplayName("a layer called from another thread makes primitives of its own there (oneDNN's primitives must run"
            + " on the thread that made them) and computes the same")
    void anotherThread() throws Exception {
        OneDnnConvolution conv = OneDnnConvolution.create(1, 1, false);
        INDArray w = Nd4j.randn(DataType.FLOAT, 4, 2, 3, 3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 6, 5, 2);
        INDArray here = conv.forward(x, w, null).dup();
        assertThat(conv.kept()).isEqualTo(1);
        INDArray[] there = new INDArray[1];
        Thread other = new Thread(() -> {
            Nd4jRuntime.start();
            there[0] = conv.forward(x, w, null).dup();
        });
        other.start();
        other.join();
        assertThat(conv.kept()).as("the same shape on another thread: another set of primitives").isEqualTo(2);
        assertClose("the other thread's output", there[0], here.castTo(DataType.DOUBLE));
        assertClose("this thread's output again", conv.forward(x, w, null), here.castTo(DataType.DOUBLE));
        assertThat(conv.kept()).isEqualTo(2);
    }

    private static void assertClose(String what, INDArray actual, INDArray expected) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        double scale = Math.max(1e-30, expected.amaxNumber().doubleValue());
        double error = actual.castTo(DataType.DOUBLE).sub(expected).amaxNumber().doubleValue() / scale;
        assertThat(error).as("%s: largest difference relative to the largest value", what).isLessThan(TOLERANCE);
    }
}

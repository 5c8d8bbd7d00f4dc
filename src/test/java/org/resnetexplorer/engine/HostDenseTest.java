package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java loops of a small dense layer ({@link HostDense}) compute what libnd4j's dense ops ({@link Kernels})
 * compute, forward and backward, with and without bias and fused ReLU, in float and in double, for batches of one
 * to many and shapes with a dimension of one. The finite-difference checks ({@code GradientCheckTest}) reach the
 * Java loops (their networks are small); this test ties the two paths together, so the libnd4j path, which larger
 * layers take, stays checked too. Tolerance: 1e-5 relative to the largest value in float, 1e-12 in double
 * (the two paths sum in different orders).
 */
class HostDenseTest {

    static Stream<Arguments> cases() {
        return Stream.of(DataType.FLOAT, DataType.DOUBLE).flatMap(type -> Stream.of(
                Arguments.of(type, 64, 32, 32, true, true),
                Arguments.of(type, 64, 2, 32, true, true),
                Arguments.of(type, 64, 32, 3, true, false),
                Arguments.of(type, 1, 32, 32, true, true),
                Arguments.of(type, 7, 1, 1, true, false),
                Arguments.of(type, 5, 16, 8, false, false)));
    }

    @ParameterizedTest(name = "{0} batch {1}, {2} -> {3}, bias {4}, relu {5}")
    @MethodSource("cases")
    @DisplayName("the Java loops give libnd4j's output, dL/dx, dL/dW and dL/db")
    void javaLoopsMatchLibnd4j(DataType type, int batch, int in, int out, boolean withBias, boolean relu) {
        Random random = new Random(batch * 31L + in * 7L + out);
        Parameters parameters = Parameters.allocate(specs(random, in, out, withBias), type);
        Parameters.Parameter weight = parameters.all().get(0);
        Parameters.Parameter bias = withBias ? parameters.all().get(1) : null;
        INDArray x = Nd4j.createFromArray(values(random, batch * in)).castTo(type).reshape(batch, in);
        INDArray g = Nd4j.createFromArray(values(random, batch * out)).castTo(type).reshape(batch, out);

        HostDense host = new HostDense(weight, bias, relu);
        assertThat(host.suits(batch)).isTrue();
        INDArray y = host.forward(x).dup();
        INDArray gx = host.backward(g.dup()).dup();
        INDArray gw = weight.grad().dup();
        INDArray gb = withBias ? bias.grad().dup() : null;

        parameters.grads().assign(0);
        INDArray expectedY = withBias ? Kernels.dense(x, weight.value(), bias.value()) : x.mmul(weight.value());
        INDArray gradBefore = g;
        if (relu) {
            expectedY = Kernels.relu(expectedY);
            gradBefore = Kernels.reluBackward(expectedY, g);
        }
        INDArray expectedGx;
        if (withBias) {
            expectedGx = Kernels.denseBackward(x, weight.value(), bias.value(), gradBefore, weight.grad(), bias.grad());
        } else {
            Nd4j.gemm(x, gradBefore, weight.grad(), true, false, 1.0, 0.0);
            expectedGx = Nd4j.gemm(gradBefore, weight.value(), false, true);
        }

        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
        assertClose(y, expectedY, tolerance);
        assertClose(gx, expectedGx, tolerance);
        assertClose(gw, weight.grad(), tolerance);
        if (withBias) {
            assertClose(gb, bias.grad(), tolerance);
        }
    }

    @Test
    @DisplayName("calls up to 2^18 multiply-adds take the Java loops, larger ones libnd4j")
    void sizeDecidesThePath() {
        Random random = new Random(3);
        Parameters parameters = Parameters.allocate(specs(random, 32, 32, true), DataType.FLOAT);
        HostDense host = new HostDense(parameters.all().get(0), parameters.all().get(1), true);

        assertThat(host.suits(256)).isTrue();
        assertThat(host.suits(257)).isFalse();
    }

    private static List<Parameters.Spec> specs(Random random, int in, int out, boolean withBias) {
        Parameters.Spec weight = new Parameters.Spec("d", Parameters.Role.WEIGHT, new long[] {in, out},
                toDouble(values(random, in * out)));
        return withBias ? List.of(weight, new Parameters.Spec("d", Parameters.Role.BIAS, new long[] {out},
                toDouble(values(random, out)))) : List.of(weight);
    }

    /** Values drawn in float, so both precisions start from the same numbers. */
    private static float[] values(Random random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        double[] a = actual.reshape(actual.length()).toDoubleVector();
        double[] e = expected.reshape(expected.length()).toDoubleVector();
        double scale = 1e-30;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - e[i]) / scale).as("value %d: %s against %s", i, a[i], e[i])
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A convolution's prepared call ({@link Kernels.Call}: the op and its native context made once) computes the same
 * bits as the op built afresh for the call, every time it is called again with new arrays of another batch size,
 * forward and backward, float and double, with and without bias.
 */
class PreparedCallTest {
    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    @ParameterizedTest(name = "{0}, {1} -> {2} channels, {3}x{3}, stride {4}, bias {5}")
    @CsvSource({"FLOAT, 8, 8, 16, 1, false", "FLOAT, 3, 5, 7, 2, true", "DOUBLE, 2, 4, 6, 1, true",
        "DOUBLE, 1, 3, 5, 2, false"})
    void sameBitsAsAFreshOp(DataType type, int in, int out, int size, int stride, boolean bias) {
        Nd4j.getRandom().setSeed(7);
        INDArray w = Nd4j.rand(type, out, in, 3, 3);
        INDArray b = bias ? Nd4j.rand(type, out) : null;
        Kernels.Call forward = Kernels.conv2dCall(w, stride, 1);
        Kernels.Call backward = Kernels.conv2dBackwardCall(w, stride, 1);
        int[] args = {3, 3, stride, stride, 1, 1, 1, 1, 0, 0, 1};
        for (int batch : new int[] {4, 1, 3}) {
            INDArray x = Nd4j.rand(type, batch, in, size, size);
            INDArray y = Kernels.conv2d(forward, x, w, b, stride, 1);
            INDArray expected = Nd4j.createUninitialized(type, y.shape());
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(bias ? new INDArray[] {x, w, b} : new INDArray[] {x, w})
                    .addOutputs(expected).addIntegerArguments(args).build());
            assertThat(y.data().asBytes()).as("forward, batch %d", batch).isEqualTo(expected.data().asBytes());

            INDArray g = Nd4j.rand(type, y.shape());
            INDArray gw = Nd4j.create(type, w.shape());
            INDArray gb = bias ? Nd4j.create(type, out) : null;
            INDArray gx = Kernels.conv2dBackward(backward, x, w, b, g, gw, gb);
            INDArray gxExpected = Nd4j.create(type, x.shape());
            INDArray gwExpected = Nd4j.create(type, w.shape());
            INDArray gbExpected = bias ? Nd4j.create(type, out) : null;
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                    .addInputs(bias ? new INDArray[] {x, w, b, g} : new INDArray[] {x, w, g})
                    .addOutputs(bias ? new INDArray[] {gxExpected, gwExpected, gbExpected}
                            : new INDArray[] {gxExpected, gwExpected})
                    .addIntegerArguments(args).build());
            assertThat(gx.data().asBytes()).as("dL/dx, batch %d", batch).isEqualTo(gxExpected.data().asBytes());
            assertThat(gw.data().asBytes()).as("dL/dw, batch %d", batch).isEqualTo(gwExpected.data().asBytes());
            if (bias) {
                assertThat(gb.data().asBytes()).as("dL/db, batch %d", batch).isEqualTo(gbExpected.data().asBytes());
            }
        }
    }
}

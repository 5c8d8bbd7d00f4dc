package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j operations the layers run, with their argument conventions in one place (ND4J 1.0.0-M2.1,
 * checked against finite differences in the tests). Image tensors are NHWC, channels last ({@link ChannelsLast});
 * convolution weights are {@code [out, in, kH, kW]} (wFormat 1), as in PyTorch.
 */
final class Kernels {
    private static final int NCHW = 0;
    private static final int NHWC = 1;
    private static final int WEIGHTS_OIHW = 1;
    private static final int EXPLICIT_PADDING = 0;
    /** Average pooling divides by the whole window, padding included (PyTorch's default). */
    private static final int AVG_INCLUDE_PADDING = 1;

    private Kernels() {
    }

    private static int[] convArgs(INDArray w, int stride, int padding) {
        return new int[] {(int) w.size(2), (int) w.size(3), stride, stride, padding, padding, 1, 1, EXPLICIT_PADDING,
            NHWC, WEIGHTS_OIHW};
    }

    static INDArray conv2d(INDArray x, INDArray w, INDArray b, int stride, int padding) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d");
        if (b != null) {
            op.addInputs(x, w, b);
        } else {
            op.addInputs(x, w);
        }
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), outputSize(x.size(1), w.size(2), stride, padding),
                outputSize(x.size(2), w.size(3), stride, padding), w.size(0));
        Nd4j.exec(op.addIntegerArguments(convArgs(w, stride, padding)).addOutputs(y).build());
        return y;
    }

    /** Output height (width) of a window of size {@code k} sliding with this stride over explicitly padded input. */
    private static long outputSize(long in, long k, int stride, int padding) {
        return (in + 2L * padding - k) / stride + 1;
    }

    /** Writes dL/dw (and dL/db) into {@code gw} ({@code gb}) and returns dL/dx. The gradient comes last. */
    static INDArray conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, int stride, int padding,
            INDArray gw, INDArray gb) {
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp");
        if (b != null) {
            op.addInputs(x, w, b, gradOut).addOutputs(gx, gw, gb);
        } else {
            op.addInputs(x, w, gradOut).addOutputs(gx, gw);
        }
        Nd4j.exec(op.addIntegerArguments(convArgs(w, stride, padding)).build());
        return gx;
    }

    /**
     * Writes dL/dw of a convolution into {@code gw} without computing dL/dx, for a layer on the network's input
     * ({@code conv2d_bp} has no weights-only form, and the input images' gradient cost as much as the rest of that
     * layer's backward). dL/dw[o][c][kh][kw] = sum over examples and output pixels of dL/dy[b][o][i][j]
     * x[b][c][i + kh - p][j + kw - p]: itself a convolution of x, its channels taken as the batch and its examples
     * as the channels, with dL/dy as the filters; its output [C, O, k, k] is laid out as [O, C, k, k]. That
     * convolution runs channels first: x and dL/dy (NHWC) become [C, B, H, W] and [O, B, H', W'] in one copy each.
     * Stride 1 only: a stride s would dilate the filters by s, which libnd4j's conv2d refuses here ("execution
     * failed").
     */
    static void conv2dWeightGradient(INDArray x, INDArray gradOut, int padding, INDArray gw) {
        INDArray examplesAsChannels = x.permute(3, 0, 1, 2).dup('c');
        INDArray mapsAsFilters = gradOut.permute(3, 0, 1, 2).dup('c');
        // output size: in + 2 padding - (out - 1) = k, the output being in + 2 padding - k + 1 at stride 1
        INDArray taps = Nd4j.createUninitialized(x.dataType(), x.size(3), gradOut.size(3), gw.size(2), gw.size(3));
        int[] args = {(int) gradOut.size(1), (int) gradOut.size(2), 1, 1, padding, padding, 1, 1, EXPLICIT_PADDING,
            NCHW, WEIGHTS_OIHW};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(examplesAsChannels, mapsAsFilters).addOutputs(taps)
                .addIntegerArguments(args).build());
        gw.assign(taps.permute(1, 0, 2, 3));
    }

    private static int[] poolArgs(int kH, int kW, int stride, int padding) {
        return new int[] {kH, kW, stride, stride, padding, padding, 1, 1, EXPLICIT_PADDING, AVG_INCLUDE_PADDING, NHWC};
    }

    /** {@code "maxpool2d"} or {@code "avgpool2d"} over {@code kH x kW} windows. */
    static INDArray pool2d(String op, INDArray x, int kH, int kW, int stride, int padding) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), outputSize(x.size(1), kH, stride, padding),
                outputSize(x.size(2), kW, stride, padding), x.size(3));
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(x).addOutputs(y)
                .addIntegerArguments(poolArgs(kH, kW, stride, padding)).build());
        return y;
    }

    static INDArray pool2dBackward(String op, INDArray x, INDArray gradOut, int kH, int kW, int stride, int padding) {
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder(op + "_bp").addInputs(x, gradOut).addOutputs(gx)
                .addIntegerArguments(poolArgs(kH, kW, stride, padding)).build());
        return gx;
    }

    static INDArray relu(INDArray x) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("relu").addInputs(x).addOutputs(y).addFloatingPointArguments(0.0).build());
        return y;
    }

    /** dL/dx of ReLU from its output (the sign is the same as its input's). */
    static INDArray reluBackward(INDArray y, INDArray gradOut) {
        INDArray gx = Nd4j.createUninitialized(gradOut.dataType(), gradOut.shape());
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(y, gradOut).addOutputs(gx).build());
        return gx;
    }

    /**
     * x W + b for a batch x [B, in], W [in, out], b [out] in one call ({@code xw_plus_b}), for every shape,
     * a batch of one, one input or one unit included. Not libnd4j's fused {@code relu_layer}: it refuses x or W
     * with a dimension of 1 (it requires {@code isMatrix()}, false for [1, n] and [n, 1]), so a batch of one
     * example failed in native code.
     */
    static INDArray dense(INDArray x, INDArray w, INDArray b) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1));
        Nd4j.exec(DynamicCustomOp.builder("xw_plus_b").addInputs(x, w, b).addOutputs(y).build());
        return y;
    }

    /**
     * Writes dL/dW and dL/db of {@code x W + b} into {@code gw}, {@code gb} and returns dL/dx (one call), for every
     * shape. {@code xw_plus_b_bp} fails in double precision when x, W and dL/dy are all 1x1 (a Dense of one unit
     * from one input, at a batch of one: "NDArray::mulRowVector: wrong arguments"; every other shape of B, in, out
     * from 1 to 3 passes in both precisions), so those scalars go through two products and a sum.
     */
    static INDArray denseBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, INDArray gw, INDArray gb) {
        if (x.length() == 1 && gradOut.length() == 1) {
            Nd4j.gemm(x, gradOut, gw, true, false, 1.0, 0.0);
            gb.assign(gradOut.sum(0));
            return Nd4j.gemm(gradOut, w, false, true);
        }
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("xw_plus_b_bp").addInputs(x, w, b, gradOut).addOutputs(gx, gw, gb).build());
        return gx;
    }
}

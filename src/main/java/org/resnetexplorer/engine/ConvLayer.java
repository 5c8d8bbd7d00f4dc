package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-D convolution of an NHWC batch, weights [out, in, k, k], optional bias [out]. A float network runs it
 * through oneDNN directly ({@link OneDnnConvolution}), a double one (and any shape oneDNN refuses) through
 * libnd4j ({@link Kernels}).
 */
final class ConvLayer extends Layer {
    private final Parameters.Parameter weight;
    private final Parameters.Parameter bias;
    private final int stride;
    private final int padding;
    /** oneDNN's primitives of this layer (null where oneDNN is not available). */
    private final OneDnnConvolution direct;
    private INDArray x;
    /** Whether the last forward ran through oneDNN (then so does the backward). */
    private boolean directPass;
    /** Whether the backward returns dL/dx; not for a layer on the network's input when nothing asks for it. */
    private boolean inputGradient = true;

    ConvLayer(String name, Parameters.Parameter weight, Parameters.Parameter bias, int stride, int padding) {
        super(name);
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
        this.direct = OneDnnConvolution.create(stride, padding, bias != null);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        ComputeThreads.forConvolution(outputValues());
        INDArray b = bias == null ? null : bias.value();
        directPass = false;
        if (direct != null && x.dataType() == DataType.FLOAT) {
            x = HostArrays.contiguous(x);
            INDArray y = direct.forward(x, weight.value(), b);
            if (y != null) {
                directPass = true;
                return y;
            }
        }
        return Kernels.conv2d(x, weight.value(), b, stride, padding);
    }

    /** Whether the backward computes dL/dx (else it returns none: only for a layer whose input needs none). */
    void computeInputGradient(boolean wanted) {
        this.inputGradient = wanted;
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        ComputeThreads.forConvolution(outputValues());
        if (directPass) {
            return new INDArray[] {direct.backward(x, weight.value(), HostArrays.contiguous(gradOutput), inputGradient,
                    weight.grad(), bias == null ? null : bias.grad())};
        }
        if (!inputGradient && stride == 1) { // libnd4j's conv2d refuses the dilation a stride would need here
            Kernels.conv2dWeightGradient(x, gradOutput, padding, weight.grad());
            if (bias != null) {
                bias.grad().assign(gradOutput.sum(0, 1, 2));
            }
            return new INDArray[] {null};
        }
        return new INDArray[] {Kernels.conv2dBackward(x, weight.value(), bias == null ? null : bias.value(), gradOutput,
                stride, padding, weight.grad(), bias == null ? null : bias.grad())};
    }

    /** Output values of this step's call: batch x out channels x output pixels. */
    private long outputValues() {
        INDArray w = weight.value();
        long height = (x.size(1) + 2L * padding - w.size(2)) / stride + 1;
        long width = (x.size(2) + 2L * padding - w.size(3)) / stride + 1;
        return x.size(0) * w.size(0) * height * width;
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}

package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A 2-D convolution, weights [out, in, k, k], optional bias [out]. */
final class ConvLayer extends Layer {
    private final Parameters.Parameter weight;
    private final Parameters.Parameter bias;
    private final int stride;
    private final int padding;
    private INDArray x;
    /** Whether the backward returns dL/dx; not for a layer on the network's input when nothing asks for it. */
    private boolean inputGradient = true;

    ConvLayer(String name, Parameters.Parameter weight, Parameters.Parameter bias, int stride, int padding) {
        super(name);
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        ComputeThreads.forConvolution(outputValues());
        return Kernels.conv2d(x, weight.value(), bias == null ? null : bias.value(), stride, padding);
    }

    /** Whether the backward computes dL/dx (else it returns none: only for a layer whose input needs none). */
    void computeInputGradient(boolean wanted) {
        this.inputGradient = wanted;
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        ComputeThreads.forConvolution(outputValues());
        if (!inputGradient && stride == 1) { // libnd4j's conv2d refuses the dilation a stride would need here
            Kernels.conv2dWeightGradient(x, gradOutput, padding, weight.grad());
            if (bias != null) {
                bias.grad().assign(gradOutput.sum(0, 2, 3));
            }
            return new INDArray[] {null};
        }
        return new INDArray[] {Kernels.conv2dBackward(x, weight.value(), bias == null ? null : bias.value(), gradOutput,
                stride, padding, weight.grad(), bias == null ? null : bias.grad())};
    }

    /** Output values of this step's call: batch x out channels x output pixels. */
    private long outputValues() {
        INDArray w = weight.value();
        long height = (x.size(2) + 2L * padding - w.size(2)) / stride + 1;
        long width = (x.size(3) + 2L * padding - w.size(3)) / stride + 1;
        return x.size(0) * w.size(0) * height * width;
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}

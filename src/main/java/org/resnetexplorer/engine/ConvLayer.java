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
        return Kernels.conv2d(x, weight.value(), bias == null ? null : bias.value(), stride, padding);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        return new INDArray[] {Kernels.conv2dBackward(x, weight.value(), bias == null ? null : bias.value(), gradOutput,
                stride, padding, weight.grad(), bias == null ? null : bias.grad())};
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}

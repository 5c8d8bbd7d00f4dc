package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** y = x W + b for a batch of flat vectors x [B, in]; W is [in, out]. */
final class DenseLayer extends Layer {
    private final Parameters.Parameter weight;
    private final Parameters.Parameter bias;
    private INDArray x;

    DenseLayer(String name, Parameters.Parameter weight, Parameters.Parameter bias) {
        super(name);
        this.weight = weight;
        this.bias = bias;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        INDArray y = x.mmul(weight.value());
        return bias == null ? y : y.addiRowVector(bias.value());
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        Nd4j.gemm(x, gradOutput, weight.grad(), true, false, 1.0, 0.0);
        if (bias != null) {
            bias.grad().assign(gradOutput.sum(0));
        }
        return new INDArray[] {Nd4j.gemm(gradOutput, weight.value(), false, true)};
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}

package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.resnetexplorer.graph.ActivationFunction;

/** An element-wise non-linearity other than the ReLU ({@link ReluLayer}); each backward uses the forward's output y. */
final class ActivationLayer extends Layer {
    private final ActivationFunction function;
    private INDArray y;

    ActivationLayer(String name, ActivationFunction function) {
        super(name);
        this.function = function;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        y = switch (function) {
            case RELU -> Kernels.relu(x);
            case TANH -> Transforms.tanh(x, true);
            case SIGMOID -> Transforms.sigmoid(x, true);
            case IDENTITY -> x;
        };
        return y;
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        INDArray gx = switch (function) {
            case RELU -> Kernels.reluBackward(y, gradOutput);
            // tanh' = 1 - y^2
            case TANH -> y.mul(y).rsubi(1).muli(gradOutput);
            // sigmoid' = y (1 - y)
            case SIGMOID -> y.rsub(1).muli(y).muli(gradOutput);
            case IDENTITY -> gradOutput;
        };
        return new INDArray[] {gx};
    }
}

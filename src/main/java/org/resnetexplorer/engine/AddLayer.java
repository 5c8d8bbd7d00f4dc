package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** H(x) = F(x) + shortcut(x); the gradient flows unchanged into both. */
final class AddLayer extends Layer {
    AddLayer(String name) {
        super(name);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        return inputs[0].add(inputs[1]);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        return new INDArray[] {gradOutput, gradOutput};
    }
}

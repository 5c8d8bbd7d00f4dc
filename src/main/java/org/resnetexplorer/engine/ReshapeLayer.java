package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Flatten: an image batch [B, C, H, W] laid out as [B, C*H*W]; a flat batch passes unchanged. */
final class ReshapeLayer extends Layer {
    private long[] inputShape;

    ReshapeLayer(String name) {
        super(name);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        inputShape = x.shape();
        return x.rank() == 2 ? x : x.reshape('c', x.size(0), x.length() / x.size(0));
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        return new INDArray[] {gradOutput.reshape('c', inputShape)};
    }
}

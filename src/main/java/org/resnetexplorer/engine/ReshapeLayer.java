package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flatten: an image batch laid out as [B, C*H*W] in channels-first order (channel, then row, then column, as
 * PyTorch's {@code flatten} orders them, which the weights of a following Dense, the saved states and the PyTorch
 * export rely on), from the engine's NHWC tensor; a flat batch passes unchanged.
 */
final class ReshapeLayer extends Layer {
    private long[] inputShape;

    ReshapeLayer(String name) {
        super(name);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        inputShape = x.shape();
        return x.rank() == 2 ? x : ChannelsLast.toChannelsFirst(x).reshape('c', x.size(0), x.length() / x.size(0));
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (inputShape.length != 4) {
            return new INDArray[] {gradOutput.reshape('c', inputShape)};
        }
        INDArray channelsFirst = gradOutput.reshape('c', inputShape[0], inputShape[3], inputShape[1], inputShape[2]);
        return new INDArray[] {ChannelsLast.fromChannelsFirst(channelsFirst)};
    }
}

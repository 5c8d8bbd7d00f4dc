package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Inverted dropout: in training each value is kept with probability 1 - rate and scaled by 1 / (1 - rate). */
final class DropoutLayer extends Layer {
    private final double rate;
    private INDArray mask;

    DropoutLayer(String name, double rate) {
        super(name);
        this.rate = rate;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        if (!training || rate == 0) {
            mask = null;
            return x;
        }
        // drawn channels first and laid out as x, so that an image keeps or drops the same values in either layout
        long[] shape = x.rank() == 4 ? new long[] {x.size(0), x.size(3), x.size(1), x.size(2)} : x.shape();
        mask = ChannelsLast.fromChannelsFirst(Nd4j.rand(x.dataType(), shape).gt(rate).castTo(x.dataType()).divi(1 - rate));
        return x.mul(mask);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        return new INDArray[] {mask == null ? gradOutput : gradOutput.mul(mask)};
    }
}

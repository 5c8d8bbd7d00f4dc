package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's layout of image tensors: channels last, [batch, height, width, channels] (NHWC), while everything
 * outside the engine (datasets, the graph model's shapes, readers of activations, saved states and the PyTorch
 * export) speaks channels first, [batch, channels, height, width] (NCHW), as PyTorch does. libnd4j's oneDNN
 * convolutions read NHWC as it is and reorder NCHW at every call: the forward convolutions of cifar-resnet-8 took
 * 28% less time channels last, with the same bits (decision 0042; oneDNN itself runs them now, channels last as well). Only rank-4 arrays differ; a flat batch
 * [batch, features] is the same in both, and so is an image of one channel.
 */
final class ChannelsLast {
    private ChannelsLast() {
    }

    /** An NCHW batch as a new NHWC array (in the current workspace); any other rank as it is. */
    static INDArray fromChannelsFirst(INDArray nchw) {
        return nchw.rank() == 4 ? nchw.permute(0, 2, 3, 1).dup('c') : nchw;
    }

    /** An NHWC array of the engine as a new NCHW array (in the current workspace); any other rank as it is. */
    static INDArray toChannelsFirst(INDArray nhwc) {
        return nhwc.rank() == 4 ? nhwc.permute(0, 3, 1, 2).dup('c') : nhwc;
    }
}

package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Max or average pooling over square windows; global average pooling is a window the size of the image. */
final class PoolLayer extends Layer {
    private final String op;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean global;
    private INDArray x;

    private PoolLayer(String name, String op, int kernel, int stride, int padding, boolean global) {
        super(name);
        this.op = op;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.global = global;
    }

    static PoolLayer max(String name, int kernel, int stride, int padding) {
        return new PoolLayer(name, "maxpool2d", kernel, stride, padding, false);
    }

    static PoolLayer average(String name, int kernel, int stride, int padding) {
        return new PoolLayer(name, "avgpool2d", kernel, stride, padding, false);
    }

    /** Averages each channel over the whole image, giving a flat batch [B, C]. */
    static PoolLayer globalAverage(String name) {
        return new PoolLayer(name, "avgpool2d", 0, 1, 0, true);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        if (global) {
            INDArray pooled = Kernels.pool2d(op, x, (int) x.size(2), (int) x.size(3), 1, 0);
            return pooled.reshape(x.size(0), x.size(1));
        }
        return Kernels.pool2d(op, x, kernel, kernel, stride, padding);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (global) {
            INDArray g = gradOutput.reshape(x.size(0), x.size(1), 1, 1);
            return new INDArray[] {Kernels.pool2dBackward(op, x, g, (int) x.size(2), (int) x.size(3), 1, 0)};
        }
        return new INDArray[] {Kernels.pool2dBackward(op, x, gradOutput, kernel, kernel, stride, padding)};
    }
}

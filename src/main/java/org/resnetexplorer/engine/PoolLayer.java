package org.resnetexplorer.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Max or average pooling over square windows; global average pooling is a window the size of the image. */
final class PoolLayer extends Layer {
    private final String op;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean global;
    private INDArray x;
    /**
     * Global pooling: its output and dL/dx, and host copies of one value per pixel (x, then dL/dx) and one per map
     * (the mean, then dL/dmean).
     */
    private final ReusedArray output = new ReusedArray();
    private final ReusedArray inputGrad = new ReusedArray();
    private float[] pixelsF = new float[0];
    private float[] mapsF = new float[0];
    private double[] pixelsD = new double[0];
    private double[] mapsD = new double[0];

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
            return globalAverage();
        }
        return Kernels.pool2d(op, x, kernel, kernel, stride, padding);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (global) {
            return new INDArray[] {globalAverageBackward(gradOutput)};
        }
        return new INDArray[] {Kernels.pool2dBackward(op, x, gradOutput, kernel, kernel, stride, padding)};
    }

    /**
     * The mean of every channel of every example, on the host: one pass over the tensor. libnd4j's avgpool2d and
     * avgpool2d_bp with a window the size of the image took 0.1-0.2 ms a call on the 16 k values that end
     * cifar-resnet-8 (`bench --profile`), the Java passes 13-18 us.
     */
    private INDArray globalAverage() {
        int maps = Math.toIntExact(x.size(0) * x.size(1));
        int spatial = Math.toIntExact(x.size(2) * x.size(3));
        INDArray out = output.of(x.dataType(), new long[] {x.size(0), x.size(1)});
        if (HostArrays.floats(x.dataType())) {
            pixelsF = HostArrays.read(x, pixelsF);
            mapsF = HostArrays.sized(mapsF, maps);
            for (int m = 0; m < maps; m++) {
                double sum = 0;
                for (int i = m * spatial; i < (m + 1) * spatial; i++) {
                    sum += pixelsF[i];
                }
                mapsF[m] = (float) (sum / spatial);
            }
            return HostArrays.write(mapsF, out);
        }
        pixelsD = HostArrays.read(x, pixelsD);
        mapsD = HostArrays.sized(mapsD, maps);
        for (int m = 0; m < maps; m++) {
            double sum = 0;
            for (int i = m * spatial; i < (m + 1) * spatial; i++) {
                sum += pixelsD[i];
            }
            mapsD[m] = sum / spatial;
        }
        return HostArrays.write(mapsD, out);
    }

    /** dL/dx of the global mean: each map's gradient spread evenly over its pixels. */
    private INDArray globalAverageBackward(INDArray gradOutput) {
        int maps = Math.toIntExact(x.size(0) * x.size(1));
        int spatial = Math.toIntExact(x.size(2) * x.size(3));
        INDArray gx = inputGrad.of(x.dataType(), x.shape());
        if (HostArrays.floats(x.dataType())) {
            mapsF = HostArrays.read(gradOutput, mapsF);
            pixelsF = HostArrays.sized(pixelsF, maps * spatial);
            for (int m = 0; m < maps; m++) {
                Arrays.fill(pixelsF, m * spatial, (m + 1) * spatial, (float) (mapsF[m] / (double) spatial));
            }
            return HostArrays.write(pixelsF, gx);
        }
        mapsD = HostArrays.read(gradOutput, mapsD);
        pixelsD = HostArrays.sized(pixelsD, maps * spatial);
        for (int m = 0; m < maps; m++) {
            Arrays.fill(pixelsD, m * spatial, (m + 1) * spatial, mapsD[m] / spatial);
        }
        return HostArrays.write(pixelsD, gx);
    }
}

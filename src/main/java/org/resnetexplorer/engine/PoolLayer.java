package org.resnetexplorer.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max or average pooling over square windows of an NHWC batch; global average pooling is a window the size of the
 * image.
 */
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
     * The mean of every channel of every example, on the host: one pass over the tensor (NHWC, so a pixel's
     * channels lie side by side and each channel's sum runs over the pixels in order). libnd4j's avgpool2d and
     * avgpool2d_bp with a window the size of the image took 0.1-0.2 ms a call on the 16 k values that end
     * cifar-resnet-8 (`bench --profile`), the Java passes 13-18 us.
     */
    private INDArray globalAverage() {
        int batch = Math.toIntExact(x.size(0));
        int spatial = Math.toIntExact(x.size(1) * x.size(2));
        int channels = Math.toIntExact(x.size(3));
        INDArray out = output.of(x.dataType(), new long[] {batch, channels});
        double[] sums = new double[channels];
        boolean floats = HostArrays.floats(x.dataType());
        if (floats) {
            pixelsF = HostArrays.read(x, pixelsF);
            mapsF = HostArrays.sized(mapsF, batch * channels);
        } else {
            pixelsD = HostArrays.read(x, pixelsD);
            mapsD = HostArrays.sized(mapsD, batch * channels);
        }
        for (int n = 0; n < batch; n++) {
            Arrays.fill(sums, 0);
            for (int at = n * spatial * channels; at < (n + 1) * spatial * channels; at += channels) {
                for (int c = 0; c < channels; c++) {
                    sums[c] += floats ? pixelsF[at + c] : pixelsD[at + c];
                }
            }
            for (int c = 0; c < channels; c++) {
                if (floats) {
                    mapsF[n * channels + c] = (float) (sums[c] / spatial);
                } else {
                    mapsD[n * channels + c] = sums[c] / spatial;
                }
            }
        }
        return floats ? HostArrays.write(mapsF, out) : HostArrays.write(mapsD, out);
    }

    /** dL/dx of the global mean: each map's gradient spread evenly over its pixels. */
    private INDArray globalAverageBackward(INDArray gradOutput) {
        int batch = Math.toIntExact(x.size(0));
        int spatial = Math.toIntExact(x.size(1) * x.size(2));
        int channels = Math.toIntExact(x.size(3));
        INDArray gx = inputGrad.of(x.dataType(), x.shape());
        if (HostArrays.floats(x.dataType())) {
            mapsF = HostArrays.read(gradOutput, mapsF);
            pixelsF = HostArrays.sized(pixelsF, batch * spatial * channels);
            float[] share = new float[channels];
            for (int n = 0; n < batch; n++) {
                for (int c = 0; c < channels; c++) {
                    share[c] = (float) (mapsF[n * channels + c] / (double) spatial);
                }
                for (int at = n * spatial * channels; at < (n + 1) * spatial * channels; at += channels) {
                    System.arraycopy(share, 0, pixelsF, at, channels);
                }
            }
            return HostArrays.write(pixelsF, gx);
        }
        mapsD = HostArrays.read(gradOutput, mapsD);
        pixelsD = HostArrays.sized(pixelsD, batch * spatial * channels);
        double[] share = new double[channels];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                share[c] = mapsD[n * channels + c] / spatial;
            }
            for (int at = n * spatial * channels; at < (n + 1) * spatial * channels; at += channels) {
                System.arraycopy(share, 0, pixelsD, at, channels);
            }
        }
        return HostArrays.write(pixelsD, gx);
    }
}

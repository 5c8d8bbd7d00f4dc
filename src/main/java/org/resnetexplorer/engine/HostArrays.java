package org.resnetexplorer.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise work on the Java side: bulk copies between ND4J arrays and Java arrays, and the ReLU. For the
 * small tensors of this app a libnd4j call costs more in overhead than a Java loop over a bulk copy: relu and
 * relu_bp took 1.4 and 4.4 ms of a 44 ms CIFAR step; these loops a fifth of that. The mask of the ReLU's
 * backward has no branch: about half the values take each side, and a mispredicted branch per value made the
 * pass four times slower.
 */
final class HostArrays {
    private HostArrays() {
    }

    /** {@code array} as one row-major block (a copy only if it is a view or not in C order). */
    static INDArray contiguous(INDArray array) {
        return array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
    }

    /** Whether a network of this type runs on float arrays here (else double). */
    static boolean floats(DataType type) {
        return type != DataType.DOUBLE;
    }

    /** {@code reuse} if it has {@code length} values, else a new array of that length (its values then 0). */
    static float[] sized(float[] reuse, int length) {
        return reuse.length == length ? reuse : new float[length];
    }

    static double[] sized(double[] reuse, int length) {
        return reuse.length == length ? reuse : new double[length];
    }

    /** The values of a float array, into {@code reuse} when it has the right length. */
    static float[] read(INDArray array, float[] reuse) {
        INDArray plain = contiguous(array);
        int length = (int) plain.length();
        float[] out = sized(reuse, length);
        plain.data().asNioFloat().get(out, 0, length);
        return out;
    }

    static double[] read(INDArray array, double[] reuse) {
        INDArray plain = contiguous(array);
        int length = (int) plain.length();
        double[] out = sized(reuse, length);
        plain.data().asNioDouble().get(out, 0, length);
        return out;
    }

    /**
     * Examples {@code from} to {@code from + size} of {@code features} (row after row, each of {@code exampleShape})
     * as one batch array, in the workspace open on the calling thread.
     */
    static INDArray batch(float[] features, int from, int size, long[] exampleShape) {
        int featureCount = 1;
        for (long d : exampleShape) {
            featureCount = Math.multiplyExact(featureCount, Math.toIntExact(d));
        }
        float[] part = new float[size * featureCount];
        System.arraycopy(features, from * featureCount, part, 0, part.length);
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = size;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        return org.nd4j.linalg.factory.Nd4j.create(part, shape, 'c');
    }

    /** A new array of this shape (in the current workspace, if any) holding {@code values}. */
    static INDArray write(float[] values, long[] shape) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        out.data().asNioFloat().put(values, 0, (int) out.length());
        return out;
    }

    static INDArray write(double[] values, long[] shape) {
        INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, shape, 'c');
        out.data().asNioDouble().put(values, 0, (int) out.length());
        return out;
    }

    /** {@code values} into {@code out} (a plain row-major array of their length), which it returns. */
    static INDArray write(float[] values, INDArray out) {
        out.data().asNioFloat().put(values, 0, (int) out.length());
        return out;
    }

    static INDArray write(double[] values, INDArray out) {
        out.data().asNioDouble().put(values, 0, (int) out.length());
        return out;
    }

    /** out[i] = max(x[i], 0) for i in [from, to); never -0, which {@link #reluMask} relies on. */
    static void relu(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(x[i], 0f);
        }
    }

    static void relu(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Math.max(x[i], 0);
        }
    }

    /** Zeroes g[i] where the ReLU's output y[i] is 0, for i in [from, to). */
    static void reluMask(float[] g, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            int bits = Float.floatToRawIntBits(y[i]);
            // (bits | -bits) >> 31 is all ones for any y other than +0, and 0 for +0
            g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & ((bits | -bits) >> 31));
        }
    }

    static void reluMask(double[] g, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            long bits = Double.doubleToRawLongBits(y[i]);
            g[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i]) & ((bits | -bits) >> 63));
        }
    }
}

package org.resnetexplorer.engine;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * y = x W (+ b) (then the ReLU, if fused) and its gradients computed in Java loops, for the small dense layers of
 * the 2-D networks, where one libnd4j call costs more in overhead (op object, native context, its garbage: about
 * 30 us) than the arithmetic: a [64, 32] x [32, 32] product is 65,536 multiply-adds, 6-15 us here.
 * {@link DenseLayer} uses it for calls of at most {@link #MAX_MULTIPLY_ADDS}; decision 0040 has the measurements.
 *
 * <p>The loops keep one index for both arrays of the inner loop ({@code out[o] += a * row[o]}), rows as arrays
 * of their own: that is the form C2 turns into vector instructions (with flat arrays and two offsets it does
 * not, and runs at a third of the speed). So the weights are copied into rows at each forward, and transposed
 * for dL/dx at each backward (a few microseconds). Every example's output is computed by the same loops whatever
 * the batch, so a network's output for one example does not depend on the batch it is in.
 */
final class HostDense {
    /**
     * The largest batch x inputs x units computed here; larger calls go to libnd4j, whose BLAS product is faster
     * once its fixed cost is paid (measured crossover, decision 0040).
     */
    static final long MAX_MULTIPLY_ADDS = 1L << 18;

    private final INDArray weight;
    private final INDArray bias;
    private final INDArray weightGrad;
    private final INDArray biasGrad;
    private final int in;
    private final int out;
    private final boolean relu;
    private final Rows rows;
    private final ReusedArray output = new ReusedArray();
    private final ReusedArray inputGrad = new ReusedArray();

    HostDense(Parameters.Parameter weight, Parameters.Parameter bias, boolean relu) {
        this.weight = weight.value();
        this.weightGrad = weight.grad();
        this.bias = bias == null ? null : bias.value();
        this.biasGrad = bias == null ? null : bias.grad();
        this.in = (int) this.weight.size(0);
        this.out = (int) this.weight.size(1);
        this.relu = relu;
        this.rows = HostArrays.floats(this.weight.dataType()) ? new FloatRows() : new DoubleRows();
    }

    /** Whether a call with this batch goes here rather than to libnd4j. */
    boolean suits(long batch) {
        return batch * in * out <= MAX_MULTIPLY_ADDS;
    }

    /**
     * The output for x [B, in], in the layer's reused array (valid until its next forward, {@link ReusedArray});
     * keeps x and the output for the backward.
     */
    INDArray forward(INDArray x) {
        return rows.forward(x, (int) x.size(0));
    }

    /** Writes dL/dW and dL/db into the gradient views and returns dL/dx, after {@link #forward} of this step. */
    INDArray backward(INDArray gradOutput) {
        return rows.backward(gradOutput);
    }

    /**
     * acc[j] += sum over k < count of a[from + k stride] v[k][j], for j < n: every product of the layer in this one
     * form. Four rows of v per pass over acc, so the vector loop is long enough to pay for itself with rows of 32
     * (measured: twice as fast as one row per pass).
     */
    static void addProducts(float[] acc, float[] a, int from, int stride, float[][] v, int count, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            int at = from + k * stride;
            float a0 = a[at];
            float a1 = a[at + stride];
            float a2 = a[at + 2 * stride];
            float a3 = a[at + 3 * stride];
            float[] v0 = v[k];
            float[] v1 = v[k + 1];
            float[] v2 = v[k + 2];
            float[] v3 = v[k + 3];
            for (int j = 0; j < n; j++) {
                acc[j] += a0 * v0[j] + a1 * v1[j] + a2 * v2[j] + a3 * v3[j];
            }
        }
        for (; k < count; k++) {
            float ak = a[from + k * stride];
            float[] vk = v[k];
            for (int j = 0; j < n; j++) {
                acc[j] += ak * vk[j];
            }
        }
    }

    static void addProducts(double[] acc, double[] a, int from, int stride, double[][] v, int count, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            int at = from + k * stride;
            double a0 = a[at];
            double a1 = a[at + stride];
            double a2 = a[at + 2 * stride];
            double a3 = a[at + 3 * stride];
            double[] v0 = v[k];
            double[] v1 = v[k + 1];
            double[] v2 = v[k + 2];
            double[] v3 = v[k + 3];
            for (int j = 0; j < n; j++) {
                acc[j] += a0 * v0[j] + a1 * v1[j] + a2 * v2[j] + a3 * v3[j];
            }
        }
        for (; k < count; k++) {
            double ak = a[from + k * stride];
            double[] vk = v[k];
            for (int j = 0; j < n; j++) {
                acc[j] += ak * vk[j];
            }
        }
    }

    /** The loops in one precision. */
    private interface Rows {
        INDArray forward(INDArray x, int batch);

        INDArray backward(INDArray gradOutput);
    }

    private final class FloatRows implements Rows {
        private float[] x = new float[0];
        private float[][] w = new float[0][];
        private float[] b = new float[0];
        private float[][] bRows = new float[0][];
        private float[][] y = new float[0][];
        private float[][] g = new float[0][];
        private float[][] wt = new float[0][];
        private float[][] gx = new float[0][];
        private float[] gw = new float[0];
        private final float[] gb = new float[out];
        private final float[] gwRow = new float[out];
        private int batch;

        @Override
        public INDArray forward(INDArray input, int batch) {
            this.batch = batch;
            x = HostArrays.read(input, x);
            w = rowsOf(weight, w, in, out);
            if (bias != null) {
                bRows = rowsOf(bias, bRows, 1, out);
                b = bRows[0];
            } else if (b.length != out) {
                b = new float[out]; // no bias: zeros
            }
            y = matrix(y, batch, out);
            for (int r = 0; r < batch; r++) {
                float[] yr = y[r];
                System.arraycopy(b, 0, yr, 0, out);
                addProducts(yr, x, r * in, 1, w, in, out);
                if (relu) {
                    HostArrays.relu(yr, yr, 0, out);
                }
            }
            return write(y, output, batch, out);
        }

        @Override
        public INDArray backward(INDArray gradOutput) {
            FloatBuffer flat = HostArrays.contiguous(gradOutput).data().asNioFloat();
            g = matrix(g, batch, out);
            for (int r = 0; r < batch; r++) {
                flat.get(r * out, g[r], 0, out);
                if (relu) {
                    HostArrays.reluMask(g[r], y[r], 0, out);
                }
            }
            if (biasGrad != null) {
                java.util.Arrays.fill(gb, 0f);
                for (int r = 0; r < batch; r++) {
                    float[] gr = g[r];
                    for (int o = 0; o < out; o++) {
                        gb[o] += gr[o];
                    }
                }
                biasGrad.data().asNioFloat().put((int) biasGrad.offset(), gb, 0, out);
            }
            // dL/dW = x^T g, row i of it accumulated as sum over examples of x[r][i] g[r]
            gw = HostArrays.sized(gw, in * out);
            for (int i = 0; i < in; i++) {
                java.util.Arrays.fill(gwRow, 0f);
                addProducts(gwRow, x, i, in, g, batch, out);
                System.arraycopy(gwRow, 0, gw, i * out, out);
            }
            weightGrad.data().asNioFloat().put((int) weightGrad.offset(), gw, 0, gw.length);
            // dL/dx = g W^T, row r of it accumulated as sum over units of g[r][o] (row o of W^T)
            wt = matrix(wt, out, in);
            for (int i = 0; i < in; i++) {
                float[] wr = w[i];
                for (int o = 0; o < out; o++) {
                    wt[o][i] = wr[o];
                }
            }
            gx = matrix(gx, batch, in);
            for (int r = 0; r < batch; r++) {
                float[] gxr = gx[r];
                java.util.Arrays.fill(gxr, 0f);
                addProducts(gxr, g[r], 0, 1, wt, out, in);
            }
            return write(gx, inputGrad, batch, in);
        }

        private float[][] rowsOf(INDArray matrix, float[][] reuse, int rowCount, int length) {
            float[][] m = matrix(reuse, rowCount, length);
            FloatBuffer flat = matrix.data().asNioFloat();
            int offset = (int) matrix.offset();
            for (int i = 0; i < rowCount; i++) {
                flat.get(offset + i * length, m[i], 0, length);
            }
            return m;
        }

        private float[][] matrix(float[][] reuse, int rowCount, int length) {
            if (reuse.length >= rowCount && (rowCount == 0 || reuse[0].length == length)) {
                return reuse;
            }
            return new float[rowCount][length];
        }

        private INDArray write(float[][] values, ReusedArray into, int rowCount, int length) {
            INDArray array = into.of(DataType.FLOAT, rowCount, length);
            FloatBuffer flat = array.data().asNioFloat();
            for (int r = 0; r < rowCount; r++) {
                flat.put(r * length, values[r], 0, length);
            }
            return array;
        }
    }

    private final class DoubleRows implements Rows {
        private double[] x = new double[0];
        private double[][] w = new double[0][];
        private double[] b = new double[0];
        private double[][] bRows = new double[0][];
        private double[][] y = new double[0][];
        private double[][] g = new double[0][];
        private double[][] wt = new double[0][];
        private double[][] gx = new double[0][];
        private double[] gw = new double[0];
        private final double[] gb = new double[out];
        private final double[] gwRow = new double[out];
        private int batch;

        @Override
        public INDArray forward(INDArray input, int batch) {
            this.batch = batch;
            x = HostArrays.read(input, x);
            w = rowsOf(weight, w, in, out);
            if (bias != null) {
                bRows = rowsOf(bias, bRows, 1, out);
                b = bRows[0];
            } else if (b.length != out) {
                b = new double[out]; // no bias: zeros
            }
            y = matrix(y, batch, out);
            for (int r = 0; r < batch; r++) {
                double[] yr = y[r];
                System.arraycopy(b, 0, yr, 0, out);
                addProducts(yr, x, r * in, 1, w, in, out);
                if (relu) {
                    HostArrays.relu(yr, yr, 0, out);
                }
            }
            return write(y, output, batch, out);
        }

        @Override
        public INDArray backward(INDArray gradOutput) {
            DoubleBuffer flat = HostArrays.contiguous(gradOutput).data().asNioDouble();
            g = matrix(g, batch, out);
            for (int r = 0; r < batch; r++) {
                flat.get(r * out, g[r], 0, out);
                if (relu) {
                    HostArrays.reluMask(g[r], y[r], 0, out);
                }
            }
            if (biasGrad != null) {
                java.util.Arrays.fill(gb, 0);
                for (int r = 0; r < batch; r++) {
                    double[] gr = g[r];
                    for (int o = 0; o < out; o++) {
                        gb[o] += gr[o];
                    }
                }
                biasGrad.data().asNioDouble().put((int) biasGrad.offset(), gb, 0, out);
            }
            gw = HostArrays.sized(gw, in * out);
            for (int i = 0; i < in; i++) {
                java.util.Arrays.fill(gwRow, 0);
                addProducts(gwRow, x, i, in, g, batch, out);
                System.arraycopy(gwRow, 0, gw, i * out, out);
            }
            weightGrad.data().asNioDouble().put((int) weightGrad.offset(), gw, 0, gw.length);
            wt = matrix(wt, out, in);
            for (int i = 0; i < in; i++) {
                double[] wr = w[i];
                for (int o = 0; o < out; o++) {
                    wt[o][i] = wr[o];
                }
            }
            gx = matrix(gx, batch, in);
            for (int r = 0; r < batch; r++) {
                double[] gxr = gx[r];
                java.util.Arrays.fill(gxr, 0);
                addProducts(gxr, g[r], 0, 1, wt, out, in);
            }
            return write(gx, inputGrad, batch, in);
        }

        private double[][] rowsOf(INDArray matrix, double[][] reuse, int rowCount, int length) {
            double[][] m = matrix(reuse, rowCount, length);
            DoubleBuffer flat = matrix.data().asNioDouble();
            int offset = (int) matrix.offset();
            for (int i = 0; i < rowCount; i++) {
                flat.get(offset + i * length, m[i], 0, length);
            }
            return m;
        }

        private double[][] matrix(double[][] reuse, int rowCount, int length) {
            if (reuse.length >= rowCount && (rowCount == 0 || reuse[0].length == length)) {
                return reuse;
            }
            return new double[rowCount][length];
        }

        private INDArray write(double[][] values, ReusedArray into, int rowCount, int length) {
            INDArray array = into.of(DataType.DOUBLE, rowCount, length);
            DoubleBuffer flat = array.data().asNioDouble();
            for (int r = 0; r < rowCount; r++) {
                flat.put(r * length, values[r], 0, length);
            }
            return array;
        }
    }
}

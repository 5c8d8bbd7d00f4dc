package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation per channel, the last axis (channels of an NHWC image batch, features of a flat batch:
 * either is a matrix of one row per pixel and one column per channel), optionally followed
 * by a ReLU in the same pass. Training uses the batch's statistics and updates the running ones; evaluation
 * uses the running ones.
 *
 * <p>Computed on the Java side, in two passes over one copy of the tensor each way (per channel the output
 * and the input gradient are affine in x and in the incoming gradient): measured on this project's
 * workloads, libnd4j's {@code batchnorm} and {@code batchnorm_bp} took 0.4 and 1 ms per layer on tensors of
 * 16-65 k values, 44% of a CIFAR step. Float networks run on float arrays (accumulating in double), double
 * networks on double arrays with the same formulas, so the double-precision gradient checks cover the maths.
 *
 * <p>With {@code relu}, the layer also applies the ReLU that is its only consumer (the network then passes
 * the ReLU's input on unchanged), saving the two libnd4j calls of the ReLU; the normalised output before the
 * ReLU, which the paper's Fig. 7 measures, stays available through {@link #preActivation()}.
 */
final class BatchNormLayer extends Layer {
    private static final int LANES = 8;
    private final Parameters.Parameter gamma;
    private final Parameters.Parameter beta;
    private final double epsilon;
    private final double momentum;
    private final boolean relu;
    private final int channels;
    private final double[] runningMean;
    private final double[] runningVar;
    /** Per channel, for the current step: mean, 1/std, gamma, and the forward's y = scale x + shift. */
    private final double[] mean;
    private final double[] invStd;
    private final double[] gammaValues;
    private final ReusedArray output = new ReusedArray();
    private final ReusedArray inputGrad = new ReusedArray();
    private final double[] scale;
    private final double[] shift;
    /** Per-channel factors repeated at every pixel ({@link #tiled}), reused. */
    private float[] tileA = new float[0];
    private float[] tileB = new float[0];
    private float[] tileC = new float[0];
    /** The two sums {@link #laneSums} returns (one array per layer: no garbage per call). */
    private final double[] laneResult = new double[2];
    private long[] shape;
    private DataType type;
    /** Whether the last forward normalised with the batch's statistics (else with the running ones). */
    private boolean training;
    private int batch;
    private int spatial;
    /** The input x, the output before the ReLU, the output after it, and the gradient: float or double. */
    private float[] xf = new float[0];
    private float[] yf = new float[0];
    private float[] of = new float[0];
    private float[] gf = new float[0];
    private double[] xd = new double[0];
    private double[] yd = new double[0];
    private double[] od = new double[0];
    private double[] gd = new double[0];

    BatchNormLayer(String name, Parameters.Parameter gamma, Parameters.Parameter beta, double epsilon, double momentum) {
        this(name, gamma, beta, epsilon, momentum, false);
    }

    BatchNormLayer(String name, Parameters.Parameter gamma, Parameters.Parameter beta, double epsilon, double momentum,
            boolean relu) {
        super(name);
        this.gamma = gamma;
        this.beta = beta;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.relu = relu;
        this.channels = (int) gamma.length();
        runningMean = new double[channels];
        runningVar = new double[channels];
        Arrays.fill(runningVar, 1);
        mean = new double[channels];
        invStd = new double[channels];
        gammaValues = new double[channels];
        scale = new double[channels];
        shift = new double[channels];
    }

    /** The running means, then the running variances: what inference uses, and what a trained state keeps. */
    double[] runningStatistics() {
        double[] both = new double[2 * channels];
        System.arraycopy(runningMean, 0, both, 0, channels);
        System.arraycopy(runningVar, 0, both, channels, channels);
        return both;
    }

    /** Puts back what {@link #runningStatistics()} gave (of a layer with as many channels). */
    void loadRunningStatistics(double[] both) {
        if (both.length != 2 * channels) {
            throw new IllegalArgumentException(name + ": " + both.length / 2 + " channels of statistics for " + channels);
        }
        System.arraycopy(both, 0, runningMean, 0, channels);
        System.arraycopy(both, channels, runningVar, 0, channels);
    }

    /**
     * Makes the running statistics those of the last training pass's batch (its mean and biased variance), so
     * that an inference pass over the same batch computes exactly what that pass computed, each example now on
     * its own instead of through the batch's statistics.
     */
    void keepBatchStatistics() {
        for (int c = 0; c < channels; c++) {
            runningMean[c] = mean[c];
            runningVar[c] = 1 / (invStd[c] * invStd[c]) - epsilon;
        }
    }

    /** Whether this layer also applies the ReLU after it. */
    boolean fusesRelu() {
        return relu;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = HostArrays.contiguous(inputs[0]);
        shape = x.shape();
        type = x.dataType();
        int length = (int) x.length();
        batch = (int) shape[0];
        spatial = length / (batch * channels);
        this.training = training;
        boolean floats = HostArrays.floats(type);
        if (floats) {
            xf = HostArrays.sized(xf, length);
            x.data().asNioFloat().get(xf, 0, length);
        } else {
            xd = HostArrays.sized(xd, length);
            x.data().asNioDouble().get(xd, 0, length);
        }
        if (training) {
            double[] sums = new double[channels];
            double[] squares = new double[channels];
            double[] shifts = new double[channels];
            if (floats) {
                sums(xf, null, shifts, sums, squares);
            } else {
                sums(null, xd, shifts, sums, squares);
            }
            double count = (double) batch * spatial;
            double unbias = count / Math.max(1, count - 1);
            for (int c = 0; c < channels; c++) {
                double m = sums[c] / count;
                double variance = Math.max(0, squares[c] / count - m * m);
                mean[c] = shifts[c] + m;
                invStd[c] = 1 / Math.sqrt(variance + epsilon);
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean[c];
                runningVar[c] = (1 - momentum) * runningVar[c] + momentum * unbias * variance;
            }
        } else {
            for (int c = 0; c < channels; c++) {
                mean[c] = runningMean[c];
                invStd[c] = 1 / Math.sqrt(runningVar[c] + epsilon);
            }
        }
        for (int c = 0; c < channels; c++) {
            gammaValues[c] = gamma.value().getDouble(c);
            scale[c] = gammaValues[c] * invStd[c];
            shift[c] = beta.value().getDouble(c) - mean[c] * scale[c];
        }
        INDArray out = output.of(type, shape);
        if (floats) {
            yf = HostArrays.sized(yf, length);
            of = relu ? HostArrays.sized(of, length) : yf;
            affine(xf, yf, of);
            out.data().asNioFloat().put(of, 0, length);
        } else {
            yd = HostArrays.sized(yd, length);
            od = relu ? HostArrays.sized(od, length) : yd;
            affine(xd, yd, od);
            out.data().asNioDouble().put(od, 0, length);
        }
        return out;
    }

    /**
     * Per channel: the sum and the sum of squares of x - k, with k the channel's first value (shifting keeps
     * the one-pass variance accurate when the mean is large against the spread).
     */
    private void sums(float[] f, double[] d, double[] shifts, double[] sums, double[] squares) {
        for (int c = 0; c < channels; c++) {
            shifts[c] = f != null ? f[c] : d[c];
        }
        if (f != null) {
            laneSums(f, null, asFloats(shifts), sums, squares);
        } else {
            doubleSums(d, null, shifts, sums, squares);
        }
    }

    /** y = scale x + shift per channel, and out = max(y, 0) when the ReLU is fused (else out is y). */
    private void affine(float[] x, float[] y, float[] out) {
        float[] a = tileA = tiled(scale, tileA, x.length);
        float[] b = tileB = tiled(shift, tileB, x.length);
        for (int i = 0; i < x.length; i++) {
            y[i] = a[i] * x[i] + b[i];
        }
        if (relu) {
            HostArrays.relu(y, out, 0, y.length);
        }
    }

    private void affine(double[] x, double[] y, double[] out) {
        for (int at = 0; at < x.length; at += channels) {
            for (int c = 0; c < channels; c++) {
                y[at + c] = scale[c] * x[at + c] + shift[c];
            }
        }
        if (relu) {
            HostArrays.relu(y, out, 0, y.length);
        }
    }

    /**
     * Per-channel values as floats repeated at every pixel, {@code length} values in all (into {@code reuse} if it
     * has that length), by doubling copies. A pass over the channels-last tensor then reads its factors at the
     * index of its values, which the JIT vectorises; measured on 32 x 16 x 16 x 8 values, factors at index mod 8
     * (or a repeating block of them) ran 3-6 times slower than tiling and that pass together.
     */
    private float[] tiled(double[] perChannel, float[] reuse, int length) {
        float[] out = HostArrays.sized(reuse, length);
        for (int c = 0; c < channels; c++) {
            out[c] = (float) perChannel[c];
        }
        for (int done = channels; done < length; done *= 2) {
            System.arraycopy(out, 0, out, done, Math.min(done, length - done));
        }
        return out;
    }

    /**
     * With x-hat = (x - mean) / std and M values per channel,
     * dx = gamma / std / M (M g - sum g - x-hat sum(g x-hat)), which per channel is a g + b x + c;
     * dgamma = sum(g x-hat), dbeta = sum g. Behind a fused ReLU, g is first zeroed where y <= 0. After an
     * inference pass the statistics are constants, and dx = gamma / std g: the gradient of the function each
     * example goes through on its own (what the input gradients of an untrained network measure).
     */
    @Override
    INDArray[] backward(INDArray gradOutput) {
        INDArray grad = HostArrays.contiguous(gradOutput);
        int length = (int) grad.length();
        boolean floats = HostArrays.floats(type);
        double[] sumG = new double[channels];
        double[] sumGx = new double[channels];
        if (floats) {
            gf = HostArrays.sized(gf, length);
            grad.data().asNioFloat().get(gf, 0, length);
            gradientSums(gf, sumG, sumGx);
        } else {
            gd = HostArrays.sized(gd, length);
            grad.data().asNioDouble().get(gd, 0, length);
            gradientSums(gd, sumG, sumGx);
        }
        double count = (double) batch * spatial;
        double[] a = new double[channels];
        double[] b = new double[channels];
        double[] c0 = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sumGxhat = sumGx[c] * invStd[c];
            a[c] = gammaValues[c] * invStd[c];
            if (training) {
                b[c] = -a[c] * invStd[c] * sumGxhat / count;
                c0[c] = -a[c] * sumG[c] / count - b[c] * mean[c];
            }
            gamma.grad().putScalar(c, sumGxhat);
            beta.grad().putScalar(c, sumG[c]);
        }
        INDArray dx = inputGrad.of(type, shape);
        if (floats) {
            float[] fa = tileA = tiled(a, tileA, length);
            float[] fb = tileB = tiled(b, tileB, length);
            float[] fc = tileC = tiled(c0, tileC, length);
            for (int i = 0; i < length; i++) {
                gf[i] = fa[i] * gf[i] + fb[i] * xf[i] + fc[i];
            }
            dx.data().asNioFloat().put(gf, 0, length);
        } else {
            for (int at = 0; at < length; at += channels) {
                for (int c = 0; c < channels; c++) {
                    gd[at + c] = a[c] * gd[at + c] + b[c] * xd[at + c] + c0[c];
                }
            }
            dx.data().asNioDouble().put(gd, 0, length);
        }
        return new INDArray[] {dx};
    }

    /** Per channel sum g and sum g (x - mean), masking g behind a fused ReLU. */
    private void gradientSums(float[] g, double[] sumG, double[] sumGx) {
        if (relu) {
            HostArrays.reluMask(g, of, 0, g.length);
        }
        laneSums(g, xf, asFloats(mean), sumG, sumGx);
    }

    private void gradientSums(double[] g, double[] sumG, double[] sumGx) {
        if (relu) {
            HostArrays.reluMask(g, od, 0, g.length);
        }
        doubleSums(g, xd, mean, sumG, sumGx);
    }

    /**
     * {@link #laneSums(float[], float[], float[], double[], double[])} for a double network (the gradient checks):
     * the same two sums per channel, each example's in one double sum over its pixels in order.
     */
    private void doubleSums(double[] v, double[] x, double[] k, double[] sums, double[] squares) {
        double[] s = new double[channels];
        double[] q = new double[channels];
        for (int n = 0; n < batch; n++) {
            Arrays.fill(s, 0);
            Arrays.fill(q, 0);
            for (int at = n * spatial * channels; at < (n + 1) * spatial * channels; at += channels) {
                for (int c = 0; c < channels; c++) {
                    if (x == null) {
                        double t = v[at + c] - k[c];
                        s[c] += t;
                        q[c] += t * t;
                    } else {
                        s[c] += v[at + c];
                        q[c] += v[at + c] * (x[at + c] - k[c]);
                    }
                }
            }
            for (int c = 0; c < channels; c++) {
                sums[c] += s[c];
                squares[c] += q[c];
            }
        }
    }

    /** Per-channel values as floats, the lanes' shifts. */
    private float[] asFloats(double[] perChannel) {
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = (float) perChannel[c];
        }
        return out;
    }

    /**
     * The normalised output of the last forward before the fused ReLU, in the engine's layout, as a new array in
     * the current workspace.
     */
    INDArray preActivation() {
        INDArray out = Nd4j.createUninitialized(type, shape, 'c');
        int length = (int) out.length();
        if (type != DataType.DOUBLE) {
            out.data().asNioFloat().put(yf, 0, length);
        } else {
            out.data().asNioDouble().put(yd, 0, length);
        }
        return out;
    }

    /**
     * The output of the last forward (before a fused ReLU) as floats in the layer's layout (channels last): for a
     * float network the layer's own array, valid until its next pass, for a double network a copy.
     */
    float[] outputValuesAnyOrder() {
        if (HostArrays.floats(type)) {
            return yf;
        }
        float[] values = new float[yd.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) yd[i];
        }
        return values;
    }

    /**
     * Adds, per channel c and example: with {@code x} null, sum (v - k[c]) and sum (v - k[c])^2; else sum v and
     * sum v (x - k[c]); into {@code sums} and {@code squares}. Each example's sums of a channel run in eight
     * independent float lanes, pixel p in lane p mod 8, added in double at the end: a single chain of additions
     * waits on each one before it (about four cycles a value); the two sums over 65 k values took 52 us that way, 29
     * us in eight lanes (decision 0040). The lanes stay in registers and step over the channels-last values by the
     * channel count: an example's values (8 KB at 8 channels of 16x16) stay in the first-level cache while each of
     * its channels is summed, which measured faster than lanes side by side in memory with the channels as the inner
     * loop. Each lane sums an eighth of an example's pixels (at most a few hundred values), so float keeps about six
     * digits, what a float network's statistics need. The double networks of the gradient checks keep their double
     * loops.
     */
    private void laneSums(float[] v, float[] x, float[] k, double[] sums, double[] squares) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                double[] both = laneSums(v, x, n * spatial * channels + c, spatial, k[c]);
                sums[c] += both[0];
                squares[c] += both[1];
            }
        }
    }

    /** {@link #laneSums(float[], float[], float[], double[], double[])} for one channel of one example. */
    private double[] laneSums(float[] v, float[] x, int first, int count, float k) {
        int step = channels;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        float q0 = 0;
        float q1 = 0;
        float q2 = 0;
        float q3 = 0;
        float q4 = 0;
        float q5 = 0;
        float q6 = 0;
        float q7 = 0;
        int full = count - count % LANES;
        int i = first;
        int end = first + full * step;
        if (x == null) {
            for (; i < end; i += LANES * step) {
                float v0 = v[i] - k;
                float v1 = v[i + step] - k;
                float v2 = v[i + 2 * step] - k;
                float v3 = v[i + 3 * step] - k;
                float v4 = v[i + 4 * step] - k;
                float v5 = v[i + 5 * step] - k;
                float v6 = v[i + 6 * step] - k;
                float v7 = v[i + 7 * step] - k;
                s0 += v0;
                s1 += v1;
                s2 += v2;
                s3 += v3;
                s4 += v4;
                s5 += v5;
                s6 += v6;
                s7 += v7;
                q0 += v0 * v0;
                q1 += v1 * v1;
                q2 += v2 * v2;
                q3 += v3 * v3;
                q4 += v4 * v4;
                q5 += v5 * v5;
                q6 += v6 * v6;
                q7 += v7 * v7;
            }
        } else {
            for (; i < end; i += LANES * step) {
                s0 += v[i];
                s1 += v[i + step];
                s2 += v[i + 2 * step];
                s3 += v[i + 3 * step];
                s4 += v[i + 4 * step];
                s5 += v[i + 5 * step];
                s6 += v[i + 6 * step];
                s7 += v[i + 7 * step];
                q0 += v[i] * (x[i] - k);
                q1 += v[i + step] * (x[i + step] - k);
                q2 += v[i + 2 * step] * (x[i + 2 * step] - k);
                q3 += v[i + 3 * step] * (x[i + 3 * step] - k);
                q4 += v[i + 4 * step] * (x[i + 4 * step] - k);
                q5 += v[i + 5 * step] * (x[i + 5 * step] - k);
                q6 += v[i + 6 * step] * (x[i + 6 * step] - k);
                q7 += v[i + 7 * step] * (x[i + 7 * step] - k);
            }
        }
        double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
        double q = ((double) q0 + q1) + ((double) q2 + q3) + ((double) q4 + q5) + ((double) q6 + q7);
        // the last pixels of an example, in double as before the lanes: a flat batch's examples (one pixel each)
        // therefore sum exactly as they did
        for (int p = full; p < count; p++, i += step) {
            double d = x == null ? (double) v[i] - k : v[i];
            s += d;
            q += x == null ? d * d : v[i] * (x[i] - k);
        }
        laneResult[0] = s;
        laneResult[1] = q;
        return laneResult;
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return List.of(gamma, beta);
    }
}

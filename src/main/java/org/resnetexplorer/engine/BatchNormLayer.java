package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over axis 1 (channels of an image batch, features of a flat batch), optionally followed
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
            shifts[c] = f != null ? f[c * spatial] : d[c * spatial];
        }
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double k = shifts[c];
                double s = 0;
                double q = 0;
                if (f != null) {
                    double[] both = laneSums(f, null, at, at + spatial, (float) k);
                    s = both[0];
                    q = both[1];
                } else {
                    for (int i = at; i < at + spatial; i++) {
                        double v = d[i] - k;
                        s += v;
                        q += v * v;
                    }
                }
                sums[c] += s;
                squares[c] += q;
            }
        }
    }

    /** y = scale x + shift per channel, and out = max(y, 0) when the ReLU is fused (else out is y). */
    private void affine(float[] x, float[] y, float[] out) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                float a = (float) scale[c];
                float b = (float) shift[c];
                for (int i = at; i < at + spatial; i++) {
                    y[i] = a * x[i] + b;
                }
                if (relu) {
                    HostArrays.relu(y, out, at, at + spatial);
                }
            }
        }
    }

    private void affine(double[] x, double[] y, double[] out) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double a = scale[c];
                double b = shift[c];
                for (int i = at; i < at + spatial; i++) {
                    y[i] = a * x[i] + b;
                }
                if (relu) {
                    HostArrays.relu(y, out, at, at + spatial);
                }
            }
        }
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
            for (int n = 0; n < batch; n++) {
                for (int c = 0; c < channels; c++) {
                    int at = (n * channels + c) * spatial;
                    float fa = (float) a[c];
                    float fb = (float) b[c];
                    float fc = (float) c0[c];
                    for (int i = at; i < at + spatial; i++) {
                        gf[i] = fa * gf[i] + fb * xf[i] + fc;
                    }
                }
            }
            dx.data().asNioFloat().put(gf, 0, length);
        } else {
            for (int n = 0; n < batch; n++) {
                for (int c = 0; c < channels; c++) {
                    int at = (n * channels + c) * spatial;
                    for (int i = at; i < at + spatial; i++) {
                        gd[i] = a[c] * gd[i] + b[c] * xd[i] + c0[c];
                    }
                }
            }
            dx.data().asNioDouble().put(gd, 0, length);
        }
        return new INDArray[] {dx};
    }

    /** Per channel sum g and sum g (x - mean), masking g behind a fused ReLU. */
    private void gradientSums(float[] g, double[] sumG, double[] sumGx) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double sg = 0;
                double sgx = 0;
                float m = (float) mean[c];
                if (relu) {
                    HostArrays.reluMask(g, of, at, at + spatial);
                }
                double[] both = laneSums(g, xf, at, at + spatial, m);
                sg = both[0];
                sgx = both[1];
                sumG[c] += sg;
                sumGx[c] += sgx;
            }
        }
    }

    private void gradientSums(double[] g, double[] sumG, double[] sumGx) {
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double sg = 0;
                double sgx = 0;
                double m = mean[c];
                if (relu) {
                    HostArrays.reluMask(g, od, at, at + spatial);
                }
                for (int i = at; i < at + spatial; i++) {
                    double v = g[i];
                    sg += v;
                    sgx += v * (xd[i] - m);
                }
                sumG[c] += sg;
                sumGx[c] += sgx;
            }
        }
    }

    /** The normalised output of the last forward before the fused ReLU, as a new array in the current workspace. */
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
     * The output of the last forward (before a fused ReLU) as floats: for a float network the layer's own array,
     * valid until its next pass, for a double network a copy.
     */
    float[] outputValues() {
        if (HostArrays.floats(type)) {
            return yf;
        }
        float[] out = new float[yd.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) yd[i];
        }
        return out;
    }

    /**
     * Over [from, to): with {@code x} null, sum (v - k) and sum (v - k)^2; else sum v and sum v (x - k). Eight
     * independent float sums that the loop advances together, added in double at the end: a single chain of
     * additions waits on each one before it (about four cycles a value); the two sums over 65 k values took 52 us
     * that way, 29 us in eight lanes (decision 0040). Each lane sums an eighth of a segment (at most a few hundred
     * values), so float keeps about six digits, what a float network's statistics need. The double networks of the
     * gradient checks keep their double loops.
     */
    private double[] laneSums(float[] v, float[] x, int from, int to, float k) {
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
        int i = from;
        if (x == null) {
            for (; i + 7 < to; i += 8) {
                float v0 = v[i] - k;
                float v1 = v[i + 1] - k;
                float v2 = v[i + 2] - k;
                float v3 = v[i + 3] - k;
                float v4 = v[i + 4] - k;
                float v5 = v[i + 5] - k;
                float v6 = v[i + 6] - k;
                float v7 = v[i + 7] - k;
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
            for (; i + 7 < to; i += 8) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
                s4 += v[i + 4];
                s5 += v[i + 5];
                s6 += v[i + 6];
                s7 += v[i + 7];
                q0 += v[i] * (x[i] - k);
                q1 += v[i + 1] * (x[i + 1] - k);
                q2 += v[i + 2] * (x[i + 2] - k);
                q3 += v[i + 3] * (x[i + 3] - k);
                q4 += v[i + 4] * (x[i + 4] - k);
                q5 += v[i + 5] * (x[i + 5] - k);
                q6 += v[i + 6] * (x[i + 6] - k);
                q7 += v[i + 7] * (x[i + 7] - k);
            }
        }
        double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
        double q = ((double) q0 + q1) + ((double) q2 + q3) + ((double) q4 + q5) + ((double) q6 + q7);
        // the last values of a segment, in double as before the lanes: a flat batch's segments (one value each)
        // therefore sum exactly as they did
        for (; i < to; i++) {
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

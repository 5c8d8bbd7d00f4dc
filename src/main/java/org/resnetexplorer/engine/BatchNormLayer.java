package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over axis 1 (channels of an image batch, features of a flat batch). Training uses the
 * batch's statistics and updates the running ones; evaluation uses the running ones.
 *
 * <p>Computed on the Java side, over one copy of the tensor each way: measured on this project's workloads,
 * libnd4j's {@code batchnorm} and {@code batchnorm_bp} took 0.4 and 1 ms per layer on tensors of 16-65 k values,
 * 44% of a CIFAR step, where two passes of a Java loop take a tenth of that. The same code serves float and
 * double networks, so the double-precision gradient checks cover it.
 */
final class BatchNormLayer extends Layer {
    private final Parameters.Parameter gamma;
    private final Parameters.Parameter beta;
    private final double epsilon;
    private final double momentum;
    private final int channels;
    private final double[] runningMean;
    private final double[] runningVar;
    private final double[] mean;
    private final double[] invStd;
    private final double[] gammaValues;
    private long[] shape;
    private int spatial;
    /** The normalised input of the last training pass, x-hat, which the backward reuses. */
    private double[] normalised = new double[0];
    private double[] values = new double[0];
    private double[] output = new double[0];
    private double[] gradient = new double[0];
    private float[] scratch = new float[0];

    BatchNormLayer(String name, Parameters.Parameter gamma, Parameters.Parameter beta, double epsilon, double momentum) {
        super(name);
        this.gamma = gamma;
        this.beta = beta;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.channels = (int) gamma.length();
        runningMean = new double[channels];
        runningVar = new double[channels];
        Arrays.fill(runningVar, 1);
        mean = new double[channels];
        invStd = new double[channels];
        gammaValues = new double[channels];
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        shape = x.shape();
        int length = (int) x.length();
        spatial = length / ((int) shape[0] * channels);
        values = read(x, values);
        double[] g = gammaValues;
        double[] b = new double[channels];
        for (int c = 0; c < channels; c++) {
            g[c] = gamma.value().getDouble(c);
            b[c] = beta.value().getDouble(c);
        }
        if (output.length != length) {
            output = new double[length];
        }
        double[] out = output;
        if (!training) {
            for (int c = 0; c < channels; c++) {
                mean[c] = runningMean[c];
                invStd[c] = 1 / Math.sqrt(runningVar[c] + epsilon);
            }
            normalise(values, out, g, b, null);
            return write(out, x.dataType());
        }
        statistics(values);
        if (normalised.length != length) {
            normalised = new double[length];
        }
        normalise(values, out, g, b, normalised);
        return write(out, x.dataType());
    }

    /** Batch mean and biased variance per channel (two passes, for accuracy), and the running statistics. */
    private void statistics(double[] x) {
        int batch = (int) shape[0];
        double count = (double) batch * spatial;
        Arrays.fill(mean, 0);
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double sum = 0;
                for (int s = 0; s < spatial; s++) {
                    sum += x[at + s];
                }
                mean[c] += sum;
            }
        }
        double[] variance = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double m = mean[c];
                double sum = 0;
                for (int s = 0; s < spatial; s++) {
                    double d = x[at + s] - m;
                    sum += d * d;
                }
                variance[c] += sum;
            }
        }
        double unbias = count / Math.max(1, count - 1);
        for (int c = 0; c < channels; c++) {
            variance[c] /= count;
            invStd[c] = 1 / Math.sqrt(variance[c] + epsilon);
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean[c];
            runningVar[c] = (1 - momentum) * runningVar[c] + momentum * unbias * variance[c];
        }
    }

    /** out = gamma x-hat + beta, with x-hat = (x - mean) / std; keeps x-hat when {@code keep} is given. */
    private void normalise(double[] x, double[] out, double[] g, double[] b, double[] keep) {
        int batch = (int) shape[0];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double m = mean[c];
                double inv = invStd[c];
                for (int s = 0; s < spatial; s++) {
                    double xhat = (x[at + s] - m) * inv;
                    if (keep != null) {
                        keep[at + s] = xhat;
                    }
                    out[at + s] = g[c] * xhat + b[c];
                }
            }
        }
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        double[] g = read(gradOutput, values);
        values = g;
        if (gradient.length != g.length) {
            gradient = new double[g.length];
        }
        int batch = (int) shape[0];
        double count = (double) batch * spatial;
        double[] sumG = new double[channels];
        double[] sumGx = new double[channels];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double sg = 0;
                double sgx = 0;
                for (int s = 0; s < spatial; s++) {
                    sg += g[at + s];
                    sgx += g[at + s] * normalised[at + s];
                }
                sumG[c] += sg;
                sumGx[c] += sgx;
            }
        }
        // dx = gamma / std / M * (M g - sum g - x-hat sum(g x-hat))
        double[] dx = gradient;
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * spatial;
                double scale = gammaValues[c] * invStd[c] / count;
                for (int s = 0; s < spatial; s++) {
                    dx[at + s] = scale * (count * g[at + s] - sumG[c] - normalised[at + s] * sumGx[c]);
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            gamma.grad().putScalar(c, sumGx[c]);
            beta.grad().putScalar(c, sumG[c]);
        }
        return new INDArray[] {write(dx, gradOutput.dataType())};
    }

    /** The values of {@code array} in row-major order, into {@code reuse} when it has the right length. */
    private double[] read(INDArray array, double[] reuse) {
        INDArray plain = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
        int length = (int) plain.length();
        double[] out = reuse.length == length ? reuse : new double[length];
        if (plain.dataType() == DataType.DOUBLE) {
            plain.data().asNioDouble().get(out, 0, length);
        } else {
            float[] floats = floats(length);
            plain.data().asNioFloat().get(floats, 0, length);
            for (int i = 0; i < length; i++) {
                out[i] = floats[i];
            }
        }
        return out;
    }

    /** A new array of the layer's shape holding {@code values}, in the step's workspace. */
    private INDArray write(double[] values, DataType type) {
        INDArray out = Nd4j.createUninitialized(type, shape, 'c');
        if (type == DataType.DOUBLE) {
            out.data().asNioDouble().put(values, 0, values.length);
        } else {
            float[] floats = floats(values.length);
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            out.data().asNioFloat().put(floats, 0, values.length);
        }
        return out;
    }

    /** A float scratch array of at least {@code length}, reused from step to step. */
    private float[] floats(int length) {
        if (scratch.length < length) {
            scratch = new float[length];
        }
        return scratch;
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return List.of(gamma, beta);
    }
}

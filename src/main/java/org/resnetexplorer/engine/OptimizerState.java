package org.resnetexplorer.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimiser's memory (momentum, or Adam's two moments) over the flat parameter buffer, and the update.
 *
 * <p>The update is one pass of Java loops over host copies of the values and gradients (the moments live on the
 * host): the five native calls it took before cost about 100 us a step on a CIFAR-style net of 20 k parameters,
 * mostly the calls themselves; the pass takes a fraction of that, and of the step's garbage (decision 0040).
 * Float networks update in float, as the native calls did; double networks in double.
 */
final class OptimizerState {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    /**
     * OpenBLAS's float axpy on this project's machines fuses the multiply-add in blocks of 32 values and rounds the
     * rest twice: found by comparing the two paths bit for bit on parameter counts of every remainder (decision 0040).
     */
    private static final int AXPY_BLOCK = 32;

    private final Optimizer optimizer;
    private final double momentum;
    private final int count;
    private final boolean floats;
    /** The weight decay where it applies (conv and dense weights), 0 elsewhere. */
    private final float[] decayF;
    private final double[] decayD;
    /** Momentum (SGD) or Adam's first moment, and Adam's second. */
    private final float[] firstF;
    private final float[] secondF;
    private final double[] firstD;
    private final double[] secondD;
    /** Host copies of the values and gradients of the current update. */
    private float[] valuesF = new float[0];
    private float[] gradsF = new float[0];
    private double[] valuesD = new double[0];
    private double[] gradsD = new double[0];
    private int updates;

    OptimizerState(Parameters parameters, Optimizer optimizer, double momentum, double weightDecay) {
        this.optimizer = optimizer;
        this.momentum = momentum;
        INDArray values = parameters.values();
        this.count = Math.toIntExact(values.length());
        this.floats = HostArrays.floats(values.dataType());
        double[] decay = new double[count];
        for (Parameters.Parameter p : parameters.all()) {
            if (p.decays()) {
                Arrays.fill(decay, Math.toIntExact(p.offset()), Math.toIntExact(p.offset() + p.length()), weightDecay);
            }
        }
        boolean adam = optimizer == Optimizer.ADAM;
        if (floats) {
            decayF = new float[count];
            for (int i = 0; i < count; i++) {
                decayF[i] = (float) decay[i];
            }
            decayD = null;
            firstF = new float[count];
            secondF = adam ? new float[count] : null;
            firstD = null;
            secondD = null;
        } else {
            decayD = decay;
            decayF = null;
            firstD = new double[count];
            secondD = adam ? new double[count] : null;
            firstF = null;
            secondF = null;
        }
    }

    /** One step of size {@code rate} on {@code values} along {@code grads} (which it leaves as they are). */
    void update(INDArray values, INDArray grads, double rate) {
        updates++;
        double correctedRate = rate * Math.sqrt(1 - Math.pow(BETA2, updates)) / (1 - Math.pow(BETA1, updates));
        if (floats) {
            valuesF = HostArrays.read(values, valuesF);
            gradsF = HostArrays.read(grads, gradsF);
            if (optimizer == Optimizer.SGD) {
                sgd(valuesF, gradsF, (float) momentum, (float) rate);
            } else {
                adam(valuesF, gradsF, (float) correctedRate);
            }
            HostArrays.write(valuesF, values);
        } else {
            valuesD = HostArrays.read(values, valuesD);
            gradsD = HostArrays.read(grads, gradsD);
            if (optimizer == Optimizer.SGD) {
                sgd(valuesD, gradsD, momentum, rate);
            } else {
                adam(valuesD, gradsD, correctedRate);
            }
            HostArrays.write(valuesD, values);
        }
    }

    /**
     * g += decay w; v = momentum v + g; w -= rate v (PyTorch's SGD). The last step is a fused multiply-add, as in
     * the BLAS axpy that did it before, so a float network trains to the same bits as it did with the native calls
     * (the bundled presets' figures depend on them).
     */
    private void sgd(float[] w, float[] g, float m, float rate) {
        float[] v = firstF;
        int fused = count - count % AXPY_BLOCK;
        for (int i = 0; i < count; i++) {
            float gi = g[i] + w[i] * decayF[i];
            v[i] = v[i] * m + gi;
            w[i] = i < fused ? Math.fma(-rate, v[i], w[i]) : w[i] + -rate * v[i];
        }
    }

    private void sgd(double[] w, double[] g, double m, double rate) {
        double[] v = firstD;
        for (int i = 0; i < count; i++) {
            double gi = g[i] + w[i] * decayD[i];
            v[i] = v[i] * m + gi;
            w[i] -= rate * v[i];
        }
    }

    /** Adam with bias correction folded into the rate, epsilon added to the root of the second moment. */
    private void adam(float[] w, float[] g, float rate) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float c1 = (float) (1 - BETA1);
        float c2 = (float) (1 - BETA2);
        float eps = (float) ADAM_EPSILON;
        for (int i = 0; i < count; i++) {
            float gi = g[i] + w[i] * decayF[i];
            firstF[i] = firstF[i] * b1 + gi * c1;
            secondF[i] = secondF[i] * b2 + gi * gi * c2;
            w[i] -= firstF[i] / ((float) Math.sqrt(secondF[i]) + eps) * rate;
        }
    }

    private void adam(double[] w, double[] g, double rate) {
        for (int i = 0; i < count; i++) {
            double gi = g[i] + w[i] * decayD[i];
            firstD[i] = firstD[i] * BETA1 + gi * (1 - BETA1);
            secondD[i] = secondD[i] * BETA2 + gi * gi * (1 - BETA2);
            w[i] -= firstD[i] / (Math.sqrt(secondD[i]) + ADAM_EPSILON) * rate;
        }
    }
}

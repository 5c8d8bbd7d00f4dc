package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The optimiser's memory (momentum, or Adam's two moments) over the flat parameter buffer, and the update.
 * Working on the whole buffer at once keeps the update to a handful of native calls, whatever the depth.
 */
final class OptimizerState {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final Optimizer optimizer;
    private final double momentum;
    private final double weightDecay;
    /** The weight decay where it applies (conv and dense weights), 0 elsewhere. */
    private final INDArray decayMask;
    private final INDArray first;
    private final INDArray second;
    private int updates;

    OptimizerState(Parameters parameters, Optimizer optimizer, double momentum, double weightDecay) {
        this.optimizer = optimizer;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        INDArray values = parameters.values();
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            decayMask = Nd4j.zeros(values.dataType(), values.length());
            for (Parameters.Parameter p : parameters.all()) {
                if (p.decays()) {
                    decayMask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(p.offset(), p.offset() + p.length()))
                            .assign(weightDecay);
                }
            }
            first = Nd4j.zeros(values.dataType(), values.length());
            second = optimizer == Optimizer.ADAM ? Nd4j.zeros(values.dataType(), values.length()) : null;
        }
    }

    /** One step of size {@code rate} on {@code values} along {@code grads} (which it may change). */
    void update(INDArray values, INDArray grads, double rate) {
        updates++;
        if (weightDecay > 0) {
            grads.addi(values.mul(decayMask));
        }
        if (optimizer == Optimizer.SGD) {
            // v = momentum v + g; w -= rate v (PyTorch's SGD): three native calls, the last a BLAS axpy
            first.muli(momentum).addi(grads);
            Nd4j.getBlasWrapper().level1().axpy(values.length(), -rate, first, values);
            return;
        }
        first.muli(BETA1).addi(grads.mul(1 - BETA1));
        second.muli(BETA2).addi(grads.mul(grads).muli(1 - BETA2));
        double correctedRate = rate * Math.sqrt(1 - Math.pow(BETA2, updates)) / (1 - Math.pow(BETA1, updates));
        values.subi(first.div(Transforms.sqrt(second, true).addi(ADAM_EPSILON)).muli(correctedRate));
    }
}

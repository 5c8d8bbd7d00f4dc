package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over axis 1 (channels of an image batch, features of a flat batch). Training uses the
 * batch's statistics and updates the running ones; evaluation uses the running ones.
 */
final class BatchNormLayer extends Layer {
    private final Parameters.Parameter gamma;
    private final Parameters.Parameter beta;
    private final double epsilon;
    private final double momentum;
    private final INDArray runningMean;
    private final INDArray runningVar;
    private INDArray x;
    private INDArray mean;
    private INDArray var;

    BatchNormLayer(String name, Parameters.Parameter gamma, Parameters.Parameter beta, double epsilon, double momentum) {
        super(name);
        this.gamma = gamma;
        this.beta = beta;
        this.epsilon = epsilon;
        this.momentum = momentum;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            runningMean = Nd4j.zeros(gamma.value().dataType(), gamma.length());
            runningVar = Nd4j.ones(gamma.value().dataType(), gamma.length());
        }
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        if (!training) {
            return Kernels.batchNorm(x, runningMean, runningVar, gamma.value(), beta.value(), epsilon);
        }
        int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        mean = x.mean(axes);
        var = x.var(false, axes);
        long n = x.length() / gamma.length();
        runningMean.muli(1 - momentum).addi(mean.mul(momentum));
        runningVar.muli(1 - momentum).addi(var.mul(momentum * n / Math.max(1, n - 1)));
        return Kernels.batchNorm(x, mean, var, gamma.value(), beta.value(), epsilon);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        return new INDArray[] {Kernels.batchNormBackward(x, mean, var, gamma.value(), beta.value(), gradOutput, epsilon,
                gamma.grad(), beta.grad())};
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return List.of(gamma, beta);
    }
}

package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation over axis 1 (channels of an image batch, features of a flat batch). Training uses the
 * batch's statistics (one {@code moments} op) and updates the running ones; evaluation uses the running ones.
 *
 * <p>The running statistics are a few dozen numbers: they are updated on the Java side (the batch statistics
 * read back once) and copied to native arrays only when an evaluation needs them, which saves six native calls
 * per layer and step.
 */
final class BatchNormLayer extends Layer {
    private final Parameters.Parameter gamma;
    private final Parameters.Parameter beta;
    private final double epsilon;
    private final double momentum;
    private final double[] runningMean;
    private final double[] runningVar;
    private final INDArray runningMeanArray;
    private final INDArray runningVarArray;
    private boolean runningStale;
    private INDArray x;
    private INDArray mean;
    private INDArray var;

    BatchNormLayer(String name, Parameters.Parameter gamma, Parameters.Parameter beta, double epsilon, double momentum) {
        super(name);
        this.gamma = gamma;
        this.beta = beta;
        this.epsilon = epsilon;
        this.momentum = momentum;
        int channels = (int) gamma.length();
        runningMean = new double[channels];
        runningVar = new double[channels];
        java.util.Arrays.fill(runningVar, 1);
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            runningMeanArray = Nd4j.zeros(gamma.value().dataType(), channels);
            runningVarArray = Nd4j.ones(gamma.value().dataType(), channels);
        }
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        if (!training) {
            if (runningStale) {
                for (int c = 0; c < runningMean.length; c++) {
                    runningMeanArray.putScalar(c, runningMean[c]);
                    runningVarArray.putScalar(c, runningVar[c]);
                }
                runningStale = false;
            }
            return Kernels.batchNorm(x, runningMeanArray, runningVarArray, gamma.value(), beta.value(), epsilon);
        }
        int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        mean = Nd4j.createUninitialized(x.dataType(), gamma.length());
        var = Nd4j.createUninitialized(x.dataType(), gamma.length());
        Kernels.moments(x, axes, mean, var);
        double[] batchMean = mean.data().asDouble();
        double[] batchVar = var.data().asDouble();
        long n = x.length() / gamma.length();
        double unbias = (double) n / Math.max(1, n - 1);
        for (int c = 0; c < runningMean.length; c++) {
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * batchMean[c];
            runningVar[c] = (1 - momentum) * runningVar[c] + momentum * unbias * batchVar[c];
        }
        runningStale = true;
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

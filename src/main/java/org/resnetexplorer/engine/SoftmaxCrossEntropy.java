package org.resnetexplorer.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss of the Output layer: mean over the batch of -log softmax(z)[label], with its gradient
 * dL/dz = (softmax(z) - onehot(label)) / B and the number of wrong predictions (argmax != label).
 *
 * <p>The logits are a few hundred numbers, so this runs on the Java side: one copy out, one copy of the gradient
 * back, instead of a dozen native calls (each costs tens of microseconds, more than the arithmetic).
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** Loss, gradient with respect to the logits, and errors of one batch. */
    record Result(double loss, INDArray gradLogits, int errors) {
    }

    static Result of(INDArray logits, int[] labels) {
        int batch = labels.length;
        int classes = (int) logits.size(1);
        INDArray dense = logits.ordering() == 'c' && !logits.isView() && logits.data().length() == logits.length()
                ? logits : logits.dup('c');
        double[] z = dense.data().asDouble();
        double[] grad = new double[batch * classes];
        double loss = 0;
        int wrong = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            int best = 0;
            double max = z[row];
            for (int k = 1; k < classes; k++) {
                if (z[row + k] > max) {
                    max = z[row + k];
                    best = k;
                }
            }
            if (best != labels[i]) {
                wrong++;
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(z[row + k] - max);
            }
            double logSum = max + Math.log(sum);
            loss -= z[row + labels[i]] - logSum;
            for (int k = 0; k < classes; k++) {
                grad[row + k] = (Math.exp(z[row + k] - logSum) - (k == labels[i] ? 1 : 0)) / batch;
            }
        }
        long[] shape = {batch, classes};
        INDArray gradLogits;
        if (logits.dataType() == DataType.DOUBLE) {
            gradLogits = Nd4j.create(grad, shape, 'c');
        } else {
            float[] values = new float[grad.length];
            for (int i = 0; i < grad.length; i++) {
                values[i] = (float) grad[i];
            }
            gradLogits = Nd4j.create(values, shape, 'c');
        }
        return new Result(loss / batch, gradLogits, wrong);
    }

    /** How many rows of {@code logits} do not have their largest value at the label. */
    static int errors(INDArray logits, int[] labels) {
        int[] predicted = logits.argMax(1).toIntVector();
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] != labels[i]) {
                wrong++;
            }
        }
        return wrong;
    }
}

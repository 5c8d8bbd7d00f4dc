package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The loss of the Output layer: mean over the batch of -log softmax(z)[label], with its gradient
 * dL/dz = (softmax(z) - onehot(label)) / B and the number of wrong predictions (argmax != label).
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** Loss, gradient with respect to the logits, and errors of one batch. */
    record Result(double loss, INDArray gradLogits, int errors) {
    }

    static Result of(INDArray logits, int[] labels) {
        int batch = labels.length;
        INDArray onehot = oneHot(labels, (int) logits.size(1), logits);
        INDArray logProbabilities = Kernels.logSoftmax(logits);
        double loss = -onehot.mul(logProbabilities).sumNumber().doubleValue() / batch;
        INDArray grad = Transforms.exp(logProbabilities, true).subi(onehot).divi(batch);
        return new Result(loss, grad, errors(logits, labels));
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

    private static INDArray oneHot(int[] labels, int classes, INDArray like) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1;
        }
        return Nd4j.create(values, new long[] {labels.length, classes}, 'c').castTo(like.dataType());
    }
}

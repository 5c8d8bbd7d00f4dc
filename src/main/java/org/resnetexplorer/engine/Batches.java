package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.Examples;

/**
 * Mini-batches drawn without replacement from a seeded shuffle of the examples, reshuffled every epoch, so
 * the same seed gives the same sequence of batches.
 */
final class Batches {
    private final Examples examples;
    private final Random random;
    private final int[] order;
    private final long[] exampleShape;
    private int next;

    Batches(Examples examples, long seed) {
        this.examples = examples;
        this.random = new Random(seed);
        this.order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Integer> dims = examples.shape().dims();
        this.exampleShape = dims.stream().mapToLong(Integer::longValue).toArray();
        shuffle();
    }

    /** The labels and features of the next {@code size} examples (features as an INDArray of the type). */
    record Batch(INDArray features, int[] labels) {
    }

    Batch next(int size, DataType type) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            if (next == order.length) {
                shuffle();
            }
            indices[i] = order[next++];
        }
        return of(examples, indices, exampleShape, type);
    }

    /** A batch of the given examples, in order. */
    static Batch of(Examples examples, int[] indices, long[] exampleShape, DataType type) {
        int width = examples.featureCount();
        float[] features = new float[indices.length * width];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(examples.features(), indices[i] * width, features, i * width, width);
            labels[i] = examples.labels()[indices[i]];
        }
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        INDArray array = Nd4j.create(features, shape, 'c');
        return new Batch(type == DataType.FLOAT ? array : array.castTo(type), labels);
    }

    /**
     * How many of the given examples the network gets wrong in inference mode (BatchNorm's running statistics, no
     * dropout), {@code size} examples at a time, each part in the step workspace from its start: the test error's
     * count, for the trainer and the lesion study alike.
     */
    static int errors(CompiledNetwork compiled, Examples examples, int[] indices, int size) {
        long[] exampleShape = examples.shape().dims().stream().mapToLong(Integer::longValue).toArray();
        int errors = 0;
        for (int from = 0; from < indices.length; from += size) {
            int[] part = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + size));
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                Batch batch = of(examples, part, exampleShape, compiled.dataType());
                errors += SoftmaxCrossEntropy.errors(compiled.forward(batch.features(), false), batch.labels());
            }
        }
        return errors;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = 0;
    }
}

package org.resnetexplorer.engine;

import org.resnetexplorer.files.ByteSizes;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * Refuses a run whose network cannot fit in memory before anything is allocated (decision 0018), so that
 * {@code --width 2147483647} is a clear message rather than a negative array size or an out-of-memory error in the
 * middle of the first step, and chooses how many test examples to evaluate at a time. The estimate is simple,
 * counted in long from the analysis, its figures measured (peak resident memory of {@code train}, 2 cores, ND4J's
 * oneDNN build):
 *
 * <ul>
 * <li>{@value #BYTES_PER_PARAMETER} bytes per parameter: its initial value twice as a Java double while the buffers
 * are made, a double copy, the value, the gradient, the weight-decay mask and the optimiser's state in native memory
 * (mlp-plain-1 of width 10,000, 100 million parameters: 5.4 GB);
 * <li>{@value #BYTES_PER_TRAINING_VALUE} bytes per value the layers output, per example of the training batch: the
 * outputs, their gradients and the layers' temporaries (cifar-resnet-110 on 28x28 images, 3.2 million values per
 * example: 63 MB per example of the batch);
 * <li>{@value #BYTES_PER_EVALUATED_VALUE} bytes per value, per example evaluated at a time for the test and training
 * errors (one after the other): the outputs and temporaries of a forward pass (the same network: 31 MB per
 * example).
 * </ul>
 *
 * A run may use what the process may use: Java's heap limit plus the native headroom the engine allows
 * ({@link Nd4jRuntime}). The parameters must also fit the one Java array they are initialised in, and a batch the
 * array it is copied into.
 */
final class RunMemory {
    static final long BYTES_PER_PARAMETER = 52;
    static final long BYTES_PER_TRAINING_VALUE = 20;
    static final long BYTES_PER_EVALUATED_VALUE = 10;
    /**
     * Bytes of activations (counted as {@link #BYTES_PER_EVALUATED_VALUE} per value) the test and training errors may
     * evaluate at a time when that is more examples than the training batch: the MLPs' 250 examples, not a CNN's 250
     * images (cifar-resnet-20 on 28x28 images: 2 GB at a time, and each run kept it to its end, 5-8 GB for a run and
     * its twin in the window).
     */
    static final long EVALUATION_CHUNK = 16L << 20;
    /** The most values one Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RunMemory() {
    }

    /** What the process may use: Java's heap limit plus the engine's native headroom. */
    static long budget() {
        return Runtime.getRuntime().maxMemory() + Nd4jRuntime.NATIVE_HEADROOM;
    }

    /**
     * Refuses the valid network of {@code analysis} when it cannot train at a batch of {@code batch} examples and
     * evaluate one test example at a time within {@code budget} bytes.
     *
     * @throws EngineException naming the figures and what to make smaller
     */
    static void check(String network, Analysis analysis, int batch, long budget) throws EngineException {
        long params = analysis.totalParams();
        long activations = activations(analysis);
        long inputs = analysis.inputShape().orElseThrow().elementCount();
        long bytes = estimate(params, activations, batch, 1);
        if (bytes > budget) {
            throw new EngineException(Texts.format("runMemory.too.big", network, Counts.grouped(params), Counts.grouped(activations),
                    ByteSizes.text(bytes), Counts.grouped(batch), ByteSizes.text(budget)));
        }
        if (params > MAX_ARRAY) {
            throw new EngineException(Texts.format("runMemory.too.many.parameters", network, Counts.grouped(params),
                    Counts.grouped(MAX_ARRAY)));
        }
        if (ByteSizes.product(batch, inputs) > MAX_ARRAY) {
            throw new EngineException(Texts.format("runMemory.batch.too.big", Counts.grouped(batch), Counts.grouped(inputs),
                    Counts.grouped(MAX_ARRAY)));
        }
    }

    /**
     * How many test examples to evaluate at a time beside a training batch of {@code batch}: {@code wanted}, but
     * no more than the training batch unless they take under {@link #EVALUATION_CHUNK}, and as many as fit in
     * {@code budget} and in one array; at least one. A deep network on images (cifar-resnet-110 on CIFAR-10, 4
     * million values per example) cannot keep the outputs of 250 examples on a small machine.
     */
    static int evaluationBatch(Analysis analysis, int batch, int wanted, long budget) {
        long activations = activations(analysis);
        long training = estimate(analysis.totalParams(), activations, batch, 0);
        long perExample = Math.max(1, ByteSizes.product(activations, BYTES_PER_EVALUATED_VALUE));
        long fitting = Math.min(Math.max(0, budget - training) / perExample,
                MAX_ARRAY / analysis.inputShape().orElseThrow().elementCount());
        // more examples than the training batch would grow the step's workspace and the layers' host arrays
        // (BatchNorm keeps its input and output per layer) past their training size, for the rest of the run
        long small = Math.max(batch, EVALUATION_CHUNK / perExample);
        return (int) Math.max(1, Math.min(Math.min(wanted, small), fitting));
    }

    /**
     * The bytes a run needs, as the class comment counts them, training {@code batch} examples and evaluating
     * {@code evaluated} at a time; {@code Long.MAX_VALUE} if more.
     */
    static long estimate(long params, long activationsPerExample, int batch, int evaluated) {
        long training = ByteSizes.product(ByteSizes.product(activationsPerExample, batch), BYTES_PER_TRAINING_VALUE);
        long evaluation = ByteSizes.product(ByteSizes.product(activationsPerExample, evaluated), BYTES_PER_EVALUATED_VALUE);
        return ByteSizes.sum(ByteSizes.sum(ByteSizes.product(params, BYTES_PER_PARAMETER), training), evaluation);
    }

    /** The values every node outputs for one example, the input included; {@code Long.MAX_VALUE} if more. */
    static long activations(Analysis analysis) {
        long sum = 0;
        for (String node : analysis.order()) {
            sum = ByteSizes.sum(sum, analysis.outputShape(node).orElseThrow().elementCount());
        }
        return sum;
    }
}

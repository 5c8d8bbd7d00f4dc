package org.resnetexplorer.engine;

import java.util.Locale;
import org.resnetexplorer.files.ByteSizes;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.i18n.Texts;

/**
 * Refuses a run whose network cannot fit in memory before anything is allocated (decision 0014), so that
 * {@code --width 2147483647} is a clear message rather than a negative array size or an out-of-memory error in the
 * middle of the first step. The estimate is deliberately simple, counted in long from the analysis:
 *
 * <ul>
 * <li>{@value #BYTES_PER_PARAMETER} bytes per parameter: its initial value as a Java double twice while the
 * buffers are made (16), and in native memory the double copy (8), the value, the gradient, the weight-decay mask
 * and up to two optimiser states (4 each);
 * <li>{@value #BYTES_PER_ACTIVATION} bytes per value a node outputs, for each example of the larger of the
 * training and the evaluation batch: the output, its gradient and the workspace's slack (4 each).
 * </ul>
 *
 * A run may use what the process may use: Java's heap limit plus the native headroom the engine allows
 * ({@link Nd4jRuntime}). The parameters must also fit the one Java array they are initialised in, and a batch the
 * array it is copied into.
 */
final class RunMemory {
    static final long BYTES_PER_PARAMETER = 44;
    static final long BYTES_PER_ACTIVATION = 12;
    /** The most values one Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private RunMemory() {
    }

    /** What the process may use: Java's heap limit plus the engine's native headroom. */
    static long budget() {
        return Runtime.getRuntime().maxMemory() + Nd4jRuntime.NATIVE_HEADROOM;
    }

    /**
     * Refuses the valid network of {@code analysis} when it cannot fit at a batch of {@code batch} examples.
     *
     * @throws EngineException naming the figures and what to make smaller
     */
    static void check(String network, Analysis analysis, int batch, long budget) throws EngineException {
        long params = analysis.totalParams();
        long activations = activations(analysis);
        long inputs = analysis.inputShape().orElseThrow().elementCount();
        long bytes = estimate(params, activations, batch);
        if (bytes > budget) {
            throw new EngineException(Texts.format("runMemory.too.big", network, grouped(params), grouped(activations),
                    ByteSizes.text(bytes), grouped(batch), ByteSizes.text(budget)));
        }
        if (params > MAX_ARRAY) {
            throw new EngineException(Texts.format("runMemory.too.many.parameters", network, grouped(params),
                    grouped(MAX_ARRAY)));
        }
        if (saturatedProduct(batch, inputs) > MAX_ARRAY) {
            throw new EngineException(Texts.format("runMemory.batch.too.big", grouped(batch), grouped(inputs),
                    grouped(MAX_ARRAY)));
        }
    }

    /** The bytes a run needs, as the class comment counts them; {@code Long.MAX_VALUE} if more. */
    static long estimate(long params, long activationsPerExample, int batch) {
        return saturatedSum(saturatedProduct(params, BYTES_PER_PARAMETER),
                saturatedProduct(saturatedProduct(activationsPerExample, batch), BYTES_PER_ACTIVATION));
    }

    /** The values every node outputs for one example, the input included; {@code Long.MAX_VALUE} if more. */
    static long activations(Analysis analysis) {
        long sum = 0;
        for (String node : analysis.order()) {
            sum = saturatedSum(sum, analysis.outputShape(node).orElseThrow().elementCount());
        }
        return sum;
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedSum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

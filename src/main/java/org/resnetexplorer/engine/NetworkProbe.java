package org.resnetexplorer.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Shape;

/**
 * A trained state run in inference mode (BatchNorm's running statistics, no dropout) on any examples: what the
 * views of a network's predictions, regions and inner outputs compute from. Compiles the network once; a later
 * state of the same network loads into it ({@link #load}). Not thread-safe: use one probe on one thread at a time.
 * Each pass sets up the calling thread's compute settings and opens its step workspace, and frees that workspace as
 * it ends: the window's background threads come and go (an idle one ends), and a workspace left on a thread that
 * ended would hold its native memory until a collection.
 */
public final class NetworkProbe {
    private final CompiledNetwork compiled;
    private final long[] exampleShape;
    private final int featureCount;
    private final int chunk;
    private int step;

    private NetworkProbe(CompiledNetwork compiled) {
        this.compiled = compiled;
        Shape input = compiled.analysis().inputShape().orElseThrow();
        this.exampleShape = input.dims().stream().mapToLong(Integer::longValue).toArray();
        this.featureCount = Math.toIntExact(input.elementCount());
        long perExample = Math.max(1, RunMemory.activations(compiled.analysis()) * RunMemory.BYTES_PER_EVALUATED_VALUE);
        // as many examples a pass as the test evaluation would take beside a small batch, at most 1,000
        this.chunk = (int) Math.max(1, Math.min(1000, RunMemory.EVALUATION_CHUNK / perExample));
    }

    /**
     * A probe of the state's network, holding the state.
     *
     * @throws EngineException if the network cannot compile (it could when the run trained, so this is rare)
     */
    public static NetworkProbe of(NetworkState state) throws EngineException {
        Nd4jRuntime.start();
        NetworkProbe probe = new NetworkProbe(CompiledNetwork.compile(state.network(), DataType.FLOAT, 0));
        probe.load(state);
        return probe;
    }

    /** Runs {@code state} from now on (a state of the same network, e.g. a later step of the run). */
    public void load(NetworkState state) {
        compiled.load(state);
        step = state.step();
    }

    /** The step of the state it holds. */
    public int step() {
        return step;
    }

    public Analysis analysis() {
        return compiled.analysis();
    }

    /** The values of one example (its input shape's element count). */
    public int featureCount() {
        return featureCount;
    }

    /**
     * One inference pass over {@code count} examples: {@code features} holds them one after another, row-major in
     * the network's input shape. Returns the softmax probabilities of every example and, for each node named in
     * {@code nodes}, its output for every example (as {@link CompiledNetwork#activation} defines a node's output:
     * before a ReLU fused into it).
     *
     * @throws IllegalArgumentException if {@code features} does not hold {@code count} examples or a node is unknown
     */
    public Pass run(float[] features, int count, Collection<String> nodes) {
        if ((long) count * featureCount != features.length) {
            throw new IllegalArgumentException(features.length + " values are not " + count + " examples of "
                    + featureCount);
        }
        for (String node : nodes) {
            if (compiled.analysis().outputShape(node).isEmpty()) {
                throw new IllegalArgumentException("no node " + node);
            }
        }
        int classes = compiled.analysis().classes().orElseThrow();
        float[] probabilities = new float[count * classes];
        Map<String, float[]> outputs = new HashMap<>();
        Map<String, Integer> widths = new HashMap<>();
        for (String node : nodes) {
            int width = Math.toIntExact(compiled.analysis().outputShape(node).orElseThrow().elementCount());
            widths.put(node, width);
            outputs.put(node, new float[Math.multiplyExact(count, width)]);
        }
        Nd4jRuntime.start();
        try {
            passes(features, count, nodes, probabilities, outputs, widths, classes);
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
        return new Pass(count, classes, probabilities, outputs);
    }

    /** The pass itself, {@code chunk} examples at a time, each part in the step workspace from its start. */
    private void passes(float[] features, int count, Collection<String> nodes, float[] probabilities,
            Map<String, float[]> outputs, Map<String, Integer> widths, int classes) {
        for (int from = 0; from < count; from += chunk) {
            int size = Math.min(chunk, count - from);
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                INDArray logits = compiled.forward(HostArrays.batch(features, from, size, exampleShape), false);
                float[] p = Transforms.softmax(logits.castTo(DataType.FLOAT), true).reshape(logits.length())
                        .toFloatVector();
                System.arraycopy(p, 0, probabilities, from * classes, p.length);
                for (String node : nodes) {
                    INDArray out = compiled.activation(node).orElseThrow();
                    float[] values = out.castTo(DataType.FLOAT).reshape(out.length()).toFloatVector();
                    System.arraycopy(values, 0, outputs.get(node), from * widths.get(node), values.length);
                }
            }
        }
    }

    /** Probabilities of every example, no inner outputs. */
    public Pass run(float[] features, int count) {
        return run(features, count, List.of());
    }

    /**
     * What one pass computed.
     *
     * @param probabilities per example, its softmax over the classes ({@code count * classes} values)
     * @param outputs       per node asked for, its output of every example, one after another, row-major
     */
    public record Pass(int count, int classes, float[] probabilities, Map<String, float[]> outputs) {
        /** The class of highest probability of example {@code i} (the first such, on a tie). */
        public int predicted(int i) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[i * classes + c] > probabilities[i * classes + best]) {
                    best = c;
                }
            }
            return best;
        }

        /** The highest probability of example {@code i}: how sure the network is of its prediction. */
        public float confidence(int i) {
            return probabilities[i * classes + predicted(i)];
        }
    }
}

package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockDeletion;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;

/**
 * A trained state with blocks deleted at test time (Veit, Wilber, Belongie 2016), measured on test examples.
 *
 * <p>Deleting builds the network without the blocks ({@link BlockDeletion}) and carries every trained value of
 * the nodes left over to it, by node and role, and every BatchNorm's running statistics by name: nothing trained
 * changes, and the lesioned network runs as any network does. (Multiplying the residual branch by zero would
 * give the same for a ResNet, but cannot delete a block of a plain net; the test checks the two agree.)
 *
 * <p>Errors are measured in inference mode on the first {@code limit} test examples, counted as the trainer
 * counts them: with a run's test limit, deleting nothing gives the run's last test error. Not thread-safe; call it
 * on one thread off the FX thread (each call sets that thread's ND4J up, and frees its memory as it ends).
 */
public final class Lesion {
    /** Test examples evaluated at a time, at most, as the trainer does. */
    private static final int EVAL_BATCH = 250;

    private final NetworkState state;
    private final Examples examples;
    private final int[] indices;
    /** The state's values per node and role ({@code node/ROLE}): where each lies and its length. */
    private final Map<String, Parameters.Parameter> layout = new HashMap<>();

    private Lesion(NetworkState state, Examples examples, int[] indices, CompiledNetwork compiled) {
        this.state = state;
        this.examples = examples;
        this.indices = indices;
        for (Parameters.Parameter p : compiled.parameters().all()) {
            layout.put(key(p), p);
        }
    }

    /**
     * Deletions of the state's network, measured on the first {@code min(limit, test.size())} test examples.
     *
     * @throws EngineException if the network does not compile, or the examples do not fit its input or classes
     */
    public static Lesion of(NetworkState state, Examples test, int limit) throws EngineException {
        Nd4jRuntime.start();
        CompiledNetwork compiled = CompiledNetwork.compile(state.network(), DataType.FLOAT, 0);
        long inputs = compiled.analysis().inputShape().orElseThrow().elementCount();
        int classes = compiled.analysis().classes().orElseThrow();
        if (inputs != test.featureCount() || classes != test.classes()) {
            throw new EngineException(Texts.format("lesion.examples.misfit", test.shape(), test.classes(),
                    state.network().name()));
        }
        return new Lesion(state, test, TrainingSample.first(test.size(), Math.max(1, limit)), compiled);
    }

    /** The network's blocks, in network order (what {@link #study} deletes). */
    public List<String> blocks() {
        return state.network().blocks().stream().map(Block::name).toList();
    }

    /** The number of test examples every error is measured on. */
    public int examples() {
        return indices.length;
    }

    /**
     * The test error (a fraction) with these blocks deleted; none deleted: the state's own test error.
     *
     * @throws EngineException if a block cannot be deleted, saying why
     */
    public double error(Collection<String> deleted) throws EngineException {
        Nd4jRuntime.start();
        try {
            return measure(deleted);
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    /**
     * The trained state of the network without these blocks: the same values for every node left.
     *
     * @throws EngineException if a block cannot be deleted, saying why
     */
    public NetworkState without(Collection<String> deleted) throws EngineException {
        Nd4jRuntime.start();
        try {
            return carried(compileWithout(deleted));
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    /**
     * The whole study: each block deleted on its own, then {@code k} blocks deleted at random for every k from 0 to
     * all of them, {@code draws} times each (the draws come from {@code seed}). Reports the fraction done to {@code
     * progress}; returns what it measured so far as soon as {@code stopped} says so.
     *
     * @throws EngineException if a block cannot be deleted, saying why
     */
    public LesionResult study(int draws, long seed, DoubleConsumer progress, BooleanSupplier stopped)
            throws EngineException {
        List<String> blocks = blocks();
        int total = blocks.size() + (blocks.size() + 1) * draws;
        int done = 0;
        Nd4jRuntime.start();
        try {
            Map<Set<String>, Double> measured = new HashMap<>();
            double unlesioned = measure(List.of());
            measured.put(Set.of(), unlesioned);
            List<LesionResult.BlockLesion> singles = new ArrayList<>();
            for (String block : blocks) {
                if (stopped.getAsBoolean()) {
                    return result(unlesioned, singles, List.of());
                }
                double error = measure(List.of(block));
                measured.put(Set.of(block), error);
                singles.add(new LesionResult.BlockLesion(block, BlockDeletion.kind(state.network(), block), error));
                progress.accept((double) ++done / total);
            }
            Random random = new Random(seed);
            List<LesionResult.RandomLesions> curve = new ArrayList<>();
            for (int k = 0; k <= blocks.size(); k++) {
                double[] errors = new double[draws];
                for (int d = 0; d < draws; d++) {
                    if (stopped.getAsBoolean()) {
                        return result(unlesioned, singles, curve);
                    }
                    Set<String> chosen = draw(blocks, k, random);
                    Double known = measured.get(chosen);
                    errors[d] = known != null ? known : measure(chosen);
                    measured.put(chosen, errors[d]);
                    progress.accept((double) ++done / total);
                }
                curve.add(new LesionResult.RandomLesions(k, errors));
            }
            return result(unlesioned, singles, curve);
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    private LesionResult result(double unlesioned, List<LesionResult.BlockLesion> singles,
            List<LesionResult.RandomLesions> curve) {
        boolean residual = state.network().blocks().stream().anyMatch(b -> state.network().hasShortcut(b.name()));
        return new LesionResult(state.run(), residual, state.step(), unlesioned, singles, curve, indices.length);
    }

    /** {@code k} of the blocks, chosen at random without repeats (the first k of a partial shuffle). */
    private static Set<String> draw(List<String> blocks, int k, Random random) {
        List<String> order = new ArrayList<>(blocks);
        for (int i = 0; i < k; i++) {
            Collections.swap(order, i, i + random.nextInt(order.size() - i));
        }
        return Set.copyOf(order.subList(0, k));
    }

    private double measure(Collection<String> deleted) throws EngineException {
        CompiledNetwork compiled = compileWithout(deleted);
        compiled.load(carried(compiled));
        int batch = RunMemory.evaluationBatch(compiled.analysis(), 1, EVAL_BATCH, RunMemory.budget());
        return (double) Batches.errors(compiled, examples, indices, batch) / indices.length;
    }

    private CompiledNetwork compileWithout(Collection<String> deleted) throws EngineException {
        Network lesioned;
        try {
            lesioned = BlockDeletion.without(state.network(), deleted);
        } catch (IllegalStateException e) {
            throw new EngineException(e.getMessage());
        }
        return CompiledNetwork.compile(lesioned, DataType.FLOAT, 0);
    }

    /** The state's values laid out for {@code target}, a network of the same nodes less some. */
    private NetworkState carried(CompiledNetwork target) {
        float[] values = new float[Math.toIntExact(target.parameterCount())];
        for (Parameters.Parameter p : target.parameters().all()) {
            Parameters.Parameter trained = layout.get(key(p));
            if (trained == null || trained.length() != p.length()) {
                // a deletion only takes nodes away, so every node left has its trained values
                throw new IllegalStateException("no trained values for " + key(p));
            }
            System.arraycopy(state.values(), Math.toIntExact(trained.offset()), values, Math.toIntExact(p.offset()),
                    Math.toIntExact(p.length()));
        }
        Set<String> nodes = new HashSet<>();
        target.network().nodes().forEach(n -> nodes.add(n.name()));
        Map<String, double[]> statistics = new HashMap<>();
        // a projection shortcut's BatchNorm is called "<node>#bn"
        state.runningStatistics().forEach((name, s) -> {
            if (nodes.contains(name.split("#", 2)[0])) {
                statistics.put(name, s);
            }
        });
        return new NetworkState(state.run(), state.step(), target.network(), values, statistics,
                target.weightSlices());
    }

    private static String key(Parameters.Parameter p) {
        return p.node() + "/" + p.role();
    }
}

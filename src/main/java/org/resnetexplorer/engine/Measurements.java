package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Wire;

/**
 * Reads what the charts show from the last training pass of a compiled network: gradient norms from the
 * gradient buffer (one copy, summed on the Java side, cheaper than a native reduction per array), and the
 * responses from the kept activations.
 */
final class Measurements {
    private final CompiledNetwork network;
    private final int bins;
    /** 3x3 conv name -> the node whose output is its response (its BatchNorm if one follows). */
    private final Map<String, String> responses = new LinkedHashMap<>();
    private final List<ResidualBranch> branches = new ArrayList<>();

    private record ResidualBranch(String block, String branchEnd, String shortcut) {
    }

    Measurements(CompiledNetwork network, int bins) {
        this.network = network;
        this.bins = bins;
        Network graph = network.network();
        for (String name : network.analysis().order()) {
            if (graph.requireNode(name).layer() instanceof Conv2D conv && conv.kernel() == 3) {
                List<Wire> next = graph.consumers(name);
                boolean normalised = next.size() == 1 && graph.requireNode(next.get(0).to()).layer() instanceof BatchNorm;
                responses.put(name, normalised ? next.get(0).to() : name);
            }
        }
        for (Block block : graph.blocks()) {
            block.members().stream().filter(m -> graph.requireNode(m).layer() instanceof Add).findFirst()
                    .ifPresent(add -> branches.add(new ResidualBranch(block.name(),
                            graph.source(add, Add.RESIDUAL).orElseThrow(), graph.source(add, Add.SHORTCUT).orElseThrow())));
        }
    }

    /** The parameters of one node of one kind, whose gradients one norm sums over. */
    private record NormKey(String node, GradientKind kind) {
    }

    List<TrainingSnapshot.GradientNorm> gradNorms() {
        float[] grads = network.gradients().toFloatVector();
        Map<NormKey, double[]> sums = new LinkedHashMap<>();
        for (Parameters.Parameter p : network.parameters().all()) {
            if (p.role() == Parameters.Role.BIAS) {
                continue;
            }
            GradientKind kind = p.role() == Parameters.Role.WEIGHT ? GradientKind.WEIGHT : GradientKind.BATCH_NORM;
            double[] sum = sums.computeIfAbsent(new NormKey(p.node(), kind), k -> new double[1]);
            for (long i = p.offset(); i < p.offset() + p.length(); i++) {
                sum[0] += (double) grads[(int) i] * grads[(int) i];
            }
        }
        List<TrainingSnapshot.GradientNorm> values = new ArrayList<>();
        Network graph = network.network();
        sums.forEach((key, sum) -> {
            // a projection shortcut holds a conv and a BatchNorm: its BN part is named apart
            boolean ownNorm = key.kind() == GradientKind.BATCH_NORM
                    && !(graph.requireNode(key.node()).layer() instanceof BatchNorm);
            values.add(new TrainingSnapshot.GradientNorm(ownNorm ? key.node() + "/bn" : key.node(), key.kind(),
                    Math.sqrt(sum[0])));
        });
        return values;
    }

    /** The population std (not bias-corrected), as {@link #describe} measures a block's F(x). */
    List<TrainingSnapshot.LayerValue> responseStd() {
        List<TrainingSnapshot.LayerValue> values = new ArrayList<>();
        responses.forEach((conv, node) -> network.outputValuesAnyOrder(node).ifPresent(a ->
                values.add(new TrainingSnapshot.LayerValue(conv, std(a)))));
        return values;
    }

    List<TrainingSnapshot.ResidualResponse> residuals() {
        List<TrainingSnapshot.ResidualResponse> values = new ArrayList<>();
        for (ResidualBranch branch : branches) {
            float[] f = network.outputValuesAnyOrder(branch.branchEnd()).orElse(null);
            Double shortcutNorm = network.outputNorm(branch.shortcut()).orElse(null);
            if (f == null || shortcutNorm == null) {
                continue;
            }
            values.add(describe(branch.block(), f, shortcutNorm));
        }
        return values;
    }

    /** The population std of {@code values}, accumulated in double. */
    static double std(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / Math.max(1, values.length);
        return Math.sqrt(Math.max(0, squares / Math.max(1, values.length) - mean * mean));
    }

    /** Std, norm ratio and histogram of a branch output's values, against the shortcut output's norm. */
    TrainingSnapshot.ResidualResponse describe(String block, float[] values, double shortcutNorm) {
        double sum = 0;
        double squares = 0;
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        // comparisons rather than Math.min and Math.max (which also order -0 and NaN): 13-17 ns a value before,
        // the two loops together took 1.4 ms of each measured cifar-resnet-8 step
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
            low = v < low ? v : low;
            high = v > high ? v : high;
            nan |= v != v;
        }
        if (nan) { // as Math.min and Math.max had it: a NaN makes both NaN, and every value falls in the middle bin
            low = Float.NaN;
            high = Float.NaN;
        }
        int n = values.length;
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
        double ratio = shortcutNorm > 0 ? Math.sqrt(squares) / shortcutNorm : 0;
        long[] counts = new long[bins];
        double width = (double) high - low;
        if (width > 0) {
            double from = low;
            for (float v : values) {
                double at = (v - from) / width * bins;
                counts[at >= bins - 1 ? bins - 1 : (int) at]++;
            }
        } else {
            counts[bins / 2] += n;
        }
        return new TrainingSnapshot.ResidualResponse(block, std, ratio,
                new TrainingSnapshot.Histogram(n == 0 ? 0 : low, n == 0 ? 0 : high, counts));
    }
}

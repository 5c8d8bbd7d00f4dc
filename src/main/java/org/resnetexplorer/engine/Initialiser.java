package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.Wire;

/**
 * The starting values of every parameter, drawn in network order from one seeded generator, so the same
 * graph and seed always start from the same point.
 *
 * <ul>
 *   <li>Weights followed by ReLU: He (Kaiming) normal, std sqrt(2 / fan-in), as in the paper.</li>
 *   <li>Weights followed by tanh, sigmoid or nothing (the classifier): Xavier (Glorot) normal,
 *       std sqrt(2 / (fan-in + fan-out)).</li>
 *   <li>Without BatchNorm, the last weighted layer of each residual branch is scaled by 1 / sqrt(blocks):
 *       otherwise the variance doubles at every addition and deep residual nets diverge at the start.</li>
 *   <li>Biases and BatchNorm's beta 0, gamma 1.</li>
 * </ul>
 */
final class Initialiser {
    private final Network network;
    private final Analysis analysis;
    private final Random random;
    private final List<String> scaledBranchEnds = new ArrayList<>();
    private final double branchScale;

    Initialiser(Analysis analysis, long seed) {
        this.network = analysis.network();
        this.analysis = analysis;
        this.random = new Random(seed);
        List<Block> unnormalised = network.blocks().stream()
                .filter(b -> network.hasShortcut(b.name()))
                .filter(b -> b.members().stream().noneMatch(m -> network.requireNode(m).layer() instanceof BatchNorm))
                .toList();
        for (Block block : unnormalised) {
            lastWeighted(block).ifPresent(scaledBranchEnds::add);
        }
        this.branchScale = unnormalised.isEmpty() ? 1 : 1 / Math.sqrt(unnormalised.size());
    }

    /** The specs of every parameter, in network order. */
    List<Parameters.Spec> specs() {
        List<Parameters.Spec> specs = new ArrayList<>();
        for (String name : analysis.order()) {
            LayerSpec layer = network.requireNode(name).layer();
            Shape in = analysis.facts(name).map(f -> f.inputs().isEmpty() ? null : f.inputs().get(0)).orElse(null);
            if (layer instanceof Dense dense) {
                int fanIn = (int) in.elementCount();
                specs.add(weights(name, new long[] {fanIn, dense.units()}, fanIn, dense.units()));
                if (dense.bias()) {
                    specs.add(constant(name, Parameters.Role.BIAS, dense.units(), 0));
                }
            } else if (layer instanceof Conv2D conv) {
                int channels = LayerSpec.features(in);
                int area = conv.kernel() * conv.kernel();
                specs.add(weights(name, new long[] {conv.filters(), channels, conv.kernel(), conv.kernel()},
                        channels * area, conv.filters() * area));
                if (conv.bias()) {
                    specs.add(constant(name, Parameters.Role.BIAS, conv.filters(), 0));
                }
            } else if (layer instanceof BatchNorm) {
                addNorm(specs, name, LayerSpec.features(in));
            } else if (layer instanceof Shortcut shortcut && shortcut.projects(in)) {
                int channels = LayerSpec.features(in);
                long[] shape = in instanceof Shape.Image ? new long[] {shortcut.filters(), channels, 1, 1}
                        : new long[] {channels, shortcut.filters()};
                specs.add(new Parameters.Spec(name, Parameters.Role.WEIGHT, shape,
                        normal(channels * shortcut.filters(), Math.sqrt(2.0 / (channels + shortcut.filters())))));
                addNorm(specs, name, shortcut.filters());
            }
        }
        return specs;
    }

    private void addNorm(List<Parameters.Spec> specs, String name, int features) {
        specs.add(constant(name, Parameters.Role.GAMMA, features, 1));
        specs.add(constant(name, Parameters.Role.BETA, features, 0));
    }

    private Parameters.Spec weights(String name, long[] shape, int fanIn, int fanOut) {
        ActivationFunction next = followingActivation(name);
        double std = next == ActivationFunction.RELU ? Math.sqrt(2.0 / fanIn) : Math.sqrt(2.0 / (fanIn + fanOut));
        if (scaledBranchEnds.contains(name)) {
            std *= branchScale;
        }
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return new Parameters.Spec(name, Parameters.Role.WEIGHT, shape, normal((int) count, std));
    }

    private double[] normal(int count, double std) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian() * std;
        }
        return values;
    }

    private static Parameters.Spec constant(String name, Parameters.Role role, int count, double value) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return new Parameters.Spec(name, role, new long[] {count}, values);
    }

    /**
     * The activation that a weighted layer's output meets, looking past BatchNorm, Dropout and additions;
     * identity when the next thing is another weighted layer or the output.
     */
    private ActivationFunction followingActivation(String name) {
        String current = name;
        for (int guard = 0; guard < network.nodes().size(); guard++) {
            List<Wire> next = network.consumers(current);
            if (next.isEmpty()) {
                break;
            }
            LayerSpec layer = network.requireNode(next.get(0).to()).layer();
            if (layer instanceof Activation activation) {
                return activation.function();
            }
            if (!(layer instanceof BatchNorm || layer instanceof Dropout || layer instanceof Add)) {
                break;
            }
            current = next.get(0).to();
        }
        return ActivationFunction.IDENTITY;
    }

    /** The last conv or dense layer on the way back from a block's branch end, if any. */
    private Optional<String> lastWeighted(Block block) {
        String current = block.branchEnd();
        while (current != null && block.contains(current)) {
            Node node = network.requireNode(current);
            if (node.layer() instanceof Conv2D || node.layer() instanceof Dense) {
                return Optional.of(current);
            }
            current = node.layer().inputPorts().isEmpty() ? null
                    : network.source(current, node.layer().inputPorts().get(0)).orElse(null);
        }
        return Optional.empty();
    }
}

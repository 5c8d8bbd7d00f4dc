package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.Wire;

/**
 * What one block of a network computes for one example (the paper's H(x) = F(x) + x as pictures): its x, the
 * residual branch's output F(x), and the sum x + F(x) before the block's final ReLU. In the plain twin (shortcut
 * off) there is no sum: x is the block's input and "F(x)" is the output of the same layers, the layer output at
 * the same place.
 *
 * @param block    the block
 * @param position its place among the network's blocks, from 0
 * @param kind     what x is: the block's input, or what its shortcut made of it
 * @param x        x: the block's input, or the shortcut's output when the shortcut is on (what is added)
 * @param branch   F(x): the output of the residual branch's last node (before any ReLU after it)
 * @param sum      x + F(x): the block's addition before the ReLU; empty in a plain block
 */
public record BlockMaps(Block block, int position, XKind kind, FeatureMap x, FeatureMap branch,
        Optional<FeatureMap> sum) {

    /** What x is in a block. */
    public enum XKind {
        /** The shortcut is off (a plain twin): x is the block's input. */
        INPUT,
        /** An identity shortcut: x is the block's input itself. */
        IDENTITY,
        /** An identity shortcut where the shape changes (option A): the input subsampled and zero-padded. */
        PADDED,
        /** A 1x1 projection shortcut (options B and C): x is the projection of the input, W x. */
        PROJECTION
    }

    public BlockMaps {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(sum, "sum");
    }

    /** Whether the block's shortcut is on (it has a sum). */
    public boolean residual() {
        return sum.isPresent();
    }

    /** The block's output before its ReLU: x + F(x), or F(x) alone in a plain block. */
    public FeatureMap output() {
        return sum.orElse(branch);
    }

    /**
     * The maps of every block of the probe's network (those whose input is one node; in network order) for one
     * example: one inference pass of the state the probe holds.
     *
     * @param example the example's values, in the network's input shape
     * @throws IllegalArgumentException if {@code example} is not one example of the network's input
     */
    public static List<BlockMaps> of(NetworkProbe probe, float[] example) {
        Analysis analysis = probe.analysis();
        Network network = analysis.network();
        List<Places> places = new ArrayList<>();
        Set<String> nodes = new LinkedHashSet<>();
        for (int i = 0; i < network.blocks().size(); i++) {
            Optional<Places> found = places(network, analysis, network.blocks().get(i), i);
            found.ifPresent(p -> {
                places.add(p);
                nodes.add(p.x());
                nodes.add(p.block().branchEnd());
                p.add().ifPresent(nodes::add);
            });
        }
        NetworkProbe.Pass pass = probe.run(example, 1, nodes);
        List<BlockMaps> maps = new ArrayList<>();
        for (Places p : places) {
            FeatureMap x = map(analysis, pass, p.x());
            FeatureMap branch = map(analysis, pass, p.block().branchEnd());
            maps.add(new BlockMaps(p.block(), p.position(), p.kind(), x, branch, p.add().map(a -> map(analysis, pass, a))));
        }
        return maps;
    }

    private static FeatureMap map(Analysis analysis, NetworkProbe.Pass pass, String node) {
        return FeatureMap.of(node, analysis.outputShape(node).orElseThrow(), pass.outputs().get(node));
    }

    /** Where a block's maps come from: the node that is x, its addition if it has one, and what x is. */
    private record Places(Block block, int position, String x, Optional<String> add, XKind kind) {
    }

    private static Optional<Places> places(Network network, Analysis analysis, Block block, int position) {
        List<String> entries = network.wires().stream().filter(w -> block.contains(w.to()) && !block.contains(w.from()))
                .map(Wire::from).distinct().toList();
        if (entries.size() != 1 || analysis.outputShape(block.branchEnd()).isEmpty()) {
            return Optional.empty();
        }
        String input = entries.get(0);
        Optional<String> add = block.members().stream()
                .filter(m -> network.requireNode(m).layer() instanceof Add).findFirst();
        if (add.isEmpty()) {
            return Optional.of(new Places(block, position, input, add, XKind.INPUT));
        }
        String shortcut = network.source(add.get(), Add.SHORTCUT).orElse(input);
        XKind kind = XKind.IDENTITY;
        if (network.requireNode(shortcut).layer() instanceof Shortcut s) {
            var in = analysis.outputShape(input).orElseThrow();
            kind = s.projects(in) ? XKind.PROJECTION
                    : in.equals(analysis.outputShape(shortcut).orElseThrow()) ? XKind.IDENTITY : XKind.PADDED;
        }
        return Optional.of(new Places(block, position, shortcut, add, kind));
    }
}

package org.resnetexplorer.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resnetexplorer.i18n.Texts;

/**
 * Deleting blocks of a network at test time, as the lesion study does (Veit, Wilber, Belongie 2016): the network
 * that is left, whose remaining nodes keep their names, so a trained state carries over to it layer by layer.
 *
 * <p>A residual block (one holding an {@link Add}) loses its residual branch F and its addition: what fed on the
 * addition reads the shortcut instead. The block's own structure after the addition stays, so a post-activation
 * block then computes {@code relu(shortcut(x))} and a pre-activation block {@code shortcut(x)}; with an identity
 * shortcut after a ReLU both are x. A projection shortcut keeps its trained 1x1 convolution and BatchNorm.
 *
 * <p>A plain block (the same layers with the shortcut off) loses all its layers. Where its input and output
 * shapes agree, its input goes straight on; where they differ (a block that subsamples or widens), a
 * parameter-free option-A map ({@link Shortcut} A: every {@code stride}-th pixel, channels zero-padded) named
 * {@code <block>.bypass} takes its place: the least that keeps the layers after it fed.
 */
public final class BlockDeletion {
    /** What a deleted block leaves in its place. */
    public enum Kind {
        /** A residual block: its shortcut alone (and whatever followed the addition). */
        SHORTCUT,
        /** A plain block whose input and output shapes agree: nothing, its input goes straight on. */
        REMOVED,
        /** A plain block that changes the shape: a parameter-free option-A map. */
        BYPASSED
    }

    private BlockDeletion() {
    }

    /** What deleting {@code blockName} from {@code network} would leave in its place. */
    public static Kind kind(Network network, String blockName) {
        Block block = requireBlock(network, blockName);
        if (add(network, block).isPresent()) {
            return Kind.SHORTCUT;
        }
        Analysis analysis = Analysis.of(network);
        Shape in = analysis.outputShape(entry(network, block)).orElse(null);
        Shape out = analysis.outputShape(network.blockOutput(block)).orElse(null);
        return in != null && in.equals(out) ? Kind.REMOVED : Kind.BYPASSED;
    }

    /**
     * The network without these blocks (in any order; deleting none gives the network itself).
     *
     * @throws IllegalArgumentException if a block does not exist
     * @throws IllegalStateException    if a block cannot be deleted, saying why (e.g. a block with two inputs from
     *                                  outside, or one whose shapes no parameter-free map can bridge)
     */
    public static Network without(Network network, Collection<String> blockNames) {
        Network result = network;
        for (String name : new LinkedHashSet<>(blockNames)) {
            result = without(result, name);
        }
        return result;
    }

    /** The network without one block; see {@link #without(Network, Collection)}. */
    public static Network without(Network network, String blockName) {
        Block block = requireBlock(network, blockName);
        Optional<String> add = add(network, block);
        return add.isPresent() ? withoutBranch(network, block, add.get()) : withoutLayers(network, block);
    }

    /** A residual block without its branch and addition: the addition's readers read the shortcut. */
    private static Network withoutBranch(Network network, Block block, String add) {
        String shortcut = network.source(add, Add.SHORTCUT).orElseThrow(
                () -> new IllegalStateException(Texts.format("blockDeletion.open", block.name())));
        Set<String> removed = branch(network, block, add);
        removed.add(add);
        List<Wire> wires = new ArrayList<>();
        for (Wire wire : network.wires()) {
            if (wire.from().equals(add)) {
                wires.add(new Wire(shortcut, wire.to(), wire.port()));
            } else if (!removed.contains(wire.from()) && !removed.contains(wire.to())) {
                wires.add(wire);
            }
        }
        List<Node> nodes = network.nodes().stream().filter(n -> !removed.contains(n.name())).toList();
        return new Network(network.name(), nodes, wires, otherBlocks(network, block));
    }

    /** The members the addition's residual port reads from, directly or through other members. */
    private static Set<String> branch(Network network, Block block, String add) {
        Set<String> branch = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>();
        network.source(add, Add.RESIDUAL).ifPresent(next::add);
        while (!next.isEmpty()) {
            String node = next.pop();
            if (block.contains(node) && branch.add(node)) {
                for (String port : network.requireNode(node).layer().inputPorts()) {
                    network.source(node, port).ifPresent(next::add);
                }
            }
        }
        return branch;
    }

    /** A plain block without its layers: its input goes on, or through an option-A map where the shape changes. */
    private static Network withoutLayers(Network network, Block block) {
        String entry = entry(network, block);
        String exit = network.blockOutput(block);
        Analysis analysis = Analysis.of(network);
        Shape in = analysis.outputShape(entry).orElse(null);
        Shape out = analysis.outputShape(exit).orElse(null);
        if (in == null || out == null) {
            throw new IllegalStateException(Texts.format("blockDeletion.shapes.unknown", block.name()));
        }
        Optional<Node> bypass = Optional.empty();
        if (!in.equals(out)) {
            int stride = ShortcutSwitch.strideBetween(network, in, out, block);
            Shortcut map = new Shortcut(ShortcutOption.A, LayerSpec.features(out), stride);
            try {
                if (!map.outputShape(List.of(in)).equals(out)) {
                    throw new IllegalStateException(Texts.format("blockDeletion.no.bypass", block.name(), in, out));
                }
            } catch (ShapeException e) {
                throw new IllegalStateException(Texts.format("blockDeletion.no.bypass", block.name(), in, out), e);
            }
            bypass = Optional.of(new Node(ShortcutSwitch.freeName(network, block.name() + ".bypass"), map));
        }
        String goesOn = bypass.map(Node::name).orElse(entry);
        List<Wire> wires = new ArrayList<>();
        for (Wire wire : network.wires()) {
            if (wire.from().equals(exit) && !block.contains(wire.to())) {
                wires.add(new Wire(goesOn, wire.to(), wire.port()));
            } else if (!block.contains(wire.from()) && !block.contains(wire.to())) {
                wires.add(wire);
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Node node : network.nodes()) {
            if (!block.contains(node.name())) {
                nodes.add(node);
            } else if (bypass.isPresent() && node.name().equals(block.members().get(0))) {
                // the map stands where the block stood, so the network's order still reads front to back
                nodes.add(bypass.get());
                wires.add(Wire.of(entry, bypass.get().name()));
            }
        }
        return new Network(network.name(), nodes, wires, otherBlocks(network, block));
    }

    /** The one node outside the block that feeds it. */
    private static String entry(Network network, Block block) {
        List<String> entries = network.wires().stream().filter(w -> block.contains(w.to()) && !block.contains(w.from()))
                .map(Wire::from).distinct().toList();
        if (entries.size() != 1) {
            throw new IllegalStateException(Texts.format("shortcutSwitch.entries", block.name(), entries.size()));
        }
        return entries.get(0);
    }

    private static List<Block> otherBlocks(Network network, Block block) {
        return network.blocks().stream().filter(b -> !b.name().equals(block.name())).toList();
    }

    private static Optional<String> add(Network network, Block block) {
        return block.members().stream().filter(m -> network.requireNode(m).layer() instanceof Add).findFirst();
    }

    private static Block requireBlock(Network network, String blockName) {
        return network.block(blockName).orElseThrow(
                () -> new IllegalArgumentException(Texts.format("networkEdits.no.block", blockName)));
    }
}

package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.resnetexplorer.i18n.Texts;

/** Turns a block's shortcut off (its plain twin) and on again, restoring the very same nodes and order. */
final class ShortcutSwitch {
    private ShortcutSwitch() {
    }

    static Network turnOff(Network network, Block block, String add) {
        String residual = network.source(add, Add.RESIDUAL).orElse(null);
        Set<String> removed = new LinkedHashSet<>(List.of(add));
        network.source(add, Add.SHORTCUT)
                .filter(s -> block.contains(s) && network.requireNode(s).layer() instanceof Shortcut)
                .ifPresent(removed::add);
        List<Wire> wires = new ArrayList<>();
        for (Wire wire : network.wires()) {
            if (wire.from().equals(add) && residual != null) {
                wires.add(new Wire(residual, wire.to(), wire.port()));
            } else if (!removed.contains(wire.from()) && !removed.contains(wire.to())) {
                wires.add(wire);
            }
        }
        List<Node> nodes = network.nodes().stream().filter(n -> !removed.contains(n.name())).toList();
        List<Block> blocks = network.blocks().stream().map(b -> b.name().equals(block.name()) ? withoutMembers(b, removed) : b).toList();
        return new Network(network.name(), nodes, wires, blocks);
    }

    private static Block withoutMembers(Block block, Set<String> removed) {
        return new Block(block.name(), block.kind(), block.shortcutOption(), block.branchEnd(),
                block.members().stream().filter(m -> !removed.contains(m)).toList());
    }

    static Network turnOn(Network network, Block block) {
        String end = block.branchEnd();
        List<String> entries = network.wires().stream()
                .filter(w -> block.contains(w.to()) && !block.contains(w.from()))
                .map(Wire::from).distinct().toList();
        if (entries.size() != 1) {
            throw new IllegalStateException(Texts.format("shortcutSwitch.entries", block.name(),
                    entries.size()));
        }
        String entry = entries.get(0);
        Analysis analysis = Analysis.of(network);
        Shape in = analysis.outputShape(entry).orElse(null);
        Shape out = analysis.outputShape(end).orElse(null);
        if (in == null || out == null) {
            throw new IllegalStateException(Texts.format("shortcutSwitch.shapes.unknown",
                    block.name()));
        }
        int stride = strideBetween(network, in, out, block);
        String shortcutName = freeName(network, block.name() + ".shortcut");
        String addName = freeName(network, block.name() + ".add");
        Node shortcut = new Node(shortcutName, new Shortcut(block.shortcutOption(), LayerSpec.features(out), stride));
        Node add = new Node(addName, new Add());

        List<Wire> wires = new ArrayList<>();
        for (Wire wire : network.wires()) {
            wires.add(wire.from().equals(end) ? new Wire(addName, wire.to(), wire.port()) : wire);
        }
        wires.add(Wire.of(entry, shortcutName));
        wires.add(new Wire(end, addName, Add.RESIDUAL));
        wires.add(new Wire(shortcutName, addName, Add.SHORTCUT));

        List<Node> nodes = new ArrayList<>();
        for (Node node : network.nodes()) {
            nodes.add(node);
            if (node.name().equals(end)) {
                nodes.add(shortcut);
                nodes.add(add);
            }
        }
        List<String> members = new ArrayList<>();
        for (String member : block.members()) {
            members.add(member);
            if (member.equals(end)) {
                members.add(shortcutName);
                members.add(addName);
            }
        }
        Block grown = new Block(block.name(), block.kind(), block.shortcutOption(), end, members);
        List<Block> blocks = network.blocks().stream().map(b -> b.name().equals(block.name()) ? grown : b).toList();
        return new Network(network.name(), nodes, wires, blocks);
    }

    /**
     * The stride a 1x1 shortcut needs to take {@code in} to the size of {@code out}: the product of the strides
     * on the branch (read from its layers, since on a 1x1 image every stride gives the same size).
     */
    static int strideBetween(Network network, Shape in, Shape out, Block block) {
        int stride = branchStride(network, block);
        boolean fits = in instanceof Shape.Image from && out instanceof Shape.Image to
                ? (from.height() - 1) / stride + 1 == to.height() && (from.width() - 1) / stride + 1 == to.width()
                : in instanceof Shape.Flat && out instanceof Shape.Flat && stride == 1;
        if (!fits) {
            throw new IllegalStateException(Texts.format("shortcutSwitch.no.fit", block.name(), in, out));
        }
        return stride;
    }

    /**
     * Walks back from the branch end to the block's entry, multiplying the strides of the layers met. A product past
     * 2^31-1 is held at 2^31-1: like the product, it takes every image down to one pixel.
     */
    private static int branchStride(Network network, Block block) {
        long stride = 1;
        String node = block.branchEnd();
        while (node != null && block.contains(node)) {
            LayerSpec layer = network.requireNode(node).layer();
            if (layer instanceof Conv2D conv) {
                stride = Math.min(stride * conv.stride(), Integer.MAX_VALUE);
            } else if (layer instanceof MaxPool pool) {
                stride = Math.min(stride * pool.stride(), Integer.MAX_VALUE);
            } else if (layer instanceof AvgPool pool) {
                stride = Math.min(stride * pool.stride(), Integer.MAX_VALUE);
            }
            String here = node;
            node = layer.inputPorts().stream().map(port -> network.source(here, port).orElse(null))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        return (int) stride;
    }

    static String freeName(Network network, String wanted) {
        String candidate = wanted;
        for (int i = 2; network.node(candidate).isPresent() || network.block(candidate).isPresent(); i++) {
            candidate = wanted + i;
        }
        return candidate;
    }
}

package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resnetexplorer.i18n.Texts;

/**
 * The editor's bigger edits, as pure functions from one network to the next: add a residual block after a
 * node, wrap a chain of layers in a skip connection, stack copies of a block. Each refuses what it cannot do
 * with an {@link IllegalStateException} whose message a student can act on, and leaves the network as it was.
 */
public final class NetworkEdits {
    private NetworkEdits() {
    }

    /**
     * Inserts a residual block of the given kind right after {@code after}: the block keeps the shape it gets
     * (stride 1, as many channels or features as come in; a bottleneck's inner width is a quarter of them), and
     * whatever {@code after} fed now takes the block's output.
     */
    public static Network addResidualBlock(Network network, String after, BlockKind kind, ShortcutOption option,
            boolean batchNorm, ActivationFunction activation) {
        network.requireNode(after);
        Shape shape = Analysis.of(network).outputShape(after).orElseThrow(() -> new IllegalStateException(
                Texts.format("networkEdits.shape.unknown", after)));
        String name = freeBlockName(network);
        BlockStyle style = new BlockStyle(batchNorm, activation, option, true);
        NetworkBuilder b = new NetworkBuilder(network.name());
        b.add(after, new Input(shape));
        int features = LayerSpec.features(shape);
        String out;
        if (shape instanceof Shape.Flat) {
            if (kind != BlockKind.BASIC) {
                throw new IllegalStateException(Texts.format("networkEdits.needs.image.after", kind.id(), after));
            }
            out = ResidualBlocks.basicDense(b, name, after, features, style);
        } else {
            out = switch (kind) {
                case BASIC, CUSTOM -> ResidualBlocks.basicConv(b, name, after, features, 1, style);
                case BOTTLENECK -> {
                    if (features % 4 != 0) {
                        throw new IllegalStateException(Texts.format("networkEdits.bottleneck.after", after, features));
                    }
                    yield ResidualBlocks.bottleneck(b, name, after, features / 4, 1, style);
                }
                case PREACT -> ResidualBlocks.preActivation(b, name, after, features, 1, style);
            };
        }
        Network block = b.build();
        return splice(network, after, block.nodes().subList(1, block.nodes().size()), block.wires(), block.blocks(), out);
    }

    /**
     * Makes the chosen layers the residual branch of a new block: a shortcut from the layer before them to an
     * addition after them. The layers must form one path: exactly one input from outside, and one layer whose
     * output leaves the selection.
     */
    public static Network wrapInSkipConnection(Network network, Collection<String> selection, ShortcutOption option) {
        Set<String> chosen = new LinkedHashSet<>(selection);
        if (chosen.isEmpty()) {
            throw new IllegalStateException(Texts.get("networkEdits.select.first"));
        }
        for (String name : chosen) {
            network.requireNode(name);
            network.blockOf(name).ifPresent(block -> {
                throw new IllegalStateException(Texts.format("networkEdits.already.in.block", name, block.name()));
            });
            LayerSpec layer = network.requireNode(name).layer();
            if (layer instanceof Input || layer instanceof Output) {
                throw new IllegalStateException(Texts.format("networkEdits.not.inside", layer.kind()));
            }
        }
        List<String> exits = chosen.stream()
                .filter(n -> network.consumers(n).stream().anyMatch(w -> !chosen.contains(w.to()))).toList();
        if (exits.size() != 1) {
            throw new IllegalStateException(exits.isEmpty()
                    ? Texts.get("networkEdits.no.exit")
                    : Texts.format("networkEdits.many.exits", exits.size()));
        }
        List<String> members = network.nodes().stream().map(Node::name).filter(chosen::contains).toList();
        String name = freeBlockName(network);
        Network grouped = network.withBlock(new Block(name, BlockKind.CUSTOM, option, exits.get(0), members));
        return grouped.withShortcut(name, true);
    }

    /**
     * Puts {@code count} copies of a block right after it, each a new block fed by the one before. Copies keep
     * the block's shape (their strides are 1), so a block that downsamples is followed by blocks that do not.
     */
    public static Network stackBlocks(Network network, String blockName, int count) {
        Block block = network.block(blockName).orElseThrow(() -> new IllegalArgumentException(Texts.format("networkEdits.no.block", blockName)));
        if (count < 1) {
            throw new IllegalArgumentException(Texts.format("networkEdits.stack.at.least", count));
        }
        Network result = network;
        String previous = network.blockOutput(block);
        Block template = block;
        for (int i = 0; i < count; i++) {
            String copyName = freeBlockName(result);
            List<Node> nodes = new ArrayList<>();
            List<Wire> wires = new ArrayList<>();
            for (String member : template.members()) {
                nodes.add(new Node(renamed(member, template.name(), copyName), unstrided(network.requireNode(member).layer())));
            }
            for (Wire wire : network.wires()) {
                if (template.contains(wire.to())) {
                    String from = template.contains(wire.from()) ? renamed(wire.from(), template.name(), copyName) : previous;
                    wires.add(new Wire(from, renamed(wire.to(), template.name(), copyName), wire.port()));
                }
            }
            Block copy = new Block(copyName, template.kind(), template.shortcutOption(),
                    renamed(template.branchEnd(), template.name(), copyName),
                    template.members().stream().map(m -> renamed(m, template.name(), copyName)).toList());
            String output = renamed(network.blockOutput(template), template.name(), copyName);
            result = splice(result, previous, nodes, wires, List.of(copy), output);
            previous = output;
        }
        return result;
    }

    /**
     * Adds nodes, wires and blocks after node {@code after}, and moves every wire that left {@code after} before
     * (except those into the added nodes) to leave {@code output} instead.
     */
    private static Network splice(Network network, String after, List<Node> added, List<Wire> addedWires,
            List<Block> addedBlocks, String output) {
        Set<String> addedNames = new LinkedHashSet<>();
        added.forEach(n -> addedNames.add(n.name()));
        List<Node> nodes = new ArrayList<>();
        for (Node node : network.nodes()) {
            nodes.add(node);
            if (node.name().equals(after)) {
                nodes.addAll(added);
            }
        }
        List<Wire> wires = new ArrayList<>();
        for (Wire wire : network.wires()) {
            wires.add(wire.from().equals(after) ? new Wire(output, wire.to(), wire.port()) : wire);
        }
        wires.addAll(addedWires);
        List<Block> blocks = new ArrayList<>(network.blocks());
        blocks.addAll(addedBlocks);
        return new Network(network.name(), nodes, wires, blocks);
    }

    private static LayerSpec unstrided(LayerSpec layer) {
        if (layer instanceof Conv2D conv) {
            return new Conv2D(conv.filters(), conv.kernel(), 1, conv.kernel() / 2, conv.bias());
        }
        if (layer instanceof Shortcut shortcut) {
            return new Shortcut(shortcut.option(), shortcut.filters(), 1);
        }
        return layer;
    }

    private static String renamed(String member, String from, String to) {
        return member.startsWith(from + ".") ? to + member.substring(from.length()) : to + "." + member;
    }

    /** A network with things pasted or dropped into it, and the names they got there (old name to new name). */
    public record Merged(Network network, Map<String, String> names) {
        public Merged {
            names = Map.copyOf(names);
        }
    }

    /**
     * The chosen nodes as a network of their own (what Copy takes): their wires among each other, and the blocks
     * all of whose members are chosen. Wires from nodes outside the choice are left out, so those ports are open.
     */
    public static Network extract(Network network, Collection<String> names) {
        Set<String> chosen = new HashSet<>(names);
        List<Node> nodes = network.nodes().stream().filter(n -> chosen.contains(n.name())).toList();
        List<Wire> wires = network.wires().stream().filter(w -> chosen.contains(w.from()) && chosen.contains(w.to()))
                .toList();
        List<Block> blocks = network.blocks().stream().filter(b -> chosen.containsAll(b.members())).toList();
        return new Network(network.name(), nodes, wires, blocks);
    }

    /**
     * Adds every node, wire and block of {@code part} to {@code network} (what Paste does). Names already taken
     * get a fresh one: a block becomes the next free {@code blockN} and its members are renamed with it
     * ({@code block2.conv1} becomes {@code block5.conv1}); another node gets a number ({@code conv1} becomes
     * {@code conv1_2}).
     */
    public static Merged merge(Network network, Network part) {
        Set<String> taken = new HashSet<>();
        network.nodes().forEach(n -> taken.add(n.name()));
        network.blocks().forEach(b -> taken.add(b.name()));
        Map<String, String> names = new LinkedHashMap<>();
        for (Block block : part.blocks()) {
            String name = block.name();
            if (taken.contains(name) || block.members().stream().anyMatch(taken::contains)) {
                name = freeBlockName(network, taken);
            }
            taken.add(name);
            names.put(block.name(), name);
            for (String member : block.members()) {
                String renamed = block.name().equals(name) ? member : renamed(member, block.name(), name);
                names.put(member, unique(renamed, taken));
            }
        }
        for (Node node : part.nodes()) {
            if (!names.containsKey(node.name())) {
                names.put(node.name(), unique(node.name(), taken));
            }
        }
        List<Node> nodes = new ArrayList<>(network.nodes());
        part.nodes().forEach(n -> nodes.add(new Node(names.get(n.name()), n.layer())));
        List<Wire> wires = new ArrayList<>(network.wires());
        part.wires().forEach(w -> wires.add(new Wire(names.get(w.from()), names.get(w.to()), w.port())));
        List<Block> blocks = new ArrayList<>(network.blocks());
        for (Block b : part.blocks()) {
            blocks.add(new Block(names.get(b.name()), b.kind(), b.shortcutOption(), names.get(b.branchEnd()),
                    b.members().stream().map(names::get).toList()));
        }
        return new Merged(new Network(network.name(), nodes, wires, blocks), names);
    }

    /** {@code name} if free, else {@code name_2}, {@code name_3} ... (a trailing {@code _N} is replaced); taken after. */
    private static String unique(String name, Set<String> taken) {
        String result = name;
        if (taken.contains(result)) {
            String base = name.replaceFirst("_\\d+$", "");
            int i = 2;
            while (taken.contains(base + "_" + i)) {
                i++;
            }
            result = base + "_" + i;
        }
        taken.add(result);
        return result;
    }

    /**
     * Adds a residual block of the given kind that reads nothing yet (its input ports are open), sized for input
     * of {@code shape}: a basic block on a flat vector is two dense layers, on an image two 3x3 convolutions.
     *
     * @throws IllegalStateException if the kind does not fit the shape (a bottleneck or pre-activation block on a
     *         flat vector, a bottleneck on channels that are not a multiple of 4)
     */
    public static Merged addDetachedBlock(Network network, BlockKind kind, Shape shape, ShortcutOption option,
            boolean batchNorm, ActivationFunction activation) {
        String name = freeBlockName(network);
        BlockStyle style = new BlockStyle(batchNorm, activation, option, true);
        NetworkBuilder b = new NetworkBuilder(network.name());
        String in = b.add("in", new Input(shape));
        int features = LayerSpec.features(shape);
        if (shape instanceof Shape.Flat) {
            if (kind == BlockKind.BOTTLENECK || kind == BlockKind.PREACT) {
                throw new IllegalStateException(Texts.format("networkEdits.needs.image", kind.id()));
            }
            ResidualBlocks.basicDense(b, name, in, features, style);
        } else {
            switch (kind) {
                case BASIC, CUSTOM -> ResidualBlocks.basicConv(b, name, in, features, 1, style);
                case BOTTLENECK -> {
                    if (features % 4 != 0) {
                        throw new IllegalStateException(Texts.format("networkEdits.bottleneck", features));
                    }
                    ResidualBlocks.bottleneck(b, name, in, features / 4, 1, style);
                }
                case PREACT -> ResidualBlocks.preActivation(b, name, in, features, 1, style);
            }
        }
        return merge(network, b.build().withoutNodes(Set.of(in)));
    }

    /** The first {@code blockN} not yet used by a block or node. */
    static String freeBlockName(Network network) {
        return freeBlockName(network, Set.of());
    }

    /** The first {@code blockN} not used by a block or node of the network, nor in {@code taken}. */
    private static String freeBlockName(Network network, Set<String> taken) {
        for (int i = network.blocks().size() + 1; ; i++) {
            String candidate = "block" + i;
            String prefix = candidate + ".";
            boolean used = network.block(candidate).isPresent() || taken.contains(candidate)
                    || taken.stream().anyMatch(n -> n.startsWith(prefix)) || network.nodes().stream()
                    .anyMatch(n -> n.name().equals(candidate) || n.name().startsWith(prefix));
            if (!used) {
                return candidate;
            }
        }
    }
}

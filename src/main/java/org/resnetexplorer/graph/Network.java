package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.resnetexplorer.i18n.Texts;

/**
 * A network as a directed graph of named layers joined by wires, with its residual blocks. Immutable: every
 * edit returns a new network, so an editor can keep the old one for undo.
 *
 * <p>The constructor refuses only what makes a graph meaningless (duplicate names, wires to nodes or ports
 * that do not exist, two wires into one port, a node in two blocks). A graph under construction may still
 * have cycles, open ports or mismatched shapes: {@link Analysis} reports those, each with a message.
 *
 * <p>Nodes keep the order they were added in (the order of tables and charts); wires compare as a set.
 */
public final class Network {
    private final String name;
    private final List<Node> nodes;
    private final List<Wire> wires;
    private final List<Block> blocks;
    private final Map<String, Node> nodesByName = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sources = new HashMap<>();
    private final Map<String, List<Wire>> consumers = new HashMap<>();
    private final Map<String, Block> blocksByName = new HashMap<>();
    private final Map<String, Block> blockOfNode = new HashMap<>();

    public Network(String name, List<Node> nodes, List<Wire> wires, List<Block> blocks) {
        this.name = Checks.name(name, "network");
        this.nodes = List.copyOf(nodes);
        this.wires = List.copyOf(wires);
        this.blocks = List.copyOf(blocks);
        for (Node node : this.nodes) {
            if (nodesByName.put(node.name(), node) != null) {
                throw new IllegalArgumentException(Texts.format("network.two.nodes", node.name()));
            }
        }
        for (Wire wire : this.wires) {
            indexWire(wire);
        }
        for (Block block : this.blocks) {
            indexBlock(block);
        }
    }

    private void indexWire(Wire wire) {
        if (!nodesByName.containsKey(wire.from())) {
            throw new IllegalArgumentException(Texts.format("network.wire.from", wire.from()));
        }
        Node to = nodesByName.get(wire.to());
        if (to == null) {
            throw new IllegalArgumentException(Texts.format("network.wire.to", wire.to()));
        }
        if (!to.layer().inputPorts().contains(wire.port())) {
            throw new IllegalArgumentException(Texts.format("network.no.port", to.layer().kind(), to.name(),
                    wire.port(), String.join(", ", to.layer().inputPorts())));
        }
        String earlier = sources.computeIfAbsent(wire.to(), k -> new HashMap<>()).put(wire.port(), wire.from());
        if (earlier != null) {
            throw new IllegalArgumentException(Texts.format("network.two.wires", wire.port(), wire.to(), earlier,
                    wire.from()));
        }
        consumers.computeIfAbsent(wire.from(), k -> new ArrayList<>()).add(wire);
    }

    private void indexBlock(Block block) {
        if (blocksByName.put(block.name(), block) != null) {
            throw new IllegalArgumentException(Texts.format("network.two.blocks", block.name()));
        }
        if (nodesByName.containsKey(block.name())) {
            throw new IllegalArgumentException(Texts.format("network.block.node.name", block.name()));
        }
        for (String member : block.members()) {
            if (!nodesByName.containsKey(member)) {
                throw new IllegalArgumentException(Texts.format("network.block.member", block.name(), member));
            }
            Block other = blockOfNode.put(member, block);
            if (other != null) {
                throw new IllegalArgumentException(Texts.format("network.two.blocks.member", member, other.name(),
                        block.name()));
            }
        }
    }

    public String name() {
        return name;
    }

    /** All nodes, in the order they were added. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Wire> wires() {
        return wires;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Optional<Node> node(String nodeName) {
        return Optional.ofNullable(nodesByName.get(nodeName));
    }

    /** The node of that name. @throws IllegalArgumentException if there is none */
    public Node requireNode(String nodeName) {
        return node(nodeName).orElseThrow(() -> new IllegalArgumentException(Texts.format("network.no.node", nodeName)));
    }

    public Optional<Block> block(String blockName) {
        return Optional.ofNullable(blocksByName.get(blockName));
    }

    /** The block a node belongs to, if any. */
    public Optional<Block> blockOf(String nodeName) {
        return Optional.ofNullable(blockOfNode.get(nodeName));
    }

    /**
     * The node whose output leaves {@code block} (what feeds the layers after it): its last member that feeds
     * something outside the block, or its last member when nothing outside reads from it yet.
     */
    public String blockOutput(Block block) {
        List<String> members = block.members();
        for (int i = members.size() - 1; i >= 0; i--) {
            String member = members.get(i);
            if (consumers(member).stream().anyMatch(w -> !block.contains(w.to()))) {
                return member;
            }
        }
        return members.get(members.size() - 1);
    }

    /** The node wired into that input port of {@code nodeName}, if any. */
    public Optional<String> source(String nodeName, String port) {
        return Optional.ofNullable(sources.getOrDefault(nodeName, Map.of()).get(port));
    }

    /** The wires that carry the output of {@code nodeName} onwards. */
    public List<Wire> consumers(String nodeName) {
        return List.copyOf(consumers.getOrDefault(nodeName, List.of()));
    }

    /** This network under another name. */
    public Network withName(String newName) {
        return new Network(newName, nodes, wires, blocks);
    }

    /** This network with one more node, at the end. */
    public Network withNode(Node node) {
        List<Node> next = new ArrayList<>(nodes);
        next.add(node);
        return new Network(name, next, wires, blocks);
    }

    /** This network with the layer of an existing node replaced (its name and wires stay). */
    public Network withLayer(String nodeName, LayerSpec layer) {
        requireNode(nodeName);
        return new Network(name, nodes.stream().map(n -> n.name().equals(nodeName) ? new Node(nodeName, layer) : n).toList(),
                wires, blocks);
    }

    /** This network with every layer passed through {@code change} (which returns the layer itself to keep it). */
    public Network mapLayers(UnaryOperator<LayerSpec> change) {
        return new Network(name, nodes.stream().map(n -> new Node(n.name(), change.apply(n.layer()))).toList(), wires,
                blocks);
    }

    /** This network without these nodes, their wires, and their places in blocks (an emptied block goes too). */
    public Network withoutNodes(Set<String> names) {
        List<Block> nextBlocks = new ArrayList<>();
        for (Block block : blocks) {
            List<String> members = block.members().stream().filter(m -> !names.contains(m)).toList();
            if (!members.isEmpty() && members.contains(block.branchEnd())) {
                nextBlocks.add(new Block(block.name(), block.kind(), block.shortcutOption(), block.branchEnd(), members));
            }
        }
        return new Network(name, nodes.stream().filter(n -> !names.contains(n.name())).toList(),
                wires.stream().filter(w -> !names.contains(w.from()) && !names.contains(w.to())).toList(), nextBlocks);
    }

    /** This network with one more wire. @throws IllegalArgumentException if the port is taken or absent */
    public Network connect(Wire wire) {
        List<Wire> next = new ArrayList<>(wires);
        next.add(wire);
        return new Network(name, nodes, next, blocks);
    }

    /** This network without the wire into that port of {@code nodeName} (unchanged if there is none). */
    public Network disconnect(String nodeName, String port) {
        return new Network(name, nodes,
                wires.stream().filter(w -> !(w.to().equals(nodeName) && w.port().equals(port))).toList(), blocks);
    }

    /** This network with a block added or, if one of that name exists, replaced. */
    public Network withBlock(Block block) {
        List<Block> next = new ArrayList<>(blocks.stream().filter(b -> !b.name().equals(block.name())).toList());
        next.add(block);
        return new Network(name, nodes, wires, next);
    }

    /** This network reading examples of another shape (the shapes after the Input follow from it). */
    public Network withInputShape(Shape shape) {
        return mapLayers(layer -> layer instanceof Input ? new Input(shape) : layer);
    }

    /**
     * This network predicting {@code classes} classes: its Output, and a Dense layer feeding the Output
     * directly, are resized to match.
     */
    public Network withClasses(int classes) {
        Set<String> scoreLayers = new HashSet<>();
        for (Node node : nodes) {
            if (node.layer() instanceof Output) {
                source(node.name(), LayerSpec.IN).filter(s -> nodesByName.get(s).layer() instanceof Dense)
                        .ifPresent(scoreLayers::add);
            }
        }
        List<Node> next = nodes.stream().map(n -> {
            if (n.layer() instanceof Output) {
                return new Node(n.name(), new Output(classes));
            }
            if (scoreLayers.contains(n.name())) {
                return new Node(n.name(), new Dense(classes, ((Dense) n.layer()).bias()));
            }
            return n;
        }).toList();
        return new Network(name, next, wires, blocks);
    }

    /** This network with every shortcut, present or to come (blocks switched off), of the given option. */
    public Network withShortcutOption(ShortcutOption option) {
        List<Node> next = nodes.stream().map(n -> n.layer() instanceof Shortcut s
                ? new Node(n.name(), new Shortcut(option, s.filters(), s.stride())) : n).toList();
        List<Block> nextBlocks = blocks.stream()
                .map(b -> new Block(b.name(), b.kind(), option, b.branchEnd(), b.members())).toList();
        return new Network(name, next, wires, nextBlocks);
    }

    /** Whether the block's shortcut is on, i.e. it holds an {@link Add}. */
    public boolean hasShortcut(String blockName) {
        return findAdd(requireBlock(blockName)).isPresent();
    }

    /**
     * This network with the block's shortcut turned on or off. Off removes the block's {@link Add} and
     * {@link Shortcut} and feeds the residual branch straight on: the plain twin, with the same layers. On
     * puts them back, the shortcut sized to the branch's output (its shapes must be known).
     *
     * @throws IllegalStateException if the shortcut cannot be added, saying why
     */
    public Network withShortcut(String blockName, boolean on) {
        Block block = requireBlock(blockName);
        Optional<String> add = findAdd(block);
        if (on == add.isPresent()) {
            return this;
        }
        return on ? ShortcutSwitch.turnOn(this, block) : ShortcutSwitch.turnOff(this, block, add.get());
    }

    /** This network with every block's shortcut on or off: a residual network and its plain twin. */
    public Network withAllShortcuts(boolean on) {
        Network result = this;
        for (Block block : blocks) {
            result = result.withShortcut(block.name(), on);
        }
        return result;
    }

    private Block requireBlock(String blockName) {
        return block(blockName).orElseThrow(() -> new IllegalArgumentException(Texts.format("networkEdits.no.block", blockName)));
    }

    private Optional<String> findAdd(Block block) {
        return block.members().stream().filter(m -> nodesByName.get(m).layer() instanceof Add).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network other && name.equals(other.name) && nodes.equals(other.nodes)
                && new HashSet<>(wires).equals(new HashSet<>(other.wires)) && blocks.equals(other.blocks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodes, new HashSet<>(wires), blocks);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + nodes.size() + " nodes, " + wires.size() + " wires, " + blocks.size() + " blocks]";
    }
}

package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.List;

/** Builds a network layer by layer: each added node is wired from the nodes named, one per input port. */
public final class NetworkBuilder {
    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    public NetworkBuilder(String name) {
        this.name = name;
    }

    /**
     * Adds a node whose input ports (in order) are fed by {@code from}, and returns its name.
     *
     * @throws IllegalArgumentException if {@code from} does not give one node per input port
     */
    public String add(String nodeName, LayerSpec layer, String... from) {
        List<String> ports = layer.inputPorts();
        if (ports.size() != from.length) {
            throw new IllegalArgumentException(layer.kind() + " '" + nodeName + "' has " + ports.size()
                    + " input ports, not " + from.length);
        }
        nodes.add(new Node(nodeName, layer));
        for (int i = 0; i < from.length; i++) {
            wires.add(new Wire(from[i], nodeName, ports.get(i)));
        }
        return nodeName;
    }

    /** How many nodes have been added so far: a mark from which {@link #namesSince} lists a block's members. */
    public int size() {
        return nodes.size();
    }

    /** Names of the nodes added since {@code mark}, in order. */
    public List<String> namesSince(int mark) {
        return nodes.subList(mark, nodes.size()).stream().map(Node::name).toList();
    }

    public void addBlock(Block block) {
        blocks.add(block);
    }

    /** The network built so far. @throws IllegalArgumentException if it is structurally broken */
    public Network build() {
        return new Network(name, nodes, wires, blocks);
    }
}

package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Output;

/**
 * The places in a network where a student looks at what it has made of the data, in network order: the input,
 * the layers before the first block, each block's output, and the class scores. A ResNet and its plain twin (the
 * same network with every shortcut off) have the same stages under the same names: a block's output is the node
 * that feeds the layers after it, in a basic block its last ReLU, which both nets keep.
 */
public final class NetworkStages {
    /** What a stage is. */
    public enum Kind {
        /** The examples as they go in. */
        INPUT,
        /** The layers before the first block (a network's stem). */
        STEM,
        /** A block's output: what the next block receives. */
        BLOCK,
        /** The output of an activation layer, in a network without blocks. */
        LAYER,
        /** The scores the softmax turns into class probabilities (the logits). */
        SCORES
    }

    /**
     * One stage.
     *
     * @param kind   what it is
     * @param node   the node whose output it is
     * @param number for a block, its number from 1 (for a layer, the layer's); 0 for the others
     * @param of     how many blocks (or layers) the network has; 0 for the other kinds
     */
    public record Stage(Kind kind, String node, int number, int of) {
        public Stage {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(node, "node");
        }
    }

    private NetworkStages() {
    }

    /** The stages of a valid network with one input and one output, in network order. */
    public static List<Stage> of(Network network) {
        List<Stage> stages = new ArrayList<>();
        String input = only(network, Input.class);
        String scores = network.source(only(network, Output.class), LayerSpec.IN).orElseThrow();
        stages.add(new Stage(Kind.INPUT, input, 0, 0));
        List<Block> blocks = network.blocks();
        if (blocks.isEmpty()) {
            List<String> layers = network.nodes().stream().filter(n -> n.layer() instanceof Activation)
                    .map(Node::name).toList();
            for (int i = 0; i < layers.size(); i++) {
                stages.add(new Stage(Kind.LAYER, layers.get(i), i + 1, layers.size()));
            }
        } else {
            String entry = entryOf(network, blocks.get(0));
            if (!entry.equals(input)) {
                stages.add(new Stage(Kind.STEM, entry, 0, 0));
            }
            for (int i = 0; i < blocks.size(); i++) {
                stages.add(new Stage(Kind.BLOCK, network.blockOutput(blocks.get(i)), i + 1, blocks.size()));
            }
        }
        if (stages.stream().noneMatch(s -> s.node().equals(scores))) {
            stages.add(new Stage(Kind.SCORES, scores, 0, 0));
        }
        return List.copyOf(stages);
    }

    /** The node outside a block that feeds it (its input x). */
    private static String entryOf(Network network, Block block) {
        return network.wires().stream().filter(w -> block.contains(w.to()) && !block.contains(w.from()))
                .map(org.resnetexplorer.graph.Wire::from).findFirst().orElseThrow();
    }

    private static String only(Network network, Class<?> kind) {
        List<String> found = network.nodes().stream().filter(n -> kind.isInstance(n.layer())).map(Node::name).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(network.name() + " has " + found.size() + " " + kind.getSimpleName()
                    + " nodes, not one");
        }
        return found.get(0);
    }
}

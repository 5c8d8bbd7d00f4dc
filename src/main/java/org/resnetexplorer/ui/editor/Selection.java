package org.resnetexplorer.ui.editor;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Wire;

/**
 * What is selected, as a value the editing commands read: boxes by name (nodes, and collapsed blocks by block
 * name) and wires. {@link SelectionModel} holds the one the editor shows.
 */
record Selection(Set<String> items, Set<Wire> wires) {
    static final Selection NONE = new Selection(Set.of(), Set.of());

    Selection {
        items = Set.copyOf(items);
        wires = Set.copyOf(wires);
    }

    /** Some boxes and no wires. */
    static Selection of(Set<String> items) {
        return new Selection(items, Set.of());
    }

    /** Every node the selection stands for: the selected nodes, and all layers of the selected collapsed blocks. */
    Set<String> nodes(Network network) {
        Set<String> nodes = new LinkedHashSet<>();
        for (String item : items) {
            network.block(item).ifPresentOrElse(b -> nodes.addAll(b.members()), () -> nodes.add(item));
        }
        return nodes;
    }

    /** The blocks the selection touches: selected collapsed blocks, and the blocks of selected layers. */
    Set<String> blocks(Network network) {
        Set<String> blocks = new LinkedHashSet<>();
        for (String item : items) {
            network.block(item).ifPresentOrElse(b -> blocks.add(b.name()),
                    () -> network.blockOf(item).ifPresent(b -> blocks.add(b.name())));
        }
        return blocks;
    }

    /** The node whose output the one selected box hands on (a block's output node), if exactly one is selected. */
    Optional<String> singleOutput(Network network) {
        if (items.size() != 1) {
            return Optional.empty();
        }
        String item = items.iterator().next();
        return Optional.of(network.block(item).map(network::blockOutput).orElse(item));
    }
}

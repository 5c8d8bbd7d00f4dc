package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.Wire;

/**
 * Places the visible items of a network top to bottom, the way the paper draws a ResNet: the main path in one
 * column, each shortcut beside the end of the branch it skips, one row per step of the longest path from the
 * input. A collapsed block is one item, named by the block. Pure geometry: no JavaFX.
 */
public final class GraphLayout {
    public static final double ROW = 86;
    public static final double COLUMN = 230;

    /** Where an item's top-left corner goes, in canvas units. */
    public record Position(double x, double y) {
    }

    private GraphLayout() {
    }

    /**
     * The item each node shows as: the node itself, or its block when that block is collapsed.
     */
    public static Map<String, String> items(Network network, Set<String> collapsed) {
        Map<String, String> items = new LinkedHashMap<>();
        for (var node : network.nodes()) {
            String item = network.blockOf(node.name()).filter(b -> collapsed.contains(b.name())).map(Block::name)
                    .orElse(node.name());
            items.put(node.name(), item);
        }
        return items;
    }

    /** Positions of every visible item (nodes, and collapsed blocks by block name). */
    public static Map<String, Position> place(Network network, Analysis analysis, Set<String> collapsed) {
        Map<String, String> items = items(network, collapsed);
        Map<String, Integer> rank = new HashMap<>();
        Map<String, Integer> column = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (String node : analysis.order()) {
            String item = items.get(node);
            if (!order.contains(item)) {
                order.add(item);
            }
        }
        Map<String, List<String>> itemSources = new HashMap<>();
        for (Wire wire : network.wires()) {
            String from = items.get(wire.from());
            String to = items.get(wire.to());
            if (!from.equals(to)) {
                itemSources.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
            }
        }
        for (String item : order) {
            int r = 0;
            for (String source : itemSources.getOrDefault(item, List.of())) {
                r = Math.max(r, rank.getOrDefault(source, 0) + 1);
            }
            rank.put(item, r);
            column.put(item, isShortcut(network, item) ? 1 : 0);
        }
        // a shortcut sits beside the last layer of the branch it skips, just above its addition
        for (String item : order) {
            if (isShortcut(network, item)) {
                network.consumers(item).stream().filter(w -> network.requireNode(w.to()).layer() instanceof Add)
                        .findFirst().ifPresent(w -> rank.put(item, Math.max(rank.get(item), rank.get(items.get(w.to())) - 1)));
            }
        }
        Map<String, Position> positions = new LinkedHashMap<>();
        Map<Integer, Integer> nextFree = new HashMap<>();
        for (String item : order) {
            int r = rank.get(item);
            int c = Math.max(column.get(item), nextFree.getOrDefault(r, 0));
            nextFree.put(r, c + 1);
            positions.put(item, new Position(c * COLUMN, r * ROW));
        }
        return positions;
    }

    private static boolean isShortcut(Network network, String item) {
        return network.node(item).map(n -> n.layer() instanceof Shortcut).orElse(false);
    }
}

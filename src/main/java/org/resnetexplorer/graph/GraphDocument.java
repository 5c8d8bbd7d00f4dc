package org.resnetexplorer.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the graph editor shows and edits, as one immutable value: the network, where its boxes are, and which
 * residual blocks are collapsed into one box. A value, so that undo keeps the previous document.
 *
 * <p>{@code positions} maps a node name, or the name of a block (its place while collapsed), to the top-left
 * corner of its box; a missing entry means "wherever the automatic layout puts it", so an empty map is a fully
 * automatic layout. Names that are not in the network are dropped, and so are collapsed names that are not
 * blocks: two documents that show the same thing are equal.
 *
 * <p>{@code points} are the points drawn to train on (the "custom" dataset): the student's data, saved and undone
 * with the network they are for.
 */
public record GraphDocument(Network network, Map<String, Point> positions, Set<String> collapsed, DrawnPoints points) {
    public GraphDocument {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(points, "points");
        Map<String, Point> known = new HashMap<>();
        positions.forEach((name, point) -> {
            if (network.node(name).isPresent() || network.block(name).isPresent()) {
                known.put(name, Objects.requireNonNull(point, "position of " + name));
            }
        });
        positions = Map.copyOf(known);
        Set<String> blocks = new HashSet<>();
        for (String name : collapsed) {
            if (network.block(name).isPresent()) {
                blocks.add(name);
            }
        }
        collapsed = Set.copyOf(blocks);
    }

    /** A document without drawn points. */
    public GraphDocument(Network network, Map<String, Point> positions, Set<String> collapsed) {
        this(network, positions, collapsed, DrawnPoints.NONE);
    }

    /** A network laid out automatically, every block expanded. */
    public static GraphDocument of(Network network) {
        return new GraphDocument(network, Map.of(), Set.of());
    }

    /** Networks with more layers than this open with their blocks collapsed. */
    public static final int COLLAPSE_ABOVE = 60;

    /**
     * A document for a network just opened (a template, or a file without a layout): laid out automatically, and
     * a deep network (more than {@value #COLLAPSE_ABOVE} layers) with every block collapsed, so that it opens as a
     * few dozen boxes.
     */
    public static GraphDocument opened(Network network) {
        Set<String> collapsed = new HashSet<>();
        if (network.nodes().size() > COLLAPSE_ABOVE) {
            network.blocks().forEach(b -> collapsed.add(b.name()));
        }
        return new GraphDocument(network, Map.of(), collapsed);
    }

    public GraphDocument withNetwork(Network next) {
        return new GraphDocument(next, positions, collapsed, points);
    }

    public GraphDocument withPositions(Map<String, Point> next) {
        return new GraphDocument(network, next, collapsed, points);
    }

    public GraphDocument withCollapsed(Set<String> next) {
        return new GraphDocument(network, positions, next, points);
    }

    /** The same network and collapsed blocks, laid out automatically. */
    public GraphDocument withAutomaticLayout() {
        return new GraphDocument(network, Map.of(), collapsed, points);
    }

    /** The same network and layout with {@code next} as the drawn points. */
    public GraphDocument withPoints(DrawnPoints next) {
        return new GraphDocument(network, positions, collapsed, next);
    }

    public boolean isCollapsed(String block) {
        return collapsed.contains(block);
    }
}

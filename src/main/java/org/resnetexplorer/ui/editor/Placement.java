package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Wire;

/**
 * Where each visible box of a document goes, and the layout side of collapsing and expanding. A box with a
 * saved position goes there; one without follows the automatic layout ({@link GraphLayout}), placed relative to
 * a box it reads from that is already placed (so a new layer lands beside its neighbours, not in another frame
 * of reference), or relative to its block's place when the block was collapsed. Pure geometry: no JavaFX.
 */
final class Placement {
    private Placement() {
    }

    /** Top-left corners of every visible item (nodes, and collapsed blocks by block name), in network order. */
    static Map<String, Point> resolve(GraphDocument document, Analysis analysis) {
        Network network = document.network();
        Map<String, GraphLayout.Position> auto = GraphLayout.place(network, analysis, document.collapsed());
        Map<String, Point> result = new LinkedHashMap<>();
        if (document.positions().isEmpty()) {
            auto.forEach((item, p) -> result.put(item, new Point(p.x(), p.y())));
            return result;
        }
        Map<String, String> items = GraphLayout.items(network, document.collapsed());
        Map<String, List<String>> sources = new HashMap<>();
        for (Wire wire : network.wires()) {
            String from = items.get(wire.from());
            String to = items.get(wire.to());
            if (!from.equals(to)) {
                sources.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
            }
        }
        for (Map.Entry<String, GraphLayout.Position> entry : auto.entrySet()) {
            String item = entry.getKey();
            GraphLayout.Position own = entry.getValue();
            Point saved = document.positions().get(item);
            if (saved != null) {
                result.put(item, saved);
                continue;
            }
            Point anchored = null;
            Block block = network.blockOf(item).orElse(null);
            if (block != null && document.positions().containsKey(block.name())) {
                GraphLayout.Position origin = corner(block.members(), auto);
                Point at = document.positions().get(block.name());
                anchored = new Point(at.x() + own.x() - origin.x(), at.y() + own.y() - origin.y());
            }
            for (String source : sources.getOrDefault(item, List.of())) {
                if (anchored == null && result.containsKey(source) && auto.containsKey(source)) {
                    Point at = result.get(source);
                    GraphLayout.Position theirs = auto.get(source);
                    anchored = new Point(at.x() + own.x() - theirs.x(), at.y() + own.y() - theirs.y());
                }
            }
            result.put(item, anchored != null ? anchored : new Point(own.x(), own.y()));
        }
        return result;
    }

    /** The saved positions with every visible item's place made explicit: after this, nothing moves by itself. */
    static Map<String, Point> frozen(GraphDocument document, Map<String, Point> placed) {
        Map<String, Point> positions = new HashMap<>(document.positions());
        positions.putAll(placed);
        return positions;
    }

    /**
     * The document with {@code block} collapsed. With a laid-out document the block's box takes the place of its
     * first layer and what lies below the block moves up by the height the block no longer takes.
     */
    static GraphDocument collapse(GraphDocument document, Map<String, Point> placed, String block) {
        Set<String> collapsed = new HashSet<>(document.collapsed());
        collapsed.add(block);
        if (document.positions().isEmpty()) {
            return document.withCollapsed(collapsed);
        }
        Block b = document.network().block(block).orElseThrow();
        List<Point> members = b.members().stream().map(placed::get).filter(p -> p != null).toList();
        if (members.isEmpty()) {
            return document.withCollapsed(collapsed);
        }
        Point first = placed.getOrDefault(b.members().get(0), members.get(0));
        double top = members.stream().mapToDouble(Point::y).min().orElseThrow();
        double bottom = members.stream().mapToDouble(Point::y).max().orElseThrow();
        double extent = bottom - top;
        Map<String, Point> positions = frozen(document, placed);
        for (Map.Entry<String, Point> e : positions.entrySet()) {
            if (!b.contains(e.getKey()) && e.getValue().y() > bottom + ItemSkin.HEIGHT / 2) {
                e.setValue(e.getValue().plus(0, -extent));
            }
        }
        positions.put(block, new Point(first.x(), top));
        return new GraphDocument(document.network(), positions, collapsed);
    }

    /**
     * The document with {@code block} expanded. With a laid-out document its layers appear where the block's box
     * was (as they were saved, or as the automatic layout arranges them), and what lies below moves down to make
     * room.
     */
    static GraphDocument expand(GraphDocument document, Map<String, Point> placed, Analysis analysis, String block) {
        Set<String> collapsed = new HashSet<>(document.collapsed());
        collapsed.remove(block);
        if (document.positions().isEmpty()) {
            return document.withCollapsed(collapsed);
        }
        Network network = document.network();
        Block b = network.block(block).orElseThrow();
        Point at = placed.getOrDefault(block, document.positions().get(block));
        if (at == null) {
            return document.withCollapsed(collapsed);
        }
        Map<String, Point> relative = new HashMap<>();
        if (document.positions().keySet().containsAll(b.members())) {
            b.members().forEach(m -> relative.put(m, document.positions().get(m)));
        } else {
            Map<String, GraphLayout.Position> auto = GraphLayout.place(network, analysis, collapsed);
            b.members().forEach(m -> relative.put(m, new Point(auto.get(m).x(), auto.get(m).y())));
        }
        double left = relative.get(b.members().get(0)).x();
        double top = relative.values().stream().mapToDouble(Point::y).min().orElseThrow();
        double bottom = relative.values().stream().mapToDouble(Point::y).max().orElseThrow();
        Map<String, Point> positions = frozen(document, placed);
        positions.remove(block);
        for (Map.Entry<String, Point> e : positions.entrySet()) {
            if (!b.contains(e.getKey()) && e.getValue().y() > at.y() + ItemSkin.HEIGHT / 2) {
                e.setValue(e.getValue().plus(0, bottom - top));
            }
        }
        relative.forEach((m, p) -> positions.put(m, new Point(at.x() + p.x() - left, at.y() + p.y() - top)));
        return new GraphDocument(network, positions, collapsed);
    }

    private static GraphLayout.Position corner(List<String> names, Map<String, GraphLayout.Position> auto) {
        double x = Double.MAX_VALUE;
        double y = Double.MAX_VALUE;
        for (String name : names) {
            GraphLayout.Position p = auto.get(name);
            if (p != null) {
                x = Math.min(x, p.x());
                y = Math.min(y, p.y());
            }
        }
        return new GraphLayout.Position(x == Double.MAX_VALUE ? 0 : x, y == Double.MAX_VALUE ? 0 : y);
    }
}

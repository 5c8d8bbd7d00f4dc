package org.resnetexplorer.ui.editor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkEdits;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.i18n.Texts;

/**
 * What Copy keeps for Paste: the copied layers as a network of their own (with the wires among them), their
 * places, which of their blocks were collapsed, and the boxes that were selected. Not an edit; pasting is.
 *
 * @param part      the copied layers, their wires among each other, and the blocks copied whole
 * @param positions places of the copied boxes (layers, and collapsed blocks by name)
 * @param collapsed the copied blocks that were collapsed
 * @param items     the boxes that were selected, selected again once pasted
 */
record Clip(Network part, Map<String, Point> positions, Set<String> collapsed, Set<String> items) {
    private static final String PASTE = Texts.get("graphView.paste");
    static final String NOTHING_TO_PASTE = Texts.get("graphView.nothing.to.paste");
    /** How far each paste lands below and right of the one before (or of the original), in canvas units. */
    private static final double OFFSET = 40;

    /** The selected boxes and the wires among them, or nothing when no layer is selected. */
    static Optional<Clip> copy(ShownDocument shown, Selection selection) {
        Network network = shown.network();
        Set<String> nodes = selection.nodes(network);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        Network part = NetworkEdits.extract(network, nodes);
        Map<String, Point> positions = new HashMap<>();
        for (String name : nodes) {
            Point p = shown.places().getOrDefault(name, shown.document().positions().get(name));
            if (p != null) {
                positions.put(name, p);
            }
        }
        Set<String> collapsed = new HashSet<>();
        for (String item : selection.items()) {
            if (network.block(item).isPresent() && part.block(item).isPresent()) {
                positions.put(item, shown.places().get(item));
                collapsed.add(item);
            }
        }
        return Optional.of(new Clip(part, positions, collapsed, selection.items()));
    }

    /**
     * Adds what was copied under fresh names, {@code times} offsets below and to the right of where it was (the
     * first paste once, the next twice ...), and selects it.
     */
    Outcome paste(ShownDocument shown, int times) {
        GraphDocument current = shown.document();
        NetworkEdits.Merged merged = NetworkEdits.merge(current.network(), part);
        Map<String, Point> pasted = shown.frozen();
        double offset = OFFSET * times;
        positions.forEach((name, p) -> pasted.put(merged.names().get(name), p.plus(offset, offset)));
        Set<String> nextCollapsed = new HashSet<>(current.collapsed());
        collapsed.forEach(b -> nextCollapsed.add(merged.names().get(b)));
        Set<String> selection = items.stream().map(i -> merged.names().getOrDefault(i, i))
                .filter(n -> merged.names().containsValue(n)).collect(Collectors.toSet());
        int count = part.nodes().size();
        return new Outcome.Edit(String.format(PASTE, count == 1 ? part.nodes().get(0).name()
                : String.format(EditCommands.NODES, count)), new GraphDocument(merged.network(), pasted, nextCollapsed),
                selection);
    }
}

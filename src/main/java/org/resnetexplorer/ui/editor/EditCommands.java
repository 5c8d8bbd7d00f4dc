package org.resnetexplorer.ui.editor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Wire;
import org.resnetexplorer.i18n.Texts;

/**
 * The editing commands on boxes and wires, as pure functions from what is shown and selected to the next document
 * under the name the Undo menu shows ("Delete conv1", "Move 3 items"), or to the reason they are refused: delete,
 * cut, move, connect, add a layer, lay out anew. The editor hands the result to its host, which keeps the history.
 * The commands on residual blocks are in {@link BlockCommands}, copy and paste in {@link Clip}.
 */
final class EditCommands {
    private static final String MOVE = Texts.get("graphView.move");
    private static final String MOVE_N = Texts.get("graphView.move.n");
    private static final String CONNECT = Texts.get("graphView.connect");
    private static final String NOT_CONNECTED = Texts.get("graphView.not.connected");
    private static final String DELETE = Texts.get("graphView.delete");
    private static final String CUT = Texts.get("graphView.cut");
    private static final String ADD_LAYER = Texts.get("graphView.add.layer");
    private static final String AUTO_LAYOUT = Texts.get("graphView.auto.layout");
    static final String NOTHING_SELECTED = Texts.get("graphView.nothing.selected");
    /** "3 nodes": how many layers an edit takes (Delete, Cut, Paste). */
    static final String NODES = Texts.get("graphView.nodes");
    private static final String WIRES = Texts.get("graphView.wires");
    private static final String WIRE = Texts.get("graphView.wire");
    private static final String AND = Texts.get("graphView.and");

    private EditCommands() {
    }

    /** Deletes the selected boxes (a collapsed block with all its layers) and the selected wires, as one edit. */
    static Outcome delete(ShownDocument shown, Selection selection) {
        return removing(DELETE, shown, selection);
    }

    /** The deleting half of Cut (the editor copies first): as {@link #delete}, named "Cut". */
    static Outcome cut(ShownDocument shown, Selection selection) {
        return removing(CUT, shown, selection);
    }

    private static Outcome removing(String format, ShownDocument shown, Selection selection) {
        Network network = shown.network();
        Set<String> nodes = selection.nodes(network);
        if (nodes.isEmpty() && selection.wires().isEmpty()) {
            return new Outcome.Refused(NOTHING_SELECTED);
        }
        Network next = network.withoutNodes(nodes);
        for (Wire wire : selection.wires()) {
            next = next.disconnect(wire.to(), wire.port());
        }
        GraphDocument current = shown.document();
        return new Outcome.Edit(String.format(format, describe(network, selection)),
                new GraphDocument(next, shown.frozen(), current.collapsed()), Set.of());
    }

    /** "conv1", "3 nodes", "1 wire", "2 nodes and 1 wire": what a deletion takes (wires go with their layers). */
    private static String describe(Network network, Selection selection) {
        Set<String> nodes = selection.nodes(network);
        Set<Wire> wires = new HashSet<>(selection.wires());
        wires.removeIf(w -> nodes.contains(w.from()) || nodes.contains(w.to()));
        String nodeText = nodes.size() == 1 ? nodes.iterator().next() : String.format(NODES, nodes.size());
        String wireText = wires.size() == 1 ? WIRE : String.format(WIRES, wires.size());
        if (!nodes.isEmpty() && !wires.isEmpty()) {
            return String.format(AND, nodeText, wireText);
        }
        return !nodes.isEmpty() ? nodeText : wireText;
    }

    /**
     * Boxes dragged from {@code from} to {@code to} (top-left corners by box): every box keeps its place from now
     * on, and a collapsed block takes its saved layers along.
     */
    static Outcome move(ShownDocument shown, Map<String, Point> from, Map<String, Point> to) {
        Map<String, Point> positions = shown.frozen();
        Network network = shown.network();
        for (String item : from.keySet()) {
            Point start = from.get(item);
            Point end = to.get(item);
            positions.put(item, end);
            network.block(item).ifPresent(b -> b.members().forEach(m -> {
                Point p = positions.get(m);
                if (p != null) {
                    positions.put(m, p.plus(end.x() - start.x(), end.y() - start.y()));
                }
            }));
        }
        String name = from.size() == 1 ? MOVE : String.format(MOVE_N, from.size());
        return new Outcome.Edit(name, shown.document().withPositions(positions));
    }

    /**
     * A wire dragged from {@code from}'s output onto {@code to} (a layer, or a collapsed block), as
     * {@link Connections#check} judged it: the network with the wire, or why not.
     */
    static Outcome connect(ShownDocument shown, String from, String to, Connections.Result result) {
        if (!result.allowed()) {
            return new Outcome.Refused(String.format(NOT_CONNECTED, result.refusal()));
        }
        return new Outcome.Edit(String.format(CONNECT, from, to),
                new GraphDocument(result.network(), shown.frozen(), shown.document().collapsed()));
    }

    /** Adds a new layer of a palette kind at {@code at} (its top-left corner), unconnected, and selects it. */
    static Outcome addLayer(ShownDocument shown, PaletteItem item, Point at) {
        GraphDocument current = shown.document();
        Network network = current.network();
        String name = freshName(network, item.baseName());
        Map<String, Point> positions = shown.frozen();
        positions.put(name, at);
        return new Outcome.Edit(String.format(ADD_LAYER, name), new GraphDocument(
                network.withNode(new Node(name, item.newLayer())), positions, current.collapsed()), Set.of(name));
    }

    /** "input" and "output" while there is none, else the base name and the first free number: conv1, conv2 ... */
    private static String freshName(Network network, String base) {
        if ((base.equals("input") || base.equals("output")) && isFree(network, base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (isFree(network, base + i)) {
                return base + i;
            }
        }
    }

    private static boolean isFree(Network network, String name) {
        return network.node(name).isEmpty() && network.block(name).isEmpty();
    }

    /** Forgets every saved position, so that the automatic layout places everything. */
    static Outcome autoLayout(GraphDocument document) {
        return new Outcome.Edit(AUTO_LAYOUT, document.withAutomaticLayout());
    }
}

package org.resnetexplorer.ui.editor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkEdits;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.i18n.Texts;

/**
 * The editing commands on residual blocks, as pure functions from what is shown and selected to the next document
 * under the name the Undo menu shows ("Turn shortcut off"), or to the reason they are refused: add a block, wrap
 * layers in a skip connection, toggle shortcuts, stack copies, collapse and expand. New blocks follow the network's
 * style: its shortcut option, whether it uses BatchNorm, its activation.
 */
final class BlockCommands {
    private static final String ADD_BLOCK = Texts.get("graphView.add.block");
    private static final String WRAP = Texts.get("graphView.wrap");
    private static final String SHORTCUT_ON = Texts.get("graphView.shortcut.on");
    private static final String SHORTCUT_OFF = Texts.get("graphView.shortcut.off");
    private static final String TOGGLE_N = Texts.get("graphView.toggle.n");
    private static final String STACK = Texts.get("graphView.stack");
    private static final String COLLAPSE = Texts.get("graphView.collapse");
    private static final String EXPAND = Texts.get("graphView.expand");
    private static final String COLLAPSE_ALL = Texts.get("graphView.collapse.all");
    private static final String EXPAND_ALL = Texts.get("graphView.expand.all");
    private static final String SELECT_ONE_FOR_BLOCK = Texts.get("graphView.select.one.for.block");
    private static final String SELECT_FOR_WRAP = Texts.get("graphView.select.for.wrap");
    private static final String SELECT_BLOCK = Texts.get("graphView.select.block");
    private static final String SELECT_ONE_BLOCK = Texts.get("graphView.select.one.block");
    private static final String EXPAND_BLOCK_FIRST = Texts.get("graphView.expand.block.first");

    private BlockCommands() {
    }

    /** Inserts a residual block of {@code kind} after the one selected layer or block. */
    static Outcome addResidualBlock(ShownDocument shown, Selection selection, BlockKind kind) {
        Network network = shown.network();
        Optional<String> after = selection.singleOutput(network);
        if (after.isEmpty()) {
            return new Outcome.Refused(SELECT_ONE_FOR_BLOCK);
        }
        try {
            Network next = NetworkEdits.addResidualBlock(network, after.get(), kind, shortcutOption(shown),
                    batchNorm(network), activation(network));
            return structural(ADD_BLOCK, shown, next, newBlocks(network, next), !shown.document().collapsed().isEmpty());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    /** Makes the selected chain of layers the residual branch of a new block with a shortcut around it. */
    static Outcome wrapInSkip(ShownDocument shown, Selection selection) {
        Network network = shown.network();
        for (String item : selection.items()) {
            if (network.block(item).isPresent()) {
                return new Outcome.Refused(String.format(EXPAND_BLOCK_FIRST, item));
            }
        }
        if (selection.items().isEmpty()) {
            return new Outcome.Refused(SELECT_FOR_WRAP);
        }
        try {
            Network next = NetworkEdits.wrapInSkipConnection(network, selection.items(), shortcutOption(shown));
            return structural(WRAP, shown, next, newBlocks(network, next), false);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    /** Turns the shortcut of each selected block (or of the blocks of the selected layers) off if on, on if off. */
    static Outcome toggleShortcut(ShownDocument shown, Selection selection) {
        Set<String> blocks = selection.blocks(shown.network());
        if (blocks.isEmpty()) {
            return new Outcome.Refused(SELECT_BLOCK);
        }
        Network next = shown.network();
        boolean on = false;
        try {
            for (String block : blocks) {
                on = !next.hasShortcut(block);
                next = next.withShortcut(block, on);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
        String name = blocks.size() > 1 ? String.format(TOGGLE_N, blocks.size()) : on ? SHORTCUT_ON : SHORTCUT_OFF;
        return structural(name, shown, next, Set.of(), false);
    }

    /** Puts {@code n} copies of the one selected block right after it (collapsed if it is). */
    static Outcome stack(ShownDocument shown, Selection selection, int n) {
        Network network = shown.network();
        Set<String> blocks = selection.blocks(network);
        if (blocks.size() != 1) {
            return new Outcome.Refused(SELECT_ONE_BLOCK);
        }
        String block = blocks.iterator().next();
        try {
            Network next = NetworkEdits.stackBlocks(network, block, n);
            return structural(String.format(STACK, n), shown, next, newBlocks(network, next),
                    shown.document().isCollapsed(block));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    /**
     * Collapses an expanded block (and selects it) or expands a collapsed one, closing the gap or making room
     * below it. {@code block} is a block of the network.
     */
    static Outcome toggleCollapsed(ShownDocument shown, String block) {
        GraphDocument current = shown.document();
        if (current.isCollapsed(block)) {
            return new Outcome.Edit(String.format(EXPAND, block),
                    Placement.expand(current, shown.places(), shown.analysis(), block), Set.of());
        }
        return new Outcome.Edit(String.format(COLLAPSE, block), Placement.collapse(current, shown.places(), block),
                Set.of(block));
    }

    /** Collapses (or expands) every block, laid out automatically afterwards. */
    static Outcome collapseAll(GraphDocument document, boolean collapse) {
        Set<String> blocks = collapse ? document.network().blocks().stream().map(Block::name).collect(Collectors.toSet())
                : Set.of();
        return new Outcome.Edit(collapse ? COLLAPSE_ALL : EXPAND_ALL, document.withCollapsed(blocks).withAutomaticLayout());
    }

    /**
     * Adds a residual block of {@code kind} that waits to be wired, its first layer's box at {@code at}, laid out
     * below it as the automatic layout would; selects its layers.
     */
    static Outcome addDetachedBlock(ShownDocument shown, BlockKind kind, Point at) {
        GraphDocument current = shown.document();
        Network network = current.network();
        try {
            NetworkEdits.Merged merged = NetworkEdits.addDetachedBlock(network, kind, detachedShape(shown, kind),
                    shortcutOption(shown), batchNorm(network), activation(network));
            Network next = merged.network();
            Block block = next.blocks().get(next.blocks().size() - 1);
            Map<String, GraphLayout.Position> auto = GraphLayout.place(next, Analysis.of(next), current.collapsed());
            double left = auto.get(block.members().get(0)).x();
            double top = block.members().stream().mapToDouble(m -> auto.get(m).y()).min().orElse(0);
            Map<String, Point> positions = shown.frozen();
            for (String member : block.members()) {
                GraphLayout.Position p = auto.get(member);
                positions.put(member, new Point(at.x() + p.x() - left, at.y() + p.y() - top));
            }
            positions.put(block.name(), at);
            return new Outcome.Edit(ADD_BLOCK, new GraphDocument(next, positions, current.collapsed()),
                    Set.copyOf(block.members()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    /** A detached block's input: the width of the last layer that outputs what the block needs, else 16 (or 64). */
    private static Shape detachedShape(ShownDocument shown, BlockKind kind) {
        Analysis analysis = shown.analysis();
        Optional<Shape> input = analysis.inputShape();
        if (input.isPresent() && input.get() instanceof Shape.Flat) {
            List<Shape> flat = analysis.order().stream().map(n -> analysis.outputShape(n).orElse(null))
                    .filter(s -> s instanceof Shape.Flat).toList();
            return flat.isEmpty() ? Shape.flat(16) : flat.get(flat.size() - 1);
        }
        int channels = kind == BlockKind.BOTTLENECK ? 64 : 16;
        return Shape.image(channels, 32, 32);
    }

    /**
     * An edit that adds or removes layers in bulk: positions stay if every box of the new network has one,
     * otherwise the whole network is laid out automatically (new layers have no place among hand-placed ones).
     */
    private static Outcome structural(String name, ShownDocument shown, Network next, Set<String> added,
            boolean collapseAdded) {
        GraphDocument current = shown.document();
        Set<String> collapsed = new HashSet<>(current.collapsed());
        if (collapseAdded) {
            collapsed.addAll(added);
        }
        GraphDocument candidate = new GraphDocument(next, current.positions().isEmpty() ? Map.of() : shown.frozen(),
                collapsed);
        Set<String> visible = new HashSet<>(GraphLayout.items(next, candidate.collapsed()).values());
        if (!candidate.positions().isEmpty() && !candidate.positions().keySet().containsAll(visible)) {
            candidate = candidate.withAutomaticLayout();
        }
        return new Outcome.Edit(name, candidate);
    }

    private static Set<String> newBlocks(Network before, Network after) {
        return after.blocks().stream().map(Block::name).filter(b -> before.block(b).isEmpty()).collect(Collectors.toSet());
    }

    /** The shortcut option of the network's blocks (A for flat networks, B for images when it has none). */
    private static ShortcutOption shortcutOption(ShownDocument shown) {
        Network network = shown.network();
        if (!network.blocks().isEmpty()) {
            return network.blocks().get(network.blocks().size() - 1).shortcutOption();
        }
        return shown.analysis().inputShape().map(s -> s instanceof Shape.Flat).orElse(false) ? ShortcutOption.A
                : ShortcutOption.B;
    }

    private static boolean batchNorm(Network network) {
        return network.nodes().stream().anyMatch(n -> n.layer() instanceof BatchNorm);
    }

    private static ActivationFunction activation(Network network) {
        return network.nodes().stream().map(Node::layer).filter(Activation.class::isInstance)
                .map(l -> ((Activation) l).function()).findFirst().orElse(ActivationFunction.RELU);
    }
}

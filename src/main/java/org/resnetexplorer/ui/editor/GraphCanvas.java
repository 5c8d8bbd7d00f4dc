package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.Wire;
import org.resnetexplorer.i18n.Texts;

/**
 * The drawing, in canvas units: a skin per visible box, per wire between boxes and per expanded block's outline,
 * built from a {@link ShownDocument} in layers (outlines under wires under boxes, a wire being drawn on top).
 * The view moves and scales it ({@link Viewport}); the gestures put their handlers on its skins.
 */
final class GraphCanvas extends Pane {
    private static final String NODE_TIP = Texts.get("graphView.node.tip");
    private static final String OUTPUT_PORT = Texts.get("graphView.output.port");
    private static final String INPUT_PORT = Texts.get("graphView.input.port");
    private static final String BLOCK_INPUT = Texts.get("graphView.block.input");
    /** How far around a box the pointer still aims at its inputs, in canvas units. */
    private static final double PORT_MARGIN = 14;

    private final Group frameLayer = new Group();
    private final Group wireLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group dragLayer = new Group();
    private final Map<String, ItemSkin> skins = new LinkedHashMap<>();
    private final List<WireSkin> wireSkins = new ArrayList<>();
    private final Map<String, List<WireSkin>> wiresOfItem = new HashMap<>();
    private final Map<String, BlockFrame> frames = new LinkedHashMap<>();

    GraphCanvas() {
        getStyleClass().add("graph-canvas");
        // unmanaged: its place is the viewport's pan and zoom
        setManaged(false);
        dragLayer.setMouseTransparent(true);
        getChildren().addAll(frameLayer, wireLayer, nodeLayer, dragLayer);
    }

    /** Draws {@code shown} anew: boxes where {@link ShownDocument#places()} puts them, problems marked red. */
    void show(ShownDocument shown) {
        Network network = shown.network();
        Analysis facts = shown.analysis();
        Map<String, String> problems = new HashMap<>();
        for (Problem problem : facts.problems()) {
            if (problem.isError()) {
                problem.nodeName().ifPresent(n -> problems.merge(shown.items().getOrDefault(n, n), problem.message(),
                        (a, b) -> a + "\n" + b));
            }
        }
        frameLayer.getChildren().clear();
        wireLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        skins.clear();
        wireSkins.clear();
        wiresOfItem.clear();
        frames.clear();
        buildWires(shown);
        for (Map.Entry<String, Point> entry : shown.places().entrySet()) {
            ItemSkin skin = buildSkin(network, facts, entry.getKey(), problems.get(entry.getKey()));
            skin.relocate(entry.getValue().x(), entry.getValue().y());
            skins.put(entry.getKey(), skin);
            nodeLayer.getChildren().add(skin);
        }
        for (Block block : network.blocks()) {
            if (!shown.document().isCollapsed(block.name())) {
                BlockFrame frame = new BlockFrame(block, network.hasShortcut(block.name()));
                frames.put(block.name(), frame);
                frameLayer.getChildren().addAll(frame, frame.title());
                fitFrame(block);
            }
        }
    }

    private void buildWires(ShownDocument shown) {
        Network network = shown.network();
        Map<String, String> itemOf = shown.items();
        Map<String, List<Wire>> grouped = new LinkedHashMap<>();
        for (Wire wire : network.wires()) {
            String from = itemOf.get(wire.from());
            String to = itemOf.get(wire.to());
            if (from.equals(to)) {
                continue;
            }
            boolean side = isShortcutPort(network, wire) && network.block(to).isEmpty();
            grouped.computeIfAbsent(from + "\n" + to + "\n" + side, k -> new ArrayList<>()).add(wire);
        }
        for (List<Wire> wires : grouped.values()) {
            Wire first = wires.get(0);
            String from = itemOf.get(first.from());
            String to = itemOf.get(first.to());
            boolean side = isShortcutPort(network, first) && network.block(to).isEmpty();
            boolean shortcutPath = wires.stream().anyMatch(w -> isShortcutPort(network, w)
                    || network.requireNode(w.to()).layer() instanceof Shortcut) && network.block(to).isEmpty();
            String shape = shown.analysis().outputShape(first.from()).map(Shape::toString).orElse(null);
            WireSkin skin = new WireSkin(from, to, side, wires, shape, shortcutPath);
            skin.route(shown.places().get(from), shown.places().get(to));
            wireSkins.add(skin);
            wiresOfItem.computeIfAbsent(from, k -> new ArrayList<>()).add(skin);
            wiresOfItem.computeIfAbsent(to, k -> new ArrayList<>()).add(skin);
            wireLayer.getChildren().add(skin);
        }
    }

    private static boolean isShortcutPort(Network network, Wire wire) {
        return wire.port().equals(Add.SHORTCUT) && network.requireNode(wire.to()).layer() instanceof Add;
    }

    private static ItemSkin buildSkin(Network network, Analysis facts, String item, String problem) {
        ItemSkin skin;
        Optional<Block> block = network.block(item);
        if (block.isPresent()) {
            Block b = block.get();
            long params = b.members().stream().mapToLong(facts::params).sum();
            skin = new BlockSkin(b, network.hasShortcut(b.name()), b.members().size(), params, network.blockOutput(b),
                    problem);
        } else {
            Node node = network.requireNode(item);
            String shape = facts.outputShape(item).map(Shape::toString).orElse("?");
            String tip = String.format(NODE_TIP, item, NodeSkin.describe(node.layer()), shape,
                    Counts.grouped(facts.params(item)), Counts.grouped(facts.macs(item)));
            skin = new NodeSkin(item, node.layer(), facts.params(item), tip, problem);
        }
        for (PortSkin port : skin.ports()) {
            String shape = port.node() == null ? "" : facts.outputShape(port.node()).map(Shape::toString).orElse("?");
            port.setTip(!port.isInput() ? String.format(OUTPUT_PORT, shape)
                    : port.node() == null ? String.format(BLOCK_INPUT, item)
                    : String.format(INPUT_PORT, port.port(), item));
        }
        return skin;
    }

    /** Fits an expanded block's outline around the boxes of its layers, where they are now. */
    private void fitFrame(Block block) {
        BlockFrame frame = frames.get(block.name());
        if (frame == null) {
            return;
        }
        List<Point> corners = new ArrayList<>();
        for (String member : block.members()) {
            ItemSkin skin = skins.get(member);
            if (skin != null) {
                corners.add(new Point(skin.getLayoutX(), skin.getLayoutY()));
            }
        }
        if (!corners.isEmpty()) {
            frame.fit(corners);
        }
    }

    /** The box of each visible item (nodes, and collapsed blocks by block name), in network order. */
    Map<String, ItemSkin> skins() {
        return skins;
    }

    /** The drawn wires: one per pair of boxes (and side) they join. */
    List<WireSkin> wireSkins() {
        return wireSkins;
    }

    /** The outlines of the expanded blocks, by block name. */
    Map<String, BlockFrame> frames() {
        return frames;
    }

    /** Where the wire being drawn goes: above everything, taking no clicks. */
    Group dragLayer() {
        return dragLayer;
    }

    /** The top-left corner of an item's box where it is now (it may be being dragged). */
    Point corner(String item) {
        ItemSkin skin = skins.get(item);
        return new Point(skin.getLayoutX(), skin.getLayoutY());
    }

    /** Moves boxes by (dx, dy) from the corners in {@code start}, with their wires and their blocks' outlines. */
    void moveBy(Map<String, Point> start, double dx, double dy, Network network) {
        Set<WireSkin> touched = new HashSet<>();
        Set<Block> blocks = new HashSet<>();
        start.forEach((item, from) -> {
            skins.get(item).relocate(from.x() + dx, from.y() + dy);
            touched.addAll(wiresOfItem.getOrDefault(item, List.of()));
            network.blockOf(item).ifPresent(blocks::add);
        });
        for (WireSkin wire : touched) {
            wire.route(corner(wire.from()), corner(wire.to()));
        }
        blocks.forEach(this::fitFrame);
    }

    /** Marks the selected boxes and wires (a drawn wire is selected when all the wires it draws are). */
    void markSelection(Selection selection) {
        skins.forEach((name, skin) -> skin.setSelected(selection.items().contains(name)));
        for (WireSkin wire : wireSkins) {
            wire.setSelected(selection.wires().containsAll(wire.wires()));
        }
    }

    /** The boxes that overlap the rectangle from {@code a} to {@code b} (canvas units). */
    Set<String> itemsTouching(Point2D a, Point2D b) {
        Set<String> touched = new HashSet<>();
        skins.forEach((item, skin) -> {
            double x = skin.getLayoutX();
            double y = skin.getLayoutY();
            if (x < b.getX() && x + ItemSkin.WIDTH > a.getX() && y < b.getY() && y + ItemSkin.HEIGHT > a.getY()) {
                touched.add(item);
            }
        });
        return touched;
    }

    /** The last-drawn box under {@code p} (canvas units), if any. */
    Optional<String> itemAt(Point2D p) {
        String onto = null;
        for (ItemSkin skin : skins.values()) {
            if (p.getX() >= skin.getLayoutX() && p.getX() <= skin.getLayoutX() + ItemSkin.WIDTH
                    && p.getY() >= skin.getLayoutY() && p.getY() <= skin.getLayoutY() + ItemSkin.HEIGHT) {
                onto = skin.item();
            }
        }
        return Optional.ofNullable(onto);
    }

    /**
     * The input port the pointer at {@code p} aims at: the nearest input of a box it is over (boxes take a margin
     * around them), not of {@code source}'s own box; null over empty canvas.
     */
    PortSkin inputPortNear(Point2D p, String source) {
        PortSkin best = null;
        double bestDistance = Double.MAX_VALUE;
        for (ItemSkin skin : skins.values()) {
            double x = skin.getLayoutX();
            double y = skin.getLayoutY();
            if (p.getX() < x - PORT_MARGIN || p.getX() > x + ItemSkin.WIDTH + PORT_MARGIN || p.getY() < y - PORT_MARGIN
                    || p.getY() > y + ItemSkin.HEIGHT + PORT_MARGIN || skin.item().equals(source)) {
                continue;
            }
            for (PortSkin port : skin.inputPorts()) {
                double d = p.distance(x + port.getCenterX(), y + port.getCenterY());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = port;
                }
            }
        }
        return best;
    }

    /** The boxes and the outlines of expanded blocks (with their titles), in canvas units. */
    Bounds contentBounds() {
        Bounds boxes = nodeLayer.getBoundsInParent();
        Bounds outlines = frameLayer.getBoundsInParent();
        if (frameLayer.getChildren().isEmpty() || outlines.isEmpty()) {
            return boxes;
        }
        double minX = Math.min(boxes.getMinX(), outlines.getMinX());
        double minY = Math.min(boxes.getMinY(), outlines.getMinY());
        return new BoundingBox(minX, minY, Math.max(boxes.getMaxX(), outlines.getMaxX()) - minX,
                Math.max(boxes.getMaxY(), outlines.getMaxY()) - minY);
    }
}

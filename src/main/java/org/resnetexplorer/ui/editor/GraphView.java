package org.resnetexplorer.ui.editor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Wire;

/**
 * Shows a network as boxes and wires on a canvas that pans (drag the background) and zooms (mouse wheel,
 * around the pointer). Rebuilt from the immutable network whenever it changes; collapsed blocks show as one
 * box with their shortcut drawn beside it.
 */
public final class GraphView extends Region {
    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 3;

    private final Pane canvas = new Pane();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(Set.of());
    private final Map<String, Region> skins = new HashMap<>();
    private double dragX;
    private double dragY;

    public GraphView() {
        getStyleClass().add("graph-view");
        canvas.getStyleClass().add("graph-canvas");
        canvas.setManaged(false);
        canvas.getTransforms().addAll(pan, zoom);
        getChildren().add(canvas);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnMousePressed(e -> {
            dragX = e.getX() - pan.getX();
            dragY = e.getY() - pan.getY();
        });
        setOnMouseDragged(e -> {
            pan.setX(e.getX() - dragX);
            pan.setY(e.getY() - dragY);
        });
        setOnScroll(e -> zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY())));
        setOnMouseClicked(e -> {
            if (e.getTarget() == this || e.getTarget() == canvas) {
                selection.set(Set.of());
            }
        });
    }

    /** The names of the selected nodes and blocks. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public double zoom() {
        return zoom.getX();
    }

    /** Redraws {@code network}, showing the blocks named in {@code collapsed} as one box each. */
    public void show(Network network, Set<String> collapsed) {
        Objects.requireNonNull(network, "network");
        Analysis analysis = Analysis.of(network);
        Map<String, String> items = GraphLayout.items(network, collapsed);
        Map<String, GraphLayout.Position> positions = GraphLayout.place(network, analysis, collapsed);
        Map<String, String> problems = new HashMap<>();
        for (Problem problem : analysis.problems()) {
            problem.nodeName().ifPresent(n -> problems.merge(items.getOrDefault(n, n), problem.message(), (a, b) -> a + "\n" + b));
        }
        canvas.getChildren().clear();
        skins.clear();
        for (Wire wire : network.wires()) {
            String from = items.get(wire.from());
            String to = items.get(wire.to());
            if (from.equals(to)) {
                continue;
            }
            GraphLayout.Position a = positions.get(from);
            GraphLayout.Position b = positions.get(to);
            boolean skip = a.x() != b.x() || b.y() - a.y() > GraphLayout.ROW * 1.5;
            boolean intoShortcutPort = wire.port().equals(Add.SHORTCUT)
                    && network.node(to).map(n -> n.layer() instanceof Add).orElse(false);
            double startX = skip && !intoShortcutPort ? a.x() + NodeSkin.WIDTH : a.x() + NodeSkin.WIDTH / 2;
            double startY = skip && !intoShortcutPort ? a.y() + NodeSkin.HEIGHT / 2 : a.y() + NodeSkin.HEIGHT;
            String shape = analysis.outputShape(wire.from()).map(Object::toString).orElse(null);
            WireSkin skin = intoShortcutPort
                    ? new WireSkin(startX, startY, b.x() + NodeSkin.WIDTH, b.y() + NodeSkin.HEIGHT / 2, WireSkin.Entry.SIDE,
                            null, true)
                    : new WireSkin(startX, startY, b.x() + NodeSkin.WIDTH / 2, b.y(), WireSkin.Entry.TOP, shape, skip);
            canvas.getChildren().add(skin);
        }
        for (Map.Entry<String, GraphLayout.Position> entry : positions.entrySet()) {
            String item = entry.getKey();
            Region skin = network.block(item)
                    .<Region>map(block -> blockSkin(network, analysis, block, problems.get(item)))
                    .orElseGet(() -> new NodeSkin(item, network.requireNode(item).layer(), analysis.params(item),
                            problems.get(item)));
            skin.relocate(entry.getValue().x(), entry.getValue().y());
            skin.setOnMouseClicked(e -> {
                select(item, e.isShortcutDown());
                e.consume();
            });
            skin.setOnMousePressed(javafx.event.Event::consume);
            skins.put(item, skin);
            canvas.getChildren().add(skin);
            if (network.block(item).map(b -> network.hasShortcut(b.name())).orElse(false)) {
                canvas.getChildren().add(shortcutArc(entry.getValue()));
            }
        }
        selection.set(Set.copyOf(selection.get().stream().filter(skins::containsKey).toList()));
        refreshSelection();
    }

    private BlockSkin blockSkin(Network network, Analysis analysis, Block block, String problem) {
        long params = block.members().stream().mapToLong(analysis::params).sum();
        return new BlockSkin(block, network.hasShortcut(block.name()), block.members().size(), params, problem);
    }

    /** The skip path of a collapsed block, bowing out on its right. */
    private static CubicCurve shortcutArc(GraphLayout.Position at) {
        double x = at.x() + NodeSkin.WIDTH;
        CubicCurve arc = new CubicCurve(x - 12, at.y() - 10, x + 45, at.y() + 4, x + 45, at.y() + NodeSkin.HEIGHT - 4, x - 12,
                at.y() + NodeSkin.HEIGHT + 10);
        arc.getStyleClass().addAll("graph-wire", "skip");
        arc.setMouseTransparent(true);
        return arc;
    }

    private void select(String item, boolean add) {
        Set<String> next = new HashSet<>(add ? selection.get() : Set.of());
        if (add && next.contains(item)) {
            next.remove(item);
        } else {
            next.add(item);
        }
        selection.set(Set.copyOf(next));
        refreshSelection();
    }

    private void refreshSelection() {
        skins.forEach((name, skin) -> {
            List<String> classes = skin.getStyleClass();
            if (selection.get().contains(name)) {
                if (!classes.contains("selected")) {
                    classes.add("selected");
                }
            } else {
                classes.remove("selected");
            }
        });
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.getX() * factor));
        double applied = next / zoom.getX();
        pan.setX(x - (x - pan.getX()) * applied);
        pan.setY(y - (y - pan.getY()) * applied);
        zoom.setX(next);
        zoom.setY(next);
    }

    /** Zooms and pans so that the whole network fits the view (never above 100%). */
    public void fitToView() {
        canvas.applyCss();
        canvas.layout();
        Bounds bounds = canvas.getBoundsInLocal();
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return;
        }
        double scale = Math.max(MIN_ZOOM, Math.min(1, Math.min((width - 40) / bounds.getWidth(),
                (height - 40) / bounds.getHeight())));
        zoom.setX(scale);
        zoom.setY(scale);
        pan.setX((width - bounds.getWidth() * scale) / 2 - bounds.getMinX() * scale);
        pan.setY(20 - bounds.getMinY() * scale);
    }

    /** Shows the top of the network at 100%, centred across. */
    public void showTop() {
        canvas.applyCss();
        canvas.layout();
        Bounds bounds = canvas.getBoundsInLocal();
        zoom.setX(1);
        zoom.setY(1);
        pan.setX(Math.max(20, (getWidth() - bounds.getWidth()) / 2) - bounds.getMinX());
        pan.setY(20 - bounds.getMinY());
    }

    @Override
    protected void layoutChildren() {
        // the canvas is unmanaged: its place is the pan and zoom
    }
}

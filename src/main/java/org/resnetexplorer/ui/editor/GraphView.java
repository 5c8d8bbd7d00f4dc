package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkEdits;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.Wire;

/**
 * The node-graph editor: shows a {@link GraphDocument} (a network, where its boxes are, which blocks are
 * collapsed) and turns every gesture into a new document with a name, handed to {@link #setOnEdit}. It never
 * applies an edit itself: the host keeps the history and calls {@link #show(GraphDocument)} with the document it
 * wants shown (without a handler, an edit is shown at once, with no undo). Selection is not an edit.
 *
 * <p>Mouse: drag a box to move it (and the other selected boxes); drag from an output port (bottom) to an input
 * port (top, or an addition's right side) to connect, refused in red with the reason while dragging when the wire
 * would close a cycle or join shapes that do not fit; click a wire to select it; drag on the empty canvas for a
 * rubber band (Ctrl or Shift adds to the selection); Ctrl-click toggles a box; double-click a block to collapse or
 * expand it; wheel zooms around the pointer; middle-drag, or Space+drag, pans. Keys: Delete/Backspace deletes the
 * selection, Ctrl+A selects all, Ctrl+C/Ctrl+X/Ctrl+V copy, cut and paste, Escape cancels a wire.
 *
 * <p>Only the boxes being dragged and their wires move while the mouse moves; the scene is rebuilt when the host
 * shows the next document. Collapsed blocks are one box each, so a deep network stays a few dozen boxes.
 */
public final class GraphView extends Region {
    /** The editor's own styles, added to its stylesheets (and the palette's). */
    static final String STYLESHEET = Objects.requireNonNull(GraphView.class.getResource("editor.css")).toExternalForm();
    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 3;
    private static final double PASTE_OFFSET = 40;
    /** Pixels the pointer must travel before a press becomes a drag. */
    private static final double DRAG_SLOP = 3;

    /** Every string the editor shows, in one place for translation. */
    public static final class Texts {
        static final String MOVE = org.resnetexplorer.i18n.Texts.get("graphView.move");
        static final String MOVE_N = org.resnetexplorer.i18n.Texts.get("graphView.move.n");
        static final String CONNECT = org.resnetexplorer.i18n.Texts.get("graphView.connect");
        static final String DELETE = org.resnetexplorer.i18n.Texts.get("graphView.delete");
        static final String CUT = org.resnetexplorer.i18n.Texts.get("graphView.cut");
        static final String PASTE = org.resnetexplorer.i18n.Texts.get("graphView.paste");
        static final String ADD_LAYER = org.resnetexplorer.i18n.Texts.get("graphView.add.layer");
        static final String ADD_BLOCK = org.resnetexplorer.i18n.Texts.get("graphView.add.block");
        static final String WRAP = org.resnetexplorer.i18n.Texts.get("graphView.wrap");
        static final String SHORTCUT_ON = org.resnetexplorer.i18n.Texts.get("graphView.shortcut.on");
        static final String SHORTCUT_OFF = org.resnetexplorer.i18n.Texts.get("graphView.shortcut.off");
        static final String TOGGLE_N = org.resnetexplorer.i18n.Texts.get("graphView.toggle.n");
        static final String STACK = org.resnetexplorer.i18n.Texts.get("graphView.stack");
        static final String COLLAPSE = org.resnetexplorer.i18n.Texts.get("graphView.collapse");
        static final String EXPAND = org.resnetexplorer.i18n.Texts.get("graphView.expand");
        static final String COLLAPSE_ALL = org.resnetexplorer.i18n.Texts.get("graphView.collapse.all");
        static final String EXPAND_ALL = org.resnetexplorer.i18n.Texts.get("graphView.expand.all");
        static final String AUTO_LAYOUT = org.resnetexplorer.i18n.Texts.get("graphView.auto.layout");
        static final String NODES = org.resnetexplorer.i18n.Texts.get("graphView.nodes");
        static final String NODE = "%s";
        static final String WIRES = org.resnetexplorer.i18n.Texts.get("graphView.wires");
        static final String WIRE = org.resnetexplorer.i18n.Texts.get("graphView.wire");
        static final String AND = org.resnetexplorer.i18n.Texts.get("graphView.and");
        static final String NO_INPUT = org.resnetexplorer.i18n.Texts.get("graphView.no.input");
        static final String SELF_LOOP = org.resnetexplorer.i18n.Texts.get("graphView.self.loop");
        static final String CANNOT_JOIN = org.resnetexplorer.i18n.Texts.get("graphView.cannot.join");
        static final String DOES_NOT_FIT = org.resnetexplorer.i18n.Texts.get("graphView.does.not.fit");
        static final String NOT_CONNECTED = org.resnetexplorer.i18n.Texts.get("graphView.not.connected");
        static final String SELECT_ONE_FOR_BLOCK = org.resnetexplorer.i18n.Texts.get("graphView.select.one.for.block");
        static final String SELECT_FOR_WRAP = org.resnetexplorer.i18n.Texts.get("graphView.select.for.wrap");
        static final String SELECT_BLOCK = org.resnetexplorer.i18n.Texts.get("graphView.select.block");
        static final String SELECT_ONE_BLOCK = org.resnetexplorer.i18n.Texts.get("graphView.select.one.block");
        static final String NOTHING_TO_PASTE = org.resnetexplorer.i18n.Texts.get("graphView.nothing.to.paste");
        static final String NOTHING_SELECTED = org.resnetexplorer.i18n.Texts.get("graphView.nothing.selected");
        static final String EXPAND_BLOCK_FIRST = org.resnetexplorer.i18n.Texts.get("graphView.expand.block.first");
        static final String TOTALS = org.resnetexplorer.i18n.Texts.get("graphView.totals");
        static final String PROBLEMS = org.resnetexplorer.i18n.Texts.get("graphView.problems");
        static final String NODE_TIP = org.resnetexplorer.i18n.Texts.get("graphView.node.tip");
        static final String OUTPUT_PORT = org.resnetexplorer.i18n.Texts.get("graphView.output.port");
        static final String INPUT_PORT = org.resnetexplorer.i18n.Texts.get("graphView.input.port");
        static final String BLOCK_INPUT = org.resnetexplorer.i18n.Texts.get("graphView.block.input");
        static final String DOUBLE_CLICK_EXPAND = org.resnetexplorer.i18n.Texts.get("graphView.double.click.expand");
        static final String PARAMS = org.resnetexplorer.i18n.Texts.get("graphView.params");
        static final String BLOCK_DETAIL = org.resnetexplorer.i18n.Texts.get("graphView.block.detail");
        static final String SHORTCUT_OPTION = org.resnetexplorer.i18n.Texts.get("graphView.shortcut.option");
        static final String PLAIN = org.resnetexplorer.i18n.Texts.get("graphView.plain");
        static final String PLAIN_TWIN = org.resnetexplorer.i18n.Texts.get("graphView.plain.twin");
        static final String BLOCK_TIP = org.resnetexplorer.i18n.Texts.get("graphView.block.tip");
        static final String FRAME_TITLE = "%s · %s";
        static final String FRAME_PLAIN = org.resnetexplorer.i18n.Texts.get("graphView.frame.plain");
        static final String DOUBLE_CLICK_COLLAPSE = org.resnetexplorer.i18n.Texts.get("graphView.double.click.collapse");
        static final String HELP = org.resnetexplorer.i18n.Texts.get("graphView.help");

        private Texts() {
        }
    }

    private final Pane canvas = new Pane();
    private final Group frameLayer = new Group();
    private final Group wireLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group dragLayer = new Group();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private double textScale = 1;
    private final Translate pan = new Translate();
    private final Rectangle band = new Rectangle();
    private final Label reason = new Label();
    private final Label message = new Label();
    private final Label totals = new Label();
    private final Label help = new Label("?");
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(6));

    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<Set<Wire>> selectedWires = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<GraphDocument> document = new ReadOnlyObjectWrapper<>(
            GraphDocument.of(new Network("untitled", List.of(), List.of(), List.of())));
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(
            Analysis.of(document.get().network()));
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPaste = new ReadOnlyBooleanWrapper(false);
    private BiConsumer<String, GraphDocument> onEdit;

    private final Map<String, ItemSkin> skins = new LinkedHashMap<>();
    private final Map<String, Point> placed = new LinkedHashMap<>();
    private final List<WireSkin> wireSkins = new ArrayList<>();
    private final Map<String, List<WireSkin>> wiresOfItem = new HashMap<>();
    private final Map<String, BlockFrame> frames = new HashMap<>();
    private Map<String, String> itemOf = Map.of();
    private Set<String> pendingSelection;

    private Clip clipboard;
    private int pastes;

    private boolean spaceDown;
    private Gesture gesture = Gesture.NONE;
    private Point2D pressInView;
    private Point2D pressInCanvas;
    private double panStartX;
    private double panStartY;
    private final Map<String, Point> moveStart = new LinkedHashMap<>();
    private boolean moved;
    private Set<String> bandBase = Set.of();
    private PortSkin wireSource;
    private final CubicCurve pendingWire = new CubicCurve();
    private PortSkin wireTarget;
    private Connections.Result wireResult;
    private final Map<PortSkin, Connections.Result> checked = new HashMap<>();

    private enum Gesture { NONE, PAN, BAND, MOVE, WIRE }

    /** Copied layers: a network of their own, their places, and which of their blocks were collapsed. */
    private record Clip(Network part, Map<String, Point> positions, Set<String> collapsed, Set<String> items) {
    }

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        canvas.getStyleClass().add("graph-canvas");
        canvas.setManaged(false);
        canvas.getTransforms().addAll(pan, zoom);
        pendingWire.getStyleClass().addAll("graph-wire", "pending");
        pendingWire.setFill(null);
        pendingWire.setMouseTransparent(true);
        dragLayer.setMouseTransparent(true);
        canvas.getChildren().addAll(frameLayer, wireLayer, nodeLayer, dragLayer);
        band.getStyleClass().add("graph-rubber-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        reason.getStyleClass().add("graph-connect-reason");
        reason.setId("graph-connect-reason");
        reason.setManaged(false);
        reason.setVisible(false);
        reason.setMouseTransparent(true);
        reason.setWrapText(true);
        reason.setMaxWidth(420);
        message.getStyleClass().add("graph-message");
        message.setId("graph-message");
        message.setManaged(false);
        message.setVisible(false);
        message.setMouseTransparent(true);
        message.setWrapText(true);
        message.setMaxWidth(560);
        totals.getStyleClass().add("graph-totals");
        totals.setId("graph-totals");
        totals.setManaged(false);
        totals.setMouseTransparent(true);
        getChildren().addAll(canvas, band, totals, help, message, reason);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        help.getStyleClass().add("graph-help");
        help.setId("graph-help");
        help.setManaged(false);
        Tooltip helpTip = new Tooltip(Texts.HELP);
        helpTip.setWrapText(true);
        helpTip.setMaxWidth(420);
        help.setTooltip(helpTip);
        messageTimer.setOnFinished(e -> message.setVisible(false));

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::canvasPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::canvasDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::canvasReleased);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                setCursor(Cursor.DEFAULT);
                e.consume();
            }
        });
        setOnDragOver(this::paletteDragOver);
        setOnDragDropped(this::paletteDropped);
    }

    // ---------------------------------------------------------------- public API

    /** Called with a name ("Move", "Delete 3 nodes") and the document an edit leads to; the host applies it. */
    public void setOnEdit(BiConsumer<String, GraphDocument> handler) {
        onEdit = handler;
    }

    /** The document shown. */
    public ReadOnlyObjectProperty<GraphDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public GraphDocument document() {
        return document.get();
    }

    /** The analysis of the network shown: problems, shapes, counts and totals (for a status bar or property sheet). */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The names of the selected boxes: nodes, and collapsed blocks by block name. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The selected wires. */
    public ReadOnlyObjectProperty<Set<Wire>> selectedWiresProperty() {
        return selectedWires.getReadOnlyProperty();
    }

    /** The last message the editor showed (why an action or a wire was refused), for a status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    /** Whether {@link #paste()} has something to paste (for enabling a Paste menu item). */
    public ReadOnlyBooleanProperty canPasteProperty() {
        return canPaste.getReadOnlyProperty();
    }

    public double zoom() {
        return zoom.getX();
    }

    /**
     * How large the drawing is at "100%": 1 normally, 1.5 for text half as large again (a projector). Boxes,
     * ports, wires and their labels grow together, as a zoom does, so nothing overflows its box; the view keeps
     * its centre, and fitting and "show the top" use it as their full size.
     */
    public void setTextScale(double scale) {
        if (!(scale >= 0.5 && scale <= 3)) {
            throw new IllegalArgumentException("text scale " + scale + " outside 0.5 to 3");
        }
        double factor = scale / textScale;
        textScale = scale;
        if (factor != 1) {
            zoomAt(getWidth() / 2, getHeight() / 2, factor);
        }
    }

    /** The drawing's size at "100%" (see {@link #setTextScale}). */
    public double textScale() {
        return textScale;
    }

    /** Shows {@code network} laid out automatically, with the blocks named in {@code collapsed} as one box each. */
    public void show(Network network, Set<String> collapsed) {
        show(new GraphDocument(network, Map.of(), collapsed));
    }

    /** Shows {@code next}: rebuilds the boxes and wires; the selection keeps what still exists. */
    public void show(GraphDocument next) {
        Objects.requireNonNull(next, "document");
        cancelGesture();
        if (!next.network().equals(document.get().network())) {
            message.setVisible(false);
        }
        Network network = next.network();
        Analysis facts = Analysis.of(network);
        document.set(next);
        analysis.set(facts);
        itemOf = GraphLayout.items(network, next.collapsed());
        placed.clear();
        placed.putAll(Placement.resolve(next, facts));
        Map<String, String> problems = new HashMap<>();
        for (Problem problem : facts.problems()) {
            if (problem.isError()) {
                problem.nodeName().ifPresent(n -> problems.merge(itemOf.getOrDefault(n, n), problem.message(),
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
        buildWires(network, facts);
        for (Map.Entry<String, Point> entry : placed.entrySet()) {
            ItemSkin skin = buildSkin(network, facts, entry.getKey(), problems.get(entry.getKey()));
            skin.relocate(entry.getValue().x(), entry.getValue().y());
            skins.put(entry.getKey(), skin);
            nodeLayer.getChildren().add(skin);
        }
        for (Block block : network.blocks()) {
            if (!next.isCollapsed(block.name())) {
                boolean residual = network.hasShortcut(block.name());
                BlockFrame frame = new BlockFrame(block.name(), String.format(residual ? Texts.FRAME_TITLE
                        : Texts.FRAME_PLAIN, block.name(), block.kind().id()), residual);
                frame.title().setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                        toggleCollapsed(block.name());
                        e.consume();
                    }
                });
                frame.title().setOnMousePressed(MouseEvent::consume);
                frames.put(block.name(), frame);
                frameLayer.getChildren().addAll(frame, frame.title());
                fitFrame(block);
            }
        }
        Set<String> keep = pendingSelection != null ? pendingSelection : selection.get();
        pendingSelection = null;
        selection.set(Set.copyOf(keep.stream().filter(skins::containsKey).toList()));
        Set<Wire> wires = new HashSet<>(network.wires());
        selectedWires.set(Set.copyOf(selectedWires.get().stream().filter(wires::contains).toList()));
        refreshSelection();
        long layers = network.nodes().size();
        int errors = facts.errors().size();
        totals.setText(String.format(Texts.TOTALS, layers, Counts.abbreviated(facts.totalParams()),
                Counts.abbreviated(facts.totalMacs())) + (errors > 0 ? String.format(Texts.PROBLEMS, errors) : ""));
        totals.getStyleClass().remove("invalid");
        if (errors > 0) {
            totals.getStyleClass().add("invalid");
        }
        requestLayout();
    }

    /** Selects these boxes (nodes, or collapsed blocks by name). */
    public void select(Set<String> items) {
        selection.set(Set.copyOf(items.stream().filter(skins::containsKey).toList()));
        selectedWires.set(Set.of());
        refreshSelection();
    }

    public void selectAll() {
        selection.set(Set.copyOf(skins.keySet()));
        selectedWires.set(Set.copyOf(document.get().network().wires().stream()
                .filter(w -> !itemOf.get(w.from()).equals(itemOf.get(w.to()))).toList()));
        refreshSelection();
    }

    /** Deletes the selected boxes (a collapsed block with all its layers) and the selected wires, as one edit. */
    public void deleteSelection() {
        Optional<GraphDocument> next = withoutSelection();
        if (next.isEmpty()) {
            say(Texts.NOTHING_SELECTED);
            return;
        }
        edit(String.format(Texts.DELETE, describeSelection()), next.get());
    }

    /** Keeps the selected boxes, and the wires among them, for {@link #paste()}. Not an edit. */
    public void copySelection() {
        Set<String> nodes = selectedNodes();
        if (nodes.isEmpty()) {
            say(Texts.NOTHING_SELECTED);
            return;
        }
        Network network = document.get().network();
        Network part = NetworkEdits.extract(network, nodes);
        Map<String, Point> positions = new HashMap<>();
        for (String name : nodes) {
            Point p = placed.getOrDefault(name, document.get().positions().get(name));
            if (p != null) {
                positions.put(name, p);
            }
        }
        Set<String> collapsed = new HashSet<>();
        for (String item : selection.get()) {
            if (network.block(item).isPresent() && part.block(item).isPresent()) {
                positions.put(item, placed.get(item));
                collapsed.add(item);
            }
        }
        clipboard = new Clip(part, positions, collapsed, Set.copyOf(selection.get()));
        pastes = 0;
        canPaste.set(true);
    }

    /** Copies the selection and deletes it, as one edit. */
    public void cutSelection() {
        copySelection();
        withoutSelection().ifPresent(next -> edit(String.format(Texts.CUT, describeSelection()), next));
    }

    /** Adds what was copied, under fresh names, a little below and to the right of where it was; selects it. */
    public void paste() {
        if (clipboard == null) {
            say(Texts.NOTHING_TO_PASTE);
            return;
        }
        pastes++;
        GraphDocument current = document.get();
        NetworkEdits.Merged merged = NetworkEdits.merge(current.network(), clipboard.part());
        Map<String, Point> positions = Placement.frozen(current, placed);
        double offset = PASTE_OFFSET * pastes;
        clipboard.positions().forEach((name, p) -> positions.put(merged.names().get(name), p.plus(offset, offset)));
        Set<String> collapsed = new HashSet<>(current.collapsed());
        clipboard.collapsed().forEach(b -> collapsed.add(merged.names().get(b)));
        pendingSelection = clipboard.items().stream().map(i -> merged.names().getOrDefault(i, i))
                .filter(n -> merged.names().containsValue(n)).collect(Collectors.toSet());
        int count = clipboard.part().nodes().size();
        edit(String.format(Texts.PASTE, count == 1 ? clipboard.part().nodes().get(0).name()
                : String.format(Texts.NODES, count)), new GraphDocument(merged.network(), positions, collapsed));
    }

    /** Zooms and pans so that the whole network fits the view (never above 100%, times the text scale). */
    public void fitToView() {
        canvas.applyCss();
        canvas.layout();
        Bounds bounds = contentBounds();
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return;
        }
        double scale = Math.max(MIN_ZOOM * textScale, Math.min(textScale, Math.min((width - 60) / bounds.getWidth(),
                (height - 60) / bounds.getHeight())));
        zoom.setX(scale);
        zoom.setY(scale);
        pan.setX((width - bounds.getWidth() * scale) / 2 - bounds.getMinX() * scale);
        pan.setY(30 - bounds.getMinY() * scale);
    }

    /** Shows the top of the network at 100% (times the text scale), centred across. */
    public void showTop() {
        canvas.applyCss();
        canvas.layout();
        Bounds bounds = contentBounds();
        zoom.setX(textScale);
        zoom.setY(textScale);
        pan.setX(Math.max(20, (getWidth() - bounds.getWidth() * textScale) / 2) - bounds.getMinX() * textScale);
        pan.setY(30 - bounds.getMinY() * textScale);
    }

    /** The boxes and the outlines of expanded blocks (with their titles), in canvas units. */
    private Bounds contentBounds() {
        Bounds boxes = nodeLayer.getBoundsInParent();
        Bounds frames = frameLayer.getBoundsInParent();
        if (frameLayer.getChildren().isEmpty() || frames.isEmpty()) {
            return boxes;
        }
        double minX = Math.min(boxes.getMinX(), frames.getMinX());
        double minY = Math.min(boxes.getMinY(), frames.getMinY());
        return new javafx.geometry.BoundingBox(minX, minY, Math.max(boxes.getMaxX(), frames.getMaxX()) - minX,
                Math.max(boxes.getMaxY(), frames.getMaxY()) - minY);
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(MIN_ZOOM * textScale, Math.min(MAX_ZOOM * textScale, zoom.getX() * factor));
        double applied = next / zoom.getX();
        pan.setX(x - (x - pan.getX()) * applied);
        pan.setY(y - (y - pan.getY()) * applied);
        zoom.setX(next);
        zoom.setY(next);
    }

    /** Moves the view by (dx, dy) pixels. */
    public void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** Forgets every saved position, so that the automatic layout places everything (an edit). */
    public void autoLayout() {
        edit(Texts.AUTO_LAYOUT, document.get().withAutomaticLayout());
    }

    /** Collapses (or expands) every block, laid out automatically afterwards (an edit). */
    public void collapseAll(boolean collapse) {
        GraphDocument current = document.get();
        Set<String> blocks = collapse ? current.network().blocks().stream().map(Block::name).collect(Collectors.toSet())
                : Set.of();
        edit(collapse ? Texts.COLLAPSE_ALL : Texts.EXPAND_ALL, current.withCollapsed(blocks).withAutomaticLayout());
    }

    /** Collapses an expanded block or expands a collapsed one (an edit). */
    public void toggleCollapsed(String block) {
        GraphDocument current = document.get();
        if (current.network().block(block).isEmpty()) {
            return;
        }
        if (current.isCollapsed(block)) {
            pendingSelection = Set.of();
            edit(String.format(Texts.EXPAND, block), Placement.expand(current, placed, analysis.get(), block));
        } else {
            pendingSelection = Set.of(block);
            edit(String.format(Texts.COLLAPSE, block), Placement.collapse(current, placed, block));
        }
    }

    /** Inserts a residual block of {@code kind} after the one selected layer or block. */
    public void addResidualBlockAfterSelection(BlockKind kind) {
        Optional<String> after = singleSelectedOutput();
        if (after.isEmpty()) {
            say(Texts.SELECT_ONE_FOR_BLOCK);
            return;
        }
        GraphDocument current = document.get();
        Network network = current.network();
        try {
            Network next = NetworkEdits.addResidualBlock(network, after.get(), kind, shortcutOption(network),
                    batchNorm(network), activation(network));
            structural(Texts.ADD_BLOCK, current, next, newBlocks(network, next), !current.collapsed().isEmpty());
        } catch (IllegalStateException | IllegalArgumentException e) {
            say(e.getMessage());
        }
    }

    /** Makes the selected chain of layers the residual branch of a new block with a shortcut around it. */
    public void wrapSelectionInSkip() {
        GraphDocument current = document.get();
        Network network = current.network();
        for (String item : selection.get()) {
            if (network.block(item).isPresent()) {
                say(String.format(Texts.EXPAND_BLOCK_FIRST, item));
                return;
            }
        }
        if (selection.get().isEmpty()) {
            say(Texts.SELECT_FOR_WRAP);
            return;
        }
        try {
            Network next = NetworkEdits.wrapInSkipConnection(network, selection.get(), shortcutOption(network));
            structural(Texts.WRAP, current, next, newBlocks(network, next), false);
        } catch (IllegalStateException | IllegalArgumentException e) {
            say(e.getMessage());
        }
    }

    /** Turns the shortcut of each selected block (or of the blocks of the selected layers) off if on, on if off. */
    public void toggleShortcutOfSelection() {
        Set<String> blocks = selectedBlocks();
        if (blocks.isEmpty()) {
            say(Texts.SELECT_BLOCK);
            return;
        }
        GraphDocument current = document.get();
        Network next = current.network();
        boolean on = false;
        try {
            for (String block : blocks) {
                on = !next.hasShortcut(block);
                next = next.withShortcut(block, on);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            say(e.getMessage());
            return;
        }
        String name = blocks.size() > 1 ? String.format(Texts.TOGGLE_N, blocks.size())
                : on ? Texts.SHORTCUT_ON : Texts.SHORTCUT_OFF;
        structural(name, current, next, Set.of(), false);
    }

    /** Puts {@code n} copies of the selected block right after it. */
    public void stackSelectedBlock(int n) {
        Set<String> blocks = selectedBlocks();
        if (blocks.size() != 1) {
            say(Texts.SELECT_ONE_BLOCK);
            return;
        }
        String block = blocks.iterator().next();
        GraphDocument current = document.get();
        try {
            Network next = NetworkEdits.stackBlocks(current.network(), block, n);
            structural(String.format(Texts.STACK, n), current, next, newBlocks(current.network(), next),
                    current.isCollapsed(block));
        } catch (IllegalStateException | IllegalArgumentException e) {
            say(e.getMessage());
        }
    }

    /** Adds a palette item in the middle of the view. */
    public void add(PaletteItem item) {
        Point2D middle = canvas.parentToLocal(getWidth() / 2, getHeight() / 2);
        addAt(item, new Point(middle.getX() - ItemSkin.WIDTH / 2, middle.getY() - ItemSkin.HEIGHT / 2), null);
    }

    // ---------------------------------------------------------------- building the scene

    private void buildWires(Network network, Analysis facts) {
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
            String shape = facts.outputShape(first.from()).map(Shape::toString).orElse(null);
            WireSkin skin = new WireSkin(from, to, side, wires, shape, shortcutPath);
            skin.route(placed.get(from), placed.get(to));
            skin.hitArea().setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                    requestFocus();
                    selectWire(skin, e.isShortcutDown() || e.isShiftDown());
                    e.consume();
                }
            });
            wireSkins.add(skin);
            wiresOfItem.computeIfAbsent(from, k -> new ArrayList<>()).add(skin);
            wiresOfItem.computeIfAbsent(to, k -> new ArrayList<>()).add(skin);
            wireLayer.getChildren().add(skin);
        }
    }

    private static boolean isShortcutPort(Network network, Wire wire) {
        return wire.port().equals(Add.SHORTCUT) && network.requireNode(wire.to()).layer() instanceof Add;
    }

    private ItemSkin buildSkin(Network network, Analysis facts, String item, String problem) {
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
            String tip = String.format(Texts.NODE_TIP, item, NodeSkin.describe(node.layer()), shape,
                    Counts.grouped(facts.params(item)), Counts.grouped(facts.macs(item)));
            skin = new NodeSkin(item, node.layer(), facts.params(item), tip, problem);
        }
        for (PortSkin port : skin.ports()) {
            String shape = port.node() == null ? "" : facts.outputShape(port.node()).map(Shape::toString).orElse("?");
            port.setTip(!port.isInput() ? String.format(Texts.OUTPUT_PORT, shape)
                    : port.node() == null ? String.format(Texts.BLOCK_INPUT, item)
                    : String.format(Texts.INPUT_PORT, port.port(), item));
            if (!port.isInput()) {
                port.setOnMousePressed(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                        startWire(port);
                        e.consume();
                    }
                });
                port.setOnMouseDragged(e -> {
                    if (gesture == Gesture.WIRE) {
                        dragWire(e);
                        e.consume();
                    }
                });
                port.setOnMouseReleased(e -> {
                    if (gesture == Gesture.WIRE) {
                        finishWire();
                        e.consume();
                    }
                });
            }
        }
        skin.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                itemPressed(item, e);
                e.consume();
            }
        });
        skin.setOnMouseDragged(e -> {
            if (gesture == Gesture.MOVE) {
                itemDragged(e);
                e.consume();
            }
        });
        skin.setOnMouseReleased(e -> {
            if (gesture == Gesture.MOVE) {
                itemReleased();
                e.consume();
            }
        });
        skin.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !e.isStillSincePress()) {
                return;
            }
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                String block2 = network.block(item).map(Block::name)
                        .orElseGet(() -> network.blockOf(item).map(Block::name).orElse(null));
                if (block2 != null) {
                    toggleCollapsed(block2);
                }
                e.consume();
            }
        });
        return skin;
    }

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

    @Override
    protected void layoutChildren() {
        // the canvas is unmanaged: its place is the pan and zoom; the overlays sit at the bottom
        totals.autosize();
        totals.relocate(10, getHeight() - totals.getHeight() - 8);
        help.autosize();
        help.relocate(getWidth() - help.getWidth() - 10, 10);
        message.autosize();
        message.relocate(Math.max(10, (getWidth() - message.getWidth()) / 2), getHeight() - message.getHeight() - 36);
    }

    // ---------------------------------------------------------------- selection

    private void itemPressed(String item, MouseEvent e) {
        requestFocus();
        Set<String> next = new LinkedHashSet<>(selection.get());
        if (e.isShortcutDown() || e.isShiftDown()) {
            if (!next.remove(item)) {
                next.add(item);
            }
            selection.set(Set.copyOf(next));
        } else if (!next.contains(item)) {
            selection.set(Set.of(item));
            selectedWires.set(Set.of());
        }
        refreshSelection();
        if (selection.get().contains(item)) {
            gesture = Gesture.MOVE;
            moved = false;
            pressInCanvas = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            moveStart.clear();
            for (String selected : selection.get()) {
                ItemSkin skin = skins.get(selected);
                moveStart.put(selected, new Point(skin.getLayoutX(), skin.getLayoutY()));
            }
        }
    }

    private void selectWire(WireSkin skin, boolean add) {
        Set<Wire> next = new HashSet<>(add ? selectedWires.get() : Set.of());
        if (add && next.containsAll(skin.wires())) {
            skin.wires().forEach(next::remove);
        } else {
            next.addAll(skin.wires());
        }
        if (!add) {
            selection.set(Set.of());
        }
        selectedWires.set(Set.copyOf(next));
        refreshSelection();
    }

    private void refreshSelection() {
        skins.forEach((name, skin) -> skin.setSelected(selection.get().contains(name)));
        for (WireSkin wire : wireSkins) {
            wire.setSelected(selectedWires.get().containsAll(wire.wires()));
        }
    }

    /** Every node the selection stands for: selected nodes, and all layers of selected collapsed blocks. */
    private Set<String> selectedNodes() {
        Network network = document.get().network();
        Set<String> nodes = new LinkedHashSet<>();
        for (String item : selection.get()) {
            network.block(item).ifPresentOrElse(b -> nodes.addAll(b.members()), () -> nodes.add(item));
        }
        return nodes;
    }

    private Set<String> selectedBlocks() {
        Network network = document.get().network();
        Set<String> blocks = new LinkedHashSet<>();
        for (String item : selection.get()) {
            network.block(item).ifPresentOrElse(b -> blocks.add(b.name()),
                    () -> network.blockOf(item).ifPresent(b -> blocks.add(b.name())));
        }
        return blocks;
    }

    private Optional<String> singleSelectedOutput() {
        if (selection.get().size() != 1) {
            return Optional.empty();
        }
        Network network = document.get().network();
        String item = selection.get().iterator().next();
        return Optional.of(network.block(item).map(b -> network.blockOutput(b)).orElse(item));
    }

    private String describeSelection() {
        int nodes = selectedNodes().size();
        Set<Wire> wires = new HashSet<>(selectedWires.get());
        Set<String> gone = selectedNodes();
        wires.removeIf(w -> gone.contains(w.from()) || gone.contains(w.to()));
        String nodeText = nodes == 1 ? String.format(Texts.NODE, selectedNodes().iterator().next())
                : String.format(Texts.NODES, nodes);
        String wireText = wires.size() == 1 ? Texts.WIRE : String.format(Texts.WIRES, wires.size());
        if (nodes > 0 && !wires.isEmpty()) {
            return String.format(Texts.AND, nodeText, wireText);
        }
        return nodes > 0 ? nodeText : wireText;
    }

    private Optional<GraphDocument> withoutSelection() {
        Set<String> nodes = selectedNodes();
        Set<Wire> wires = selectedWires.get();
        if (nodes.isEmpty() && wires.isEmpty()) {
            return Optional.empty();
        }
        GraphDocument current = document.get();
        Network network = current.network().withoutNodes(nodes);
        for (Wire wire : wires) {
            network = network.disconnect(wire.to(), wire.port());
        }
        pendingSelection = Set.of();
        return Optional.of(new GraphDocument(network, Placement.frozen(current, placed), current.collapsed()));
    }

    // ---------------------------------------------------------------- gestures

    private void canvasPressed(MouseEvent e) {
        requestFocus();
        pressInView = new Point2D(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = Gesture.PAN;
            panStartX = pan.getX();
            panStartY = pan.getY();
            setCursor(Cursor.CLOSED_HAND);
            e.consume();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.BAND;
            bandBase = e.isShortcutDown() || e.isShiftDown() ? selection.get() : Set.of();
            e.consume();
        }
    }

    private void canvasDragged(MouseEvent e) {
        if (gesture == Gesture.PAN) {
            pan.setX(panStartX + e.getX() - pressInView.getX());
            pan.setY(panStartY + e.getY() - pressInView.getY());
            e.consume();
        } else if (gesture == Gesture.BAND) {
            double x = Math.min(e.getX(), pressInView.getX());
            double y = Math.min(e.getY(), pressInView.getY());
            double w = Math.abs(e.getX() - pressInView.getX());
            double h = Math.abs(e.getY() - pressInView.getY());
            if (w < DRAG_SLOP && h < DRAG_SLOP && !band.isVisible()) {
                return;
            }
            band.setX(x);
            band.setY(y);
            band.setWidth(w);
            band.setHeight(h);
            band.setVisible(true);
            Point2D a = canvas.parentToLocal(x, y);
            Point2D b = canvas.parentToLocal(x + w, y + h);
            Set<String> next = new LinkedHashSet<>(bandBase);
            placed.forEach((item, p) -> {
                ItemSkin skin = skins.get(item);
                double sx = skin.getLayoutX();
                double sy = skin.getLayoutY();
                if (sx < b.getX() && sx + ItemSkin.WIDTH > a.getX() && sy < b.getY() && sy + ItemSkin.HEIGHT > a.getY()) {
                    next.add(item);
                }
            });
            selection.set(Set.copyOf(next));
            if (bandBase.isEmpty()) {
                selectedWires.set(Set.of());
            }
            refreshSelection();
            e.consume();
        }
    }

    private void canvasReleased(MouseEvent e) {
        if (gesture == Gesture.BAND && !band.isVisible()) {
            // a click on the empty canvas clears the selection
            if (bandBase.isEmpty()) {
                selection.set(Set.of());
                selectedWires.set(Set.of());
                refreshSelection();
            }
        }
        if (gesture == Gesture.PAN || gesture == Gesture.BAND) {
            band.setVisible(false);
            gesture = Gesture.NONE;
            setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            e.consume();
        }
    }

    private void itemDragged(MouseEvent e) {
        Point2D now = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - pressInCanvas.getX();
        double dy = now.getY() - pressInCanvas.getY();
        if (!moved && Math.abs(dx) * zoom.getX() < DRAG_SLOP && Math.abs(dy) * zoom.getX() < DRAG_SLOP) {
            return;
        }
        moved = true;
        Set<WireSkin> touched = new HashSet<>();
        Set<Block> blocks = new HashSet<>();
        Network network = document.get().network();
        moveStart.forEach((item, start) -> {
            skins.get(item).relocate(start.x() + dx, start.y() + dy);
            touched.addAll(wiresOfItem.getOrDefault(item, List.of()));
            network.blockOf(item).ifPresent(blocks::add);
        });
        for (WireSkin wire : touched) {
            wire.route(corner(wire.from()), corner(wire.to()));
        }
        blocks.forEach(this::fitFrame);
    }

    private Point corner(String item) {
        ItemSkin skin = skins.get(item);
        return new Point(skin.getLayoutX(), skin.getLayoutY());
    }

    private void itemReleased() {
        gesture = Gesture.NONE;
        if (!moved) {
            return;
        }
        GraphDocument current = document.get();
        Map<String, Point> positions = Placement.frozen(current, placed);
        Network network = current.network();
        for (String item : moveStart.keySet()) {
            Point start = moveStart.get(item);
            Point end = corner(item);
            positions.put(item, end);
            // a collapsed block takes its saved layers along
            network.block(item).ifPresent(b -> b.members().forEach(m -> {
                Point p = positions.get(m);
                if (p != null) {
                    positions.put(m, p.plus(end.x() - start.x(), end.y() - start.y()));
                }
            }));
        }
        String name = moveStart.size() == 1 ? Texts.MOVE : String.format(Texts.MOVE_N, moveStart.size());
        edit(name, current.withPositions(positions));
    }

    private void startWire(PortSkin port) {
        requestFocus();
        gesture = Gesture.WIRE;
        wireSource = port;
        wireTarget = null;
        wireResult = null;
        checked.clear();
        Point2D start = port.localToScene(port.getCenterX(), port.getCenterY());
        Point2D local = canvas.sceneToLocal(start);
        pendingWire.setStartX(local.getX());
        pendingWire.setStartY(local.getY());
        pendingWire.setControlX1(local.getX());
        pendingWire.setControlY1(local.getY());
        pendingWire.setControlX2(local.getX());
        pendingWire.setControlY2(local.getY());
        pendingWire.setEndX(local.getX());
        pendingWire.setEndY(local.getY());
        pendingWire.getStyleClass().removeAll("valid", "refused");
        dragLayer.getChildren().setAll(pendingWire);
    }

    private void dragWire(MouseEvent e) {
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        PortSkin target = portNear(p);
        Point2D end = p;
        if (target != null) {
            end = canvas.sceneToLocal(target.localToScene(target.getCenterX(), target.getCenterY()));
        }
        double x1 = pendingWire.getStartX();
        double y1 = pendingWire.getStartY();
        double bend = Math.max(30, Math.abs(end.getY() - y1) / 2);
        pendingWire.setControlX1(x1);
        pendingWire.setControlY1(y1 + bend);
        boolean side = target != null && Add.SHORTCUT.equals(target.port());
        pendingWire.setControlX2(side ? end.getX() + 60 : end.getX());
        pendingWire.setControlY2(side ? end.getY() : end.getY() - bend);
        pendingWire.setEndX(end.getX());
        pendingWire.setEndY(end.getY());
        if (target != wireTarget) {
            if (wireTarget != null) {
                wireTarget.mark(null);
            }
            wireTarget = target;
            wireResult = target == null ? null : checked.computeIfAbsent(target, this::check);
            pendingWire.getStyleClass().removeAll("valid", "refused");
            if (wireResult != null) {
                pendingWire.getStyleClass().add(wireResult.allowed() ? "valid" : "refused");
                target.mark(wireResult.allowed() ? "target-ok" : "target-refused");
            }
        }
        if (wireResult != null && !wireResult.allowed()) {
            Point2D inView = sceneToLocal(e.getSceneX(), e.getSceneY());
            reason.setText(wireResult.refusal());
            reason.autosize();
            reason.relocate(Math.min(inView.getX() + 16, Math.max(0, getWidth() - reason.getWidth() - 4)),
                    inView.getY() + 18);
            reason.setVisible(true);
        } else {
            reason.setVisible(false);
        }
    }

    private Connections.Result check(PortSkin target) {
        Network network = document.get().network();
        List<Connections.Target> targets = target.node() != null
                ? List.of(new Connections.Target(target.node(), target.port()))
                : Connections.blockEntries(network, network.block(target.item()).orElseThrow());
        return Connections.check(network, analysis.get(), wireSource.node(), targets);
    }

    /** The input port the pointer is over: the nearest input of the box under it (boxes take a margin around). */
    private PortSkin portNear(Point2D p) {
        double margin = 14;
        PortSkin best = null;
        double bestDistance = Double.MAX_VALUE;
        for (ItemSkin skin : skins.values()) {
            double x = skin.getLayoutX();
            double y = skin.getLayoutY();
            if (p.getX() < x - margin || p.getX() > x + ItemSkin.WIDTH + margin || p.getY() < y - margin
                    || p.getY() > y + ItemSkin.HEIGHT + margin || skin.item().equals(wireSource.item())) {
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

    private void finishWire() {
        PortSkin target = wireTarget;
        Connections.Result result = wireResult;
        PortSkin source = wireSource;
        cancelGesture();
        if (target == null || result == null) {
            return;
        }
        if (!result.allowed()) {
            say(String.format(Texts.NOT_CONNECTED, result.refusal()));
            return;
        }
        GraphDocument current = document.get();
        edit(String.format(Texts.CONNECT, source.node(), target.node() != null ? target.node() : target.item()),
                new GraphDocument(result.network(), Placement.frozen(current, placed), current.collapsed()));
    }

    private void cancelGesture() {
        if (wireTarget != null) {
            wireTarget.mark(null);
        }
        wireTarget = null;
        wireSource = null;
        wireResult = null;
        dragLayer.getChildren().clear();
        reason.setVisible(false);
        band.setVisible(false);
        gesture = Gesture.NONE;
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean shortcut = e.isShortcutDown();
        if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            deleteSelection();
        } else if (shortcut && code == KeyCode.A) {
            selectAll();
        } else if (shortcut && code == KeyCode.C) {
            copySelection();
        } else if (shortcut && code == KeyCode.X) {
            cutSelection();
        } else if (shortcut && code == KeyCode.V) {
            paste();
        } else if (code == KeyCode.ESCAPE) {
            cancelGesture();
        } else if (code == KeyCode.SPACE) {
            spaceDown = true;
            if (gesture == Gesture.NONE) {
                setCursor(Cursor.OPEN_HAND);
            }
        } else {
            return;
        }
        e.consume();
    }

    // ---------------------------------------------------------------- palette

    private void paletteDragOver(DragEvent e) {
        if (e.getDragboard().hasContent(LayerPalette.FORMAT)) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    private void paletteDropped(DragEvent e) {
        Object content = e.getDragboard().getContent(LayerPalette.FORMAT);
        if (content == null) {
            return;
        }
        PaletteItem item;
        try {
            item = PaletteItem.valueOf(content.toString());
        } catch (IllegalArgumentException unknown) {
            return;
        }
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        String onto = null;
        for (ItemSkin skin : skins.values()) {
            if (p.getX() >= skin.getLayoutX() && p.getX() <= skin.getLayoutX() + ItemSkin.WIDTH
                    && p.getY() >= skin.getLayoutY() && p.getY() <= skin.getLayoutY() + ItemSkin.HEIGHT) {
                onto = skin.item();
            }
        }
        addAt(item, new Point(p.getX() - ItemSkin.WIDTH / 2, p.getY() - ItemSkin.HEIGHT / 2), onto);
        e.setDropCompleted(true);
        e.consume();
        requestFocus();
    }

    /** Adds a layer at {@code at}, or a block: after the item it was dropped onto, else unconnected at {@code at}. */
    private void addAt(PaletteItem item, Point at, String onto) {
        GraphDocument current = document.get();
        Network network = current.network();
        if (item.isBlock() && onto != null) {
            selection.set(Set.of(onto));
            addResidualBlockAfterSelection(item.blockKind());
            return;
        }
        Map<String, Point> positions = Placement.frozen(current, placed);
        if (!item.isBlock()) {
            String name = freshName(network, item.baseName());
            positions.put(name, at);
            pendingSelection = Set.of(name);
            edit(String.format(Texts.ADD_LAYER, name), new GraphDocument(network.withNode(new Node(name, item.newLayer())),
                    positions, current.collapsed()));
            return;
        }
        try {
            Shape shape = detachedShape(network, item.blockKind());
            NetworkEdits.Merged merged = NetworkEdits.addDetachedBlock(network, item.blockKind(), shape,
                    shortcutOption(network), batchNorm(network), activation(network));
            Network next = merged.network();
            Block block = next.blocks().get(next.blocks().size() - 1);
            GraphDocument laid = new GraphDocument(next, Map.of(), current.collapsed());
            Map<String, GraphLayout.Position> auto = GraphLayout.place(next, Analysis.of(next), current.collapsed());
            double left = auto.get(block.members().get(0)).x();
            double top = block.members().stream().mapToDouble(m -> auto.get(m).y()).min().orElse(0);
            for (String member : block.members()) {
                GraphLayout.Position p = auto.get(member);
                positions.put(member, new Point(at.x() + p.x() - left, at.y() + p.y() - top));
            }
            positions.put(block.name(), at);
            pendingSelection = block.members().stream().collect(Collectors.toSet());
            edit(Texts.ADD_BLOCK, new GraphDocument(laid.network(), positions, current.collapsed()));
        } catch (IllegalStateException | IllegalArgumentException ex) {
            say(ex.getMessage());
        }
    }

    /** A detached block's input: the width of the last layer that outputs what the block needs, else 16 (or 64). */
    private Shape detachedShape(Network network, BlockKind kind) {
        Optional<Shape> input = analysis.get().inputShape();
        if (input.isPresent() && input.get() instanceof Shape.Flat) {
            List<Shape> flat = analysis.get().order().stream().map(n -> analysis.get().outputShape(n).orElse(null))
                    .filter(s -> s instanceof Shape.Flat).toList();
            return flat.isEmpty() ? Shape.flat(16) : flat.get(flat.size() - 1);
        }
        int channels = kind == BlockKind.BOTTLENECK ? 64 : 16;
        return Shape.image(channels, 32, 32);
    }

    private static String freshName(Network network, String base) {
        if ((base.equals("input") || base.equals("output")) && network.node(base).isEmpty()
                && network.block(base).isEmpty()) {
            return base;
        }
        for (int i = 1; ; i++) {
            String name = base + i;
            if (network.node(name).isEmpty() && network.block(name).isEmpty()) {
                return name;
            }
        }
    }

    // ---------------------------------------------------------------- edits

    /** Hands an edit to the host (or shows it when there is none). */
    private void edit(String name, GraphDocument next) {
        if (next.equals(document.get())) {
            pendingSelection = null;
            return;
        }
        if (onEdit != null) {
            onEdit.accept(name, next);
        } else {
            show(next);
        }
    }

    /**
     * An edit that adds or removes layers in bulk: positions stay if every box of the new network has one,
     * otherwise the whole network is laid out automatically (new layers have no place among hand-placed ones).
     */
    private void structural(String name, GraphDocument current, Network next, Set<String> added, boolean collapseAdded) {
        Set<String> collapsed = new HashSet<>(current.collapsed());
        if (collapseAdded) {
            collapsed.addAll(added);
        }
        GraphDocument candidate = new GraphDocument(next, current.positions().isEmpty() ? Map.of()
                : Placement.frozen(current, placed), collapsed);
        Set<String> visible = new HashSet<>(GraphLayout.items(next, candidate.collapsed()).values());
        if (!candidate.positions().isEmpty() && !candidate.positions().keySet().containsAll(visible)) {
            candidate = candidate.withAutomaticLayout();
        }
        edit(name, candidate);
    }

    private static Set<String> newBlocks(Network before, Network after) {
        return after.blocks().stream().map(Block::name).filter(b -> before.block(b).isEmpty()).collect(Collectors.toSet());
    }

    /** The shortcut option of the network's blocks (A for flat networks, B for images when it has none). */
    private ShortcutOption shortcutOption(Network network) {
        if (!network.blocks().isEmpty()) {
            return network.blocks().get(network.blocks().size() - 1).shortcutOption();
        }
        return analysis.get().inputShape().map(s -> s instanceof Shape.Flat).orElse(false) ? ShortcutOption.A
                : ShortcutOption.B;
    }

    private static boolean batchNorm(Network network) {
        return network.nodes().stream().anyMatch(n -> n.layer() instanceof BatchNorm);
    }

    private static ActivationFunction activation(Network network) {
        return network.nodes().stream().map(Node::layer).filter(Activation.class::isInstance)
                .map(l -> ((Activation) l).function()).findFirst().orElse(ActivationFunction.RELU);
    }

    /** Shows a message over the canvas for a few seconds (and in {@link #messageProperty()}). */
    private void say(String text) {
        lastMessage.set(text);
        message.setText(text);
        message.setVisible(true);
        requestLayout();
        messageTimer.playFromStart();
    }
}

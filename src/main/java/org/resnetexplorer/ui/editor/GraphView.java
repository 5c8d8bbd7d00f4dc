package org.resnetexplorer.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Wire;
import org.resnetexplorer.i18n.Texts;

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
 * expand it; wheel zooms around the pointer, as do the zoom buttons in the corner about the middle; middle-drag, or Space+drag, pans. Keys: Delete/Backspace deletes the
 * selection, Ctrl+A selects all, Ctrl+C/Ctrl+X/Ctrl+V copy, cut and paste, Escape cancels a wire.
 *
 * <p>Its parts, the graph-editor way: the drawing ({@link GraphCanvas}, one skin per box, wire and block outline),
 * the {@link Viewport} (pan, zoom, fit), the {@link SelectionModel}, one class per gesture ({@link Gestures} picks
 * which), and the editing commands as pure functions from the document and the selection to a named document
 * ({@link EditCommands}, {@link BlockCommands}, {@link Clip}). Only the boxes being dragged and their wires move
 * while the mouse moves; the drawing is rebuilt when the host shows the next document. Collapsed blocks are one box
 * each, so a deep network stays a few dozen boxes.
 */
public final class GraphView extends Region {
    /** The editor's own styles, added to its stylesheets (and the palette's). */
    static final String STYLESHEET = Objects.requireNonNull(GraphView.class.getResource("editor.css")).toExternalForm();
    private static final String TOTALS = Texts.get("graphView.totals");
    private static final String PROBLEMS = Texts.get("graphView.problems");
    private static final String HELP = Texts.get("graphView.help");

    private final GraphCanvas canvas = new GraphCanvas();
    private final Viewport viewport = new Viewport(canvas);
    private final SelectionModel selection = new SelectionModel(this::markSelection);
    private final Gestures gestures = new Gestures(this, canvas, viewport, selection);
    private final Label message = new Label();
    private final Label totals = new Label();
    private final Label help = new Label("?");
    private final ZoomControl zoomControl = new ZoomControl(this, viewport);
    private final BlockMenu blockMenu = new BlockMenu(this, canvas);
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(6));

    private ShownDocument shown = ShownDocument.of(GraphDocument.of(new Network("untitled", List.of(), List.of(),
            List.of())));
    private final ReadOnlyObjectWrapper<GraphDocument> document = new ReadOnlyObjectWrapper<>(shown.document());
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(shown.analysis());
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPaste = new ReadOnlyBooleanWrapper(false);
    private BiConsumer<String, GraphDocument> onEdit;
    private Consumer<GraphDocument> onViewChange;
    /** The boxes to select when the next document shows (what an edit selects), or null to keep the selection. */
    private Set<String> pendingSelection;
    private Clip clip;
    /** Pastes of {@link #clip} so far: each lands one offset further. */
    private int pastes;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
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
        zoomControl.setManaged(false);
        getChildren().addAll(canvas, gestures.bandShape(), totals, zoomControl, help, message, gestures.wireReason());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        help.getStyleClass().add("graph-help");
        help.setId("graph-help");
        help.setManaged(false);
        Tooltip helpTip = new Tooltip(HELP);
        helpTip.setWrapText(true);
        helpTip.setMaxWidth(420);
        help.setTooltip(helpTip);
        messageTimer.setOnFinished(e -> message.setVisible(false));
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        setOnDragOver(this::paletteDragOver);
        setOnDragDropped(this::paletteDropped);
    }

    // ---------------------------------------------------------------- public API

    /** Called with a name ("Move", "Delete 3 nodes") and the document an edit leads to; the host applies it. */
    public void setOnEdit(BiConsumer<String, GraphDocument> handler) {
        onEdit = handler;
    }

    /**
     * Called with the document a view change leads to: a block collapsed or expanded, which changes how the
     * network reads, not the network (decision 0023). The host shows it without an undo entry and without
     * marking the graph unsaved. Without this handler, a view change goes to {@link #setOnEdit} as an edit.
     */
    public void setOnViewChange(Consumer<GraphDocument> handler) {
        onViewChange = handler;
    }

    /** The document shown. */
    /**
     * What a block's context menu offers, given the block's name: the window's actions on the block of a trained run
     * (no items, the default: no menu).
     */
    public void setBlockMenu(Function<String, List<MenuItem>> items) {
        blockMenu.setItems(items);
    }

    public ReadOnlyObjectProperty<GraphDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public GraphDocument document() {
        return document.get();
    }

    /**
     * The analysis of the network shown: problems, shapes, counts and totals (for a status bar or property sheet).
     * Worked out once per network shown, so a host need not analyse it again.
     */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The names of the selected boxes: nodes, and collapsed blocks by block name. */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.itemsProperty();
    }

    /** The selected wires. */
    public ReadOnlyObjectProperty<Set<Wire>> selectedWiresProperty() {
        return selection.wiresProperty();
    }

    /**
     * The last message the editor showed (why an action or a wire was refused), for a status bar; empty again once
     * the network changes, since the message was about the network before.
     */
    public ReadOnlyStringProperty messageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    /** Whether {@link #paste()} has something to paste (for enabling a Paste menu item). */
    public ReadOnlyBooleanProperty canPasteProperty() {
        return canPaste.getReadOnlyProperty();
    }

    /** The zoom: 1 draws the network at its size at "100%" for a text scale of 1. */
    public double zoom() {
        return viewport.zoom();
    }

    /**
     * How large the drawing is at "100%": 1 normally, 1.5 for text half as large again (a projector). Boxes,
     * ports, wires and their labels grow together, as a zoom does, so nothing overflows its box; the view keeps
     * its centre, and fitting and "show the top" use it as their full size.
     */
    public void setTextScale(double scale) {
        viewport.setTextScale(scale, getWidth() / 2, getHeight() / 2);
    }

    /** The drawing's size at "100%" (see {@link #setTextScale}). */
    public double textScale() {
        return viewport.textScale();
    }

    /** Shows {@code network} laid out automatically, with the blocks named in {@code collapsed} as one box each. */
    public void show(Network network, Set<String> collapsed) {
        show(new GraphDocument(network, Map.of(), collapsed));
    }

    /** Shows {@code next}: rebuilds the boxes and wires; the selection keeps what still exists. */
    public void show(GraphDocument next) {
        Objects.requireNonNull(next, "document");
        gestures.cancel();
        if (!next.network().equals(document.get().network())) {
            // what the message said (a refused wire, a refused command) was about the network before
            message.setVisible(false);
            lastMessage.set("");
        }
        shown = shown.next(next);
        document.set(next);
        analysis.set(shown.analysis());
        canvas.show(shown);
        gestures.attach();
        Set<String> keep = pendingSelection != null ? pendingSelection : selection.current().items();
        pendingSelection = null;
        selection.keep(keep, canvas.skins().keySet(), next.network().wires());
        Analysis facts = shown.analysis();
        int errors = facts.errors().size();
        totals.setText(String.format(TOTALS, Texts.count("count.layers", next.network().nodes().size()),
                Counts.abbreviated(facts.totalParams()), Counts.abbreviated(facts.totalMacs()))
                + (errors > 0 ? String.format(PROBLEMS, Texts.count("count.problems", errors)) : ""));
        totals.getStyleClass().remove("invalid");
        if (errors > 0) {
            totals.getStyleClass().add("invalid");
        }
        requestLayout();
    }

    /** Selects these boxes (nodes, or collapsed blocks by name). */
    public void select(Set<String> items) {
        selection.select(items.stream().filter(canvas.skins()::containsKey).toList());
    }

    /** Selects every box, and every wire between two boxes. */
    public void selectAll() {
        Map<String, String> itemOf = shown.items();
        selection.select(canvas.skins().keySet(), shown.network().wires().stream()
                .filter(w -> !itemOf.get(w.from()).equals(itemOf.get(w.to()))).toList());
    }

    /** Deletes the selected boxes (a collapsed block with all its layers) and the selected wires, as one edit. */
    public void deleteSelection() {
        apply(EditCommands.delete(shown, selection.current()));
    }

    /** Keeps the selected boxes, and the wires among them, for {@link #paste()}. Not an edit. */
    public void copySelection() {
        Optional<Clip> copied = Clip.copy(shown, selection.current());
        if (copied.isEmpty()) {
            say(EditCommands.NOTHING_SELECTED);
            return;
        }
        clip = copied.get();
        pastes = 0;
        canPaste.set(true);
    }

    /** Copies the selection and deletes it, as one edit. */
    public void cutSelection() {
        copySelection();
        Outcome cut = EditCommands.cut(shown, selection.current());
        // with nothing selected, copying has said so already
        if (cut instanceof Outcome.Edit) {
            apply(cut);
        }
    }

    /** Adds what was copied, under fresh names, a little below and to the right of where it was; selects it. */
    public void paste() {
        if (clip == null) {
            say(Clip.NOTHING_TO_PASTE);
            return;
        }
        pastes++;
        apply(clip.paste(shown, pastes));
    }

    /**
     * Zooms and pans so that the whole network fits the view, between 50% and 100% (times the text scale): a
     * network too large to read at 50% shows from its top.
     */
    public void fitToView() {
        canvas.applyCss();
        canvas.layout();
        viewport.fit(canvas.contentBounds(), Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    /** Shows the top of the network at 100% (times the text scale), centred across. */
    public void showTop() {
        canvas.applyCss();
        canvas.layout();
        viewport.showTop(canvas.contentBounds(), getWidth());
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under (x, y) where it is. */
    public void zoomAt(double x, double y, double factor) {
        viewport.zoomAt(x, y, factor);
    }

    /** Zooms in one step (as one wheel notch), about the middle of the view. */
    public void zoomIn() {
        viewport.zoomAt(getWidth() / 2, getHeight() / 2, Viewport.STEP);
    }

    /** Zooms out one step (as one wheel notch), about the middle of the view. */
    public void zoomOut() {
        viewport.zoomAt(getWidth() / 2, getHeight() / 2, 1 / Viewport.STEP);
    }

    /** Zooms to 100% (times the text scale) about the middle of the view. */
    public void zoomToActualSize() {
        viewport.zoomToLevel(1, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms and pans to show the selected boxes, as large as fits up to 100%; says so when nothing is selected. */
    public void zoomToSelection() {
        Bounds selected = null;
        for (String item : selection.current().items()) {
            ItemSkin skin = canvas.skins().get(item);
            if (skin != null) {
                Bounds b = skin.getBoundsInParent();
                selected = selected == null ? b : union(selected, b);
            }
        }
        if (selected == null) {
            say(EditCommands.NOTHING_SELECTED);
            return;
        }
        viewport.show(selected, Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    /** The zoom as the user reads it: 1 is 100% of the size at "100%" (the text scale). */
    public ReadOnlyDoubleProperty zoomLevelProperty() {
        return viewport.levelProperty();
    }

    private static Bounds union(Bounds a, Bounds b) {
        double minX = Math.min(a.getMinX(), b.getMinX());
        double minY = Math.min(a.getMinY(), b.getMinY());
        return new BoundingBox(minX, minY, Math.max(a.getMaxX(), b.getMaxX()) - minX,
                Math.max(a.getMaxY(), b.getMaxY()) - minY);
    }

    /** Forgets every saved position, so that the automatic layout places everything (an edit). */
    public void autoLayout() {
        apply(EditCommands.autoLayout(document.get()));
    }

    /**
     * Collapses (or expands) every block, laid out automatically afterwards: a view change where the layout was
     * automatic already, an edit (undoable) where it forgets boxes placed by hand.
     */
    public void collapseAll(boolean collapse) {
        Outcome outcome = BlockCommands.collapseAll(document.get(), collapse);
        if (document.get().positions().isEmpty()) {
            changeView(outcome);
        } else {
            apply(outcome);
        }
    }

    /** Collapses an expanded block or expands a collapsed one (a view change, see {@link #setOnViewChange}). */
    public void toggleCollapsed(String block) {
        if (shown.network().block(block).isPresent()) {
            changeView(BlockCommands.toggleCollapsed(shown, block));
        }
    }

    /** Inserts a residual block of {@code kind} after the one selected layer or block. */
    public void addResidualBlockAfterSelection(BlockKind kind) {
        apply(BlockCommands.addResidualBlock(shown, selection.current(), kind));
    }

    /** Makes the selected chain of layers the residual branch of a new block with a shortcut around it. */
    public void wrapSelectionInSkip() {
        apply(BlockCommands.wrapInSkip(shown, selection.current()));
    }

    /** Turns the shortcut of each selected block (or of the blocks of the selected layers) off if on, on if off. */
    public void toggleShortcutOfSelection() {
        apply(BlockCommands.toggleShortcut(shown, selection.current()));
    }

    /** Puts {@code n} copies of the selected block right after it. */
    public void stackSelectedBlock(int n) {
        apply(BlockCommands.stack(shown, selection.current(), n));
    }

    /** Adds a palette item in the middle of the view. */
    public void add(PaletteItem item) {
        Point2D middle = canvas.parentToLocal(getWidth() / 2, getHeight() / 2);
        addAt(item, new Point(middle.getX() - ItemSkin.WIDTH / 2, middle.getY() - ItemSkin.HEIGHT / 2), null);
    }

    // ---------------------------------------------------------------- for the gestures

    /** The document shown, with its analysis and where its boxes are. */
    ShownDocument shown() {
        return shown;
    }

    /** Hands an edit to the host (or shows it when there is none), or shows why a command was refused. */
    void apply(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            say(refused.reason());
            return;
        }
        Outcome.Edit edit = (Outcome.Edit) outcome;
        if (edit.document().equals(document.get())) {
            pendingSelection = null;
            return;
        }
        pendingSelection = edit.selection();
        if (onEdit != null) {
            onEdit.accept(edit.name(), edit.document());
        } else {
            show(edit.document());
        }
    }

    /** Hands a view change to the host's view handler, or as an edit where there is none. */
    private void changeView(Outcome outcome) {
        if (onViewChange == null || !(outcome instanceof Outcome.Edit edit)) {
            apply(outcome);
            return;
        }
        if (!edit.document().equals(document.get())) {
            pendingSelection = edit.selection();
            onViewChange.accept(edit.document());
        }
    }

    private void markSelection() {
        canvas.markSelection(selection.current());
    }

    @Override
    protected void layoutChildren() {
        // the canvas is unmanaged: its place is the pan and zoom; the overlays sit at the bottom
        totals.autosize();
        totals.relocate(10, getHeight() - totals.getHeight() - 8);
        zoomControl.autosize();
        zoomControl.relocate(getWidth() - zoomControl.getWidth() - 10, getHeight() - zoomControl.getHeight() - 6);
        help.autosize();
        help.relocate(getWidth() - help.getWidth() - 10, 10);
        message.autosize();
        message.relocate(Math.max(10, (getWidth() - message.getWidth()) / 2), getHeight() - message.getHeight() - 36);
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
            gestures.cancel();
        } else if (code == KeyCode.SPACE) {
            gestures.holdSpace();
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
        addAt(item, new Point(p.getX() - ItemSkin.WIDTH / 2, p.getY() - ItemSkin.HEIGHT / 2),
                canvas.itemAt(p).orElse(null));
        e.setDropCompleted(true);
        e.consume();
        requestFocus();
    }

    /** Adds a layer at {@code at}, or a block: after the box it was dropped onto, else unconnected at {@code at}. */
    private void addAt(PaletteItem item, Point at, String onto) {
        if (item.isBlock() && onto != null) {
            selection.selectBoxes(Set.of(onto));
            addResidualBlockAfterSelection(item.blockKind());
        } else if (item.isBlock()) {
            apply(BlockCommands.addDetachedBlock(shown, item.blockKind(), at));
        } else {
            apply(EditCommands.addLayer(shown, item, at));
        }
    }

    /** Shows a message over the canvas for a few seconds (and in {@link #messageProperty()}). */
    private void say(String text) {
        // the same refusal again is news again
        lastMessage.set("");
        lastMessage.set(text);
        message.setText(text);
        message.setVisible(true);
        requestLayout();
        messageTimer.playFromStart();
    }
}

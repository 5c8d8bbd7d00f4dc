package org.resnetexplorer.ui.editor;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.shape.Rectangle;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;

/**
 * Which gesture the pointer is making, one at a time, and where each starts: a press on an output port draws a
 * wire ({@link WireDrag}), on a box moves the selection ({@link SelectionMove}), on the empty canvas draws a
 * rubber band ({@link RubberBand}); the middle button, or Space held, pans ({@link PanGesture}) wherever it is
 * pressed. A click on a wire selects it, a double-click on a block (or its outline's title) collapses or expands
 * it, and the wheel (by {@link Viewport#STEP} a notch) or a pinch zooms about the pointer.
 */
final class Gestures {
    /** Pixels the pointer must travel before a press becomes a drag. */
    static final double DRAG_SLOP = 3;

    private enum Active { NONE, PAN, BAND, MOVE, WIRE }

    private final GraphView view;
    private final GraphCanvas canvas;
    private final Viewport viewport;
    private final SelectionModel selection;
    private final PanGesture pan;
    private final RubberBand band;
    private final SelectionMove move;
    private final WireDrag wire;
    private Active active = Active.NONE;
    private boolean spaceDown;

    /** Listens to the pointer over {@code view}, which shows {@code canvas} through {@code viewport}. */
    Gestures(GraphView view, GraphCanvas canvas, Viewport viewport, SelectionModel selection) {
        this.view = view;
        this.canvas = canvas;
        this.viewport = viewport;
        this.selection = selection;
        pan = new PanGesture(viewport);
        band = new RubberBand(canvas, selection);
        move = new SelectionMove(canvas);
        wire = new WireDrag(view, canvas);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::canvasPressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::canvasDragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::canvasReleased);
        view.addEventHandler(ScrollEvent.SCROLL, e -> {
            viewport.zoomAt(e.getX(), e.getY(), wheelFactor(e.getDeltaY(), e.getMultiplierY()));
            e.consume();
        });
        view.addEventHandler(ZoomEvent.ZOOM, e -> {
            viewport.zoomAt(e.getX(), e.getY(), e.getZoomFactor());
            e.consume();
        });
        view.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                view.setCursor(Cursor.DEFAULT);
                e.consume();
            }
        });
    }

    /**
     * The zoom factor of a scroll of {@code delta} pixels where one wheel notch is {@code perNotch} pixels: one
     * notch zooms by {@link Viewport#STEP}, and a trackpad's small scrolls by as much of it as they are of a notch.
     */
    static double wheelFactor(double delta, double perNotch) {
        // JavaFX gives 40 pixels a notch; a platform that reports none gets the same
        return Math.pow(Viewport.STEP, delta / (perNotch > 0 ? perNotch : 40));
    }

    /** The rubber band's rectangle, for the view to draw over the canvas. */
    Rectangle bandShape() {
        return band.shape();
    }

    /** Why a wire would be refused, for the view to show over the canvas. */
    Label wireReason() {
        return wire.reason();
    }

    /** Space went down: a primary drag pans from now on, until it goes up. */
    void holdSpace() {
        spaceDown = true;
        if (active == Active.NONE) {
            view.setCursor(Cursor.OPEN_HAND);
        }
    }

    /** Ends the gesture under way without an edit (Escape, or a new document shown). */
    void cancel() {
        wire.cancel();
        band.hide();
        active = Active.NONE;
    }

    /** Puts the handlers on the skins of the canvas's drawing, after each time it is drawn. */
    void attach() {
        for (ItemSkin skin : canvas.skins().values()) {
            attachToBox(skin);
        }
        for (WireSkin drawn : canvas.wireSkins()) {
            drawn.hitArea().setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                    view.requestFocus();
                    selection.pressWire(drawn.wires(), e.isShortcutDown() || e.isShiftDown());
                    e.consume();
                }
            });
        }
        for (Map.Entry<String, BlockFrame> frame : canvas.frames().entrySet()) {
            frame.getValue().title().setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    view.toggleCollapsed(frame.getKey());
                    e.consume();
                }
            });
            frame.getValue().title().setOnMousePressed(MouseEvent::consume);
        }
    }

    private void attachToBox(ItemSkin skin) {
        String item = skin.item();
        for (PortSkin port : skin.ports()) {
            if (!port.isInput()) {
                port.setOnMousePressed(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                        view.requestFocus();
                        active = Active.WIRE;
                        wire.start(port, view.shown());
                        e.consume();
                    }
                });
                port.setOnMouseDragged(e -> {
                    if (active == Active.WIRE) {
                        wire.drag(e);
                        e.consume();
                    }
                });
                port.setOnMouseReleased(e -> {
                    if (active == Active.WIRE) {
                        Optional<Outcome> connected = wire.finish();
                        cancel();
                        connected.ifPresent(view::apply);
                        e.consume();
                    }
                });
            }
        }
        skin.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                view.requestFocus();
                if (selection.press(item, e.isShortcutDown() || e.isShiftDown())) {
                    active = Active.MOVE;
                    move.press(selection.current().items(), e.getSceneX(), e.getSceneY());
                }
                e.consume();
            }
        });
        skin.setOnMouseDragged(e -> {
            if (active == Active.MOVE) {
                move.drag(e.getSceneX(), e.getSceneY(), viewport.zoom(), view.shown().network());
                e.consume();
            }
        });
        skin.setOnMouseReleased(e -> {
            if (active == Active.MOVE) {
                active = Active.NONE;
                move.release(view.shown()).ifPresent(view::apply);
                e.consume();
            }
        });
        skin.setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()) {
                return;
            }
            Network network = view.shown().network();
            String block = network.block(item).map(Block::name)
                    .orElseGet(() -> network.blockOf(item).map(Block::name).orElse(null));
            if (block != null) {
                view.toggleCollapsed(block);
            }
            e.consume();
        });
    }

    private void canvasPressed(MouseEvent e) {
        view.requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            active = Active.PAN;
            pan.press(e.getX(), e.getY());
            view.setCursor(Cursor.CLOSED_HAND);
            e.consume();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            active = Active.BAND;
            band.press(e.getX(), e.getY(), e.isShortcutDown() || e.isShiftDown());
            e.consume();
        }
    }

    private void canvasDragged(MouseEvent e) {
        if (active == Active.PAN) {
            pan.drag(e.getX(), e.getY());
            e.consume();
        } else if (active == Active.BAND && band.drag(e.getX(), e.getY())) {
            e.consume();
        }
    }

    private void canvasReleased(MouseEvent e) {
        if (active == Active.PAN || active == Active.BAND) {
            if (active == Active.BAND) {
                band.release();
            }
            band.hide();
            active = Active.NONE;
            view.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            e.consume();
        }
    }
}

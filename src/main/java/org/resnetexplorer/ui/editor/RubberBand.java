package org.resnetexplorer.ui.editor;

import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.shape.Rectangle;

/**
 * A drag on the empty canvas: a rectangle that selects the boxes it touches, added to the selection when Ctrl or
 * Shift was down at the press. A press and release without a drag is a click, which clears the selection.
 */
final class RubberBand {
    private final GraphCanvas canvas;
    private final SelectionModel selection;
    private final Rectangle band = new Rectangle();
    private Point2D press = Point2D.ZERO;
    private Set<String> base = Set.of();

    RubberBand(GraphCanvas canvas, SelectionModel selection) {
        this.canvas = canvas;
        this.selection = selection;
        band.getStyleClass().add("graph-rubber-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
    }

    /** The rectangle, drawn over the view in view pixels. */
    Rectangle shape() {
        return band;
    }

    /** The press, at (x, y) in the view; {@code add} keeps the selection and adds to it. */
    void press(double x, double y, boolean add) {
        press = new Point2D(x, y);
        base = add ? selection.current().items() : Set.of();
    }

    /**
     * The pointer is now at (x, y) in the view: the band spans from the press to here and selects what it
     * touches, once the pointer has gone past {@link Gestures#DRAG_SLOP}.
     *
     * @return whether the band shows (the drag is the band's)
     */
    boolean drag(double x, double y) {
        double left = Math.min(x, press.getX());
        double top = Math.min(y, press.getY());
        double w = Math.abs(x - press.getX());
        double h = Math.abs(y - press.getY());
        if (w < Gestures.DRAG_SLOP && h < Gestures.DRAG_SLOP && !band.isVisible()) {
            return false;
        }
        band.setX(left);
        band.setY(top);
        band.setWidth(w);
        band.setHeight(h);
        band.setVisible(true);
        selection.band(base, canvas.itemsTouching(canvas.parentToLocal(left, top),
                canvas.parentToLocal(left + w, top + h)));
        return true;
    }

    /** The release: a click on the empty canvas (no band, no Ctrl or Shift) clears the selection. */
    void release() {
        if (!band.isVisible() && base.isEmpty()) {
            selection.select(Set.of());
        }
        hide();
    }

    void hide() {
        band.setVisible(false);
    }
}

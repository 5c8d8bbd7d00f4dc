package org.resnetexplorer.ui.editor;

/** Middle-drag, or Space+drag, anywhere in the view: the canvas follows the pointer. Not an edit. */
final class PanGesture {
    private final Viewport viewport;
    private double pressX;
    private double pressY;
    private double startX;
    private double startY;

    PanGesture(Viewport viewport) {
        this.viewport = viewport;
    }

    /** The press, at (x, y) in the view. */
    void press(double x, double y) {
        pressX = x;
        pressY = y;
        startX = viewport.panX();
        startY = viewport.panY();
    }

    /** The pointer is now at (x, y) in the view. */
    void drag(double x, double y) {
        viewport.panTo(startX + x - pressX, startY + y - pressY);
    }
}

package org.resnetexplorer.ui.editor;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Where the canvas sits in the view: a pan (a translation, in view pixels) and a zoom (a scale), which are the
 * canvas's transforms. The zoom stays between 5% and 300% of the text scale, the drawing's size at "100%".
 */
final class Viewport {
    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 3;
    /**
     * The smallest zoom (of the text scale) a fit goes down to: box names of 13 px still read at 6.5 px. A deeper
     * network is shown from its top at this zoom rather than as specks (resnet-152 expanded would fit at 2%).
     */
    static final double READABLE = 0.5;
    /** The zoom factor of one wheel notch or one Zoom In: ten notches go from 50% to about 465%. */
    static final double STEP = 1.25;
    /** Pixels kept free above the drawing when it is fitted or shown from the top. */
    private static final double TOP_MARGIN = 30;

    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private double textScale = 1;
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(1);

    /** Moves and scales {@code canvas}. */
    Viewport(Node canvas) {
        canvas.getTransforms().addAll(pan, zoom);
    }

    /** The zoom: 1 draws a canvas unit as one pixel. */
    double zoom() {
        return zoom.getX();
    }

    /**
     * The zoom as the user reads it, of the size at "100%" (the zoom over the text scale): 1 is 100%, 0.5 is 50%.
     */
    ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The drawing's size at "100%": 1 normally, 1.5 for text half as large again. */
    double textScale() {
        return textScale;
    }

    /** Sets the text scale (0.5 to 3), zooming by the change about (x, y), so that point stays where it is. */
    void setTextScale(double scale, double x, double y) {
        if (!(scale >= 0.5 && scale <= 3)) {
            throw new IllegalArgumentException("text scale " + scale + " outside 0.5 to 3");
        }
        double factor = scale / textScale;
        textScale = scale;
        if (factor != 1) {
            zoomAt(x, y, factor);
        }
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under (x, y) (view pixels) where it is. */
    void zoomAt(double x, double y, double factor) {
        double next = Math.max(MIN_ZOOM * textScale, Math.min(MAX_ZOOM * textScale, zoom.getX() * factor));
        double applied = next / zoom.getX();
        pan.setX(x - (x - pan.getX()) * applied);
        pan.setY(y - (y - pan.getY()) * applied);
        setZoom(next);
    }

    /** Zooms to {@code value} of the size at "100%" (1 is 100%), keeping the canvas point under (x, y) where it is. */
    void zoomToLevel(double value, double x, double y) {
        zoomAt(x, y, value * textScale / zoom.getX());
    }

    /** Where the canvas's origin is in the view, across. */
    double panX() {
        return pan.getX();
    }

    /** Where the canvas's origin is in the view, down. */
    double panY() {
        return pan.getY();
    }

    /** Puts the canvas's origin at (x, y) in the view. */
    void panTo(double x, double y) {
        pan.setX(x);
        pan.setY(y);
    }

    /**
     * Zooms and pans so that {@code content} (canvas units) fits a view of this size, centred across, never
     * above the text scale and never below {@link #READABLE} of it: content too large for that shows from its
     * top, centred across. Nothing to fit, nothing changes.
     */
    void fit(Bounds content, double width, double height) {
        if (content.getWidth() <= 0 || content.getHeight() <= 0) {
            return;
        }
        double scale = Math.max(READABLE * textScale, Math.min(textScale, Math.min((width - 60) / content.getWidth(),
                (height - 60) / content.getHeight())));
        setZoom(scale);
        panTo((width - content.getWidth() * scale) / 2 - content.getMinX() * scale,
                TOP_MARGIN - content.getMinY() * scale);
    }

    /**
     * Zooms and pans so that {@code part} (canvas units, e.g. the selected boxes) fills a view of this size,
     * centred both ways, between {@link #READABLE} and 100% (of the text scale). Nothing to show, nothing changes.
     */
    void show(Bounds part, double width, double height) {
        if (part.getWidth() <= 0 || part.getHeight() <= 0) {
            return;
        }
        double scale = Math.max(READABLE * textScale, Math.min(textScale, Math.min((width - 60) / part.getWidth(),
                (height - 60) / part.getHeight())));
        setZoom(scale);
        panTo(width / 2 - part.getCenterX() * scale, height / 2 - part.getCenterY() * scale);
    }

    /** Shows the top of {@code content} at the text scale, centred across a view this wide. */
    void showTop(Bounds content, double width) {
        setZoom(textScale);
        panTo(Math.max(20, (width - content.getWidth() * textScale) / 2) - content.getMinX() * textScale,
                TOP_MARGIN - content.getMinY() * textScale);
    }

    private void setZoom(double scale) {
        zoom.setX(scale);
        zoom.setY(scale);
        level.set(scale / textScale);
    }
}

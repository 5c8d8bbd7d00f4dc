package org.resnetexplorer.ui.editor;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * A wire from an output port (bottom of a box) to an input port (top of a box), with the shape of the tensor
 * it carries. A wire that jumps over rows, a shortcut, bows out to the side so it reads as a skip.
 */
final class WireSkin extends Group {
    /** How a wire meets its end: from above into a top port, or from the right into a side port. */
    enum Entry { TOP, SIDE }

    /**
     * A wire from (x1, y1) to (x2, y2). A main wire runs down from a box's bottom; a skip wire leaves its box on
     * the right and bows out, so the shortcut reads as a path beside the layers it skips.
     */
    WireSkin(double x1, double y1, double x2, double y2, Entry entry, String shape, boolean skip) {
        CubicCurve curve = new CubicCurve();
        curve.setStartX(x1);
        curve.setStartY(y1);
        curve.setEndX(x2);
        curve.setEndY(y2);
        double bend = Math.max(30, Math.abs(y2 - y1) / 2);
        if (skip) {
            double bow = Math.min(140, 50 + Math.abs(y2 - y1) / 8);
            curve.setControlX1(x1 + bow);
            curve.setControlY1(y1);
        } else {
            curve.setControlX1(x1);
            curve.setControlY1(y1 + bend);
        }
        if (entry == Entry.SIDE) {
            curve.setControlX2(x2 + 70);
            curve.setControlY2(y2);
        } else {
            curve.setControlX2(x2);
            curve.setControlY2(y2 - bend);
        }
        curve.getStyleClass().addAll("graph-wire", skip ? "skip" : "main");
        getChildren().add(curve);
        if (shape != null) {
            Label label = new Label(shape);
            label.getStyleClass().add("graph-wire-shape");
            label.setLayoutX(skip ? Math.max(x1, x2) + 14 : x1 + 6);
            label.setLayoutY(skip ? (y1 + y2) / 2 - 9 : y1 + 8);
            label.setMouseTransparent(true);
            getChildren().add(label);
        }
        setMouseTransparent(true);
    }
}

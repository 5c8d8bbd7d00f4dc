package org.resnetexplorer.ui.editor;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.text.Text;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Wire;

/**
 * A wire from a box's output port (bottom) to an input port (top, or the right side for an addition's shortcut
 * port), labelled with the shape of the tensor it carries. A wire on a shortcut path is drawn teal and thick; a
 * wire that jumps over rows of its column bows out to the right, so it reads as a skip rather than running
 * through the boxes it passes. Clicking it selects it (a wider transparent stroke takes the clicks).
 *
 * <p>One skin may stand for several wires: those from one box into a collapsed block.
 */
final class WireSkin extends Group {
    private final String from;
    private final String to;
    private final boolean side;
    private final List<Wire> wires;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();
    private final Text label;

    WireSkin(String from, String to, boolean side, List<Wire> wires, String shape, boolean shortcutPath) {
        this.from = from;
        this.to = to;
        this.side = side;
        this.wires = List.copyOf(wires);
        getStyleClass().add("graph-wire-group");
        curve.getStyleClass().addAll("graph-wire", shortcutPath ? "skip" : "main");
        curve.setFill(null);
        curve.setMouseTransparent(true);
        hit.getStyleClass().add("graph-wire-hit");
        hit.setFill(null);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(12);
        getChildren().addAll(hit, curve);
        if (shape != null) {
            label = new Text(shape);
            label.getStyleClass().add("graph-wire-shape");
            label.setMouseTransparent(true);
            getChildren().add(label);
        } else {
            label = null;
        }
        setId("wire-" + from + "-" + to);
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    /** The model wires this skin draws. */
    List<Wire> wires() {
        return wires;
    }

    /** Redraws the wire between boxes whose top-left corners are at {@code a} (source) and {@code b} (target). */
    void route(Point a, Point b) {
        double w = ItemSkin.WIDTH;
        double h = ItemSkin.HEIGHT;
        double x1 = a.x() + w / 2;
        double y1 = a.y() + h;
        double x2 = side ? b.x() + w : b.x() + w / 2;
        double y2 = side ? b.y() + h / 2 : b.y();
        double dy = y2 - y1;
        double bow = Math.min(160, 60 + Math.abs(dy) / 8);
        double c1x;
        double c1y;
        double c2x;
        double c2y;
        if (side) {
            c1x = Math.abs(x1 - x2) < w ? x1 + bow : x1;
            c1y = y1 + 40;
            c2x = x2 + Math.max(60, bow);
            c2y = y2;
        } else if (Math.abs(x1 - x2) < w / 2 && dy > GraphLayout.ROW * 1.5) {
            c1x = x1 + bow * 1.6;
            c1y = y1 + 30;
            c2x = x2 + bow * 1.6;
            c2y = y2 - 30;
        } else if (x2 - x1 > w / 2 && dy > GraphLayout.ROW * 1.5) {
            // down to a box in a column to the right, rows below: turn right at once, then down, clear of the
            // boxes of the source's column
            c1x = x2;
            c1y = y1 + 10;
            c2x = x2;
            c2y = y1 + dy / 2;
        } else {
            double bend = Math.max(30, Math.abs(dy) / 2);
            c1x = x1;
            c1y = y1 + bend;
            c2x = x2;
            c2y = y2 - bend;
        }
        for (CubicCurve c : List.of(curve, hit)) {
            c.setStartX(x1);
            c.setStartY(y1);
            c.setControlX1(c1x);
            c.setControlY1(c1y);
            c.setControlX2(c2x);
            c.setControlY2(c2y);
            c.setEndX(x2);
            c.setEndY(y2);
        }
        if (label != null) {
            // the middle of the curve, B(1/2)
            double mx = (x1 + 3 * c1x + 3 * c2x + x2) / 8;
            double my = (y1 + 3 * c1y + 3 * c2y + y2) / 8;
            label.setX(mx + 6);
            label.setY(my + 4);
        }
    }

    void setSelected(boolean selected) {
        if (selected && !curve.getStyleClass().contains("selected")) {
            curve.getStyleClass().add("selected");
        } else if (!selected) {
            curve.getStyleClass().remove("selected");
        }
    }

    /** The transparent stroke that takes clicks (what a test or a pointer aims at). */
    CubicCurve hitArea() {
        return hit;
    }
}

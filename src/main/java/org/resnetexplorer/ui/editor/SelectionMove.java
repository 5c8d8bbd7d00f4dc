package org.resnetexplorer.ui.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;

/**
 * A drag on a selected box: it and the other selected boxes follow the pointer, with their wires and their blocks'
 * outlines; only they move until the release, which is one edit ("Move", "Move 3 items").
 */
final class SelectionMove {
    private final GraphCanvas canvas;
    private final Map<String, Point> start = new LinkedHashMap<>();
    private Point2D press = Point2D.ZERO;
    private boolean moved;

    SelectionMove(GraphCanvas canvas) {
        this.canvas = canvas;
    }

    /** The press on a box, at a point of the scene; {@code items} are the boxes that move. */
    void press(Set<String> items, double sceneX, double sceneY) {
        moved = false;
        press = canvas.sceneToLocal(sceneX, sceneY);
        start.clear();
        for (String item : items) {
            start.put(item, canvas.corner(item));
        }
    }

    /** The pointer is at a point of the scene: the boxes follow once it has gone past the slop (in view pixels). */
    void drag(double sceneX, double sceneY, double zoom, Network network) {
        Point2D now = canvas.sceneToLocal(sceneX, sceneY);
        double dx = now.getX() - press.getX();
        double dy = now.getY() - press.getY();
        if (!moved && Math.abs(dx) * zoom < Gestures.DRAG_SLOP && Math.abs(dy) * zoom < Gestures.DRAG_SLOP) {
            return;
        }
        moved = true;
        canvas.moveBy(start, dx, dy, network);
    }

    /** The release: the move as an edit of {@code shown}, or nothing when the boxes never left their places. */
    Optional<Outcome> release(ShownDocument shown) {
        if (!moved) {
            return Optional.empty();
        }
        Map<String, Point> end = new LinkedHashMap<>();
        start.keySet().forEach(item -> end.put(item, canvas.corner(item)));
        return Optional.of(EditCommands.move(shown, start, end));
    }
}

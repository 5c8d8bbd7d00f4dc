package org.resnetexplorer.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.i18n.Texts;

/**
 * The drawn points in a graph file: an optional top-level list {@code "points": [[0.25, -0.5, 0], ...]}, one
 * {@code [x, y, class]} per line, written only when there are points. Older versions ignore the key (their
 * reader skips keys it does not know), so a file with points still opens in them, without the points.
 */
final class DrawnPointsJson {
    static final String KEY = "points";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DrawnPointsJson() {
    }

    /** Adds the points to a file's top-level object, if there are any. */
    static void write(DrawnPoints points, ObjectNode root) {
        if (points.isEmpty()) {
            return;
        }
        ArrayNode list = root.putArray(KEY);
        for (DrawnPoint point : points.points()) {
            list.addArray().add(number(point.x())).add(number(point.y())).add(point.label());
        }
    }

    /** A whole coordinate is written without a decimal point, others as the shortest text that reads back the same. */
    private static JsonNode number(double value) {
        return value == Math.rint(value) ? JSON.numberNode((long) value) : JSON.numberNode(value);
    }

    /**
     * The points of a file's top-level object, none when it has no {@code "points"}.
     *
     * @throws IllegalArgumentException with the problem (which point, what is wrong with it) when the list is not
     *                                  one of at most {@value DrawnPoints#MAX_POINTS} valid points
     */
    static DrawnPoints read(JsonNode root) {
        JsonNode list = root.get(KEY);
        if (list == null) {
            return DrawnPoints.NONE;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.file.not.list", KEY, GraphFiles.shown(list)));
        }
        // counted before any point is made, so a huge list is refused at once
        if (list.size() > DrawnPoints.MAX_POINTS) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.file.too.many", KEY, list.size(),
                    DrawnPoints.MAX_POINTS));
        }
        List<DrawnPoint> points = new ArrayList<>(list.size());
        int index = 1;
        for (JsonNode json : list) {
            points.add(point(json, index++));
        }
        return new DrawnPoints(points);
    }

    private static DrawnPoint point(JsonNode json, int index) {
        boolean shaped = json.isArray() && json.size() == 3 && json.get(0).isNumber() && json.get(1).isNumber()
                && json.get(2).isIntegralNumber() && json.get(2).canConvertToInt();
        if (!shaped) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.file.point", KEY, index, GraphFiles.shown(json)));
        }
        try {
            return new DrawnPoint(json.get(0).doubleValue(), json.get(1).doubleValue(), json.get(2).intValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.file.bad.point", KEY, index, e.getMessage()), e);
        }
    }
}

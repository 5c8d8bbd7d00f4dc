package org.resnetexplorer.ui.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;

/**
 * A document as the editor draws it, with what follows from it: the analysis of its network (shapes, counts,
 * problems), the box each node shows as, and where every visible box is. Worked out once per document shown;
 * the analysis only when the network changed (a move or a collapse keeps it). Pure: no JavaFX.
 *
 * @param document the document shown
 * @param analysis the analysis of its network
 * @param items    the box each node shows as: the node itself, or its block when that block is collapsed
 * @param places   the top-left corner of every visible box in canvas units, in network order (see {@link Placement})
 */
record ShownDocument(GraphDocument document, Analysis analysis, Map<String, String> items, Map<String, Point> places) {
    ShownDocument {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        places = Collections.unmodifiableMap(new LinkedHashMap<>(places));
    }

    static ShownDocument of(GraphDocument document) {
        return of(document, Analysis.of(document.network()));
    }

    private static ShownDocument of(GraphDocument document, Analysis analysis) {
        return new ShownDocument(document, analysis, GraphLayout.items(document.network(), document.collapsed()),
                Placement.resolve(document, analysis));
    }

    /** The next document shown, with this analysis when its network is the same. */
    ShownDocument next(GraphDocument next) {
        boolean sameNetwork = analysis.network().equals(next.network());
        return of(next, sameNetwork ? analysis : Analysis.of(next.network()));
    }

    Network network() {
        return document.network();
    }

    /** The saved positions with every visible box's place made explicit: after an edit, nothing moves by itself. */
    Map<String, Point> frozen() {
        return Placement.frozen(document, places);
    }
}

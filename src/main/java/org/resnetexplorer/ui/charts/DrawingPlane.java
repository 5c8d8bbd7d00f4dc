package org.resnetexplorer.ui.charts;

import java.util.List;
import org.resnetexplorer.charts.DecisionRegionsChart;
import org.resnetexplorer.charts.PlaneMapping;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DrawnData;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.graph.Shape;

/**
 * The plane the Decision regions view shows while points are drawn: a fixed square around the 2-D sets' [-1, 1]
 * (wider only for points beyond it), so the plane does not move under the pointer as points are added; the drawn
 * points as the data to draw; and where each panel put the plane, for the clicks.
 */
final class DrawingPlane {
    /** Half the side of the square shown: the 2-D sets' [-1, 1] and a margin to draw in. */
    static final double HALF_SIDE = 1.2;

    private DrawingPlane() {
    }

    /** The grid of the square shown: +-{@value #HALF_SIDE}, or wider by a tenth around a point beyond it. */
    static DecisionRegions.Grid grid(DrawnPoints points) {
        double half = HALF_SIDE;
        for (DrawnPoint p : points.points()) {
            half = Math.max(half, Math.max(Math.abs(p.x()), Math.abs(p.y())) * (1 + DecisionRegions.PADDING));
        }
        return new DecisionRegions.Grid(-half, -half, 2 * half / DecisionRegions.CELLS, DecisionRegions.CELLS,
                DecisionRegions.CELLS);
    }

    /**
     * The drawn points as data to draw (no test points), with names for {@code classes} classes, at least those
     * drawn and two.
     */
    static Dataset dataset(DrawnPoints points, int classes) {
        int count = Math.max(2, Math.max(classes, points.classes()));
        float[] features = new float[2 * points.size()];
        int[] labels = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            features[2 * i] = (float) points.points().get(i).x();
            features[2 * i + 1] = (float) points.points().get(i).y();
            labels[i] = points.points().get(i).label();
        }
        Examples none = new Examples(Shape.flat(2), count, new float[0], new int[0]);
        return new Dataset(DrawnData.NAME, new Examples(Shape.flat(2), count, features, labels), none,
                DrawnData.classNames(count));
    }

    /** Regions that show the background everywhere (no class is predicted with any confidence): no network yet. */
    static DecisionRegions blank(DecisionRegions.Grid grid) {
        return DecisionRegions.of(grid, 0, 2, new int[grid.size()], new float[grid.size()], 0);
    }

    /** Where each panel of {@code layout} put the plane. */
    static List<PlaneMapping> mappings(DecisionRegionsChart.Layout layout) {
        DecisionRegions.Grid grid = layout.grid();
        return layout.areas().stream().map(a -> new PlaneMapping(a.left(), a.top(), a.width(), a.height(), grid.left(),
                grid.right(), grid.bottom(), grid.top())).toList();
    }
}

package org.resnetexplorer.data;

import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * The "custom" dataset: the points a student drew, features as they are (the plane of the 2-D sets, about
 * [-1, 1]), a class per colour up to the highest drawn. The test split is the same points (decision 0029): a
 * drawing of ten points has none to spare, and the test error then says how many of them the network gets wrong.
 */
public final class DrawnData {
    /** The dataset's name in the Training panel, the run list and the charts. */
    public static final String NAME = "custom";

    private DrawnData() {
    }

    /**
     * The dataset of {@code points}.
     *
     * @throws DatasetException when fewer than two classes have points: nothing to tell apart
     */
    public static Dataset of(DrawnPoints points) throws DatasetException {
        if (points.classesDrawn() < 2) {
            throw new DatasetException(NAME, points.isEmpty() ? Texts.get("drawnData.none")
                    : Texts.format("drawnData.one.class", Texts.count("count.points", points.size()),
                            points.points().get(0).label() + 1));
        }
        int n = points.size();
        float[] features = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            DrawnPoint point = points.points().get(i);
            features[2 * i] = (float) point.x();
            features[2 * i + 1] = (float) point.y();
            labels[i] = point.label();
        }
        int classes = points.classes();
        Examples examples = new Examples(Shape.flat(2), classes, features, labels);
        return new Dataset(NAME, examples, examples, classNames(classes));
    }

    /** "class 1", "class 2", ...: the names the class chooser shows. */
    public static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(Texts.format("drawnData.class", c + 1));
        }
        return names;
    }
}

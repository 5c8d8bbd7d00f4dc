package org.resnetexplorer.charts;

import java.util.Arrays;
import java.util.List;
import org.resnetexplorer.engine.TrainingSnapshot;

/**
 * The paper's Fig. 7: the std of each 3x3 layer's response (after BatchNorm, before ReLU or addition) at the
 * last measured step, in layer order (solid) and sorted from largest to smallest (dashed), one colour per run.
 */
public final class ResidualResponses {
    private ResidualResponses() {
    }

    public static LinePlot plot(List<RunHistory> runs) {
        LinePlot plot = new LinePlot("Std of 3x3 layer responses (Fig. 7): layer order (solid), sorted (dashed)",
                "layer index", "std");
        for (int i = 0; i < runs.size(); i++) {
            RunHistory run = runs.get(i);
            List<TrainingSnapshot> measured = run.snapshots().stream().filter(s -> !s.responseStd().isEmpty()).toList();
            if (measured.isEmpty()) {
                continue;
            }
            double[] std = measured.get(measured.size() - 1).responseStd().stream()
                    .mapToDouble(TrainingSnapshot.LayerValue::value).toArray();
            double[] index = new double[std.length];
            for (int k = 0; k < std.length; k++) {
                index[k] = k + 1;
            }
            double[] sorted = std.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < sorted.length / 2; k++) {
                double t = sorted[k];
                sorted[k] = sorted[sorted.length - 1 - k];
                sorted[sorted.length - 1 - k] = t;
            }
            plot.add(new LinePlot.Line(new Series(run.run() + " (layer order)", index, std), Palette.run(i), 2.2f, false));
            plot.add(new LinePlot.Line(new Series(run.run() + " (sorted)", index, sorted), Palette.run(i), 1.6f, true));
        }
        return plot;
    }
}

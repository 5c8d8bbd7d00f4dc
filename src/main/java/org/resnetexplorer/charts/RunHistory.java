package org.resnetexplorer.charts;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.resnetexplorer.engine.TrainingSnapshot;

/** The snapshots of one run, in step order: what the charts draw. */
public record RunHistory(String run, List<TrainingSnapshot> snapshots) {
    public RunHistory {
        snapshots = List.copyOf(snapshots);
    }

    /** One value per snapshot against its step, leaving out snapshots where {@code value} is NaN. */
    public Series series(String name, ToDoubleFunction<TrainingSnapshot> value) {
        double[] x = new double[snapshots.size()];
        double[] y = new double[snapshots.size()];
        int n = 0;
        for (TrainingSnapshot s : snapshots) {
            double v = value.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                x[n] = s.step();
                y[n] = v;
                n++;
            }
        }
        return new Series(name, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }
}

package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resnetexplorer.data.Dataset;

/**
 * The dataset each run of the window trained on, for the views that draw the data or run the network on it (its
 * points, its test images). Many runs share one loaded dataset. A small dataset (the 2-D sets, a few thousand
 * values) stays as long as its runs; of the large ones (images) only the {@link #LARGE_KEPT} loaded last stay, so a
 * session of many image runs does not keep every load of Fashion-MNIST: the older runs then have no data here.
 * Use on the FX thread.
 */
final class RunData {
    /** Feature values above which a dataset counts as large. */
    static final long LARGE = 1_000_000;
    /** How many distinct large datasets stay in memory. */
    static final int LARGE_KEPT = 2;

    private final Map<String, Dataset> byRun = new HashMap<>();
    /** The large datasets kept, oldest first (compared by identity: each load is its own). */
    private final List<Dataset> large = new ArrayList<>();

    void put(String run, Dataset dataset) {
        byRun.put(run, dataset);
        if (size(dataset) > LARGE && large.stream().noneMatch(d -> d == dataset)) {
            large.add(dataset);
            while (large.size() > LARGE_KEPT) {
                Dataset dropped = large.remove(0);
                byRun.values().removeIf(d -> d == dropped);
            }
        }
    }

    /** The dataset a run trained on, while it is kept. */
    Optional<Dataset> of(String run) {
        return Optional.ofNullable(byRun.get(run));
    }

    void remove(String run) {
        Dataset removed = byRun.remove(run);
        if (removed != null && byRun.values().stream().noneMatch(d -> d == removed)) {
            large.removeIf(d -> d == removed);
        }
    }

    void clear() {
        byRun.clear();
        large.clear();
    }

    private static long size(Dataset dataset) {
        return (long) dataset.train().features().length + dataset.test().features().length;
    }
}

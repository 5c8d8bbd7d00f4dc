package org.resnetexplorer.ui.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resnetexplorer.charts.Palette;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.engine.TrainingSnapshot;

/**
 * The runs the charts compare and their snapshots, in step order. Plain Java, used on the FX thread only.
 *
 * <p>Long runs are thinned, not cut: every snapshot keeps its scalars (loss, errors), so the error curves
 * show every measured step, but at most {@link #DETAILED_LIMIT} snapshots per run keep their per-layer
 * measurements (gradient norms, responses, histograms, the bulk of the memory). Detail is kept for every
 * {@code stride}-th detailed snapshot as they arrive, and for the latest; when a run goes past the limit the
 * stride doubles and the others are reduced to their scalars, so the detail stays evenly spread over the run.
 */
final class RunStore {
    /** Per-layer detail kept per run: ~2,000 snapshots of a 56-layer net are tens of MB. */
    static final int DETAILED_LIMIT = 2000;

    /** A run compared: its name, the model it trains, whether it has shortcuts, and its colour in every chart. */
    record Run(String name, String model, boolean residual, Color colour) {
    }

    private static final class Entry {
        Run run;
        final List<TrainingSnapshot> snapshots = new ArrayList<>();
        /** Position in {@code snapshots} and arrival number of each snapshot that keeps its detail, in order. */
        final java.util.ArrayDeque<int[]> detailed = new java.util.ArrayDeque<>();
        int arrivals;
        int stride = 1;
        RunHistory history;

        void restart() {
            snapshots.clear();
            detailed.clear();
            arrivals = 0;
            stride = 1;
        }
    }

    private final Map<String, Entry> runs = new LinkedHashMap<>();
    private final int detailedLimit;
    private int version;

    RunStore() {
        this(DETAILED_LIMIT);
    }

    RunStore(int detailedLimit) {
        this.detailedLimit = Math.max(2, detailedLimit);
    }

    /** Adds a run (or updates its model and kind, keeping its colour and snapshots). */
    void add(String name, String model, boolean residual) {
        Objects.requireNonNull(name, "name");
        Entry entry = runs.get(name);
        if (entry == null) {
            entry = new Entry();
            entry.run = new Run(name, model == null ? "" : model, residual, freeColour());
            runs.put(name, entry);
        } else {
            entry.run = new Run(name, model == null ? "" : model, residual, entry.run.colour());
        }
        version++;
    }

    /** Removes a run and its snapshots; its colour is free for the next run. Returns whether it was there. */
    boolean remove(String name) {
        boolean removed = runs.remove(name) != null;
        version++;
        return removed;
    }

    void clear() {
        runs.clear();
        version++;
    }

    /**
     * Adds the snapshots to their runs (a run not added yet is added, as plain, with no model). A snapshot whose
     * step is not after its run's last one means the run was started again under its name: it starts afresh.
     */
    void append(List<TrainingSnapshot> batch) {
        for (TrainingSnapshot s : batch) {
            Entry entry = runs.get(s.run());
            if (entry == null) {
                add(s.run(), "", false);
                entry = runs.get(s.run());
            }
            List<TrainingSnapshot> list = entry.snapshots;
            if (!list.isEmpty() && s.step() <= list.get(list.size() - 1).step()) {
                entry.restart();
            }
            list.add(s);
            if (detailed(s)) {
                keepDetail(entry, list.size() - 1);
            }
            entry.history = null;
        }
        if (!batch.isEmpty()) {
            version++;
        }
    }

    private static boolean detailed(TrainingSnapshot s) {
        return !s.gradNorms().isEmpty() || !s.responseStd().isEmpty() || !s.residuals().isEmpty();
    }

    /** Keeps the detail of the snapshot at {@code index}; thins the run's detail when past the limit. */
    private void keepDetail(Entry entry, int index) {
        int[] previous = entry.detailed.peekLast();
        if (previous != null && previous[1] % entry.stride != 0) {
            // kept only as the latest: now that a newer one came, it goes the way of its stride
            lighten(entry, previous[0]);
            entry.detailed.pollLast();
        }
        entry.detailed.addLast(new int[] {index, entry.arrivals++});
        if (entry.detailed.size() > detailedLimit) {
            entry.stride *= 2;
            int[] last = entry.detailed.peekLast();
            entry.detailed.removeIf(d -> {
                if (d != last && d[1] % entry.stride != 0) {
                    lighten(entry, d[0]);
                    return true;
                }
                return false;
            });
        }
    }

    private static void lighten(Entry entry, int index) {
        entry.snapshots.set(index, scalarsOf(entry.snapshots.get(index)));
    }

    static TrainingSnapshot scalarsOf(TrainingSnapshot s) {
        return new TrainingSnapshot(s.run(), s.step(), s.totalSteps(), s.loss(), s.trainError(), s.trainErrorAverage(),
                s.testError(), s.learningRate(), s.stepsPerSecond(), List.of(), List.of(), List.of());
    }

    private Color freeColour() {
        BitSet used = new BitSet();
        for (Entry e : runs.values()) {
            for (int i = 0; i < Palette.size(); i++) {
                if (Palette.run(i).equals(e.run.colour())) {
                    used.set(i);
                }
            }
        }
        int free = used.nextClearBit(0);
        return Palette.run(free < Palette.size() ? free : runs.size());
    }

    /** The runs in the order added. */
    List<Run> runs() {
        return runs.values().stream().map(e -> e.run).toList();
    }

    List<String> names() {
        return List.copyOf(runs.keySet());
    }

    Run run(String name) {
        Entry e = runs.get(name);
        return e == null ? null : e.run;
    }

    /** Each run's snapshots as the charts read them, in the order added. */
    List<RunHistory> histories() {
        List<RunHistory> list = new ArrayList<>(runs.size());
        for (String name : runs.keySet()) {
            list.add(history(name));
        }
        return list;
    }

    /** The colour of each run, in the order of {@link #histories()}. */
    List<Color> colours() {
        return runs.values().stream().map(e -> e.run.colour()).toList();
    }

    /** One run's snapshots, or null for an unknown run. */
    RunHistory history(String name) {
        Entry e = runs.get(name);
        if (e == null) {
            return null;
        }
        if (e.history == null) {
            e.history = new RunHistory(name, e.snapshots);
        }
        return e.history;
    }

    /** How many snapshots of the run keep their per-layer measurements. */
    int detailedCount(String name) {
        Entry e = runs.get(name);
        return e == null ? 0 : e.detailed.size();
    }

    /** The last snapshot of the run with per-layer measurements, or null. */
    TrainingSnapshot lastDetailed(String name) {
        Entry e = runs.get(name);
        if (e == null) {
            return null;
        }
        int[] last = e.detailed.peekLast();
        return last == null ? null : e.snapshots.get(last[0]);
    }

    /** The highest step of any run, 0 with none. */
    int maxStep() {
        int max = 0;
        for (Entry e : runs.values()) {
            if (!e.snapshots.isEmpty()) {
                max = Math.max(max, e.snapshots.get(e.snapshots.size() - 1).step());
            }
        }
        return max;
    }

    /** The lowest first step of any run, 0 with none. */
    int minStep() {
        int min = Integer.MAX_VALUE;
        for (Entry e : runs.values()) {
            if (!e.snapshots.isEmpty()) {
                min = Math.min(min, e.snapshots.get(0).step());
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    boolean hasSnapshots() {
        return runs.values().stream().anyMatch(e -> !e.snapshots.isEmpty());
    }

    /** Grows with every change, so a view can tell whether it is up to date. */
    int version() {
        return version;
    }
}

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
 * measurements (gradient norms, responses, histograms, the bulk of the memory). When a run goes past the
 * limit, every other detailed snapshot but the last is reduced to its scalars, so the detail stays spread
 * over the whole run, denser towards the latest steps.
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
        int detailed;
        RunHistory history;
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
                list.clear();
                entry.detailed = 0;
            }
            list.add(s);
            if (detailed(s)) {
                entry.detailed++;
                if (entry.detailed > detailedLimit) {
                    thin(entry);
                }
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

    /** Reduces every other detailed snapshot (but the last) to its scalars. */
    private static void thin(Entry entry) {
        List<TrainingSnapshot> list = entry.snapshots;
        int k = 0;
        int kept = 0;
        int lastDetailed = -1;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (detailed(list.get(i))) {
                lastDetailed = i;
                break;
            }
        }
        for (int i = 0; i < list.size(); i++) {
            TrainingSnapshot s = list.get(i);
            if (!detailed(s)) {
                continue;
            }
            if (k % 2 == 1 && i != lastDetailed) {
                list.set(i, scalarsOf(s));
            } else {
                kept++;
            }
            k++;
        }
        entry.detailed = kept;
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
        return e == null ? 0 : e.detailed;
    }

    /** The last snapshot of the run with per-layer measurements, or null. */
    TrainingSnapshot lastDetailed(String name) {
        Entry e = runs.get(name);
        if (e == null) {
            return null;
        }
        for (int i = e.snapshots.size() - 1; i >= 0; i--) {
            if (detailed(e.snapshots.get(i))) {
                return e.snapshots.get(i);
            }
        }
        return null;
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

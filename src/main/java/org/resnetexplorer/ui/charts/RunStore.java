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

    /**
     * A run compared: its name as its snapshots carry it, the name the charts show ({@code label}: the user may
     * rename it), the model it trains, its dataset ("" if not told), whether it has shortcuts, its colour in every
     * chart, and whether it is drawn.
     */
    record Run(String name, String label, String model, String dataset, boolean residual, Color colour, boolean shown) {
        Run withLabel(String value) {
            return new Run(name, value, model, dataset, residual, colour, shown);
        }

        Run withShown(boolean value) {
            return new Run(name, label, model, dataset, residual, colour, value);
        }
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
    /** The dataset whose runs the charts show; null shows every run. */
    private String dataset;

    RunStore() {
        this(DETAILED_LIMIT);
    }

    RunStore(int detailedLimit) {
        this.detailedLimit = Math.max(2, detailedLimit);
    }

    /** Adds a run with no dataset told (or updates its model and kind, keeping its colour and snapshots). */
    void add(String name, String model, boolean residual) {
        add(name, model, residual, "");
    }

    /**
     * Adds a run of {@code dataset} (or updates its model, kind and dataset, keeping its colour, snapshots, label
     * and visibility); the charts show that dataset's runs from now on. A run of no told dataset ("") shows
     * with every dataset.
     */
    void add(String name, String model, boolean residual, String dataset) {
        Objects.requireNonNull(name, "name");
        String data = dataset == null ? "" : dataset;
        Entry entry = runs.get(name);
        if (entry == null) {
            entry = new Entry();
            entry.run = new Run(name, name, model == null ? "" : model, data, residual, freeColour(), true);
            runs.put(name, entry);
        } else {
            Run r = entry.run;
            entry.run = new Run(name, r.label(), model == null ? "" : model, data, residual, r.colour(), r.shown());
        }
        if (!data.isEmpty()) {
            this.dataset = data;
        }
        version++;
    }

    /** Shows or hides a run in every chart; false if there is no such run. */
    boolean setShown(String name, boolean shown) {
        Entry e = runs.get(name);
        if (e == null) {
            return false;
        }
        e.run = e.run.withShown(shown);
        version++;
        return true;
    }

    /** The charts call the run {@code label} from now on; false if there is no such run. */
    boolean relabel(String name, String label) {
        Entry e = runs.get(name);
        if (e == null) {
            return false;
        }
        e.run = e.run.withLabel(Objects.requireNonNull(label, "label"));
        e.history = null;
        version++;
        return true;
    }

    /** The datasets of the runs told theirs, in the order they first appear. */
    List<String> datasets() {
        return runs.values().stream().map(e -> e.run.dataset()).filter(d -> !d.isEmpty()).distinct().toList();
    }

    /** The dataset whose runs the charts show (null: all runs). */
    String dataset() {
        return dataset;
    }

    /** Shows {@code value}'s runs from now on (null: every run). */
    void showDataset(String value) {
        dataset = value;
        version++;
    }

    /** Whether a run belongs to the dataset shown. */
    private boolean inDataset(Entry e) {
        return dataset == null || e.run.dataset().isEmpty() || e.run.dataset().equals(dataset);
    }

    /** Whether the charts draw the run: in the dataset shown and not hidden. */
    private boolean drawn(Entry e) {
        return inDataset(e) && e.run.shown();
    }

    /**
     * Removes a run and its snapshots; its colour is free for the next run. When it was the last of the dataset
     * shown, the newest run's dataset shows. Returns whether it was there.
     */
    boolean remove(String name) {
        boolean removed = runs.remove(name) != null;
        if (dataset != null && !datasets().contains(dataset)) {
            dataset = newestDataset();
        }
        version++;
        return removed;
    }

    /** The dataset of the newest run told its dataset, or null. */
    private String newestDataset() {
        String newest = null;
        for (Entry e : runs.values()) {
            if (!e.run.dataset().isEmpty()) {
                newest = e.run.dataset();
            }
        }
        return newest;
    }

    void clear() {
        runs.clear();
        dataset = null;
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
        return new TrainingSnapshot(s.run(), s.step(), s.totalSteps(), s.loss(), s.batchError(), s.trainError(),
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

    /** The runs of the dataset shown, hidden ones too (the legend lists them), in the order added. */
    List<Run> inDataset() {
        return runs.values().stream().filter(this::inDataset).map(e -> e.run).toList();
    }

    /** The names of the runs drawn (of the dataset shown, not hidden), in the order added. */
    List<String> drawnNames() {
        return runs.values().stream().filter(this::drawn).map(e -> e.run.name()).toList();
    }

    List<String> names() {
        return List.copyOf(runs.keySet());
    }

    Run run(String name) {
        Entry e = runs.get(name);
        return e == null ? null : e.run;
    }

    /** The snapshots of each run drawn (of the dataset shown, not hidden) under its label, in the order added. */
    List<RunHistory> histories() {
        return drawnNames().stream().map(this::history).toList();
    }

    /** Every run's snapshots under its label, drawn or not (the CSV export). */
    List<RunHistory> allHistories() {
        return runs.keySet().stream().map(this::history).toList();
    }

    /** The colour of each run, in the order of {@link #histories()}. */
    List<Color> colours() {
        return runs.values().stream().filter(this::drawn).map(e -> e.run.colour()).toList();
    }

    /** One run's snapshots under its label, or null for an unknown run. */
    RunHistory history(String name) {
        Entry e = runs.get(name);
        if (e == null) {
            return null;
        }
        if (e.history == null) {
            e.history = new RunHistory(e.run.label(), e.snapshots);
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

    /** The highest step of any run drawn, 0 with none. */
    int maxStep() {
        int max = 0;
        for (Entry e : runs.values()) {
            if (drawn(e) && !e.snapshots.isEmpty()) {
                max = Math.max(max, e.snapshots.get(e.snapshots.size() - 1).step());
            }
        }
        return max;
    }

    /** The lowest first step of any run drawn, 0 with none. */
    int minStep() {
        int min = Integer.MAX_VALUE;
        for (Entry e : runs.values()) {
            if (drawn(e) && !e.snapshots.isEmpty()) {
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

package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes: wall time per kind of engine layer, forward and backward, summed over
 * the steps a {@link Trainer} ran with this profile attached ({@link Trainer#profile(LayerProfile)}), and the
 * time its measurements took. The CPU
 * engine runs every op synchronously, so the time around a layer's call is that layer's. Written by the
 * training thread, read after the run; {@code bench --profile} prints it.
 */
public final class LayerProfile {
    /** Total time of one kind of layer in one direction. */
    public record Row(String kind, String direction, long calls, double millis) {
    }

    private final Map<String, long[]> totals = new LinkedHashMap<>();
    private long steps;
    private long stepNanos;
    private long measurements;
    private long measurementNanos;

    void record(Layer layer, boolean backward, long nanos) {
        String key = layer.getClass().getSimpleName().replace("Layer", "") + (backward ? " backward" : " forward");
        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
        t[0]++;
        t[1] += nanos;
    }

    void step(long nanos) {
        steps++;
        stepNanos += nanos;
    }

    void measurement(long nanos) {
        measurements++;
        measurementNanos += nanos;
    }

    /** Steps whose measurements (gradient norms, responses, finite-weights check) were taken. */
    public long measuredSteps() {
        return measurements;
    }

    /**
     * The cost of taking measurements: their time over the time of the steps without it (0.08 = the steps took
     * 8% longer than they would have without measurements), the figure the default interval keeps under 10%.
     */
    public double measurementOverhead() {
        long without = stepNanos - measurementNanos;
        return without <= 0 ? 0 : (double) measurementNanos / without;
    }

    /** Mean time of the measurements of one measured step, in milliseconds. */
    public double millisPerMeasurement() {
        return measurements == 0 ? 0 : measurementNanos / 1e6 / measurements;
    }

    /** Steps recorded. */
    public long steps() {
        return steps;
    }

    /** Mean wall time of a whole step, in milliseconds. */
    public double millisPerStep() {
        return steps == 0 ? 0 : stepNanos / 1e6 / steps;
    }

    /** Milliseconds per step of each kind and direction, the largest first. */
    public List<Row> perStep() {
        List<Row> rows = new ArrayList<>();
        totals.forEach((key, t) -> {
            int space = key.lastIndexOf(' ');
            rows.add(new Row(key.substring(0, space), key.substring(space + 1), steps == 0 ? 0 : t[0] / steps,
                    steps == 0 ? 0 : t[1] / 1e6 / steps));
        });
        rows.sort(Comparator.comparingDouble(Row::millis).reversed());
        return rows;
    }
}

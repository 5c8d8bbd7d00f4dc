package org.resnetexplorer.ui.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.resnetexplorer.ui.charts.ChartTimes;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * Measures how smooth the window stays: the time from one FX pulse to the next while it runs (a long redraw
 * or any other work on the FX thread shows as a long interval) and, as the charts report them, how long each
 * redraw held the FX thread (building the chart from the runs), how long its painting took on the render
 * thread and how long copying the painted pixels into the shown image took on the FX thread. Keeps the last {@value #CAPACITY} of each. Start and stop on the FX thread.
 */
public final class FrameTimer implements ChartTimes {
    static final int CAPACITY = 100_000;
    /** A pulse interval above this is a late frame: the window visibly stutters. */
    static final long LATE_NANOS = 50_000_000L;
    /** Seconds after Run at which {@link #runStarted} reports the FX thread's CPU time. */
    private static final double[] CPU_CHECKPOINTS = {0.5, 1, 2, 3};

    /** Durations in milliseconds: how many, their mean, median, 95th and 99th percentile and maximum. */
    public record Stats(int count, double mean, double p50, double p95, double p99, double max) {
        /** The statistics of the first {@code n} durations, in nanoseconds. */
        public static Stats of(long[] nanos, int n) {
            if (n == 0) {
                return new Stats(0, 0, 0, 0, 0, 0);
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            return new Stats(n, sum / n / 1e6, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[n - 1] / 1e6);
        }

        /** The nearest-rank percentile, in milliseconds. */
        private static double rank(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d mean=%.2f p50=%.2f p95=%.2f p99=%.2f max=%.2f ms", count, mean, p50, p95,
                    p99, max);
        }
    }

    private final long[] pulses = new long[CAPACITY];
    private final long[] redraws = new long[CAPACITY];
    private final long[] renders = new long[CAPACITY];
    private final long[] copies = new long[CAPACITY];
    private int pulseCount;
    private int redrawCount;
    private int renderCount;
    private long lastPulse = -1;
    private boolean logLate;
    private StallProfile stalls;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse >= 0) {
                pulses[pulseCount++ % CAPACITY] = now - lastPulse;
                if (logLate && now - lastPulse > LATE_NANOS) {
                    // in JVM uptime, as -Xlog prints it: late frames line up with GC and JIT logs
                    System.err.printf(Locale.ROOT, "late frame: %.0f ms, ending at uptime %.3f s%n",
                            (now - lastPulse) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                }
            }
            lastPulse = now;
            if (stalls != null) {
                stalls.pulse();
            }
        }
    };

    /** Starts recording pulse-to-pulse intervals (keeps the FX pulse running while on). */
    public void start() {
        lastPulse = -1;
        timer.start();
    }

    /**
     * Diagnostics for bench/ui.sh: prints each late frame (over 50 ms) with its time to standard error, and
     * profiles where the FX thread was during late frames ({@link #stallProfile()}), sampling on a thread of
     * {@code work}'s. Call on the FX thread.
     */
    public void diagnoseLateFrames(BackgroundWork work) {
        logLate = true;
        if (stalls == null) {
            stalls = StallProfile.start(Thread.currentThread(), work);
        }
    }

    /**
     * A run starts (Run pressed): forgets what came before and, when diagnosing, prints the time and then the
     * FX thread's own CPU time over the run's first seconds (unlike frame times, hardly changed by other
     * processes on the machine). Call on the FX thread.
     */
    public void runStarted() {
        reset();
        if (!logLate) {
            return;
        }
        System.err.printf(Locale.ROOT, "Run pressed at uptime %.3f s%n",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        for (double seconds : CPU_CHECKPOINTS) {
            PauseTransition later = new PauseTransition(Duration.seconds(seconds));
            later.setOnFinished(e -> System.err.printf(Locale.ROOT,
                    "FX thread CPU time in the first %.1f s after Run: %.0f ms%n", seconds,
                    (threads.getCurrentThreadCpuTime() - before) / 1e6));
            later.play();
        }
    }

    /** Where the FX thread was while frames came late, most frequent first; empty unless diagnosing. */
    public String stallProfile() {
        return stalls == null ? "" : stalls.report(15);
    }

    public void stop() {
        timer.stop();
    }

    @Override
    public void recordRedraw(long nanos) {
        redraws[redrawCount++ % CAPACITY] = nanos;
    }

    @Override
    public void recordRender(long renderNanos, long copyNanos) {
        renders[renderCount % CAPACITY] = renderNanos;
        copies[renderCount++ % CAPACITY] = copyNanos;
    }

    /** Forgets everything recorded. */
    public void reset() {
        if (stalls != null) {
            stalls.reset();
        }
        pulseCount = 0;
        redrawCount = 0;
        renderCount = 0;
        lastPulse = -1;
    }

    /** The intervals between pulses recorded since the start or reset. */
    public Stats pulses() {
        return Stats.of(pulses, Math.min(pulseCount, CAPACITY));
    }

    /** How many pulse-to-pulse intervals recorded since the start or reset were late (over 50 ms). */
    public int latePulses() {
        int late = 0;
        for (int i = 0, n = Math.min(pulseCount, CAPACITY); i < n; i++) {
            if (pulses[i] > LATE_NANOS) {
                late++;
            }
        }
        return late;
    }

    /** The time each redraw held the FX thread, recorded since the start or reset. */
    public Stats redraws() {
        return Stats.of(redraws, Math.min(redrawCount, CAPACITY));
    }

    /** The painting time of each chart shown, on the render thread, recorded since the start or reset. */
    public Stats renders() {
        return Stats.of(renders, Math.min(renderCount, CAPACITY));
    }

    /** The FX thread's time to copy each painted chart into the shown image. */
    public Stats copies() {
        return Stats.of(copies, Math.min(renderCount, CAPACITY));
    }
}

package org.resnetexplorer.ui.diagnostics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * A sampling profile of the FX thread during late frames, for bench/ui.sh: a daemon thread looks every 5 ms
 * whether a pulse came in the last 40 ms and, if not, counts where the FX thread is (the innermost frame of
 * JavaFX's controls or of this app, with the control and the app's code that led there, and the innermost
 * JavaFX frame) and where JavaFX's render thread is (its innermost frames: the FX thread may be waiting for
 * it). It found the run list's first rows and the charts' first layout behind the stutter on Run, and the
 * software renderer behind what is left of it (docs/PERFORMANCE.md). Not for the shipped window: only with
 * -Dresnetexplorer.frameStats=true.
 */
final class StallProfile {
    private static final long SAMPLE_MILLIS = 5;
    private static final long STALL_NANOS = 40_000_000L;
    /** Gaps longer than this are not frames (a window waiting in a modal dialog, the start-up). */
    private static final long IGNORE_NANOS = 2_000_000_000L;

    private final Thread fx;
    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    /** Where JavaFX's render thread is during late frames (the FX thread may be waiting for it). */
    private final Map<String, Integer> renderSamples = new ConcurrentHashMap<>();
    private Thread renderer;
    private boolean lookedForRenderer;
    private volatile long lastPulse = System.nanoTime();

    private StallProfile(Thread fx) {
        this.fx = fx;
    }

    /** Starts sampling {@code fx}, the FX thread, on a thread of {@code work}'s. */
    static StallProfile start(Thread fx, BackgroundWork work) {
        StallProfile profile = new StallProfile(fx);
        work.start("stall-profile", profile::sample);
        return profile;
    }

    void pulse() {
        lastPulse = System.nanoTime();
    }

    void reset() {
        samples.clear();
        renderSamples.clear();
        lastPulse = System.nanoTime();
    }

    private void sample() {
        while (true) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long gap = System.nanoTime() - lastPulse;
            if (gap > STALL_NANOS && gap < IGNORE_NANOS) {
                samples.merge(place(fx.getStackTrace()).toString(), 1, Integer::sum);
                if (!lookedForRenderer) { // once: listing every thread is not for each 5 ms sample
                    lookedForRenderer = true;
                    renderer = Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                }
                if (renderer != null) {
                    renderSamples.merge(innermost(renderer.getStackTrace(), 4), 1, Integer::sum);
                }
            }
        }
    }

    /**
     * Where a stalled FX thread is, each part a {@code Type.method} (a control's simple class name) or null where
     * the stack has none.
     *
     * @param inner   the innermost frame of this app, of a JavaFX control, the scene or the windowing toolkit
     * @param control the innermost JavaFX control on the way (not a skin): which part of the window was busy
     * @param app     the outermost frame of this app: which of its actions led there
     * @param waiting the innermost JavaFX frame: what the thread was doing or waiting for inside JavaFX
     */
    record Place(String inner, String control, String app, String waiting) {
        /** "inner <- control <- app [waiting]", as the report lists it. */
        @Override
        public String toString() {
            return inner + " <- " + control + " <- " + app + " [" + waiting + "]";
        }
    }

    static Place place(StackTraceElement[] stack) {
        String waiting = null;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("javafx.") || type.startsWith("com.sun.javafx.") || type.startsWith("com.sun.prism.")) {
                waiting = simple(type) + "." + frame.getMethodName();
                break;
            }
        }
        String inner = null;
        String control = null;
        String app = null;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            boolean ours = type.startsWith("org.resnetexplorer");
            if (inner == null && (ours || type.startsWith("javafx.scene.control") || type.startsWith("javafx.scene.Scene")
                    || type.startsWith("com.sun.glass"))) {
                inner = simple(type) + "." + frame.getMethodName();
            }
            if (control == null && type.startsWith("javafx.scene.control.") && !type.contains(".skin.")
                    && !type.startsWith("javafx.scene.control.Control")) {
                control = simple(type);
            }
            if (ours) {
                app = simple(type) + "." + frame.getMethodName();
            }
        }
        return new Place(inner, control, app, waiting);
    }

    /** The innermost {@code n} frames, innermost first. */
    static String innermost(StackTraceElement[] stack, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, stack.length); i++) {
            b.append(i == 0 ? "" : " <- ").append(simple(stack[i].getClassName())).append('.').append(stack[i].getMethodName());
        }
        return b.toString();
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The {@code top} most frequent places with their share of the samples. */
    String report(int top) {
        return report("FX thread", samples, top) + report("\nRender thread", renderSamples, top);
    }

    private static String report(String thread, Map<String, Integer> samples, int top) {
        int total = samples.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "";
        }
        return samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .map(e -> String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / total, e.getKey()))
                .collect(Collectors.joining("\n", thread + " during late frames (" + total + " samples of "
                        + SAMPLE_MILLIS + " ms):\n", ""));
    }
}

package org.resnetexplorer.ui.diagnostics;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * For bench/ui.sh, with {@code -D}{@value #PROPERTY}{@code =true} only: how smooth the window stays while the user
 * trains. Prints to standard error when the window shows, when each training starts and ends, when the warm-up is
 * done, and at the end the FX frame and chart times of the last training (from its Run on).
 */
public final class FrameStatistics {
    /** System property: print the FX frame statistics (bench/ui.sh). */
    static final String PROPERTY = "resnetexplorer.frameStats";

    private final FrameTimer timer = new FrameTimer();
    private boolean printed;

    private FrameStatistics() {
    }

    /** Whether the statistics are asked for ({@value #PROPERTY}). */
    public static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * Starts timing the frames of the window just shown on {@code stage} and the redraws of its {@code charts},
     * from each training's start ({@code training} turns true) on; samples and prints at exit through {@code work}.
     */
    public static FrameStatistics attach(Stage stage, ChartsPane charts, ObservableBooleanValue training,
            BackgroundWork work) {
        FrameStatistics statistics = new FrameStatistics();
        FrameTimer timer = statistics.timer;
        charts.setChartTimes(timer);
        timer.start();
        timer.diagnoseLateFrames(work);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> statistics.printAll());
        work.atExit("frame-statistics", statistics::printAll);
        System.err.printf(Locale.ROOT, "first window shown %d ms after JVM start%n",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        training.addListener((value, was, active) -> {
            if (active) {
                timer.runStarted(); // frame statistics while training, not while the window builds itself
            } else {
                System.err.printf(Locale.ROOT, "training ended at uptime %.3f s%n", uptime());
                System.err.println("FX pulse to pulse while training: " + timer.pulses() + ", over 50 ms: "
                        + timer.latePulses());
            }
        });
        return statistics;
    }

    /** The start-up warm-up has run all its rounds. */
    public void warmUpDone() {
        System.err.printf(Locale.ROOT, "warm-up done at uptime %.3f s%n", uptime());
    }

    private synchronized void printAll() {
        if (!printed) {
            printed = true;
            System.err.println("FX pulse to pulse: " + timer.pulses());
            System.err.println("chart build on FX thread: " + timer.redraws());
            System.err.println("chart paint off FX thread: " + timer.renders());
            System.err.println("chart copy on FX thread: " + timer.copies());
            System.err.println(timer.stallProfile());
        }
    }

    private static double uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }
}

package org.resnetexplorer.ui.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.ui.diagnostics.FrameTimer;

/**
 * The charts' frame-time benchmark of docs/PERFORMANCE.md, run by bench/charts.sh: a plain and a residual run of
 * a 56-layer net fed to a 1200x700 pane as SnapshotQueue would, a batch per pulse, while each of three tabs shows;
 * prints pulse-to-pulse intervals, build, paint and copy times, then the time to export every chart. Its checks
 * are guards against a broken pane (a chart that stops redrawing, painting every point), not timings to meet.
 * Not part of the app. Argument: the steps of each run (3,000 for the documented figures).
 */
public final class ChartsFrameTime {
    private static final int LAYERS = 56;
    private static final int STEPS_PER_PULSE = 10;

    private final int steps;
    private ChartsPane pane;
    private final FrameTimer frames = new FrameTimer();

    private ChartsFrameTime(int steps) {
        this.steps = steps;
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Platform.startup(() -> { });
        try {
            System.out.print(new ChartsFrameTime(steps).run());
        } finally {
            Platform.exit();
        }
    }

    private String run() throws Exception {
        onFx(() -> {
            pane = new ChartsPane();
            pane.setChartTimes(frames);
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, 1200, 700));
            stage.show();
        });
        List<List<TrainingSnapshot>> batches = new ArrayList<>();
        for (int from = 1; from <= steps; from += STEPS_PER_PULSE) {
            int to = Math.min(steps, from + STEPS_PER_PULSE - 1);
            List<TrainingSnapshot> batch = new ArrayList<>(SyntheticRuns.steps("plain-56", false, LAYERS, from, to, steps));
            batch.addAll(SyntheticRuns.steps("resnet-56", true, LAYERS, from, to, steps));
            batches.add(batch);
        }
        StringBuilder report = new StringBuilder();
        // the same machine's pulses with the charts idle, for comparison: what the load alone costs
        onFx(() -> {
            frames.reset();
            frames.start();
        });
        Thread.sleep(5_000);
        onFx(() -> frames.stop());
        report.append(String.format("Idle (no snapshots)%n  pulse to pulse:     %s%n", frames.pulses()));
        for (Class<? extends ChartView> shown : List.of(ErrorCurvesView.class, HeatmapView.class, HistogramView.class)) {
            ChartView view = pane.charts().stream().filter(shown::isInstance).findFirst().orElseThrow();
            onFx(() -> {
                pane.clear();
                pane.addRun("plain-56", "cifar-plain-56", false);
                pane.addRun("resnet-56", "cifar-resnet-56", true);
                pane.select(view);
            });
            CountDownLatch done = new CountDownLatch(1);
            int[] next = {0};
            AnimationTimer feeder = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (next[0] < batches.size()) {
                        pane.append(batches.get(next[0]++));
                    } else {
                        stop();
                        done.countDown();
                    }
                }
            };
            onFx(() -> {
                frames.reset();
                frames.start();
                feeder.start();
            });
            check(done.await(300, TimeUnit.SECONDS), "fed every batch within 300 s");
            waitFor(30, () -> fx(view::settled), "the chart settled within 30 s of the last batch");
            onFx(() -> frames.stop());
            FrameTimer.Stats pulses = frames.pulses();
            FrameTimer.Stats redraws = frames.redraws();
            FrameTimer.Stats renders = frames.renders();
            FrameTimer.Stats copies = frames.copies();
            report.append(String.format("%s%n  pulse to pulse:     %s%n  build (FX thread):  %s%n  paint (off FX):     %s%n"
                    + "  copy (FX thread):   %s%n", view.title(), pulses, redraws, renders, copies));
            check(redraws.count() >= batches.size() - 2, "asked to redraw once per pulse while fed");
            check(renders.count() > 0, "painted, skipping frames only while a painting is under way");
            check(renders.p95() < 2_000, "a painting's p95 under 2 s: a guard against painting every point or cell");
            check(redraws.p95() + copies.p95() < 300, "little work on the FX thread: build and copy p95 under 300 ms");
        }
        // export all charts of the last feed: the time a user waits
        Path folder = Files.createTempDirectory("charts-bench");
        long[] exportNanos = new long[2];
        for (int round = 0; round < 2; round++) {
            int r = round;
            onFx(() -> {
                long start = System.nanoTime();
                try {
                    pane.exportAll(folder);
                } catch (IOException e) {
                    throw new IllegalStateException("exporting into " + folder, e);
                }
                exportNanos[r] = System.nanoTime() - start;
            });
        }
        report.append(String.format("Export all (7 PNGs, 1200x800): first %.0f ms, again %.0f ms%n", exportNanos[0] / 1e6,
                exportNanos[1] / 1e6));
        return "Frame times, " + LAYERS + "-layer plain and residual runs, " + steps + " steps, " + STEPS_PER_PULSE
                + " steps per pulse each, 1200x700 pane:\n" + report;
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    private static void onFx(Runnable action) throws Exception {
        FutureTask<Void> task = new FutureTask<>(action, null);
        Platform.runLater(task);
        task.get(60, TimeUnit.SECONDS);
    }

    private static boolean fx(BooleanSupplier query) {
        FutureTask<Boolean> task = new FutureTask<>(query::getAsBoolean);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(int seconds, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            check(System.nanoTime() < end, what);
            Thread.sleep(50);
        }
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("not so: " + what);
        }
    }
}

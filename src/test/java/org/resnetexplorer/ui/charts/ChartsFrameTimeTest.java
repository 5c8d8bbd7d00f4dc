package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.ui.diagnostics.FrameTimer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The frame-time benchmark of docs/PERFORMANCE.md: a plain and a residual run of a 56-layer net fed to the pane
 * as SnapshotQueue would, a batch per pulse, while each of three tabs shows; prints pulse-to-pulse intervals and
 * redraw times. {@code -Dcharts.bench.steps=3000} for the documented figures (1,000 by default, to keep the
 * build short).
 */
@ExtendWith(ApplicationExtension.class)
class ChartsFrameTimeTest {
    private static final int LAYERS = 56;
    private static final int STEPS = Integer.getInteger("charts.bench.steps", 1000);
    private static final int STEPS_PER_PULSE = 10;
    private ChartsPane pane;
    private final FrameTimer frames = new FrameTimer();

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        pane.setChartTimes(frames);
        stage.setScene(new Scene(pane, 1200, 700));
        stage.show();
    }

    @Test
    @DisplayName("a 56-layer plain and residual run, 10 steps per pulse each: redraws stay well under a frame budget")
    void frameTimes(FxRobot robot) throws Exception {
        System.out.println("load before: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        List<List<TrainingSnapshot>> batches = new ArrayList<>();
        for (int from = 1; from <= STEPS; from += STEPS_PER_PULSE) {
            int to = Math.min(STEPS, from + STEPS_PER_PULSE - 1);
            List<TrainingSnapshot> batch = new ArrayList<>(SyntheticRuns.steps("plain-56", false, LAYERS, from, to, STEPS));
            batch.addAll(SyntheticRuns.steps("resnet-56", true, LAYERS, from, to, STEPS));
            batches.add(batch);
        }
        StringBuilder report = new StringBuilder();
        // the same machine's pulses with the charts idle, for comparison: what the load alone costs
        robot.interact(() -> {
            frames.reset();
            frames.start();
        });
        Thread.sleep(5_000);
        robot.interact(() -> frames.stop());
        report.append(String.format("Idle (no snapshots)%n  pulse to pulse:     %s%n", frames.pulses()));
        for (Class<? extends ChartView> shown : List.of(ErrorCurvesView.class, HeatmapView.class, HistogramView.class)) {
            ChartView view = pane.charts().stream().filter(shown::isInstance).findFirst().orElseThrow();
            robot.interact(() -> {
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
            robot.interact(() -> {
                frames.reset();
                frames.start();
                feeder.start();
            });
            assertThat(done.await(300, TimeUnit.SECONDS)).as("fed every batch").isTrue();
            org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> org.testfx.util.WaitForAsyncUtils
                    .asyncFx(view::settled).get());
            robot.interact(() -> frames.stop());
            FrameTimer.Stats pulses = frames.pulses();
            FrameTimer.Stats redraws = frames.redraws();
            FrameTimer.Stats renders = frames.renders();
            FrameTimer.Stats copies = frames.copies();
            report.append(String.format("%s%n  pulse to pulse:     %s%n  build (FX thread):  %s%n  paint (off FX):     %s%n"
                    + "  copy (FX thread):   %s%n", view.title(), pulses, redraws, renders, copies));
            assertThat(redraws.count()).as("asked to redraw once per pulse while fed").isGreaterThanOrEqualTo(batches.size() - 2);
            assertThat(renders.count()).as("painted, skipping frames only while a painting is under way").isPositive();
            assertThat(renders.p95()).as("a guard against painting every point or cell, not a benchmark").isLessThan(2_000);
            assertThat(redraws.p95() + copies.p95()).as("little work on the FX thread (generous: shared, loaded CI machines)").isLessThan(300);
        }
        // export all charts of the last feed (3,000 steps by the documented run): the time a user waits
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("charts-bench");
        long[] exportNanos = new long[2];
        for (int round = 0; round < 2; round++) {
            int r = round;
            robot.interact(() -> {
                long start = System.nanoTime();
                try {
                    pane.exportAll(folder);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                exportNanos[r] = System.nanoTime() - start;
            });
        }
        report.append(String.format("Export all (7 PNGs, 1200x800): first %.0f ms, again %.0f ms%n", exportNanos[0] / 1e6,
                exportNanos[1] / 1e6));
        System.out.println("load after: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.println("Frame times, " + LAYERS + "-layer plain and residual runs, " + STEPS + " steps, "
                + STEPS_PER_PULSE + " steps per pulse each, 1200x700 pane:\n" + report);
    }
}

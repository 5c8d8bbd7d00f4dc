package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;

class LegendTest {

    /** A run whose training error falls from {@code start}, with a test error every tenth step. */
    private static RunHistory run(String name, double start) {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 1; step <= 100; step++) {
            double error = start * Math.exp(-step / 40.0);
            snapshots.add(new TrainingSnapshot(name, step, 100, 2 * error + 0.01, error, error,
                    step % 10 == 0 ? error + 0.05 : Double.NaN, 0.1, 50, List.of(), List.of(), List.of()));
        }
        return new RunHistory(name, snapshots);
    }

    /** The editor's twelve runs of a session: six nets, each with its plain twin. */
    private static List<RunHistory> twelveRuns() {
        List<RunHistory> runs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            runs.add(run("#" + i + " mlp-resnet-20", 0.5 + i * 0.05));
            runs.add(run("#" + i + " plain twin", 0.6 + i * 0.05));
        }
        return runs;
    }

    private static LinePlot drawn(LinePlot plot, int width, int height) {
        plot.render(width, height, 1);
        return plot;
    }

    @Test
    @DisplayName("a net and its twin in a narrow chart keep their whole names when both fit (shortening is for room)")
    void wholeNamesWhenTheyFit() {
        List<RunHistory> two = List.of(run("#1 mlp-resnet-20", 0.5), run("#1 plain twin", 0.6));
        LinePlot plot = drawn(ErrorCurves.plot(two, Palette.first(2), 0, false), 480, 420);
        assertThat(plot.legendLayout().placed()).extracting(Legend.Placed::text)
                .contains("#1 mlp-resnet-20", "#1 plain twin");
        assertThat(plot.legendLayout().more()).isZero();
    }

    @Test
    @DisplayName("twelve runs on the error chart: one entry per run after the line key, at most two rows, the rest as +N more")
    void twelveRunsKeepThePlot() {
        for (int[] size : new int[][] {{1200, 800}, {900, 420}, {700, 500}}) {
            LinePlot plot = drawn(ErrorCurves.plot(twelveRuns(), Palette.first(12), 0, false), size[0], size[1]);
            Legend.Layout legend = plot.legendLayout();
            assertThat(plot.legendEntries()).as("a key for thin and bold, then one entry per run, not two")
                    .hasSize(2 + 12);
            assertThat(legend.beside()).isFalse();
            assertThat(legend.rows()).as("rows at %dx%d", size[0], size[1]).isLessThanOrEqualTo(Legend.MAX_ROWS);
            assertThat(legend.extent()).as("the legend's height at %dx%d", size[0], size[1])
                    .isLessThanOrEqualTo((int) (Legend.MAX_SHARE * size[1]) + 4);
            int shownRuns = (int) legend.placed().stream().filter(p -> !p.entry().key()).count();
            assertThat(shownRuns + legend.more()).as("every run is listed or counted").isEqualTo(12);
            if (legend.more() > 0) {
                assertThat(legend.moreLabel().text()).contains(String.valueOf(legend.more()));
            }
            LinePlot.Frame frame = plot.frame().orElseThrow();
            assertThat(frame.bottom() - frame.top()).as("the plot's height at %dx%d", size[0], size[1])
                    .isGreaterThan(size[1] / 2);
        }
    }

    @Test
    @DisplayName("a wide, short chart puts the legend beside the plot, which keeps its full height")
    void besideWhenWideAndShort() {
        LinePlot plot = drawn(ErrorCurves.plot(twelveRuns(), Palette.first(12), 0, false), 1200, 300);
        Legend.Layout legend = plot.legendLayout();
        assertThat(legend.beside()).isTrue();
        LinePlot.Frame frame = plot.frame().orElseThrow();
        assertThat(frame.right()).as("the plot ends before the legend").isLessThan(legend.placed().get(0).x());
        assertThat(frame.bottom() - frame.top()).isGreaterThan(300 / 2);
        assertThat(legend.placed().stream().map(Legend.Placed::y).distinct().count())
                .as("one entry per line").isEqualTo(legend.placed().size());
    }

    @Test
    @DisplayName("a long name is shortened in the middle, keeping its run number and its end")
    void shortensInTheMiddle() {
        String name = "#3 cifar-resnet-110 (plain twin)";
        String shortened = Legend.shorten(name, String::length, 24);
        assertThat(shortened).startsWith("#3 ...").endsWith("(plain twin)").hasSizeLessThanOrEqualTo(24);
        assertThat(Legend.shorten("#3 mlp-resnet-20", String::length, 40)).isEqualTo("#3 mlp-resnet-20");
    }

    @Test
    @DisplayName("an experiment's run too long for its place drops the experiment's name first, which its neighbours"
            + " share, and keeps the run's own name whole")
    void groupNameGoesFirst() {
        String name = "degradation-images" + Legend.GROUP_JOIN + "resnet-20";
        assertThat(Legend.shorten(name, String::length, 20)).isEqualTo("resnet-20");
        assertThat(Legend.shorten(name, String::length, 40)).isEqualTo(name);
        assertThat(Legend.shorten("x" + Legend.GROUP_JOIN + "cifar-resnet-110 (plain twin)", String::length, 20))
                .startsWith("...").endsWith("(plain twin)");
    }

    @Test
    @DisplayName("names that differ only where they would be cut are never shortened to the same text")
    void neverAmbiguous() {
        List<Legend.Entry> entries = new ArrayList<>();
        for (String name : List.of("#1 cifar-resnet-20 (plain twin)", "#12 cifar-resnet-20 (plain twin)",
                "fig1 · cifar-resnet-20 (plain twin)", "fig6 · cifar-resnet-20 (plain twin)")) {
            entries.add(Legend.Entry.run(name, name, Palette.run(0), 1f, false, false));
        }
        java.awt.FontMetrics fm = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB)
                .createGraphics().getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        List<String> texts = Legend.shortened(entries, fm, 90);
        assertThat(new HashSet<>(texts)).as("four names, four texts: " + texts).hasSize(4);
    }

    @Test
    @DisplayName("a click on a run's entry finds the run; on the key, nothing; a hidden run keeps its entry")
    void entriesAreFound() {
        List<RunHistory> runs = twelveRuns().subList(0, 2);
        LinePlot plot = ErrorCurves.plot(runs, Palette.first(2), 0, false);
        plot.legend(List.of(Legend.Entry.run("a", "#1 mlp-resnet-20", Palette.run(0), 3.2f, false, false),
                Legend.Entry.run("b", "#1 plain twin", Palette.run(1), 3.2f, false, true)));
        drawn(plot, 1200, 800);
        Legend.Layout legend = plot.legendLayout();
        Legend.Placed second = legend.placed().get(3);
        assertThat(legend.runAt(second.x() + 3, second.y() + 3)).contains("b");
        Legend.Placed key = legend.placed().get(0);
        assertThat(legend.runAt(key.x() + 3, key.y() + 3)).isEmpty();
        assertThat(second.entry().hidden()).isTrue();
    }
}

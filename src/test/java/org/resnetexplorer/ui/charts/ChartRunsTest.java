package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.charts.Legend;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs in the charts: a bounded legend, show and hide by a legend click, renamed runs, one dataset at a time. */
@ExtendWith(ApplicationExtension.class)
class ChartRunsTest {
    private ChartsPane pane;

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        stage.setScene(new Scene(pane, 1000, 560));
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Runs of {@code dataset}, 100 steps each, named as the editor names them. */
    private void feed(FxRobot robot, String dataset, String... runs) {
        List<TrainingSnapshot> batch = new ArrayList<>();
        robot.interact(() -> {
            for (String run : runs) {
                pane.addRun(run, "mlp-resnet-20", !run.contains("plain"), dataset);
            }
        });
        for (String run : runs) {
            batch.addAll(SyntheticRuns.steps(run, !run.contains("plain"), 4, 1, 100, 100));
        }
        robot.interact(() -> pane.append(batch));
        settle();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> pane.selectedChart().settled()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the chart was not drawn within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LinePlot shownPlot() throws Exception {
        return onFx(() -> pane.selectedChart().canvas.chart().plot().orElseThrow());
    }

    private static String[] twelveRuns() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            names.add("#" + i + " mlp-resnet-20");
            names.add("#" + i + " plain twin");
        }
        return names.toArray(String[]::new);
    }

    @Test
    @DisplayName("twelve runs: the error chart's legend keeps to two rows and the plot keeps most of the chart's height")
    void twelveRunsKeepThePlot(FxRobot robot) throws Exception {
        feed(robot, "spiral", twelveRuns());
        LinePlot plot = shownPlot();
        Legend.Layout legend = plot.legendLayout();
        double height = onFx(() -> pane.selectedChart().canvas.getHeight());
        double width = onFx(() -> pane.selectedChart().canvas.getWidth());
        // above the plot in at most two rows, or (in a wide, short chart) beside it in a column of its own
        assertThat(legend.beside() ? legend.extent() < 0.3 * width : legend.rows() <= Legend.MAX_ROWS)
                .as("legend of %s rows (beside: %s) in a %.0f x %.0f chart", legend.rows(), legend.beside(), width, height)
                .isTrue();
        LinePlot.Frame frame = plot.frame().orElseThrow();
        assertThat(frame.bottom() - frame.top()).as("the plot's height in a %.0f px chart", height)
                .isGreaterThan((int) (0.6 * height));
        assertThat(plot.lines()).hasSize(24);
    }

    @Test
    @DisplayName("a run's legend entry tells its whole name; a click hides the run (its entry greyed, its lines gone), a second shows it")
    void legendClickTogglesRun(FxRobot robot) throws Exception {
        feed(robot, "spiral", "#1 mlp-resnet-20", "#1 plain twin");
        List<String> heard = new ArrayList<>();
        robot.interact(() -> pane.setOnRunShown((run, shown) -> heard.add(run + "=" + shown)));
        Legend.Placed twin = shownPlot().legendLayout().placed().stream()
                .filter(p -> p.entry().id().equals("#1 plain twin")).findFirst().orElseThrow();
        ChartCanvas canvas = pane.selectedChart().canvas;
        Point2D at = onFx(() -> canvas.localToScreen(twin.x() + 4, twin.y() + twin.height() / 2.0));
        robot.moveTo(at);
        assertThat(onFx(() -> canvas.hoverLabel().isVisible() ? canvas.hoverLabel().getText() : "")).as("hover over the entry")
                .startsWith("#1 plain twin");
        assertThat(onFx(() -> canvas.getCursor())).isEqualTo(javafx.scene.Cursor.HAND);
        robot.clickOn(at);
        settle();
        assertThat(onFx(() -> pane.isRunShown("#1 plain twin"))).isFalse();
        assertThat(heard).containsExactly("#1 plain twin=false");
        LinePlot plot = shownPlot();
        assertThat(plot.lines()).as("only the residual run's two lines").hasSize(2)
                .allMatch(l -> l.series().name().startsWith("#1 mlp-resnet-20"));
        assertThat(plot.legendEntries()).filteredOn(e -> e.id().equals("#1 plain twin")).singleElement()
                .matches(Legend.Entry::hidden, "greyed");
        robot.clickOn(at);
        settle();
        assertThat(onFx(() -> pane.isRunShown("#1 plain twin"))).isTrue();
        assertThat(shownPlot().lines()).hasSize(4);
    }

    @Test
    @DisplayName("a renamed run keeps its snapshots and colour; the charts show its new name")
    void renamedRun(FxRobot robot) throws Exception {
        feed(robot, "spiral", "#1 mlp-resnet-20", "#1 plain twin");
        javafx.scene.paint.Color colour = onFx(() -> pane.colourOf("#1 plain twin"));
        robot.interact(() -> pane.renameRun("#1 plain twin", "no shortcuts"));
        settle();
        assertThat(shownPlot().legendEntries()).extracting(Legend.Entry::name).contains("no shortcuts")
                .doesNotContain("#1 plain twin");
        assertThat(shownPlot().lines()).extracting(l -> l.series().name()).as("its lines, named for the hover")
                .anyMatch(n -> n.startsWith("no shortcuts")).noneMatch(n -> n.startsWith("#1 plain twin"));
        assertThat(pane.runs()).contains("#1 plain twin");
        assertThat(onFx(() -> pane.snapshots("#1 plain twin"))).hasSize(100);
        assertThat(onFx(() -> pane.colourOf("#1 plain twin"))).isEqualTo(colour);
    }

    @Test
    @DisplayName("runs of two datasets: a chooser shows the newest run's dataset; choosing the other shows its runs, colours kept")
    void oneDatasetAtATime(FxRobot robot) throws Exception {
        feed(robot, "spiral", "#1 mlp-resnet-20", "#1 plain twin");
        assertThat(robot.lookup("#chart-dataset").query().isVisible()).as("one dataset: no chooser").isFalse();
        javafx.scene.paint.Color spiralColour = onFx(() -> pane.colourOf("#1 mlp-resnet-20"));
        feed(robot, "fashion-mnist", "#2 cifar-resnet-20");
        assertThat(robot.lookup("#chart-dataset").query().isVisible()).isTrue();
        assertThat(onFx(pane::shownDataset)).isEqualTo("fashion-mnist");
        assertThat(shownPlot().legendEntries()).filteredOn(e -> !e.key()).extracting(Legend.Entry::id)
                .containsExactly("#2 cifar-resnet-20");
        robot.interact(() -> robot.lookup("#chart-dataset-box").<String>queryComboBox().setValue("spiral"));
        settle();
        assertThat(onFx(pane::shownDataset)).isEqualTo("spiral");
        assertThat(shownPlot().legendEntries()).filteredOn(e -> !e.key()).extracting(Legend.Entry::id)
                .containsExactly("#1 mlp-resnet-20", "#1 plain twin");
        assertThat(shownPlot().lines()).hasSize(4);
        assertThat(onFx(() -> pane.colourOf("#1 mlp-resnet-20"))).isEqualTo(spiralColour);
        robot.interact(() -> pane.removeRun("#1 mlp-resnet-20"));
        robot.interact(() -> pane.removeRun("#1 plain twin"));
        assertThat(onFx(pane::shownDataset)).as("the dataset left").isEqualTo("fashion-mnist");
        assertThat(robot.lookup("#chart-dataset").query().isVisible()).isFalse();
    }
}

package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.charts.Palette;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {
    private ChartsPane pane;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        stage.setScene(new Scene(pane, 1000, 640));
        stage.show();
    }

    /** A plain and a residual run of 8 layers, 400 steps each, appended in batches as SnapshotQueue would. */
    private void feedTwoRuns(FxRobot robot) {
        robot.interact(() -> {
            pane.addRun("plain-8", "cifar-plain-8", false);
            pane.addRun("resnet-8", "cifar-resnet-8", true);
        });
        for (int from = 1; from <= 400; from += 100) {
            List<TrainingSnapshot> batch = new ArrayList<>();
            batch.addAll(SyntheticRuns.steps("plain-8", false, 8, from, from + 99, 400));
            batch.addAll(SyntheticRuns.steps("resnet-8", true, 8, from, from + 99, 400));
            robot.interact(() -> pane.append(batch));
        }
        settle();
    }

    /** Waits until the chart that shows has been painted with the latest runs and controls. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> pane.selectedChart().settled()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the chart was not drawn within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int pixelsOf(Image image, java.awt.Color colour) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getPixelReader().getArgb(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private <T extends ChartView> T view(Class<T> type) {
        return pane.charts().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private Image shownImage(ChartView view) {
        return ((ImageView) view.canvas.getChildrenUnmodifiable().get(0)).getImage();
    }

    @Test
    @DisplayName("new snapshots redraw the charts of snapshots, not those of trained states (regions, predictions...)")
    void snapshotsLeaveStateChartsAlone(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        robot.interact(() -> pane.charts().forEach(v -> v.dirty = false));
        List<TrainingSnapshot> more = SyntheticRuns.steps("resnet-8", true, 8, 401, 410, 500);
        robot.interact(() -> pane.append(more));
        assertThat(onFx(() -> view(HeatmapView.class).dirty)).as("the heatmap (not shown) draws snapshots").isTrue();
        for (Class<? extends ChartView> states : List.of(DecisionRegionsView.class, LayerProjectionView.class,
                PredictionsView.class, ConfusionMatrixView.class, FeatureMapsView.class)) {
            assertThat(onFx(() -> view(states).dirty)).as("%s waits for states", states.getSimpleName()).isFalse();
        }
        robot.interact(() -> pane.addRun("another", "mlp-resnet-4", true));
        assertThat(onFx(() -> view(DecisionRegionsView.class).dirty)).as("a run added is news to every chart").isTrue();
    }

    @Test
    @DisplayName("the pane holds one chart of each kind, in the kinds' order, each tab and canvas named after its kind")
    void oneChartPerKind(FxRobot robot) {
        assertThat(pane.charts()).extracting(ChartView::kind).containsExactly(ChartKind.values());
        for (ChartView view : pane.charts()) {
            assertThat(view.getId()).isEqualTo(view.kind().id());
            assertThat(robot.lookup("#tab-" + view.kind().id()).tryQuery()).as("the tab of %s", view.kind()).isPresent();
            assertThat(view.canvas.getId()).isEqualTo(view.kind().id() + "-canvas");
        }
    }

    @Test
    @DisplayName("Fig. 7 of a network without 3x3 convolutions says why it stays blank and where to look instead;"
            + " a CNN's run takes the explanation away")
    void fig7WithoutConvolutions(FxRobot robot) {
        ResponseStdView fig7 = view(ResponseStdView.class);
        robot.interact(() -> pane.addRun("mlp", "mlp-resnet-20", true));
        List<TrainingSnapshot> dense = SyntheticRuns.steps("mlp", true, 4, 1, 20, 20).stream()
                .map(s -> new TrainingSnapshot(s.run(), s.step(), s.totalSteps(), s.loss(), s.batchError(),
                        s.trainError(), s.testError(), s.learningRate(), s.stepsPerSecond(), s.gradNorms(),
                        List.of(), s.residuals()))
                .toList();
        robot.interact(() -> pane.append(dense));
        settle();
        assertThat(fig7.canvas.emptyLabel().isVisible()).isTrue();
        assertThat(fig7.canvas.emptyLabel().getText()).isEqualTo(ResponseStdView.NO_CONVOLUTIONS);
        assertThat(view(ErrorCurvesView.class).canvas.emptyLabel().isVisible()).as("the other charts have data")
                .isFalse();

        robot.interact(() -> pane.addRun("resnet-8", "cifar-resnet-8", true));
        robot.interact(() -> pane.append(SyntheticRuns.steps("resnet-8", true, 8, 1, 20, 20)));
        settle();
        assertThat(fig7.canvas.emptyLabel().isVisible()).isFalse();
    }

    @Test
    @DisplayName("fed two runs, the error curves show both colours; hidden tabs wait until shown")
    void liveErrorCurves(FxRobot robot) {
        ErrorCurvesView errors = view(ErrorCurvesView.class);
        assertThat(errors.canvas.emptyLabel().isVisible()).as("empty hint before any data").isTrue();
        feedTwoRuns(robot);
        assertThat(errors.settled()).as("the visible chart was redrawn").isTrue();
        assertThat(view(HeatmapView.class).dirty).as("a hidden chart is not drawn").isTrue();
        Image image = shownImage(errors);
        assertThat(image.getWidth()).isGreaterThan(800);
        assertThat(pixelsOf(image, Palette.run(0))).as("the plain run's colour").isGreaterThan(100);
        assertThat(pixelsOf(image, Palette.run(1))).as("the residual run's colour").isGreaterThan(100);
        assertThat(errors.canvas.emptyLabel().isVisible()).isFalse();
        assertThat(pane.colourOf("resnet-8")).isEqualTo(javafx.scene.paint.Color.rgb(0xD5, 0x5E, 0x00));

        robot.clickOn("#error-loss");
        settle();
        assertThat(errors.canvas.chart().plot().orElseThrow().lines()).as("one loss line per run").hasSize(2);
        assertThat(errors.fileName()).isEqualTo("loss.png");
    }

    @Test
    @DisplayName("the Running error check box adds each run's running batch error, dashed and thinner, hovered as such;"
            + " it is off at first and off limits while the loss shows")
    void runningErrorOption(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        ErrorCurvesView errors = view(ErrorCurvesView.class);
        assertThat(errors.running.isSelected()).as("off at first").isFalse();
        assertThat(errors.running.getTooltip().getText()).isEqualTo(ErrorCurvesView.RUNNING_TIP);
        assertThat(errors.smoothing.isDisabled()).as("nothing to smooth in the evaluated errors").isTrue();
        assertThat(errors.canvas.chart().plot().orElseThrow().lines()).as("training and test of each run").hasSize(4)
                .noneMatch(LinePlot.Line::dashed);

        robot.clickOn("#error-running");
        settle();
        LinePlot plot = errors.canvas.chart().plot().orElseThrow();
        assertThat(plot.lines()).as("and the running error of each run").hasSize(6);
        LinePlot.Line running = plot.lines().get(4);
        assertThat(running.dashed()).isTrue();
        assertThat(running.width()).isLessThan(plot.lines().get(0).width());
        assertThat(running.series().size()).as("the plain run's batch error at all 400 steps").isEqualTo(400);
        assertThat(errors.smoothing.isDisabled()).as("the running error can be smoothed").isFalse();
        double at300 = ErrorCurvesView.valueAt(plot, 4, 300);
        LinePlot.Hit hit = new LinePlot.Hit(4, running, 299, 300, at300, 0, 0);
        assertThat(onFx(() -> errors.hoverText(plot, hit))).as("the hover names the running error")
                .isEqualTo(ErrorCurvesView.HOVER_RUNNING.formatted(300, "plain-8",
                        org.resnetexplorer.graph.Counts.percent(at300)));

        robot.clickOn("#error-loss");
        settle();
        assertThat(errors.running.isDisabled()).as("the loss chart has no error lines").isTrue();
        robot.clickOn("#error-loss");
        robot.clickOn("#error-running");
        settle();
        assertThat(errors.canvas.chart().plot().orElseThrow().lines()).as("off again").hasSize(4);
    }

    @Test
    @DisplayName("hovering near a test-error point shows step, run and both errors beside a marker")
    void hoverShowsValues(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        ErrorCurvesView errors = view(ErrorCurvesView.class);
        LinePlot plot = errors.canvas.chart().plot().orElseThrow();
        LinePlot.Frame frame = plot.frame().orElseThrow();
        // the plain run's test error at step 200 (line 1: plain test)
        double testAt200 = ErrorCurvesView.valueAt(plot, 1, 200);
        Point2D onScreen = onFx(() -> errors.canvas.localToScreen(frame.px(200), frame.py(testAt200)));
        robot.moveTo(onScreen.add(1, -2));
        WaitForAsyncUtils.waitForFxEvents();
        Label hover = errors.canvas.hoverLabel();
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).contains("plain-8").contains("step 200").contains("train ").contains("test "
                + org.resnetexplorer.graph.Counts.percent(testAt200));
        assertThat(errors.canvas.marker().isVisible()).isTrue();
        assertThat(errors.canvas.marker().getCenterX()).isCloseTo(frame.px(200), org.assertj.core.data.Offset.offset(1.0));
        robot.moveTo(robot.point(errors.controls));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hover.isVisible()).as("hidden when the pointer leaves").isFalse();
    }

    @Test
    @DisplayName("switching to the residual histogram and choosing a block and a step draws that block")
    void chooseBlockAndStep(FxRobot robot) {
        feedTwoRuns(robot);
        robot.clickOn("Residual histogram");
        settle();
        HistogramView histogram = view(HistogramView.class);
        assertThat(pane.selectedChart()).isSameAs(histogram);
        ComboBox<String> blocks = robot.lookup("#histogram-block").queryComboBox();
        assertThat(blocks.getItems()).containsExactly("block1", "block2", "block3", "block4");
        robot.clickOn(blocks).clickOn("block3");
        robot.clickOn("#histogram-latest");
        robot.interact(() -> histogram.step.slider.setValue(150));
        settle();
        LinePlot shown = histogram.canvas.chart().plot().orElseThrow();
        assertThat(shown.lines()).as("only the residual run has blocks").singleElement()
                .satisfies(l -> assertThat(l.series().name()).startsWith("resnet-8: range ["));
        assertThat(pixelsOf(shownImage(histogram), Palette.run(1))).isGreaterThan(50);
        assertThat(robot.lookup("#histogram-step-value").queryAs(Label.class).getText()).isEqualTo("150");
        assertThat(shown.title()).as("the chart's title names the block and the step").isEqualTo("Residual responses F(x): block3 at step 150");

        robot.clickOn("Gradient heatmap");
        settle();
        ComboBox<String> runs = robot.lookup("#heatmap-run").queryComboBox();
        assertThat(runs.getItems()).containsExactly("plain-8", "resnet-8");
        robot.clickOn(runs).clickOn("resnet-8");
        settle();
        HeatmapView heatmap = view(HeatmapView.class);
        assertThat(heatmap.settled()).isTrue();
        robot.moveTo(heatmap.chartNode());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heatmap.canvas.hoverLabel().isVisible()).as("hover over the heatmap").isTrue();
        assertThat(heatmap.canvas.hoverLabel().getText()).startsWith("conv").contains("step ").contains("norm ");
        robot.interact(() -> pane.removeRun("resnet-8"));
        assertThat(runs.getItems()).containsExactly("plain-8");
        assertThat(runs.getValue()).isEqualTo("plain-8");
    }

    @Test
    @DisplayName("layers chosen in the list draw one line each, in network order, with a swatch of their colour")
    void chooseLayers(FxRobot robot) {
        feedTwoRuns(robot);
        robot.clickOn("Gradient by layer");
        settle();
        LayerLinesView lines = view(LayerLinesView.class);
        assertThat(lines.chosen()).as("first, middle and last by default").containsExactly("conv1", "conv5", "conv8");
        robot.press(KeyCode.CONTROL).clickOn("conv3").release(KeyCode.CONTROL);
        settle();
        assertThat(lines.canvas.chart().plot().orElseThrow().lines()).extracting(l -> l.series().name())
                .containsExactly("conv1", "conv3", "conv5", "conv8");
        javafx.scene.control.ListCell<?> cell = robot.lookup(".list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "conv3".equals(c.getItem())).query();
        assertThat(((javafx.scene.shape.Rectangle) cell.getGraphic()).getFill())
                .isEqualTo(javafx.scene.paint.Color.rgb(0xD5, 0x5E, 0x00));
    }

    @Test
    @DisplayName("gradient vs depth chosen at step 1 stays there as the runs go on; Latest follows them again")
    void depthAtChosenStep(FxRobot robot) {
        DepthView depth = view(DepthView.class);
        robot.interact(() -> {
            pane.select(depth);
            depth.chooseStep(1);
        });
        feedTwoRuns(robot);
        assertThat(depth.step.step()).as("still the step chosen before the runs came").isEqualTo(1);
        assertThat(depth.step.latest.isSelected()).isFalse();
        assertThat(depth.canvas.chart().plot().orElseThrow().title()).endsWith("step 1");
        robot.clickOn("#depth-latest");
        settle();
        assertThat(depth.step.step()).isEqualTo(400);
    }

    @Test
    @DisplayName("a hidden chart's lists and choosers wait while training: they fill when its tab shows or it exports")
    void hiddenControlsWait(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        HeatmapView heatmap = view(HeatmapView.class);
        LayerLinesView lines = view(LayerLinesView.class);
        HistogramView histogram = view(HistogramView.class);
        assertThat(heatmap.run.getItems()).as("no work for a hidden tab").isEmpty();
        assertThat(lines.layers.getItems()).isEmpty();

        robot.clickOn("Gradient heatmap");
        settle();
        assertThat(heatmap.run.getItems()).as("filled as the tab shows").containsExactly("plain-8", "resnet-8");
        assertThat(heatmap.run.getValue()).isEqualTo("plain-8");
        assertThat(heatmap.settled()).isTrue();

        // the histogram has never shown: exporting it brings its choosers up to date first
        Path png = folder.resolve("histogram.png");
        robot.interact(() -> {
            try {
                histogram.exportPng(png, 1);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(histogram.block.getItems()).containsExactly("block1", "block2", "block3", "block4");
        assertThat(histogram.step.step()).as("at the latest step").isEqualTo(400);
        assertThat(org.resnetexplorer.charts.Pixels.count(ImageIO.read(png.toFile()), Palette.run(1)))
                .as("the residual run's bars").isGreaterThan(50);
        robot.interact(() -> {
            try {
                pane.exportAll(folder.resolve("all"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(lines.chosen()).as("export all brings every chart up to date").containsExactly("conv1", "conv5", "conv8");
    }

    @Test
    @DisplayName("export all writes one 1200 x 800 PNG per chart; a chart at 2x is twice that; CSV beside")
    void exportAll(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        List<Path> written = new ArrayList<>();
        robot.interact(() -> {
            try {
                written.addAll(pane.exportAll(folder.resolve("charts")));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("error-curves.png", "loss.png",
                "gradient-heatmap.png", "gradient-layers.png", "gradient-vs-depth.png", "residual-histogram.png",
                "response-std.png");
        for (Path file : written) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(file.toString()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(800);
        }
        Path big = folder.resolve("depth@2x.png");
        robot.interact(() -> {
            try {
                view(DepthView.class).exportPng(big, 2);
                pane.exportCsv(folder.resolve("metrics.csv"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(ImageIO.read(big.toFile()).getWidth()).isEqualTo(2400);
        assertThat(Files.readAllLines(folder.resolve("metrics.csv"))).anyMatch(l -> l.startsWith("resnet-8,400,test_error,,"));
        assertThat(folder.resolve("metrics-histograms.csv")).exists();
    }

    @Test
    @DisplayName("exporting into a path blocked by a file fails with a message that says what to do")
    void exportAllIntoBlockedFolder(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        Path blocker = Files.writeString(folder.resolve("file"), "x");
        String[] message = new String[1];
        robot.interact(() -> {
            try {
                pane.exportAll(blocker.resolve("charts"));
            } catch (java.io.IOException e) {
                message[0] = e.getMessage();
            }
        });
        assertThat(message[0]).startsWith("Cannot write ").endsWith("Choose a folder you can write to.");
    }

    @Test
    @DisplayName("exporting in the background: the message tells what was written; a blocked folder shows an alert")
    void backgroundExportReports(FxRobot robot) throws Exception {
        feedTwoRuns(robot);
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            pane.setOnMessage(messages::add);
            pane.report(pane.exportAllInBackground(folder.resolve("all")));
        });
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> !messages.isEmpty());
        assertThat(messages.get(0)).isEqualTo("Wrote 7 files to " + folder.resolve("all").toAbsolutePath());
        assertThat(folder.resolve("all/gradient-heatmap.png")).exists();

        Path blocker = Files.writeString(folder.resolve("file"), "x");
        robot.interact(() -> pane.report(pane.exportCsvInBackground(blocker.resolve("sub/metrics.csv"))));
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> messages.size() == 2);
        assertThat(messages.get(1)).startsWith("Cannot write " + blocker.resolve("sub")).contains("not a folder")
                .endsWith("Choose a folder you can write to.");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo(ChartsPane.EXPORT_FAILED);
        assertThat(dialog.getContentText()).isEqualTo(messages.get(1));
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    }

    @Test
    @DisplayName("the chart's context menu offers PNG at 1x and 2x, all charts and CSV")
    void contextMenu(FxRobot robot) {
        feedTwoRuns(robot);
        robot.clickOn(view(ErrorCurvesView.class).chartNode(), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = view(ErrorCurvesView.class).menu;
        assertThat(menu.isShowing()).isTrue();
        assertThat(menu.getItems()).extracting(MenuItem::getText).contains(ChartView.EXPORT_PNG, ChartView.EXPORT_PNG_2X,
                ChartView.EXPORT_ALL, ChartView.EXPORT_CSV);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isFalse();
    }

    @Test
    @DisplayName("clear empties every chart and shows the hint again")
    void clearEmpties(FxRobot robot) {
        feedTwoRuns(robot);
        robot.interact(pane::clear);
        settle();
        assertThat(pane.runs()).isEmpty();
        ErrorCurvesView errors = view(ErrorCurvesView.class);
        assertThat(errors.canvas.chart().plot().orElseThrow().lines()).isEmpty();
        assertThat(errors.canvas.emptyLabel().isVisible()).isTrue();
    }

    @Test
    @DisplayName("the Study tab's hint that no study has measured yet goes once a study's pictures come")
    void studyHintGoes(FxRobot robot) throws Exception {
        ChartView study = onFx(() -> pane.charts().stream().filter(v -> v.kind() == ChartKind.STUDY).findFirst()
                .orElseThrow());
        robot.interact(() -> pane.select(study));
        Label hint = study.canvas.emptyLabel();
        assertThat(onFx(hint::isVisible)).as("before any study").isTrue();
        robot.interact(() -> pane.showStudy(List.of(new org.resnetexplorer.charts.StudyCharts.Picture("study-one.png",
                "One", (g, w, h, style) -> g.fillRect(0, 0, w, h)))));
        settle();
        assertThat(onFx(hint::isVisible)).as("over the study's picture").isFalse();
    }
}

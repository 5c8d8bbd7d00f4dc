package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run list and the charts together: show and hide, rename, remove and clear runs. */
@ExtendWith(ApplicationExtension.class)
class RunListTest {
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final List<String> told = new ArrayList<>();
    private ChartsPane charts;
    private RunsTable table;

    @Start
    void start(Stage stage) {
        charts = new ChartsPane();
        table = new RunsTable(runs);
        table.setOnMessage(told::add);
        RunsInCharts.connect(runs, charts);
        stage.setScene(new Scene(new VBox(charts, table), 1000, 700));
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Adds a run of the spiral in {@code status}. */
    private RunRecord run(FxRobot robot, String name, boolean twin, RunStatus status) {
        RunRecord record = new RunRecord(name, twin ? "mlp-resnet-20 (plain twin)" : "mlp-resnet-20", "spiral", twin, 100);
        record.statusProperty().set(status);
        robot.interact(() -> runs.add(record));
        return record;
    }

    private Node cellOf(FxRobot robot, String column, int row) {
        return robot.lookup("#" + column).queryAll().stream().filter(n -> n instanceof TableCell<?, ?> c
                && c.getIndex() == row && !c.isEmpty()).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the Show check box hides a run in the charts and shows it again; a legend click ticks the box")
    void showAndHide(FxRobot robot) throws Exception {
        RunRecord resnet = run(robot, "#1 mlp-resnet-20", false, RunStatus.FINISHED);
        run(robot, "#1 plain twin", true, RunStatus.FINISHED);
        robot.clickOn(robot.from(cellOf(robot, "runs-shown", 0)).lookup(".check-box").queryAs(CheckBox.class));
        assertThat(resnet.shownProperty().get()).isFalse();
        assertThat(onFx(() -> charts.isRunShown("#1 mlp-resnet-20"))).isFalse();
        assertThat(onFx(() -> charts.isRunShown("#1 plain twin"))).isTrue();
        robot.interact(() -> charts.setRunShown("#1 mlp-resnet-20", true)); // what a legend click does
        assertThat(resnet.shownProperty().get()).as("the row follows the charts").isTrue();
    }

    @Test
    @DisplayName("F2 renames the selected run in its row; the charts follow; a name already taken is refused")
    void rename(FxRobot robot) throws Exception {
        RunRecord resnet = run(robot, "#1 mlp-resnet-20", false, RunStatus.FINISHED);
        run(robot, "#1 plain twin", true, RunStatus.FINISHED);
        robot.clickOn(cellOf(robot, "runs-name", 0));
        robot.push(KeyCode.F2);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("baseline").push(KeyCode.ENTER);
        assertThat(resnet.label()).isEqualTo("baseline");
        assertThat(resnet.name()).as("its snapshots keep finding it").isEqualTo("#1 mlp-resnet-20");
        assertThat(onFx(() -> charts.labelOf("#1 mlp-resnet-20"))).isEqualTo("baseline");
        assertThat(told).last().asString().contains("baseline");

        robot.clickOn(cellOf(robot, "runs-name", 1));
        robot.push(KeyCode.F2);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("baseline").push(KeyCode.ENTER);
        assertThat(runs.get(1).label()).isEqualTo("#1 plain twin");
        assertThat(told).last().asString().contains("'baseline'").contains("another");
        assertThat(onFx(() -> charts.labelOf("#1 plain twin"))).isEqualTo("#1 plain twin");
    }

    @Test
    @DisplayName("Delete removes an ended run from the list and the charts; a run still training is refused with the reason")
    void remove(FxRobot robot) throws Exception {
        run(robot, "#1 mlp-resnet-20", false, RunStatus.FINISHED);
        run(robot, "#2 mlp-resnet-20", false, RunStatus.RUNNING);
        robot.clickOn(cellOf(robot, "runs-name", 0)).push(KeyCode.DELETE);
        assertThat(runs).extracting(RunRecord::name).containsExactly("#2 mlp-resnet-20");
        assertThat(onFx(charts::runs)).containsExactly("#2 mlp-resnet-20");
        // selected already: a click would start renaming it
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.push(KeyCode.DELETE);
        assertThat(runs).hasSize(1);
        assertThat(told).last().asString().contains("#2 mlp-resnet-20").contains("still training");
    }

    @Test
    @DisplayName("Clear Finished Runs in the context menu removes every ended run; the running ones stay")
    void clearEnded(FxRobot robot) throws Exception {
        run(robot, "#1 mlp-resnet-20", false, RunStatus.FINISHED);
        run(robot, "#1 plain twin", true, RunStatus.DIVERGED);
        run(robot, "#2 mlp-resnet-20", false, RunStatus.RUNNING);
        // the headless screen sends no context-menu events: the menu is opened as a right click would
        robot.interact(() -> {
            table.getSelectionModel().select(2);
            javafx.geometry.Bounds at = table.localToScreen(table.getBoundsInLocal());
            table.getContextMenu().show(table, at.getMinX() + 40, at.getMinY() + 40);
        });
        robot.clickOn(org.resnetexplorer.i18n.Texts.get("runsMenu.clear"));
        assertThat(runs).extracting(RunRecord::name).containsExactly("#2 mlp-resnet-20");
        assertThat(onFx(charts::runs)).containsExactly("#2 mlp-resnet-20");
    }

    @Test
    @DisplayName("a long run name widens its column; one longer still keeps its start and end, and its tooltip says it all")
    void longNamesStayApart(FxRobot robot) throws Exception {
        double before = onFx(() -> table.getColumns().get(1).getWidth());
        run(robot, "plain-vs-resnet · cifar-resnet-110 (plain twin)", true, RunStatus.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getColumns().get(1).getWidth())).isGreaterThan(before);
        String tip = onFx(() -> ((TableCell<?, ?>) cellOf(robot, "runs-name", 0)).getTooltip().getText());
        assertThat(tip).isEqualTo("plain-vs-resnet · cifar-resnet-110 (plain twin)");
        assertThat(onFx(() -> ((TableCell<?, ?>) cellOf(robot, "runs-name", 0)).getTextOverrun()))
                .isEqualTo(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
    }
}

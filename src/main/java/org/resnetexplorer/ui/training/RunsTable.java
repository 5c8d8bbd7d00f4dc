package org.resnetexplorer.ui.training;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;


/** The run list: every run of the session, with its model, dataset, status, step and errors. Selectable. */
public final class RunsTable extends TableView<RunRecord> {
    static final String RUN = Texts.get("runsTable.run");
    static final String MODEL = Texts.get("runsTable.model");
    static final String DATASET = Texts.get("runsTable.dataset");
    static final String STATUS = Texts.get("runsTable.status");
    static final String STEP = Texts.get("runsTable.step");
    static final String TRAIN_ERROR = Texts.get("runsTable.train.error");
    static final String TEST_ERROR = Texts.get("runsTable.test.error");
    static final String MESSAGE = Texts.get("runsTable.message");
    static final String EMPTY = Texts.get("runsTable.empty");

    public RunsTable(ObservableList<RunRecord> runs) {
        super(runs);
        setId("runs");
        setPlaceholder(new Label(EMPTY));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        // the run and its errors first, so they stay in view beside the charts; the rest after them
        getColumns().add(column(RUN, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.name()), 140));
        getColumns().add(column(TEST_ERROR, r -> r.testErrorProperty().map(e -> Counts.percent(
                e.doubleValue())), 84));
        getColumns().add(column(TRAIN_ERROR, r -> r.trainErrorProperty().map(e -> Counts.percent(
                e.doubleValue())), 88));
        getColumns().add(column(STATUS, r -> r.statusProperty().map(RunsTable::statusText), 75));
        getColumns().add(column(STEP, r -> r.stepProperty().map(s -> s + " / " + r.totalSteps()), 85));
        getColumns().add(column(MODEL, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.model()), 170));
        getColumns().add(column(DATASET, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.dataset()), 80));
        getColumns().add(column(MESSAGE, RunRecord::messageProperty, 520));
    }

    /** The status in the app's language ("Finished", "已完成"). */
    public static String statusText(RunStatus status) {
        return Texts.get("runStatus." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static TableColumn<RunRecord, String> column(String title,
            Function<RunRecord, ObservableValue<String>> value, double width) {
        TableColumn<RunRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        return column;
    }
}

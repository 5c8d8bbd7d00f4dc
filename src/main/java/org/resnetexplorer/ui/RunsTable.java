package org.resnetexplorer.ui;

import org.resnetexplorer.graph.Counts;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.resnetexplorer.engine.RunStatus;

/** The run list: every run of the session, with its model, dataset, status, step and errors. Selectable. */
final class RunsTable extends TableView<RunRecord> {
    static final String RUN = "Run";
    static final String MODEL = "Model";
    static final String DATASET = "Dataset";
    static final String STATUS = "Status";
    static final String STEP = "Step";
    static final String TRAIN_ERROR = "Train error";
    static final String TEST_ERROR = "Test error";
    static final String MESSAGE = "Message";
    static final String EMPTY = "No runs yet: press Run (F5) to train the graph";

    RunsTable(ObservableList<RunRecord> runs) {
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

    static String statusText(RunStatus status) {
        String name = status.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static TableColumn<RunRecord, String> column(String title,
            Function<RunRecord, ObservableValue<String>> value, double width) {
        TableColumn<RunRecord, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        return column;
    }
}

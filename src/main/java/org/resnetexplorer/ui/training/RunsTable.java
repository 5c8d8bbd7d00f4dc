package org.resnetexplorer.ui.training;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;


/**
 * The run list: every run of the session, with a check box that shows or hides it in the charts, its name, errors,
 * status, step, model and dataset. Its context menu (and F2, Delete) renames and removes runs and clears the ended
 * ones; what that did, or why not, goes to {@link #setOnMessage}.
 */
public final class RunsTable extends TableView<RunRecord> {
    static final String SHOWN = Texts.get("runsTable.shown");
    static final String SHOWN_TIP = Texts.get("runsTable.shown.tip");
    static final String RUN = Texts.get("runsTable.run");
    static final String MODEL = Texts.get("runsTable.model");
    static final String DATASET = Texts.get("runsTable.dataset");
    static final String STATUS = Texts.get("runsTable.status");
    static final String STEP = Texts.get("runsTable.step");
    static final String TRAIN_ERROR = Texts.get("runsTable.train.error");
    static final String TEST_ERROR = Texts.get("runsTable.test.error");
    static final String MESSAGE = Texts.get("runsTable.message");
    static final String EMPTY = Texts.get("runsTable.empty");
    static final String CONTINUES = Texts.get("runsTable.continues");
    /** The widest the run column grows to fit its names, in points. */
    static final double MAX_NAME_WIDTH = 300;

    final TableColumn<RunRecord, Boolean> shownColumn = new TableColumn<>(SHOWN);
    final TableColumn<RunRecord, String> runColumn;
    private final RunListEdits edits;
    private java.util.function.Consumer<String> onMessage = message -> { };
    private java.util.function.Consumer<RunRecord> onContinue = run -> { };
    private java.util.function.Predicate<RunRecord> canContinue = run -> false;

    public RunsTable(ObservableList<RunRecord> runs) {
        super(runs);
        this.edits = new RunListEdits(runs);
        setId("runs");
        setPlaceholder(new Label(EMPTY));
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        setEditable(true);
        shownColumn.setId("runs-shown");
        shownColumn.setCellValueFactory(cell -> cell.getValue().shownProperty());
        shownColumn.setCellFactory(CheckBoxTableCell.forTableColumn(shownColumn));
        shownColumn.setEditable(true);
        shownColumn.setPrefWidth(52);
        Label shownHeader = new Label(SHOWN);
        shownHeader.setTooltip(new javafx.scene.control.Tooltip(SHOWN_TIP));
        shownColumn.setText(null);
        shownColumn.setGraphic(shownHeader);
        getColumns().add(shownColumn);
        // the run and its errors first, so they stay in view beside the charts; the rest after them
        runColumn = column(RUN, RunRecord::labelProperty, 140);
        runColumn.setId("runs-name");
        runColumn.setEditable(true);
        runColumn.setCellFactory(column -> new RunNameCell());
        runColumn.setOnEditCommit(e -> tell(edits.rename(e.getRowValue(), e.getNewValue())));
        getColumns().add(runColumn);
        getColumns().add(column(TEST_ERROR, r -> r.testErrorProperty().map(e -> Counts.percent(
                e.doubleValue())), 84));
        getColumns().add(column(TRAIN_ERROR, r -> r.trainErrorProperty().map(e -> Counts.percent(
                e.doubleValue())), 88));
        getColumns().add(column(STATUS, r -> r.statusProperty().map(RunsTable::statusText), 75));
        getColumns().add(column(STEP, r -> r.stepProperty().map(s -> s + " / " + r.totalSteps()), 85));
        getColumns().add(column(MODEL, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.model()
                + r.continues().map(from -> String.format(CONTINUES, from)).orElse("")), 170));
        getColumns().add(column(DATASET, r -> new javafx.beans.property.ReadOnlyStringWrapper(r.dataset()), 80));
        getColumns().add(column(MESSAGE, RunRecord::messageProperty, 520));
        for (TableColumn<RunRecord, ?> c : getColumns()) {
            if (c != shownColumn && c != runColumn) {
                c.setEditable(false);
            }
        }
        setContextMenu(new RunsMenu(this).menu());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            RunRecord selected = getSelectionModel().getSelectedItem();
            if (selected == null || getEditingCell() != null) {
                return;
            }
            if (e.getCode() == javafx.scene.input.KeyCode.F2) {
                rename(selected);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                remove(selected);
                e.consume();
            }
        });
        runs.addListener((javafx.collections.ListChangeListener<RunRecord>) c -> fitNames());
    }

    /** Where renames, removals and refusals are told (the status bar). */
    public void setOnMessage(java.util.function.Consumer<String> onMessage) {
        this.onMessage = java.util.Objects.requireNonNull(onMessage, "onMessage");
    }

    /**
     * What the context menu's "Continue training" does with the selected run ({@code action}), offered for a run
     * where {@code possible} holds (one that ended with trained weights kept).
     */
    public void setOnContinue(java.util.function.Predicate<RunRecord> possible, java.util.function.Consumer<RunRecord> action) {
        this.canContinue = java.util.Objects.requireNonNull(possible, "possible");
        this.onContinue = java.util.Objects.requireNonNull(action, "action");
    }

    boolean canContinue(RunRecord run) {
        return run != null && canContinue.test(run);
    }

    void continueTraining(RunRecord run) {
        onContinue.accept(run);
    }

    /** Starts editing the run's name in its row. */
    public void rename(RunRecord run) {
        int row = getItems().indexOf(run);
        if (row >= 0) {
            getSelectionModel().select(row);
            scrollTo(row);
            layout();
            edit(row, runColumn);
        }
    }

    /** Removes the run if it has ended; says why not if it trains. */
    public void remove(RunRecord run) {
        tell(edits.remove(run));
    }

    /** Removes every ended run. */
    public void clearEnded() {
        tell(edits.clearEnded());
    }

    /** Renames without editing in the row (the same rules). */
    public RunListEdits.Result renameTo(RunRecord run, String name) {
        RunListEdits.Result result = edits.rename(run, name);
        tell(result);
        return result;
    }

    private void tell(RunListEdits.Result result) {
        result.said().ifPresent(onMessage);
        if (!result.done()) {
            refresh(); // a refused rename: the row shows the name it kept
        }
        fitNames();
    }

    /** Widens the run column to the longest name (up to a limit; longer ones keep their ends and a tooltip). */
    private void fitNames() {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        double widest = 0;
        for (RunRecord r : getItems()) {
            probe.setText(r.label());
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        runColumn.setPrefWidth(Math.max(140, Math.min(MAX_NAME_WIDTH, widest * fontScale() + 24)));
    }

    /** The table's font size over the default 13 px (presentation mode and large text make names wider). */
    private double fontScale() {
        return Math.max(1, javafx.scene.text.Font.getDefault().getSize() / 13.0);
    }

    /**
     * A run's name: cut in the middle when too long ("#3 cifar-res...0 plain twin" keeps both ends apart), the
     * whole name in a tooltip, and a text field while renamed.
     */
    private static final class RunNameCell extends javafx.scene.control.cell.TextFieldTableCell<RunRecord, String> {
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        RunNameCell() {
            super(new javafx.util.converter.DefaultStringConverter());
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        public void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            tip.setText(name);
            setTooltip(empty || name == null ? null : tip);
        }
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

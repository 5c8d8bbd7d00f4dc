package org.resnetexplorer.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.training.RunRecord;

/**
 * Keeps the charts in step with the run list: a row added is a run to compare (of its dataset), a row removed
 * leaves every chart, a renamed row is renamed there, and its check box shows or hides it; a click on a run's
 * legend entry ticks or unticks its row. Use on the FX thread.
 */
final class RunsInCharts {
    private final ChartsPane charts;
    /** What each row's name and check box tell the charts, to stop listening when the row goes. */
    private final Map<RunRecord, Listening> listening = new HashMap<>();

    private record Listening(ChangeListener<String> label, ChangeListener<Boolean> shown) {
    }

    private RunsInCharts(ChartsPane charts) {
        this.charts = charts;
    }

    /** Connects {@code runs} (the window's run list) to {@code charts}, with the rows already there. */
    static void connect(ObservableList<RunRecord> runs, ChartsPane charts) {
        RunsInCharts link = new RunsInCharts(charts);
        runs.forEach(link::added);
        runs.addListener((ListChangeListener<RunRecord>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(link::removed);
                change.getAddedSubList().forEach(link::added);
            }
        });
        charts.setOnRunShown((run, shown) -> runs.stream().filter(r -> r.name().equals(run)).findFirst()
                .ifPresent(r -> r.shownProperty().set(shown)));
    }

    private void added(RunRecord run) {
        if (listening.containsKey(run)) {
            return;
        }
        charts.addRun(run.name(), run.model(), !run.plainTwin(), run.dataset());
        if (!run.label().equals(run.name())) {
            charts.renameRun(run.name(), run.label());
        }
        charts.setRunShown(run.name(), run.shownProperty().get());
        Listening l = new Listening((o, was, now) -> charts.renameRun(run.name(), now),
                (o, was, now) -> charts.setRunShown(run.name(), now));
        run.labelProperty().addListener(l.label());
        run.shownProperty().addListener(l.shown());
        listening.put(run, l);
    }

    private void removed(RunRecord run) {
        Listening l = listening.remove(run);
        if (l != null) {
            run.labelProperty().removeListener(l.label());
            run.shownProperty().removeListener(l.shown());
        }
        charts.removeRun(run.name());
    }
}

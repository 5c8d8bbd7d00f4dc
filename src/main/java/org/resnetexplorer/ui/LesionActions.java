package org.resnetexplorer.ui;

import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.WindowEvent;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.charts.RunLesions;
import org.resnetexplorer.ui.editor.GraphView;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;

/**
 * The lesion study in the window (decision 0034): "Delete at test time" in a block's context menu in the editor
 * tells the test error of a trained run without that block; "Lesion study" in the run list's context menu shows the
 * run's bars in the Study tab. The block is deleted from the run selected in the run list if it has that block, else
 * from the newest ended run that does.
 */
final class LesionActions {
    static final String DELETE = Texts.get("lesionActions.delete");
    static final String DELETE_FROM = Texts.get("lesionActions.delete.from");
    static final String STUDY = Texts.get("lesionActions.study");

    private LesionActions() {
    }

    static void connect(GraphView graph, RunsTable table, ObservableList<RunRecord> runs, ChartsPane charts) {
        RunLesions lesions = charts.lesions();
        graph.setBlockMenu(name -> {
            Block block = graph.document().network().block(name).orElse(null);
            Optional<RunRecord> run = block == null ? Optional.empty() : trainedWith(block, table, runs, lesions);
            MenuItem delete = new MenuItem(run.map(r -> String.format(DELETE_FROM, r.label())).orElse(DELETE));
            delete.setId("block-menu-delete-at-test-time");
            delete.setMnemonicParsing(false);
            delete.setDisable(run.isEmpty());
            delete.setOnAction(e -> lesions.deleteAtTestTime(run.orElseThrow().name(), name));
            return List.of(delete);
        });
        MenuItem study = new MenuItem(STUDY);
        study.setId("runs-menu-lesion-study");
        study.setOnAction(e -> lesions.study(table.getSelectionModel().getSelectedItem().name()));
        ContextMenu menu = table.getContextMenu();
        menu.getItems().addAll(new SeparatorMenuItem(), study);
        menu.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            RunRecord run = table.getSelectionModel().getSelectedItem();
            study.setDisable(run == null || !run.isOver() || !lesions.canStudy(run.name()));
        });
    }

    /** The run to delete the block from: the selected one if it can, else the newest ended run that can. */
    private static Optional<RunRecord> trainedWith(Block block, RunsTable table, List<RunRecord> runs,
            RunLesions lesions) {
        RunRecord selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.isOver() && lesions.canDelete(selected.name(), block)) {
            return Optional.of(selected);
        }
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunRecord run = runs.get(i);
            if (run.isOver() && lesions.canDelete(run.name(), block)) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }
}

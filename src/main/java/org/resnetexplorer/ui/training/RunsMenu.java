package org.resnetexplorer.ui.training;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.resnetexplorer.i18n.Texts;

/**
 * The run list's context menu: continue training the selected run from its trained weights, show or hide, rename (F2),
 * remove (Delete) it; clear the ended runs.
 */
final class RunsMenu {
    static final String SHOW = Texts.get("runsMenu.show");
    static final String HIDE = Texts.get("runsMenu.hide");
    static final String RENAME = Texts.get("runsMenu.rename");
    static final String REMOVE = Texts.get("runsMenu.remove");
    static final String CLEAR = Texts.get("runsMenu.clear");
    static final String CONTINUE = Texts.get("runsMenu.continue");

    private final RunsTable table;

    RunsMenu(RunsTable table) {
        this.table = table;
    }

    ContextMenu menu() {
        MenuItem toggle = new MenuItem(HIDE);
        toggle.setId("runs-menu-toggle");
        toggle.setOnAction(e -> selected().shownProperty().set(!selected().shownProperty().get()));
        MenuItem rename = new MenuItem(RENAME);
        rename.setId("runs-menu-rename");
        rename.setOnAction(e -> table.rename(selected()));
        MenuItem remove = new MenuItem(REMOVE);
        remove.setId("runs-menu-remove");
        remove.setOnAction(e -> table.remove(selected()));
        MenuItem clear = new MenuItem(CLEAR);
        clear.setId("runs-menu-clear");
        clear.setOnAction(e -> table.clearEnded());
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        toggle.disableProperty().bind(none);
        rename.disableProperty().bind(none);
        MenuItem continued = new MenuItem(CONTINUE);
        continued.setId("runs-menu-continue");
        continued.setOnAction(e -> table.continueTraining(selected()));
        ContextMenu menu = new ContextMenu(continued, new SeparatorMenuItem(), toggle, rename, remove,
                new SeparatorMenuItem(), clear);
        // the texts follow the run it opens on: Show for a hidden run, Remove greyed while it trains
        menu.setOnShowing(e -> {
            RunRecord run = selected();
            toggle.setText(run != null && !run.shownProperty().get() ? SHOW : HIDE);
            remove.setDisable(run == null || !run.isOver());
            clear.setDisable(table.getItems().stream().noneMatch(RunRecord::isOver));
            continued.setDisable(!table.canContinue(run));
        });
        return menu;
    }

    private RunRecord selected() {
        return table.getSelectionModel().getSelectedItem();
    }
}

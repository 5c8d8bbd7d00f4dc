package org.resnetexplorer.ui;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;

/** The toolbar under the menus: the most used actions as icon buttons, in groups. */
final class MainToolBar {
    /** The groups, left to right, a separator between two. */
    static final List<List<Action>> GROUPS = List.of(
            List.of(Action.NEW, Action.OPEN, Action.SAVE, Action.SAVE_AS),
            List.of(Action.UNDO, Action.REDO),
            List.of(Action.TEMPLATES, Action.FIT),
            List.of(Action.RUN, Action.PAUSE, Action.STOP, Action.STEP),
            List.of(Action.EXPORT_CHART, Action.EXPORT_ALL),
            List.of(Action.LEFT_PANE, Action.RIGHT_PANE, Action.CHARTS_ONLY));

    private MainToolBar() {
    }

    /** The toolbar {@code #tool-bar}. */
    static ToolBar of(Commands commands) {
        ToolBar bar = new ToolBar();
        bar.setId("tool-bar");
        for (List<Action> group : GROUPS) {
            if (!bar.getItems().isEmpty()) {
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            group.forEach(action -> bar.getItems().add(commands.button(action)));
        }
        return bar;
    }
}

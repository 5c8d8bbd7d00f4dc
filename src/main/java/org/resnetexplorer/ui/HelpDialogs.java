package org.resnetexplorer.ui;

import java.util.EnumSet;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.appearance.Appearance;

/** The Help menu's dialogs: Keyboard Shortcuts (F1) and About. */
final class HelpDialogs {
    static final String ABOUT_TEXT = Texts.get("main.about.text");
    /** Listed last, after the View menu's keys. */
    private static final Set<Action> LAST = EnumSet.of(Action.SHORTCUTS, Action.QUIT);

    private HelpDialogs() {
    }

    /**
     * Every key of the window and what it does: the actions' keys in menu order, the View keys, the chart tabs' keys,
     * F1, Quit.
     */
    static void showShortcuts(Stage stage) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Action action : Action.values()) {
            if (action.accelerator().isPresent() && !LAST.contains(action)) {
                grid.addRow(row++, new Label(action.keysText()), new Label(action.text().replace("...", "")));
            }
        }
        for (String[] keys : Appearance.shortcuts()) {
            grid.addRow(row++, new Label(keys[0]), new Label(keys[1]));
        }
        for (String[] keys : org.resnetexplorer.ui.charts.ChartsPane.shortcuts()) {
            grid.addRow(row++, new Label(keys[0]), new Label(keys[1]));
        }
        for (Action action : LAST) {
            grid.addRow(row++, new Label(action.keysText()), new Label(action.text()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(Action.SHORTCUTS.text());
        alert.setHeaderText(Action.SHORTCUTS.text());
        // a projector at 1024x768 with large text: the list scrolls rather than running off the screen
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        double screen = javafx.stage.Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds().getHeight();
        scroll.setMaxHeight(screen * 0.7);
        scroll.setPrefViewportHeight(Math.min(screen * 0.7, grid.prefHeight(-1)));
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("shortcuts");
        alert.showAndWait();
    }

    /** What the app is and the paper it follows. */
    static void showAbout(Stage stage) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, ABOUT_TEXT, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(Action.ABOUT.text());
        alert.setHeaderText(ExplorerApp.TITLE);
        alert.showAndWait();
    }
}

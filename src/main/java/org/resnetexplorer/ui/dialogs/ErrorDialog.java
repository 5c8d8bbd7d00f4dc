package org.resnetexplorer.ui.dialogs;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;


/** The window's error message: a title naming what failed, the message saying why and what to do. */
public final class ErrorDialog {
    static final String ID = "error-dialog";
    private static final double MIN_WIDTH = 560;

    private ErrorDialog() {
    }

    /** Shows the message over {@code owner} and waits until the user closes it. */
    public static void show(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(ID);
        alert.getDialogPane().setMinWidth(MIN_WIDTH);
        alert.showAndWait();
    }
}

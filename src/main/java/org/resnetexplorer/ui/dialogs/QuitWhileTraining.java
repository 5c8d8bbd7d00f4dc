package org.resnetexplorer.ui.dialogs;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.resnetexplorer.i18n.Texts;

/**
 * Asks before quitting while a network trains (the editor's run or an experiment): quitting stops it and its
 * unfinished run is lost, which a stray Ctrl+Q should not do unasked.
 */
public final class QuitWhileTraining {
    static final String ID = "ask-quit-training";
    public static final String TITLE = Texts.get("quitWhileTraining.title");
    public static final String HEADER = Texts.get("quitWhileTraining.header");
    public static final String DETAIL = Texts.get("quitWhileTraining.detail");
    public static final String QUIT = Texts.get("quitWhileTraining.quit");
    public static final String KEEP = Texts.get("quitWhileTraining.keep");

    private QuitWhileTraining() {
    }

    /** Asks over {@code owner}; true if the user chose to stop the training and quit. */
    public static boolean confirm(Window owner) {
        ButtonType quit = new ButtonType(QUIT, ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(KEEP, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, DETAIL, quit, keep);
        alert.initOwner(owner);
        alert.setTitle(TITLE);
        alert.setHeaderText(HEADER);
        alert.getDialogPane().setId(ID);
        // Enter keeps training: quitting is the step that loses work
        ((Button) alert.getDialogPane().lookupButton(quit)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().orElse(keep) == quit;
    }
}

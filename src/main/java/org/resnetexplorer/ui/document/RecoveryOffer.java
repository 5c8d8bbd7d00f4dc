package org.resnetexplorer.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.i18n.Texts;


/**
 * At start: a graph autosaved by a session that did not close cleanly is offered back (Recover or Discard); one
 * handed over by a restart in a new language comes back as it was, saved or not, without a question.
 */
public final class RecoveryOffer {
    static final String RECOVER_TITLE = Texts.get("main.recover.title");
    static final String RECOVER = Texts.get("main.recover");
    static final String RECOVER_DETAIL = Texts.get("main.recover.detail");
    public static final String RECOVER_BUTTON = Texts.get("main.recover.button");
    static final String DISCARD_BUTTON = Texts.get("main.discard.button");
    static final String RECOVERED = Texts.get("main.recovered");
    static final String UNREADABLE_RECOVERY = Texts.get("main.unreadable.recovery");
    public static final String RESTARTED = Texts.get("main.restarted");

    private RecoveryOffer() {
    }

    /** Looks in {@code recovery} and offers what it finds to {@code documents}; {@code tell} gets what happened. */
    public static void offer(Stage stage, Recovery recovery, DocumentActions documents, Consumer<String> tell) {
        Optional<Recovery.Recovered> found;
        try {
            found = recovery.find();
        } catch (GraphFileException e) {
            recovery.discard();
            tell.accept(String.format(UNREADABLE_RECOVERY, e.getMessage()));
            return;
        }
        Optional<Boolean> handedOver = recovery.handedOver();
        if (found.isEmpty()) {
            if (handedOver.isPresent()) {
                recovery.discard();
            }
            return;
        }
        Recovery.Recovered r = found.get();
        if (handedOver.isPresent()) {
            // restarted on purpose (a new language): the graph as it was, no question about a crash
            if (handedOver.get()) {
                documents.recover(r);
                recovery.clearHandOver();
            } else {
                documents.replace(r.document(), r.origin().orElse(null));
            }
            tell.accept(RESTARTED);
            return;
        }
        ButtonType recover = new ButtonType(RECOVER_BUTTON, ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(DISCARD_BUTTON, ButtonBar.ButtonData.NO);
        String what = r.origin().map(p -> p.getFileName().toString()).orElse("'" + r.network().name() + "'");
        String when = modifiedTime(recovery.graphFile());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, String.format(RECOVER_DETAIL, what, when), recover, discard);
        alert.initOwner(stage);
        alert.setTitle(RECOVER_TITLE);
        alert.setHeaderText(RECOVER);
        alert.getDialogPane().setId("offer-recovery");
        if (alert.showAndWait().orElse(discard) == recover) {
            documents.recover(r);
            tell.accept(RECOVERED);
        } else {
            recovery.discard();
        }
    }

    private static String modifiedTime(Path file) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                    Files.getLastModifiedTime(file).toInstant().atZone(ZoneId.systemDefault()));
        } catch (IOException e) {
            return "?";
        }
    }
}

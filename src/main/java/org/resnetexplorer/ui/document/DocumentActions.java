package org.resnetexplorer.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.FileDialogs;


/**
 * The life of the graph being edited: New, Open, Save, Save As, a template opened as a new graph, the question
 * about unsaved changes, and the autosave a few seconds after each unsaved change (decision 0009), which a clean
 * save or close removes. Whenever a new graph replaces the old one, or an edit changes it, the graph is handed to
 * {@link #setOnShow} once.
 */
public final class DocumentActions {
    static final String ASK_SAVE_TITLE = Texts.get("main.ask.save.title");
    static final String ASK_SAVE = Texts.get("main.ask.save");
    static final String ASK_SAVE_DETAIL = Texts.get("main.ask.save.detail");
    static final String SAVE_BUTTON = Texts.get("main.save.button");
    public static final String DONT_SAVE_BUTTON = Texts.get("main.dont.save.button");
    static final String RECOVERED_EDIT = Texts.get("main.recovered.edit");
    static final String OPEN_FAILED = Texts.get("main.open.failed");
    static final String SAVE_FAILED = Texts.get("main.save.failed");
    static final String SAVE_FAILED_DETAIL = Texts.get("main.save.failed.detail");
    static final String OPENED = Texts.get("main.opened");
    static final String SAVED = Texts.get("main.saved");

    /** Draws a graph: {@code fresh} when it replaced the one before (it opens at its top). */
    public interface Show {
        void show(GraphDocument state, boolean fresh);
    }

    private final Stage stage;
    private final FileDialogs files;
    private final Document document;
    private final Recovery recovery;
    private final RecentFiles recent;
    private final Consumer<String> tell;
    private final PauseTransition autosave;
    private Show onShow = (state, fresh) -> { };
    private UnaryOperator<Network> templateFit = UnaryOperator.identity();
    private Consumer<Network> onFileOpened = network -> { };
    /** True while a new document replaces the old one: it is drawn once, afresh. */
    private boolean replacing;
    private boolean closed;

    /**
     * @param autosaveDelay how long after an unsaved change the recovery file is written
     * @param tell          shows a message in the status bar
     */
    public DocumentActions(Stage stage, FileDialogs files, Document document, Recovery recovery, RecentFiles recent,
            Duration autosaveDelay, Consumer<String> tell) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.files = Objects.requireNonNull(files, "files");
        this.document = Objects.requireNonNull(document, "document");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.tell = Objects.requireNonNull(tell, "tell");
        this.autosave = new PauseTransition(autosaveDelay);
        autosave.setOnFinished(e -> autosaveNow());
        document.stateProperty().addListener((obs, old, now) -> changed(now));
        recent.setOnOpen(file -> {
            if (confirmDiscard()) {
                openFile(file);
            }
        });
    }

    /** Where the graph is drawn whenever it changes. */
    public void setOnShow(Show value) {
        onShow = Objects.requireNonNull(value, "onShow");
    }

    /**
     * Applied to a template, an experiment's network or New's empty graph as it opens, before it becomes the
     * graph: fits it to the chosen dataset, which is part of opening it, not an edit.
     */
    public void setTemplateFit(UnaryOperator<Network> fit) {
        templateFit = Objects.requireNonNull(fit, "fit");
    }

    /** Receives the network of each graph file opened, once it is shown. */
    public void setOnFileOpened(Consumer<Network> value) {
        onFileOpened = Objects.requireNonNull(value, "onFileOpened");
    }

    private void changed(GraphDocument now) {
        if (replacing) {
            return;
        }
        onShow.show(now, false);
        if (document.isModified()) {
            autosave.playFromStart();
        } else {
            autosave.stop();
            recovery.discard();
        }
    }

    /** Starts afresh with {@code state} from {@code file} (null for a new graph): nothing to undo, nothing autosaved. */
    void replace(GraphDocument state, Path file) {
        autosave.stop();
        replacing = true;
        try {
            document.replace(state, file);
        } finally {
            replacing = false;
        }
        recovery.discard();
        onShow.show(state, true);
    }

    /** Shows a recovered graph as unsaved, with its file (if any) as the state to compare with. */
    void recover(Recovery.Recovered found) {
        GraphDocument original = null;
        if (found.origin().isPresent()) {
            try {
                original = GraphFiles.loadDocument(found.origin().get());
            } catch (GraphFileException e) {
                original = null;
            }
        }
        replacing = true;
        try {
            document.recover(found.document(), original, original != null ? found.origin().get() : null,
                    RECOVERED_EDIT);
        } finally {
            replacing = false;
        }
        onShow.show(found.document(), true);
        autosave.playFromStart();
    }

    /** File > New: an empty untitled graph, after asking about unsaved changes. */
    public void newDocument() {
        if (confirmDiscard()) {
            replace(GraphDocument.opened(templateFit.apply(new Network(Document.UNTITLED.toLowerCase(Locale.ROOT),
                    List.of(), List.of(), List.of()))), null);
        }
    }

    /**
     * Opens {@code network} as a new untitled graph with the points drawn so far, asking about unsaved changes
     * first; false if cancelled.
     */
    public boolean openTemplate(Network network) {
        if (!confirmDiscard()) {
            return false;
        }
        // the drawn points are the data, not the network: they stay while another network opens
        replace(GraphDocument.opened(templateFit.apply(network)).withPoints(document.state().points()), null);
        return true;
    }

    /**
     * "Continue training": asks about unsaved changes, then opens the network of a trained run's {@code state}
     * (as it trained, fitted to its data) as a new graph that remembers the state, so Run continues from its weights.
     */
    public boolean openTrained(NetworkState state) {
        if (!confirmDiscard()) {
            return false;
        }
        replace(GraphDocument.opened(state.network()).withPoints(document.state().points()), null);
        document.continueFrom(state);
        return true;
    }

    /** File > Open: asks about unsaved changes, then for a file. */
    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        files.openGraph(stage, recent.lastFolder()).ifPresent(this::openFile);
    }

    /** Opens a graph file, or explains why it cannot. */
    void openFile(Path file) {
        try {
            replace(GraphFiles.loadDocument(file), file);
            recent.remember(file);
            tell.accept(String.format(OPENED, file.getFileName()));
            onFileOpened.accept(document.network());
        } catch (GraphFileException e) {
            ErrorDialog.show(stage, OPEN_FAILED, e.getMessage());
            if (!Files.exists(file)) {
                recent.forget(file);
            }
        }
    }

    /** Saves to the document's file (asking for one if it has none); false if not saved. */
    public boolean save() {
        return document.file() == null ? saveAs() : saveTo(document.file());
    }

    /** Asks for a file and saves to it; false if not saved. */
    public boolean saveAs() {
        String suggested = document.file() != null ? document.file().getFileName().toString()
                : FileNames.segment(document.network().name()) + ".json";
        Optional<Path> target = files.saveGraph(stage, recent.lastFolder(), suggested);
        return target.isPresent() && saveTo(target.get());
    }

    private boolean saveTo(Path file) {
        try {
            GraphFiles.saveDocument(document.state(), file);
        } catch (IOException | RuntimeException e) {
            ErrorDialog.show(stage, SAVE_FAILED, String.format(SAVE_FAILED_DETAIL, file, e.getMessage()));
            return false;
        }
        autosave.stop();
        document.markSaved(file);
        recovery.discard();
        recent.remember(file);
        tell.accept(String.format(SAVED, file.getFileName()));
        return true;
    }

    /** Asks what to do with unsaved changes: true to go on (saved or discarded), false to cancel. */
    public boolean confirmDiscard() {
        if (!document.isModified()) {
            return true;
        }
        ButtonType save = new ButtonType(SAVE_BUTTON, ButtonBar.ButtonData.YES);
        ButtonType dontSave = new ButtonType(DONT_SAVE_BUTTON, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, ASK_SAVE_DETAIL, save, dontSave, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(ASK_SAVE_TITLE);
        alert.setHeaderText(String.format(ASK_SAVE, document.displayName()));
        alert.getDialogPane().setId("ask-save");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            return save();
        }
        return answer == dontSave;
    }

    private void autosaveNow() {
        if (document.isModified() && !closed) {
            recovery.save(document.state(), document.file(), message -> Platform.runLater(() -> tell.accept(message)));
        }
    }

    /**
     * Writes the graph, saved or not, for the next start (a restart in a new language), waiting until it is on disk.
     *
     * @throws IOException if it cannot be written (then the app must not restart)
     */
    public void handOver() throws IOException {
        recovery.handOver(document.state(), document.file(), document.isModified());
    }

    /** The restart failed after {@link #handOver}: an unsaved graph stays autosaved, a saved one leaves nothing. */
    public void handOverFailed() {
        if (document.isModified()) {
            recovery.clearHandOver();
        } else {
            recovery.discard();
        }
    }

    /** The window closes: no more autosaves; {@code discard} the autosaved graph (a clean close) or keep it. */
    public void close(boolean discard) {
        closed = true;
        autosave.stop();
        if (discard) {
            recovery.discard();
        }
        recovery.close();
    }
}

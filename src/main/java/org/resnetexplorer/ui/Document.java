package org.resnetexplorer.ui;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.resnetexplorer.graph.Network;

/**
 * The graph being edited: its {@link EditHistory} (the current network is the history's state), the file it
 * belongs to (none for a new graph) and whether it differs from that file. The state type lives here only, so
 * swapping {@code Network} for the editor's richer document touches this class and its callers.
 */
final class Document {
    static final String UNTITLED = "Untitled";

    private final EditHistory<Network> history;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    /** A recovered graph is unsaved even where it equals its file's last saved state. */
    private boolean neverSaved;

    Document(Network initial) {
        history = new EditHistory<>(initial);
        history.currentProperty().addListener((obs, old, now) -> refresh());
    }

    private void refresh() {
        modified.set(neverSaved || history.isModified());
    }

    EditHistory<Network> history() {
        return history;
    }

    Network network() {
        return history.current();
    }

    ReadOnlyObjectProperty<Network> networkProperty() {
        return history.currentProperty();
    }

    /** Applies an edit that can be undone under {@code name} ("Undo Toggle shortcut"). */
    void edit(String name, Network next) {
        history.apply(name, next);
    }

    /** Starts afresh with {@code network}, from {@code source} (null for a new graph): nothing to undo. */
    void replace(Network network, Path source) {
        neverSaved = false;
        file.set(source);
        history.reset(network);
        refresh();
    }

    /**
     * A recovered graph, unsaved: with its file's contents {@code original} (if the file could be read), Undo
     * goes back to them; without, it counts as a graph never saved.
     */
    void recover(Network recovered, Network original, Path source, String editName) {
        file.set(source);
        if (original != null) {
            neverSaved = false;
            history.reset(original);
            history.apply(editName, recovered);
        } else {
            history.reset(recovered);
            neverSaved = true;
        }
        refresh();
    }

    /** The graph is now on disk as {@code saved}. */
    void markSaved(Path saved) {
        file.set(Objects.requireNonNull(saved, "saved"));
        history.markSaved();
        neverSaved = false;
        refresh();
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Path file() {
        return file.get();
    }

    ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    boolean isModified() {
        return modified.get();
    }

    /** "spiral.json" or "Untitled (mlp-resnet-20)", the name the title and dialogs show. */
    String displayName() {
        Path f = file.get();
        return f != null ? f.getFileName().toString() : UNTITLED + " (" + network().name() + ")";
    }

    /** The window title: "spiral.json* - ResNet Explorer" while unsaved. */
    StringExpression title(String appTitle) {
        return Bindings.createStringBinding(() -> displayName() + (modified.get() ? "*" : "") + " - " + appTitle, file,
                modified, history.currentProperty());
    }
}

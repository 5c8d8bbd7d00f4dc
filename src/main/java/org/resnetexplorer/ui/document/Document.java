package org.resnetexplorer.ui.document;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;


/**
 * The graph being edited: its {@link EditHistory} (the state is a {@link GraphDocument}: the network with the
 * editor's node positions and collapsed blocks, so moving a node is undoable too; collapsing a block is a view
 * change, see {@link #view}), the file it belongs to (none for a new graph) and whether it differs from that file.
 */
public final class Document {
    static final String UNTITLED = Texts.get("document.untitled");

    private final EditHistory<GraphDocument> history;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
    /** A recovered graph is unsaved even where it equals its file's last saved state. */
    private boolean neverSaved;
    /** The trained run's state this graph was opened from by "Continue training"; null for any other graph. */
    private final ReadOnlyObjectWrapper<NetworkState> trainedWeights = new ReadOnlyObjectWrapper<>();

    public Document(Network initial) {
        this(GraphDocument.opened(initial));
    }

    public Document(GraphDocument initial) {
        history = new EditHistory<>(initial);
        history.currentProperty().addListener((obs, old, now) -> refresh());
    }

    private void refresh() {
        modified.set(neverSaved || history.isModified());
    }

    public EditHistory<GraphDocument> history() {
        return history;
    }

    /** The current state: network, positions, collapsed blocks. */
    public GraphDocument state() {
        return history.current();
    }

    /** The current state, changing with every edit, undo, redo and graph opened. */
    public ReadOnlyObjectProperty<GraphDocument> stateProperty() {
        return history.currentProperty();
    }

    public Network network() {
        return history.current().network();
    }

    /** Applies an edit of the network (positions and collapsed blocks kept) that can be undone under {@code name}. */
    public void edit(String name, Network next) {
        history.apply(name, history.current().withNetwork(next));
    }

    /** Applies an edit of the whole document (from the editor) that can be undone under {@code name}. */
    public void edit(String name, GraphDocument next) {
        history.apply(name, next);
    }

    /**
     * Shows the graph another way ({@code next}: blocks collapsed or expanded): not an edit, so nothing to undo and
     * nothing newly unsaved (decision 0023); the file keeps the view it was last saved with until the next save.
     */
    public void view(GraphDocument next) {
        history.adjust(next);
    }

    /** Starts afresh with {@code network} laid out anew, from {@code source} (null for a new graph). */
    public void replace(Network network, Path source) {
        replace(GraphDocument.opened(network), source);
    }

    /** Starts afresh with {@code document}, from {@code source} (null for a new graph): nothing to undo. */
    public void replace(GraphDocument document, Path source) {
        trainedWeights.set(null);
        neverSaved = false;
        file.set(source);
        history.reset(document);
        refresh();
    }

    /**
     * A recovered graph, unsaved: with its file's contents {@code original} (if the file could be read), Undo
     * goes back to them; without, it counts as a graph never saved.
     */
    void recover(Network recovered, Network original, Path source, String editName) {
        recover(GraphDocument.opened(recovered), original == null ? null : GraphDocument.opened(original), source, editName);
    }

    void recover(GraphDocument recovered, GraphDocument original, Path source, String editName) {
        trainedWeights.set(null);
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

    /**
     * Remembers that this graph was opened from a trained run's {@code state} (decision 0033): Run then starts from
     * its weights wherever a layer is unchanged, until another graph replaces this one. Edits keep it.
     */
    void continueFrom(NetworkState state) {
        trainedWeights.set(Objects.requireNonNull(state, "state"));
    }

    /** The trained state the graph continues (null when it was not opened by "Continue training"). */
    public ReadOnlyObjectProperty<NetworkState> trainedWeightsProperty() {
        return trainedWeights.getReadOnlyProperty();
    }

    /** The trained state the graph continues, or null. */
    public NetworkState trainedWeights() {
        return trainedWeights.get();
    }

    /** The graph is now on disk as {@code saved}. */
    void markSaved(Path saved) {
        file.set(Objects.requireNonNull(saved, "saved"));
        history.markSaved();
        neverSaved = false;
        refresh();
    }

    public Path file() {
        return file.get();
    }

    public boolean isModified() {
        return modified.get();
    }

    /** "spiral.json" or "Untitled (mlp-resnet-20)", the name the title and dialogs show. */
    String displayName() {
        Path f = file.get();
        return f != null ? f.getFileName().toString() : UNTITLED + " (" + network().name() + ")";
    }

    /** The window title: "spiral.json* - ResNet Explorer" while unsaved. */
    public StringExpression title(String appTitle) {
        return Bindings.createStringBinding(() -> displayName() + (modified.get() ? "*" : "") + " - " + appTitle, file,
                modified, history.currentProperty());
    }
}

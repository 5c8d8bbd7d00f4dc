package org.resnetexplorer.ui.document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;


/**
 * Undo and redo over immutable states (the graph model never changes in place, so a state is a value): every
 * edit pushes the state it replaces, with a name for the menu ("Undo Add residual block"). No limit short of
 * memory; states share their unchanged parts, so thousands of edits of a large network stay small.
 *
 * @param <T> the state, e.g. the document being edited
 */
public final class EditHistory<T> {
    private record Entry<T>(String name, T state) {
    }

    private final Deque<Entry<T>> undo = new ArrayDeque<>();
    private final Deque<Entry<T>> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<T> current;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<String> undoName = new ReadOnlyObjectWrapper<>("");
    private final ReadOnlyObjectWrapper<String> redoName = new ReadOnlyObjectWrapper<>("");
    private T saved;

    public EditHistory(T initial) {
        current = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initial, "initial"));
        saved = initial;
    }

    ReadOnlyObjectProperty<T> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public T current() {
        return current.get();
    }

    /** Makes {@code next} the current state; the edit can be undone under {@code name}. No-op if unchanged. */
    public void apply(String name, T next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(current.get())) {
            return;
        }
        undo.push(new Entry<>(name, current.get()));
        redo.clear();
        current.set(next);
        refresh();
    }

    /**
     * Makes {@code next} the current state without an undo entry: another view of the same work (blocks collapsed
     * or expanded). A state that counted as saved still does, so a view change alone leaves nothing unsaved;
     * Undo afterwards goes back to the state before the last edit, as it was viewed then.
     */
    public void adjust(T next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(current.get())) {
            return;
        }
        if (current.get().equals(saved)) {
            saved = next;
        }
        current.set(next);
        refresh();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Entry<T> entry = undo.pop();
            redo.push(new Entry<>(entry.name(), current.get()));
            current.set(entry.state());
            refresh();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Entry<T> entry = redo.pop();
            undo.push(new Entry<>(entry.name(), current.get()));
            current.set(entry.state());
            refresh();
        }
    }

    /** Starts afresh from {@code state} (a new or opened document): nothing to undo, nothing unsaved. */
    public void reset(T state) {
        undo.clear();
        redo.clear();
        current.set(Objects.requireNonNull(state, "state"));
        saved = state;
        refresh();
    }

    /** Marks the current state as the one on disk. */
    void markSaved() {
        saved = current.get();
    }

    /** Whether the current state differs from the one last saved (or opened). */
    boolean isModified() {
        return !current.get().equals(saved);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The name of the edit Undo would take back, or "" if none. */
    public ReadOnlyObjectProperty<String> undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    private void refresh() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoName.set(undo.isEmpty() ? "" : undo.peek().name());
        redoName.set(redo.isEmpty() ? "" : redo.peek().name());
    }
}

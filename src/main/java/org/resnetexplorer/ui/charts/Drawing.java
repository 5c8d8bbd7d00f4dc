package org.resnetexplorer.ui.charts;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.resnetexplorer.graph.DrawnPoints;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The points the student draws to train on, as the charts see them: the window's document holds them (they are
 * saved and undone with the graph), shows them here ({@link #show}) and takes every change as an edit of its own
 * ({@link #setEditor}). Without a host, an edit just shows the new points. Use on the FX thread.
 */
public final class Drawing {
    private final ReadOnlyObjectWrapper<DrawnPoints> points = new ReadOnlyObjectWrapper<>(DrawnPoints.NONE);
    private BiConsumer<String, DrawnPoints> editor = (name, next) -> show(next);
    private Consumer<String> onMessage = message -> { };
    private Runnable onStart = () -> { };
    private Opener opener;
    private Saver saver;

    /** Asks for a CSV file of points to import: empty when the user cancels. */
    public interface Opener {
        Optional<Path> open(Window owner, Path folder);
    }

    /** Asks where to export the points as CSV: empty when the user cancels. */
    public interface Saver {
        Optional<Path> save(Window owner, Path folder, String suggested);
    }

    /** The points drawn now. */
    public DrawnPoints points() {
        return points.get();
    }

    /** The points drawn, changing after every edit, undo and file opened. */
    public ReadOnlyObjectProperty<DrawnPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** Shows {@code next} as the points drawn (the document changed). */
    public void show(DrawnPoints next) {
        points.set(Objects.requireNonNull(next, "next"));
    }

    /** Makes {@code next} the points drawn, as an edit Undo takes back under {@code name}. */
    void edit(String name, DrawnPoints next) {
        editor.accept(name, next);
    }

    /** Takes the drawing's edits (an undoable edit of the document, which then {@link #show}s them). */
    public void setEditor(BiConsumer<String, DrawnPoints> value) {
        editor = Objects.requireNonNull(value, "editor");
    }

    /** Where the drawing says what it did or refused (the status bar). */
    public void setOnMessage(Consumer<String> value) {
        onMessage = Objects.requireNonNull(value, "onMessage");
    }

    void tell(String message) {
        onMessage.accept(message);
    }

    /** Runs when drawing is switched on: the host makes the drawn points the training data ("custom"). */
    public void setOnStart(Runnable value) {
        onStart = Objects.requireNonNull(value, "onStart");
    }

    void started() {
        onStart.run();
    }

    /** How Import and Export ask for a CSV file; without, they do nothing. */
    public void setFiles(Opener open, Saver save) {
        opener = Objects.requireNonNull(open, "open");
        saver = Objects.requireNonNull(save, "save");
    }

    Optional<Opener> opener() {
        return Optional.ofNullable(opener);
    }

    Optional<Saver> saver() {
        return Optional.ofNullable(saver);
    }
}

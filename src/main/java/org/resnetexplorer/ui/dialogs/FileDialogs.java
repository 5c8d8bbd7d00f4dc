package org.resnetexplorer.ui.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;


/** How the window asks the user for a file (a JavaFX FileChooser; tests answer with a path of their own). */
public interface FileDialogs {
    /** A graph file to open, or empty when the user cancels. */
    Optional<Path> openGraph(Window owner, Path folder);

    /** Where to save a graph, or empty when the user cancels; {@code suggested} is the proposed file name. */
    Optional<Path> saveGraph(Window owner, Path folder, String suggested);

    /** Where to write a PNG image, or empty when the user cancels. */
    Optional<Path> savePng(Window owner, Path folder, String suggested);

    /** Where to write a PyTorch module (.py); empty if cancelled. */
    default Optional<Path> savePython(Window owner, Path folder, String suggested) {
        return Optional.empty();
    }

    /** An experiment preset to open; by default the graph dialog (both are JSON files). */
    default Optional<Path> openExperiment(Window owner, Path folder) {
        return openGraph(owner, folder);
    }

    /** Where to save an experiment preset; by default the graph dialog. */
    default Optional<Path> saveExperiment(Window owner, Path folder, String suggested) {
        return saveGraph(owner, folder, suggested);
    }

    /** A folder to save into (a run folder goes inside it); empty if cancelled (or no dialog is offered). */
    default Optional<Path> chooseFolder(Window owner, Path folder) {
        return Optional.empty();
    }

    /** A CSV file of drawn points to import; empty if cancelled (or no dialog is offered). */
    default Optional<Path> openPoints(Window owner, Path folder) {
        return Optional.empty();
    }

    /** Where to export the drawn points as CSV; empty if cancelled (or no dialog is offered). */
    default Optional<Path> savePoints(Window owner, Path folder, String suggested) {
        return Optional.empty();
    }
}

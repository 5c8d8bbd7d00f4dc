package org.resnetexplorer.ui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.resnetexplorer.i18n.Texts;


/** The file dialogs of the platform, through JavaFX's {@link FileChooser}. */
public final class FxFileDialogs implements FileDialogs {
    static final String OPEN_TITLE = Texts.get("fxFileDialogs.open.title");
    static final String SAVE_TITLE = Texts.get("fxFileDialogs.save.title");
    static final String PNG_TITLE = Texts.get("fxFileDialogs.png.title");
    static final String GRAPH_FILES = Texts.get("fxFileDialogs.graph.files");
    static final String PNG_FILES = Texts.get("fxFileDialogs.png.files");
    static final String PYTHON_TITLE = Texts.get("fxFileDialogs.python.title");
    static final String PYTHON_FILES = Texts.get("fxFileDialogs.python.files");
    static final String EXPERIMENT_OPEN_TITLE = Texts.get("fxFileDialogs.experiment.open.title");
    static final String EXPERIMENT_SAVE_TITLE = Texts.get("fxFileDialogs.experiment.save.title");
    static final String EXPERIMENT_FILES = Texts.get("fxFileDialogs.experiment.files");
    static final String POINTS_OPEN_TITLE = Texts.get("fxFileDialogs.points.open.title");
    static final String POINTS_SAVE_TITLE = Texts.get("fxFileDialogs.points.save.title");
    static final String CSV_FILES = Texts.get("fxFileDialogs.csv.files");
    static final String FOLDER_TITLE = Texts.get("fxFileDialogs.folder.title");

    @Override
    public Optional<Path> openGraph(Window owner, Path folder) {
        return open(owner, OPEN_TITLE, folder, GRAPH_FILES, ".json");
    }

    @Override
    public Optional<Path> saveGraph(Window owner, Path folder, String suggested) {
        return save(owner, SAVE_TITLE, folder, GRAPH_FILES, ".json", suggested);
    }

    @Override
    public Optional<Path> savePng(Window owner, Path folder, String suggested) {
        return save(owner, PNG_TITLE, folder, PNG_FILES, ".png", suggested);
    }

    @Override
    public Optional<Path> savePython(Window owner, Path folder, String suggested) {
        return save(owner, PYTHON_TITLE, folder, PYTHON_FILES, ".py", suggested);
    }

    @Override
    public Optional<Path> openExperiment(Window owner, Path folder) {
        return open(owner, EXPERIMENT_OPEN_TITLE, folder, EXPERIMENT_FILES, ".json");
    }

    @Override
    public Optional<Path> saveExperiment(Window owner, Path folder, String suggested) {
        return save(owner, EXPERIMENT_SAVE_TITLE, folder, EXPERIMENT_FILES, ".json", suggested);
    }

    @Override
    public Optional<Path> openPoints(Window owner, Path folder) {
        return open(owner, POINTS_OPEN_TITLE, folder, CSV_FILES, ".csv");
    }

    @Override
    public Optional<Path> savePoints(Window owner, Path folder, String suggested) {
        return save(owner, POINTS_SAVE_TITLE, folder, CSV_FILES, ".csv", suggested);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, Path folder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(FOLDER_TITLE);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    private static Optional<Path> open(Window owner, String title, Path folder, String filter, String extension) {
        FileChooser chooser = chooser(title, folder, filter, "*" + extension);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    /** The file chosen, with {@code extension} added if the user typed a name without it. */
    private static Optional<Path> save(Window owner, String title, Path folder, String filter, String extension,
            String suggested) {
        FileChooser chooser = chooser(title, folder, filter, "*" + extension);
        chooser.setInitialFileName(suggested);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(p -> withExtension(p, extension));
    }

    private static FileChooser chooser(String title, Path folder, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }
}

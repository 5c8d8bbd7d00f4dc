package org.resnetexplorer.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.PyTorchExport;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.FileDialogs;

/**
 * Export > Export Graph as PNG (the editor's view as it shows) and Export as PyTorch (the same code as the
 * export-pytorch command); each asks for a file named after the graph, in the folder of the last file used.
 * The charts export themselves ({@code ChartsPane}).
 */
final class ExportActions {
    static final String EXPORTED = Texts.get("main.exported");
    static final String PYTORCH_EXPORTED = Texts.get("main.pytorch.exported");
    static final String EXPORT_FAILED = Texts.get("main.export.failed");
    static final String FAILED_DETAIL = Texts.get("main.save.failed.detail");

    private final Stage stage;
    private final FileDialogs files;
    private final Supplier<Path> folder;
    private final Supplier<Network> network;
    private final Node graph;
    private final Consumer<String> tell;

    /**
     * @param folder  where the file dialog opens (null: its own choice)
     * @param network the graph being edited
     * @param graph   the editor's view, as it shows
     */
    ExportActions(Stage stage, FileDialogs files, Supplier<Path> folder, Supplier<Network> network, Node graph,
            Consumer<String> tell) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.files = Objects.requireNonNull(files, "files");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.network = Objects.requireNonNull(network, "network");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.tell = Objects.requireNonNull(tell, "tell");
    }

    /** Writes the editor's view as a PNG of its size. */
    void exportGraph() {
        Optional<Path> target = files.savePng(stage, folder.get(), FileNames.segment(network.get().name()) + ".png");
        if (target.isEmpty()) {
            return;
        }
        try {
            ChartFiles.write(SwingFXUtils.fromFXImage(graph.snapshot(null, null), null), target.get());
            tell.accept(String.format(EXPORTED, target.get().getFileName()));
        } catch (IOException e) {
            failed(String.format(FAILED_DETAIL, target.get(), e.getMessage()));
        }
    }

    /** Writes the graph as a PyTorch module, or says why it cannot be one. */
    void exportPyTorch() {
        String code;
        try {
            code = PyTorchExport.code(network.get());
        } catch (IllegalArgumentException e) {
            failed(e.getMessage());
            return;
        }
        Optional<Path> target = files.savePython(stage, folder.get(), moduleFile(network.get().name()));
        if (target.isEmpty()) {
            return;
        }
        try {
            AtomicFiles.writeText(code, target.get());
            tell.accept(String.format(PYTORCH_EXPORTED, target.get().getFileName()));
        } catch (IOException | RuntimeException e) {
            failed(String.format(FAILED_DETAIL, target.get(), e.getMessage()));
        }
    }

    /** A file name for {@code name}'s module that Python can import: letters, digits and underscores (Chinese too). */
    static String moduleFile(String name) {
        return FileNames.segment(name).replaceAll("[^\\p{L}\\p{N}_]", "_") + ".py";
    }

    private void failed(String message) {
        ErrorDialog.show(stage, EXPORT_FAILED, message);
    }
}

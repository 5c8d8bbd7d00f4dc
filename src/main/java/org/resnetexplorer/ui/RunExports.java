package org.resnetexplorer.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunSettingsFiles;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.PyTorchExport;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;
import org.resnetexplorer.ui.training.TrainingController;
import org.resnetexplorer.ui.training.TrainingSetup;
import org.resnetexplorer.ui.work.BackgroundWork;

/**
 * The Export menu's items for the run selected in the run list, once it has finished or been stopped (decision
 * 0038), each written off the FX thread:
 *
 * <ul>
 * <li>Save Run Folder...: saved as {@code train --out} saves one, its trained network (network.json, state.json,
 * state.bin) and what it was trained with (settings.json), in a new folder named after the run inside the folder
 * chosen; {@code export-pytorch} then exports it with its weights, or as a training script.
 * <li>Export Run as PyTorch...: its network with its trained weights as one PyTorch file, as {@code export-pytorch
 * RUN_DIR} writes it.
 * </ul>
 */
final class RunExports {
    static final String SAVED = Texts.get("runFolder.saved");
    static final String FAILED = Texts.get("runFolder.failed");
    static final String FAILED_DETAIL = Texts.get("runFolder.failed.detail");
    static final String FAILED_PYTORCH = Texts.get("runFolder.pytorch.failed");
    /** The menu item's text while no run can be saved: why it is off. */
    static final String SELECT_A_RUN = Texts.get("runFolder.select");
    static final String PYTORCH_EXPORTED = Texts.get("runFolder.pytorch.exported");
    /** Export Run as PyTorch's text while no run can be exported. */
    static final String SELECT_A_RUN_PYTORCH = Texts.get("runFolder.pytorch.select");

    private final Stage stage;
    private final FileDialogs files;
    private final Supplier<Path> folder;
    private final TrainingController training;
    private final RunsTable runs;
    private final BackgroundWork work;
    private final Consumer<String> tell;

    /** @param folder where the folder dialog opens (null: its own choice) */
    RunExports(Stage stage, FileDialogs files, Supplier<Path> folder, TrainingController training, RunsTable runs,
            BackgroundWork work, Consumer<String> tell) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.files = Objects.requireNonNull(files, "files");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.training = Objects.requireNonNull(training, "training");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.work = Objects.requireNonNull(work, "work");
        this.tell = Objects.requireNonNull(tell, "tell");
    }

    /** Asks for a folder and saves the selected run into a new folder inside it; says so on the status line. */
    void save() {
        RunRecord run = runs.getSelectionModel().getSelectedItem();
        Optional<NetworkState> state = run == null ? Optional.empty() : training.trainedState(run);
        Optional<TrainingSetup> setup = run == null ? Optional.empty() : training.setup(run);
        if (state.isEmpty() || setup.isEmpty()) {
            tell.accept(SELECT_A_RUN);
            return;
        }
        Optional<Path> parent = files.chooseFolder(stage, folder.get());
        if (parent.isEmpty()) {
            return;
        }
        String label = run.label();
        Task<Path> write = new Task<>() {
            @Override
            protected Path call() throws IOException {
                // the run's name is the user's text: one safe segment, and a new folder, never an existing one
                Path target = unused(parent.get(), FileNames.segment(label));
                Files.createDirectories(target);
                TrainedNetworkFiles.write(state.get(), target);
                TrainingSetup s = setup.get();
                RunSettingsFiles.write(new RunSettingsFiles.RunSettings(s.dataset(), s.datasetOptions().withDataDir(null),
                        s.datasetOptions().dataDir() != null, s.settings()), target);
                return target;
            }
        };
        write.setOnSucceeded(e -> tell.accept(String.format(SAVED, label, write.getValue())));
        write.setOnFailed(e -> ErrorDialog.show(stage, FAILED, String.format(FAILED_DETAIL, parent.get(),
                write.getException().getMessage())));
        work.start("run-folder", write);
    }

    /** Asks for a file and writes the selected run's network with its trained weights as a PyTorch module. */
    void exportPyTorch() {
        RunRecord run = runs.getSelectionModel().getSelectedItem();
        Optional<NetworkState> state = run == null ? Optional.empty() : training.trainedState(run);
        if (state.isEmpty()) {
            tell.accept(SELECT_A_RUN_PYTORCH);
            return;
        }
        Optional<Path> target = files.savePython(stage, folder.get(), ExportActions.moduleFile(run.label()));
        if (target.isEmpty()) {
            return;
        }
        String label = run.label();
        Task<Void> write = new Task<>() {
            @Override
            protected Void call() throws IOException {
                AtomicFiles.writeText(PyTorchExport.code(state.get().network(), state.get().trainedValues()),
                        target.get());
                return null;
            }
        };
        write.setOnSucceeded(e -> tell.accept(String.format(PYTORCH_EXPORTED, label, target.get().getFileName())));
        write.setOnFailed(e -> ErrorDialog.show(stage, FAILED_PYTORCH, String.format(ExportActions.FAILED_DETAIL,
                target.get(), write.getException().getMessage())));
        work.start("run-pytorch", write);
    }

    /** {@code name} in {@code parent}, or with " 2", " 3"... after it where that exists. */
    private static Path unused(Path parent, String name) {
        Path target = parent.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = parent.resolve(name + " " + n);
        }
        return target;
    }

    /** Binds both items, each off (its text saying why) while the selected run cannot be exported that way. */
    void bindTo(Commands commands) {
        BooleanBinding noFolder = unavailable(true);
        commands.bind(Action.SAVE_RUN_FOLDER, this::save, noFolder)
                .text(Action.SAVE_RUN_FOLDER, text(noFolder, Action.SAVE_RUN_FOLDER, SELECT_A_RUN));
        BooleanBinding noModule = unavailable(false);
        commands.bind(Action.EXPORT_RUN_PYTORCH, this::exportPyTorch, noModule)
                .text(Action.EXPORT_RUN_PYTORCH, text(noModule, Action.EXPORT_RUN_PYTORCH, SELECT_A_RUN_PYTORCH));
    }

    /**
     * True while the selected run, if any, has no trained network (running, diverged, an experiment's) or, where
     * {@code settings} are needed, no session settings.
     */
    private BooleanBinding unavailable(boolean settings) {
        return Bindings.createBooleanBinding(() -> {
            RunRecord run = runs.getSelectionModel().getSelectedItem();
            return run == null || training.trainedState(run).isEmpty() || settings && training.setup(run).isEmpty();
        }, runs.getSelectionModel().selectedItemProperty(), training.runs(), training.activeProperty());
    }

    /** A menu item's text: its name, or why it is off. */
    private static StringBinding text(BooleanBinding unavailable, Action action, String why) {
        return Bindings.when(unavailable).then(why).otherwise(action.text());
    }
}

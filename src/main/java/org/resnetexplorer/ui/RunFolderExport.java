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
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.dialogs.ErrorDialog;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;
import org.resnetexplorer.ui.training.TrainingController;
import org.resnetexplorer.ui.training.TrainingSetup;
import org.resnetexplorer.ui.work.BackgroundWork;

/**
 * Export > Save Run Folder... (decision 0038): the run selected in the run list, once it has finished or been
 * stopped, saved as {@code train --out} saves one: its trained network (network.json, state.json, state.bin) and
 * what it was trained with (settings.json), in a new folder named after the run inside the folder chosen, written
 * off the FX thread. {@code export-pytorch} then exports it with its weights, or as a training script.
 */
final class RunFolderExport {
    static final String SAVED = Texts.get("runFolder.saved");
    static final String FAILED = Texts.get("runFolder.failed");
    static final String FAILED_DETAIL = Texts.get("runFolder.failed.detail");
    /** The menu item's text while no run can be saved: why it is off. */
    static final String SELECT_A_RUN = Texts.get("runFolder.select");

    private final Stage stage;
    private final FileDialogs files;
    private final Supplier<Path> folder;
    private final TrainingController training;
    private final RunsTable runs;
    private final BackgroundWork work;
    private final Consumer<String> tell;

    /** @param folder where the folder dialog opens (null: its own choice) */
    RunFolderExport(Stage stage, FileDialogs files, Supplier<Path> folder, TrainingController training, RunsTable runs,
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

    /** {@code name} in {@code parent}, or with " 2", " 3"... after it where that exists. */
    private static Path unused(Path parent, String name) {
        Path target = parent.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = parent.resolve(name + " " + n);
        }
        return target;
    }

    /** Binds Save Run Folder... to {@link #save}, off (its text saying why) while no run can be saved. */
    void bindTo(Commands commands) {
        BooleanBinding off = unavailable();
        commands.bind(Action.SAVE_RUN_FOLDER, this::save, off).text(Action.SAVE_RUN_FOLDER, text(off));
    }

    /** True while the selected run, if any, has no trained network to save (running, diverged, an experiment's). */
    private BooleanBinding unavailable() {
        return Bindings.createBooleanBinding(() -> {
            RunRecord run = runs.getSelectionModel().getSelectedItem();
            return run == null || training.trainedState(run).isEmpty() || training.setup(run).isEmpty();
        }, runs.getSelectionModel().selectedItemProperty(), training.runs(), training.activeProperty());
    }

    /** The menu item's text: its name, or why it is off. */
    private static StringBinding text(BooleanBinding unavailable) {
        return Bindings.when(unavailable).then(SELECT_A_RUN).otherwise(Action.SAVE_RUN_FOLDER.text());
    }
}

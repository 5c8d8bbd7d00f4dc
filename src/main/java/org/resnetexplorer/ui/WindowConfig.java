package org.resnetexplorer.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.util.Duration;
import org.resnetexplorer.ui.appearance.Languages;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.dialogs.FxFileDialogs;
import org.resnetexplorer.ui.work.BackgroundWork;

/**
 * Where the main window keeps what outlives it, and how it asks for files: tests hand it an in-memory
 * preferences node, a temporary recovery folder and scripted file dialogs, so they never touch the home folder.
 *
 * @param preferences    window size, theme, recent files, last training settings
 * @param recoveryFolder where the autosaved graph goes (see decision 0009)
 * @param autosaveDelay  how long after an edit the recovery file is written
 * @param files          the open and save dialogs
 * @param work           how work runs off the FX thread (decision 0014)
 */
record WindowConfig(Preferences preferences, Path recoveryFolder, Duration autosaveDelay, FileDialogs files,
        BackgroundWork work) {
    /** The app's folder: {@code -Dresnetexplorer.home}, else {@code ~/.resnet-explorer}. */
    static final String HOME_PROPERTY = "resnetexplorer.home";
    /** The preferences node path: {@code -Dresnetexplorer.prefs}; {@code memory} keeps them in memory only. */
    static final String PREFS_PROPERTY = "resnetexplorer.prefs";
    static final String DEFAULT_PREFS_NODE = "/org/resnetexplorer/app";
    static final Duration DEFAULT_AUTOSAVE_DELAY = Duration.seconds(3);

    WindowConfig {
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(recoveryFolder, "recoveryFolder");
        Objects.requireNonNull(autosaveDelay, "autosaveDelay");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(work, "work");
    }

    /** Settings whose work runs on background threads ({@link BackgroundWork#threads()}). */
    WindowConfig(Preferences preferences, Path recoveryFolder, Duration autosaveDelay, FileDialogs files) {
        this(preferences, recoveryFolder, autosaveDelay, files, BackgroundWork.threads());
    }

    /** The app's settings: from the system properties above, or their defaults; applies the saved language. */
    static WindowConfig fromSystemProperties() {
        String home = System.getProperty(HOME_PROPERTY);
        Path folder = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".resnet-explorer");
        String node = System.getProperty(PREFS_PROPERTY, DEFAULT_PREFS_NODE);
        Preferences preferences = "memory".equals(node) ? new MemoryPreferences() : Preferences.userRoot().node(node);
        // before any class holding texts loads (the file dialogs below are the first)
        Languages.apply(preferences);
        return new WindowConfig(preferences, folder.resolve("recovery"), DEFAULT_AUTOSAVE_DELAY, new FxFileDialogs());
    }

    WindowConfig withFiles(FileDialogs value) {
        return new WindowConfig(preferences, recoveryFolder, autosaveDelay, value, work);
    }
}

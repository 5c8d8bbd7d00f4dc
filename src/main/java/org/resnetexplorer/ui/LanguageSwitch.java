package org.resnetexplorer.ui;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Stage;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.appearance.Languages;
import org.resnetexplorer.ui.document.DocumentActions;

/**
 * View > Language: the system default, English or 中文, saved for the next start (decision 0012). Texts are fixed
 * when they load, so a new language needs a restart: Restart Now hands the graph over, saved or not, starts the app
 * again and closes this window; Later keeps it. Where the command that started the app is not known, it asks the
 * user to restart by hand instead of offering a restart that would fail.
 */
final class LanguageSwitch {
    static final String MENU = Texts.get("main.menu.language");
    static final String SYSTEM = Texts.get("main.language.system");
    // each language by its own name, whatever the current one
    static final String ENGLISH = Texts.get(Texts.Language.ENGLISH, "main.language.english");
    static final String CHINESE = Texts.get(Texts.Language.CHINESE, "main.language.chinese");
    static final String RESTART_TITLE = Texts.get("main.restart.title");
    static final String RESTART_HEADER = Texts.get("main.restart.header");
    static final String RESTART_DETAIL = Texts.get("main.restart.detail");
    static final String RESTART_NOW = Texts.get("main.restart.now");
    static final String RESTART_LATER = Texts.get("main.restart.later");
    static final String RESTART_FAILED = Texts.get("main.restart.failed");
    static final String RESTART_NO_COMMAND = Texts.get("main.restart.no.command");
    static final String RESTART_BY_HAND = Texts.get("main.restart.by.hand");

    /** Starts the app again (a new language); tests replace it. */
    interface Relauncher {
        void relaunch() throws IOException;

        /** Whether it knows how to start the app again; if not, the user is asked to restart by hand. */
        default boolean canRelaunch() {
            return true;
        }
    }

    private final Stage stage;
    private final Preferences prefs;
    private final DocumentActions documents;
    private final Runnable keepSettings;
    private final Runnable closeWindow;
    private final Consumer<String> tell;
    private Relauncher relauncher = new Relauncher() {
        @Override
        public void relaunch() throws IOException {
            new ProcessBuilder(Languages.relaunchCommand().orElseThrow(() -> new IOException(RESTART_NO_COMMAND)))
                    .inheritIO().start();
        }

        @Override
        public boolean canRelaunch() {
            return Languages.relaunchCommand().isPresent();
        }
    };

    /**
     * @param keepSettings writes the window's settings to {@code prefs} before the restart
     * @param closeWindow  ends this window once the next one is on its way
     */
    LanguageSwitch(Stage stage, Preferences prefs, DocumentActions documents, Runnable keepSettings,
            Runnable closeWindow, Consumer<String> tell) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.keepSettings = Objects.requireNonNull(keepSettings, "keepSettings");
        this.closeWindow = Objects.requireNonNull(closeWindow, "closeWindow");
        this.tell = Objects.requireNonNull(tell, "tell");
    }

    /** The Language menu: {@code #menu-language}, an item {@code #menu-language-CODE} per choice, the saved one ticked. */
    Menu menu() {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem system = new RadioMenuItem(SYSTEM);
        RadioMenuItem english = new RadioMenuItem(ENGLISH);
        RadioMenuItem chinese = new RadioMenuItem(CHINESE);
        Menu menu = new Menu(MENU, null, system, english, chinese);
        menu.setId("menu-language");
        String saved = Languages.saved(prefs);
        for (RadioMenuItem item : List.of(system, english, chinese)) {
            String code = item == system ? Languages.SYSTEM
                    : item == english ? Texts.Language.ENGLISH.code() : Texts.Language.CHINESE.code();
            item.setToggleGroup(group);
            item.setId("menu-language-" + code);
            item.setSelected(code.equals(saved));
            item.setOnAction(e -> choose(code));
        }
        return menu;
    }

    void setRelauncher(Relauncher value) {
        relauncher = Objects.requireNonNull(value, "relauncher");
    }

    private void choose(String code) {
        if (code.equals(Languages.saved(prefs))) {
            return;
        }
        prefs.put(Languages.KEY, code);
        if (!relauncher.canRelaunch()) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, RESTART_BY_HAND, ButtonType.OK);
            alert.initOwner(stage);
            alert.setTitle(RESTART_TITLE);
            alert.setHeaderText(RESTART_HEADER);
            alert.getDialogPane().setId("ask-restart-by-hand");
            alert.showAndWait();
            tell.accept(RESTART_BY_HAND);
            return;
        }
        ButtonType now = new ButtonType(RESTART_NOW, ButtonBar.ButtonData.YES);
        ButtonType later = new ButtonType(RESTART_LATER, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, RESTART_DETAIL, now, later);
        alert.initOwner(stage);
        alert.setTitle(RESTART_TITLE);
        alert.setHeaderText(RESTART_HEADER);
        alert.getDialogPane().setId("ask-restart");
        if (alert.showAndWait().orElse(later) == now) {
            restart();
        }
    }

    /** Replaces this process by a new one, in the chosen language, showing the same graph (saved or not). */
    private void restart() {
        try {
            documents.handOver();
            keepSettings.run();
            prefs.flush();
            relauncher.relaunch();
        } catch (IOException | BackingStoreException | RuntimeException e) {
            documents.handOverFailed();
            tell.accept(String.format(RESTART_FAILED, e.getMessage()));
            return;
        }
        closeWindow.run();
    }
}

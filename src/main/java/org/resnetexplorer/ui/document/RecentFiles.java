package org.resnetexplorer.ui.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.resnetexplorer.i18n.Texts;


/**
 * File > Open Recent: the last {@value #LIMIT} graph files opened or saved, newest first, and the folder of the
 * last one, where the file dialogs open. Both outlive the window in the preferences.
 */
public final class RecentFiles {
    static final int LIMIT = 8;
    static final String OPEN_RECENT = Texts.get("main.open.recent");
    static final String CLEAR_RECENT = Texts.get("main.clear.recent");
    static final String NO_RECENT = Texts.get("main.no.recent");
    private static final String KEY_RECENT = "recent";
    private static final String KEY_FOLDER = "folder";

    private final Preferences prefs;
    private final Menu menu = new Menu(OPEN_RECENT);
    private Consumer<Path> onOpen = file -> { };

    public RecentFiles(Preferences prefs) {
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        menu.setId("menu-recent");
        refresh();
    }

    /** The Open Recent menu: a file per item, then Clear Recent Files. */
    public Menu menu() {
        return menu;
    }

    /** What choosing a recent file does (ask about unsaved changes, then open it). */
    void setOnOpen(Consumer<Path> value) {
        onOpen = Objects.requireNonNull(value, "onOpen");
    }

    /** The recent files, newest first, as absolute paths. */
    List<Path> files() {
        String text = prefs.get(KEY_RECENT, "");
        return text.isEmpty() ? List.of() : text.lines().map(Path::of).toList();
    }

    /** {@code file} was opened or saved: it goes to the top, and its folder is where the dialogs open next. */
    void remember(Path file) {
        Path absolute = file.toAbsolutePath();
        List<Path> next = new ArrayList<>();
        next.add(absolute);
        files().stream().filter(p -> !p.equals(absolute)).limit(LIMIT - 1).forEach(next::add);
        prefs.put(KEY_RECENT, next.stream().map(Path::toString).collect(Collectors.joining("\n")));
        Path folder = absolute.getParent();
        if (folder != null) {
            prefs.put(KEY_FOLDER, folder.toString());
        }
        refresh();
    }

    /** {@code file} is gone: it leaves the list. */
    void forget(Path file) {
        prefs.put(KEY_RECENT, files().stream().filter(p -> !p.equals(file.toAbsolutePath())).map(Path::toString)
                .collect(Collectors.joining("\n")));
        refresh();
    }

    /** The folder of the last file opened or saved, where the file dialogs open; null before the first. */
    public Path lastFolder() {
        String folder = prefs.get(KEY_FOLDER, null);
        return folder != null ? Path.of(folder) : null;
    }

    private void refresh() {
        menu.getItems().clear();
        for (Path file : files()) {
            MenuItem item = new MenuItem(file.getFileName() + "  (" + file.getParent() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> onOpen.accept(file));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(NO_RECENT);
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem(CLEAR_RECENT);
            clear.setOnAction(e -> {
                prefs.remove(KEY_RECENT);
                refresh();
            });
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }
}

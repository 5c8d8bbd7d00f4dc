package org.resnetexplorer.ui;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.resnetexplorer.i18n.Texts;

/**
 * The menu bar: File, Edit, Graph, View, Training, Experiments, Export, Help, each item made from its
 * {@link Action} by {@link Commands}. The editor handles its own keys (Delete, Ctrl+A/C/X/V) when it has the
 * focus; the Edit menu names them.
 */
final class MainMenu {
    static final String FILE = Texts.get("main.menu.file");
    static final String EDIT = Texts.get("main.menu.edit");
    static final String GRAPH = Texts.get("main.menu.graph");
    static final String VIEW = Texts.get("main.menu.view");
    static final String TRAIN = Texts.get("main.menu.train");
    static final String EXPORT = Texts.get("main.menu.export");
    static final String HELP = Texts.get("main.menu.help");
    static final String ADD_BLOCK = Texts.get("main.add.block");

    private MainMenu() {
    }

    /**
     * The menu bar {@code #menu-bar}.
     *
     * @param recent      File > Open Recent
     * @param appearance  the View menu's own items (full screen, presentation, text size, theme)
     * @param language    View > Language
     * @param experiments the Experiments menu
     */
    static MenuBar of(Commands commands, Menu recent, List<MenuItem> appearance, Menu language, Menu experiments) {
        Menu file = new Menu(FILE, null, commands.menuItem(Action.NEW), commands.menuItem(Action.OPEN), recent,
                new SeparatorMenuItem(), commands.menuItem(Action.SAVE), commands.menuItem(Action.SAVE_AS),
                new SeparatorMenuItem(), commands.menuItem(Action.QUIT));
        Menu edit = new Menu(EDIT, null, items(commands, Action.UNDO, Action.REDO));
        edit.getItems().add(new SeparatorMenuItem());
        edit.getItems().addAll(items(commands, Action.CUT, Action.COPY, Action.PASTE, Action.DELETE, Action.SELECT_ALL));
        edit.getItems().addAll(new SeparatorMenuItem(), commands.menuItem(Action.TEMPLATES));
        Menu addBlock = new Menu(ADD_BLOCK, null, items(commands, Action.ADD_BASIC, Action.ADD_BOTTLENECK,
                Action.ADD_PREACT));
        addBlock.setId("menu-add-block");
        Menu graph = new Menu(GRAPH, null, addBlock);
        graph.getItems().addAll(items(commands, Action.WRAP, Action.TOGGLE_SHORTCUT, Action.STACK));
        graph.getItems().add(new SeparatorMenuItem());
        graph.getItems().addAll(items(commands, Action.COLLAPSE_ALL, Action.EXPAND_ALL, Action.AUTO_LAYOUT));
        Menu view = new Menu(VIEW, null, items(commands, Action.FIT, Action.ZOOM_IN, Action.ZOOM_OUT, Action.ACTUAL_SIZE,
                Action.ZOOM_SELECTION));
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().addAll(items(commands, Action.LEFT_PANE, Action.RIGHT_PANE, Action.MAXIMISE_CHARTS,
                Action.CHARTS_ONLY));
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().addAll(appearance);
        // Language just above Theme, the last: a pointer going from Theme to its submenu crosses no other submenu
        view.getItems().add(view.getItems().size() - 1, language);
        Menu train = new Menu(TRAIN, null, items(commands, Action.RUN, Action.PAUSE, Action.STOP, Action.STEP));
        train.getItems().addAll(new SeparatorMenuItem(), commands.menuItem(Action.CONTINUE_TRAINING),
                commands.menuItem(Action.CLEAR_RUNS));
        Menu exports = new Menu(EXPORT, null, items(commands, Action.EXPORT_CHART, Action.EXPORT_CHART_2X,
                Action.EXPORT_ALL, Action.EXPORT_CSV));
        exports.getItems().add(new SeparatorMenuItem());
        exports.getItems().addAll(items(commands, Action.EXPORT_GRAPH, Action.EXPORT_PYTORCH, Action.EXPORT_RUN_PYTORCH,
                Action.SAVE_RUN_FOLDER));
        exports.setId("menu-export-menu");
        Menu help = new Menu(HELP, null, items(commands, Action.SHORTCUTS, Action.ABOUT));
        MenuBar bar = new MenuBar(file, edit, graph, view, train, experiments, exports, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem[] items(Commands commands, Action... actions) {
        MenuItem[] items = new MenuItem[actions.length];
        for (int i = 0; i < actions.length; i++) {
            items[i] = commands.menuItem(actions[i]);
        }
        return items;
    }
}

package org.resnetexplorer.ui;

import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.resnetexplorer.i18n.Texts;

/**
 * Everything the user can do from the menus and the toolbar: its id (menu item {@code menu-ID}, toolbar button
 * {@code ID-button}), its text, its icon and its keys. The keyboard shortcuts dialog lists the actions with keys in
 * this order. What an action does is bound by {@link Commands}.
 */
enum Action {
    NEW("new", "main.new", MaterialDesignF.FILE_PLUS_OUTLINE, shortcut(KeyCode.N)),
    OPEN("open", "main.open", MaterialDesignF.FOLDER_OPEN_OUTLINE, shortcut(KeyCode.O)),
    SAVE("save", "main.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, shortcut(KeyCode.S)),
    SAVE_AS("save-as", "main.save.as", MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE, shortcutShift(KeyCode.S)),
    EXPORT_GRAPH("export", "main.export", MaterialDesignE.EXPORT_VARIANT, null),
    UNDO("undo", "main.undo", MaterialDesignU.UNDO, shortcut(KeyCode.Z)),
    /** Also Ctrl+Shift+Z ({@link #alternative()}). */
    REDO("redo", "main.redo", MaterialDesignR.REDO, shortcut(KeyCode.Y)),
    TEMPLATES("templates", "main.templates", MaterialDesignV.VIEW_GRID_PLUS_OUTLINE, shortcut(KeyCode.T)),
    RUN("run", "main.run", MaterialDesignP.PLAY, new KeyCodeCombination(KeyCode.F5)),
    PAUSE("pause", "main.pause", MaterialDesignP.PAUSE, new KeyCodeCombination(KeyCode.F6)),
    STOP("stop", "main.stop", MaterialDesignS.STOP, new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN)),
    STEP("step", "main.step", MaterialDesignS.STEP_FORWARD, new KeyCodeCombination(KeyCode.F10)),
    /** Removes every ended run from the run list and the charts (running ones stay). */
    CLEAR_RUNS("clear-runs", "main.clear.runs", null, null),
    /** Opens the selected (or latest) ended run's trained network to edit and train on from its weights. */
    CONTINUE_TRAINING("continue-training", "main.continue.training", null, null),
    FIT("fit", "main.fit", MaterialDesignF.FIT_TO_PAGE_OUTLINE, shortcut(KeyCode.DIGIT0)),
    /** Also Ctrl and the keypad's + ({@link #alternative()}). */
    ZOOM_IN("zoom-in", "main.zoom.in", MaterialDesignM.MAGNIFY_PLUS_OUTLINE,
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY)),
    /** Also Ctrl and the keypad's - ({@link #alternative()}). */
    ZOOM_OUT("zoom-out", "main.zoom.out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, shortcut(KeyCode.MINUS)),
    ACTUAL_SIZE("actual-size", "main.actual.size", MaterialDesignM.MAGNIFY, shortcut(KeyCode.DIGIT1)),
    ZOOM_SELECTION("zoom-selection", "main.zoom.selection", MaterialDesignM.MAGNIFY_SCAN, shortcut(KeyCode.DIGIT2)),
    LEFT_PANE("left-pane", "main.left.pane", MaterialDesignD.DOCK_LEFT, shortcutShift(KeyCode.DIGIT1)),
    RIGHT_PANE("right-pane", "main.right.pane", MaterialDesignD.DOCK_RIGHT, shortcutShift(KeyCode.DIGIT2)),
    /** Also a double-click on a chart's tab; Esc restores. */
    MAXIMISE_CHARTS("maximise-charts", "main.maximise.charts", MaterialDesignA.ARROW_EXPAND_ALL,
            shortcutShift(KeyCode.M)),
    CHARTS_ONLY("charts-only", "main.charts.only", MaterialDesignC.CHART_BOX_OUTLINE, shortcutShift(KeyCode.F)),
    EXPORT_CHART("export-chart", "main.export.chart", MaterialDesignC.CHART_LINE, shortcut(KeyCode.E)),
    EXPORT_CHART_2X("export-chart-2x", "main.export.chart.2x", MaterialDesignC.CHART_LINE, shortcutShift(KeyCode.E)),
    EXPORT_ALL("export-all", "main.export.all", MaterialDesignF.FOLDER_IMAGE, null),
    EXPORT_CSV("export-csv", "main.export.csv", MaterialDesignF.FILE_DELIMITED_OUTLINE, null),
    EXPORT_PYTORCH("export-pytorch", "main.export.pytorch", MaterialDesignL.LANGUAGE_PYTHON, null),
    /** The selected finished run's trained network and settings as a run folder ({@link RunExports}). */
    SAVE_RUN_FOLDER("save-run-folder", "main.save.run.folder", MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE, null),
    /** The selected finished run's network with its trained weights as PyTorch code ({@link RunExports}). */
    EXPORT_RUN_PYTORCH("export-run-pytorch", "main.export.run.pytorch", MaterialDesignL.LANGUAGE_PYTHON, null),
    CUT("cut", "main.cut", MaterialDesignC.CONTENT_CUT, null, shortcut(KeyCode.X)),
    COPY("copy", "main.copy", MaterialDesignC.CONTENT_COPY, null, shortcut(KeyCode.C)),
    PASTE("paste", "main.paste", MaterialDesignC.CONTENT_PASTE, null, shortcut(KeyCode.V)),
    DELETE("delete", "main.delete", MaterialDesignD.DELETE_OUTLINE, null, new KeyCodeCombination(KeyCode.DELETE)),
    SELECT_ALL("select-all", "main.select.all", MaterialDesignS.SELECT_ALL, null, shortcut(KeyCode.A)),
    ADD_BASIC("add-basic", "main.basic.block", MaterialDesignP.PLUS_BOX_OUTLINE, shortcut(KeyCode.B)),
    ADD_BOTTLENECK("add-bottleneck", "main.bottleneck.block", MaterialDesignP.PLUS_BOX_MULTIPLE_OUTLINE, null),
    ADD_PREACT("add-preact", "main.preact.block", MaterialDesignP.PLUS_BOX_OUTLINE, null),
    WRAP("wrap", "main.wrap", MaterialDesignS.SOURCE_BRANCH, shortcutShift(KeyCode.W)),
    TOGGLE_SHORTCUT("toggle-shortcut", "main.toggle.shortcut", MaterialDesignS.SWAP_VERTICAL, shortcut(KeyCode.K)),
    STACK("stack", "main.stack", MaterialDesignL.LAYERS_OUTLINE, null),
    COLLAPSE_ALL("collapse-all", "main.collapse.all", MaterialDesignA.ARROW_COLLAPSE_VERTICAL, null),
    EXPAND_ALL("expand-all", "main.expand.all", MaterialDesignA.ARROW_EXPAND_VERTICAL, null),
    AUTO_LAYOUT("auto-layout", "main.auto.layout", MaterialDesignA.AUTO_FIX, shortcutShift(KeyCode.L)),
    SHORTCUTS("shortcuts", "main.shortcuts", null, new KeyCodeCombination(KeyCode.F1)),
    QUIT("quit", "main.quit", null, shortcut(KeyCode.Q)),
    ABOUT("about", "main.about", null, null);

    private final String id;
    private final String textKey;
    private final Ikon icon;
    private final KeyCombination accelerator;
    private final KeyCombination editorKey;

    Action(String id, String textKey, Ikon icon, KeyCombination accelerator) {
        this(id, textKey, icon, accelerator, null);
    }

    Action(String id, String textKey, Ikon icon, KeyCombination accelerator, KeyCombination editorKey) {
        this.id = id;
        this.textKey = textKey;
        this.icon = icon;
        this.accelerator = accelerator;
        this.editorKey = editorKey;
    }

    /** "save-as": the menu item is {@code #menu-save-as}, the toolbar button {@code #save-as-button}. */
    String id() {
        return id;
    }

    /** The action's name in the menu, in the app's language ("Save As..."). */
    String text() {
        return Texts.get(textKey);
    }

    /** The icon of its menu item and toolbar button; empty for the Help and Quit items, which show none. */
    Optional<Ikon> icon() {
        return Optional.ofNullable(icon);
    }

    /** The keys that do it anywhere in the window (the menu item's accelerator), if any. */
    Optional<KeyCombination> accelerator() {
        return Optional.ofNullable(accelerator);
    }

    /**
     * The keys that do it while the graph editor has the focus (it handles them itself, so that a text field keeps
     * its own Ctrl+C); the menu only names them.
     */
    Optional<KeyCombination> editorKey() {
        return Optional.ofNullable(editorKey);
    }

    /** A second accelerator: Ctrl+Shift+Z for Redo, the keypad's + and - with Ctrl for Zoom In and Out. */
    Optional<KeyCombination> alternative() {
        return switch (this) {
            case REDO -> Optional.of(shortcutShift(KeyCode.Z));
            case ZOOM_IN -> Optional.of(shortcut(KeyCode.ADD));
            case ZOOM_OUT -> Optional.of(shortcut(KeyCode.SUBTRACT));
            default -> Optional.empty();
        };
    }

    /** The keys as the tooltip and the shortcuts dialog show them: "Ctrl+Y, Ctrl+Shift+Z"; empty without keys. */
    String keysText() {
        return accelerator().map(key -> key.getDisplayText() + alternative().map(k -> ", " + k.getDisplayText())
                .orElse("")).orElse("");
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}

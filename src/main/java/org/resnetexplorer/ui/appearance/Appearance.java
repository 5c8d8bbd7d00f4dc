package org.resnetexplorer.ui.appearance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.editor.GraphView;


/**
 * How the window looks: its theme (light, dark, high contrast), its text size, full screen, and presentation
 * mode, which switches on a second set of these for a projector (by default high contrast, extra large text,
 * thick chart lines, full screen) and restores the first when it ends (decision 0011). It owns the View menu's
 * items for them, dresses the scene, the dialogs the window opens, the graph editor and the charts, and keeps
 * the choices in the preferences.
 */
public final class Appearance {
    public static final String THEME = Texts.get("appearance.theme");
    static final String LIGHT = Texts.get("appearance.light");
    public static final String DARK = Texts.get("appearance.dark");
    static final String HIGH_CONTRAST = Texts.get("appearance.high.contrast");
    static final String TEXT_SIZE = Texts.get("appearance.text.size");
    static final String NORMAL = Texts.get("appearance.normal");
    static final String LARGE = Texts.get("appearance.large");
    static final String EXTRA_LARGE = Texts.get("appearance.extra.large");
    static final String FULL_SCREEN = Texts.get("appearance.full.screen");
    public static final String PRESENTATION = Texts.get("appearance.presentation");
    /** Shown briefly on entering full screen (JavaFX's own hint is a long sentence across the middle). */
    public static final String FULL_SCREEN_HINT = Texts.get("appearance.full.screen.hint");

    static final KeyCombination FULL_SCREEN_KEY = new KeyCodeCombination(KeyCode.F11);
    static final KeyCombination PRESENTATION_KEY = new KeyCodeCombination(KeyCode.F12);
    /** Chart lines in presentation mode, times their usual width. */
    public static final double PRESENTATION_LINES = 2;

    static final String KEY_THEME = "theme";
    static final String KEY_TEXT_SIZE = "textSize";
    static final String KEY_PRESENTATION_THEME = "presentation.theme";
    static final String KEY_PRESENTATION_TEXT_SIZE = "presentation.textSize";

    /** A colour theme: its stylesheet added on top of explorer.css (none for light) and how charts paint in it. */
    public enum Theme {
        LIGHT("light", Appearance.LIGHT, null, ChartStyle.LIGHT),
        DARK("dark", Appearance.DARK, "explorer-dark.css", ChartStyle.DARK),
        HIGH_CONTRAST("high-contrast", Appearance.HIGH_CONTRAST, "explorer-high-contrast.css", ChartStyle.HIGH_CONTRAST);

        final String id;
        final String label;
        final String stylesheet;
        final ChartStyle charts;

        Theme(String id, String label, String stylesheet, ChartStyle charts) {
            this.id = id;
            this.label = label;
            this.stylesheet = stylesheet == null ? null
                    : Objects.requireNonNull(Appearance.class.getResource(stylesheet), stylesheet).toExternalForm();
            this.charts = charts;
        }

        /**
         * The theme kept as {@code value} in the preferences, or null; ids match regardless of case, so the
         * visible words kept before themes had ids ("Dark", "Light") still read.
         */
        static Theme of(String value) {
            for (Theme t : values()) {
                if (t.id.equalsIgnoreCase(value)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** How large the text is, times the system's default font size. */
    public enum TextSize {
        NORMAL("normal", Appearance.NORMAL, 1), LARGE("large", Appearance.LARGE, 1.25),
        EXTRA_LARGE("extra-large", Appearance.EXTRA_LARGE, 1.5);

        final String id;
        final String label;
        final double scale;

        TextSize(String id, String label, double scale) {
            this.id = id;
            this.label = label;
            this.scale = scale;
        }

        static TextSize of(String value) {
            for (TextSize t : values()) {
                if (t.id.equalsIgnoreCase(value)) {
                    return t;
                }
            }
            return null;
        }
    }

    private final Stage stage;
    private final Preferences prefs;
    private final ChartsPane charts;
    private final GraphView graph;
    private final double baseFontSize = Font.getDefault().getSize();
    private Theme theme;
    private TextSize textSize;
    private Theme presentationTheme;
    private TextSize presentationTextSize;
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(false);
    private boolean fullScreenBefore;
    /** The stylesheets this class added to the scene (theme, font size), to take them off again. */
    private final List<String> added = new ArrayList<>();

    private final ToggleGroup themeGroup = new ToggleGroup();
    private final Map<Theme, RadioMenuItem> themeItems = new EnumMap<>(Theme.class);
    private final ToggleGroup sizeGroup = new ToggleGroup();
    private final Map<TextSize, RadioMenuItem> sizeItems = new EnumMap<>(TextSize.class);
    private final CheckMenuItem fullScreenItem = new CheckMenuItem(FULL_SCREEN);
    private final CheckMenuItem presentationItem = new CheckMenuItem(PRESENTATION);

    public Appearance(Stage stage, Preferences prefs, ChartsPane charts, GraphView graph) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.graph = Objects.requireNonNull(graph, "graph");
        theme = Objects.requireNonNullElse(Theme.of(prefs.get(KEY_THEME, "")), Theme.LIGHT);
        textSize = Objects.requireNonNullElse(TextSize.of(prefs.get(KEY_TEXT_SIZE, "")), TextSize.NORMAL);
        presentationTheme = Objects.requireNonNullElse(Theme.of(prefs.get(KEY_PRESENTATION_THEME, "")), Theme.HIGH_CONTRAST);
        presentationTextSize = Objects.requireNonNullElse(TextSize.of(prefs.get(KEY_PRESENTATION_TEXT_SIZE, "")),
                TextSize.EXTRA_LARGE);
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label);
            item.setId("menu-theme-" + t.id);
            item.setToggleGroup(themeGroup);
            item.setOnAction(e -> setTheme(t));
            themeItems.put(t, item);
        }
        for (TextSize t : TextSize.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label);
            item.setId("menu-text-" + t.id);
            item.setToggleGroup(sizeGroup);
            item.setOnAction(e -> setTextSize(t));
            sizeItems.put(t, item);
        }
        fullScreenItem.setId("menu-full-screen");
        fullScreenItem.setAccelerator(FULL_SCREEN_KEY);
        fullScreenItem.setOnAction(e -> toggleFullScreen());
        stage.fullScreenProperty().addListener((o, was, now) -> fullScreenItem.setSelected(now));
        presentationItem.setId("menu-presentation");
        presentationItem.setAccelerator(PRESENTATION_KEY);
        presentationItem.setOnAction(e -> setPresentation(presentationItem.isSelected()));
        stage.setFullScreenExitHint(FULL_SCREEN_HINT);
        // dialogs the window opens (alerts, templates) wear its theme and text size
        ListChangeListener<Window> dialogs = change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (ownedByStage(w)) {
                        dress(w.getScene());
                    }
                }
            }
        };
        Window.getWindows().addListener(dialogs);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Window.getWindows().removeListener(dialogs));
        apply();
    }

    /**
     * The View menu's items: Full Screen and Presentation Mode, then Text Size and Theme. Theme comes last, as
     * before: the pointer going from it to its submenu crosses no other submenu's item.
     */
    public List<MenuItem> menuItems() {
        Menu themes = new Menu(THEME, null, themeItems.values().toArray(MenuItem[]::new));
        themes.setId("menu-theme");
        Menu sizes = new Menu(TEXT_SIZE, null, sizeItems.values().toArray(MenuItem[]::new));
        sizes.setId("menu-text-size");
        return List.of(fullScreenItem, presentationItem, new SeparatorMenuItem(), sizes, themes);
    }

    /** Keys and what they do, for the keyboard shortcuts dialog. */
    public static List<String[]> shortcuts() {
        return List.of(new String[] {FULL_SCREEN_KEY.getDisplayText(), FULL_SCREEN},
                new String[] {PRESENTATION_KEY.getDisplayText(), PRESENTATION});
    }

    /** Chooses the theme: the presentation's while presentation mode is on, else the window's; remembered. */
    public void setTheme(Theme value) {
        if (presentation.get()) {
            presentationTheme = Objects.requireNonNull(value);
            prefs.put(KEY_PRESENTATION_THEME, value.id);
        } else {
            theme = Objects.requireNonNull(value);
            prefs.put(KEY_THEME, value.id);
        }
        apply();
    }

    /** Chooses the text size: the presentation's while presentation mode is on, else the window's; remembered. */
    void setTextSize(TextSize value) {
        if (presentation.get()) {
            presentationTextSize = Objects.requireNonNull(value);
            prefs.put(KEY_PRESENTATION_TEXT_SIZE, value.id);
        } else {
            textSize = Objects.requireNonNull(value);
            prefs.put(KEY_TEXT_SIZE, value.id);
        }
        apply();
    }

    /**
     * Switches presentation mode on (the presentation's theme and text size, thick chart lines, full screen) or
     * off (the window's theme and text size back, and full screen as it was before).
     */
    public void setPresentation(boolean on) {
        if (on == presentation.get()) {
            presentationItem.setSelected(on);
            return;
        }
        if (on) {
            fullScreenBefore = stage.isFullScreen();
        }
        presentation.set(on);
        apply();
        stage.setFullScreen(on || fullScreenBefore);
    }

    void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    public ReadOnlyBooleanProperty presentationProperty() {
        return presentation.getReadOnlyProperty();
    }

    /** The theme showing now. */
    Theme theme() {
        return presentation.get() ? presentationTheme : theme;
    }

    /** The text size showing now. */
    public TextSize textSize() {
        return presentation.get() ? presentationTextSize : textSize;
    }

    /** The root font size now, in pixels. */
    public double fontSize() {
        return baseFontSize * textSize().scale;
    }

    /** The chart style now: the theme's colours, the text size, and thick lines in presentation mode. */
    ChartStyle chartStyle() {
        return theme().charts.scaled(textSize().scale, presentation.get() ? PRESENTATION_LINES : 1);
    }

    /** Dresses the window's scene (call once it has one) and every open dialog of it. */
    public void apply() {
        Theme shown = theme();
        TextSize size = textSize();
        themeItems.get(shown).setSelected(true);
        sizeItems.get(size).setSelected(true);
        presentationItem.setSelected(presentation.get());
        fullScreenItem.setSelected(stage.isFullScreen());
        List<String> next = new ArrayList<>();
        if (shown.stylesheet != null) {
            next.add(shown.stylesheet);
        }
        if (size != TextSize.NORMAL) {
            next.add(fontStylesheet(fontSize(), size.scale));
        }
        List<String> old = List.copyOf(added);
        added.clear();
        added.addAll(next);
        if (stage.getScene() != null) {
            restyle(stage.getScene(), old);
            stage.getScene().getRoot().getStyleClass().removeIf(c -> c.startsWith("theme-"));
            stage.getScene().getRoot().getStyleClass().add("theme-" + shown.id);
            // the menu bar's titles keep a removed stylesheet's font size (JavaFX restyles them only when a font
            // size applies, not when it goes away): they are told the size each time
            for (javafx.scene.Node bar : stage.getScene().getRoot().lookupAll(".menu-bar")) {
                bar.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize()));
            }
        }
        for (Window w : Window.getWindows()) {
            if (ownedByStage(w)) {
                restyle(w.getScene(), old);
            }
        }
        graph.setTextScale(size.scale);
        charts.setChartStyle(chartStyle());
    }

    private void dress(Scene scene) {
        restyle(scene, List.of());
    }

    private void restyle(Scene scene, List<String> old) {
        if (scene == null) {
            return;
        }
        scene.getStylesheets().removeAll(old);
        scene.getStylesheets().removeAll(added);
        scene.getStylesheets().addAll(added);
    }

    private boolean ownedByStage(Window w) {
        return w instanceof Stage s && s != stage && s.getOwner() == stage;
    }

    /**
     * A stylesheet that sets the root font size (every control, table, menu and chart label follows it) and
     * the icons' sizes with it (Ikonli's icon size does not follow the font); the side panes widen by part of
     * the scale, so that the graph and the charts keep most of the room.
     */
    static String fontStylesheet(double pixels, double scale) {
        String css = String.format(Locale.ROOT, ".root { -fx-font-size: %.1fpx; }%n"
                + ".root .tool-button .ikonli-font-icon, .root .layer-palette .layer-palette-icon { -fx-icon-size: %.0fpx; }%n"
                + ".root .menu-item .ikonli-font-icon { -fx-icon-size: %.0fpx; }%n"
                + "#left-pane { -fx-pref-width: %.0fpx; }%n#right-pane { -fx-pref-width: %.0fpx; }%n",
                pixels, 18 * scale, 16 * scale, 200 * (0.5 + 0.5 * scale), 340 * (0.7 + 0.3 * scale));
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}

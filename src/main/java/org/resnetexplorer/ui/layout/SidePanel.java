package org.resnetexplorer.ui.layout;

import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;

/**
 * A side panel of the window (the palette and templates on the left; the totals, properties and training on the
 * right). The user shows or hides it (the choice is kept in the preferences); it steps aside on its own when the
 * window becomes narrower than its threshold and comes back when the window is wide again; a view that gives the
 * charts the window hides it for a while. Its width follows the window's: at most a share of it.
 */
final class SidePanel {
    /** Narrowest a shown panel gets, in points: its contents scroll or cut off below that. */
    static final double MIN_WIDTH = 120;

    private final Region node;
    private final Preferences prefs;
    private final String key;
    private final double narrowBelow;
    /** Whether the user wants the panel (kept in the preferences). */
    private boolean wanted;
    /** Whether the window is narrower than the threshold, as of the last width seen. */
    private boolean narrow;
    /** Hidden since the window became narrow; shown again when it widens, unless the user chose since. */
    private boolean hiddenWhileNarrow;
    /** Hidden by a view that gives the charts the window (maximised, charts only). */
    private boolean hiddenByView;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(true);

    /**
     * @param node        the panel; its maximum width is bound to {@code share} of {@code windowWidth}
     * @param key         its preference, true while the user wants it shown
     * @param narrowBelow the window width, in points, below which it steps aside on its own
     */
    SidePanel(Region node, Preferences prefs, String key, double narrowBelow, double share,
            ObservableDoubleValue windowWidth) {
        this.node = Objects.requireNonNull(node, "node");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.key = Objects.requireNonNull(key, "key");
        this.narrowBelow = narrowBelow;
        wanted = prefs.getBoolean(key, true);
        node.setMinWidth(MIN_WIDTH);
        node.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(MIN_WIDTH, windowWidth.get() * share), windowWidth));
        windowWidth.addListener((o, was, now) -> widthChanged(now.doubleValue()));
        widthChanged(windowWidth.get());
    }

    /** Whether the panel shows now. */
    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Shows the panel if it is hidden, hides it if it shows; the choice is kept. */
    void toggle() {
        wanted = !shown.get();
        hiddenWhileNarrow = false;
        prefs.putBoolean(key, wanted);
        update();
    }

    /** Hides the panel while a view gives the charts the window ({@code true}), or lets it back ({@code false}). */
    void hideForView(boolean hide) {
        hiddenByView = hide;
        update();
    }

    private void widthChanged(double width) {
        if (width <= 0) {
            return; // not laid out yet
        }
        boolean now = width < narrowBelow;
        if (now != narrow) {
            narrow = now;
            hiddenWhileNarrow = now;
            update();
        }
    }

    private void update() {
        boolean show = wanted && !hiddenWhileNarrow && !hiddenByView;
        node.setVisible(show);
        node.setManaged(show);
        shown.set(show);
    }
}

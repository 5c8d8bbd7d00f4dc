package org.resnetexplorer.ui;

import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window was and how big, kept in the preferences for the next start: its position (only if it is
 * still on a screen), its scene's size in points, and whether it was maximised.
 */
final class WindowGeometry {
    /** The scene's size at the very first start, in points. */
    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 860;
    private static final String KEY_X = "x";
    private static final String KEY_Y = "y";
    private static final String KEY_WIDTH = "width";
    private static final String KEY_HEIGHT = "height";
    private static final String KEY_MAXIMIZED = "maximized";

    private final Stage stage;
    private final Preferences prefs;

    WindowGeometry(Stage stage, Preferences prefs) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
    }

    /** The scene's width, in points, as the window had it last. */
    double width() {
        return prefs.getDouble(KEY_WIDTH, DEFAULT_WIDTH);
    }

    /** The scene's height, in points, as the window had it last. */
    double height() {
        return prefs.getDouble(KEY_HEIGHT, DEFAULT_HEIGHT);
    }

    /** Puts the window where it was, if that is still on a screen, and maximises it if it was. */
    void restore() {
        double x = prefs.getDouble(KEY_X, Double.NaN);
        double y = prefs.getDouble(KEY_Y, Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean(KEY_MAXIMIZED, false));
    }

    /** Keeps where the window is and its size (not while full screen: the size before it is kept already). */
    void save() {
        if (stage.isFullScreen()) {
            return;
        }
        prefs.putBoolean(KEY_MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && stage.getScene() != null) {
            prefs.putDouble(KEY_X, stage.getX());
            prefs.putDouble(KEY_Y, stage.getY());
            prefs.putDouble(KEY_WIDTH, stage.getScene().getWidth());
            prefs.putDouble(KEY_HEIGHT, stage.getScene().getHeight());
        }
    }
}

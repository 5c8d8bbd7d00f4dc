package org.resnetexplorer.ui;

import java.util.List;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window was and how big, kept in the preferences for the next start: its position (only if it is
 * still on a screen), its scene's size in points, and whether it was maximised. The size never exceeds the
 * screen it opens on (its visual bounds, without task bars, less room for the window's frame): a window
 * remembered from a larger screen, or the first-start size on a 1280x720 projector, fits and is centred.
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
    /** Room left for the window's frame and title bar, in points, when the size is fitted to a screen. */
    static final double FRAME_WIDTH = 16;
    static final double FRAME_HEIGHT = 40;

    private final Stage stage;
    private final Preferences prefs;

    WindowGeometry(Stage stage, Preferences prefs) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
    }

    /** The scene's width, in points, as the window had it last, at most the screen's. */
    double width() {
        return Math.min(prefs.getDouble(KEY_WIDTH, DEFAULT_WIDTH), screen().getWidth() - FRAME_WIDTH);
    }

    /** The scene's height, in points, as the window had it last, at most the screen's. */
    double height() {
        return Math.min(prefs.getDouble(KEY_HEIGHT, DEFAULT_HEIGHT), screen().getHeight() - FRAME_HEIGHT);
    }

    /**
     * Puts the window where it was if it still fits on a screen there, else centres it on the screen it opens on;
     * maximises it if it was.
     */
    void restore() {
        double x = prefs.getDouble(KEY_X, Double.NaN);
        double y = prefs.getDouble(KEY_Y, Double.NaN);
        Rectangle2D screen = screen();
        if (!Double.isNaN(x) && !Double.isNaN(y) && x >= screen.getMinX() && y >= screen.getMinY()
                && x + width() + FRAME_WIDTH <= screen.getMaxX() && y + height() + FRAME_HEIGHT <= screen.getMaxY()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.setX(screen.getMinX() + (screen.getWidth() - width() - FRAME_WIDTH) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height() - FRAME_HEIGHT) / 2);
        }
        stage.setMaximized(prefs.getBoolean(KEY_MAXIMIZED, false));
    }

    /** The visual bounds of the screen the window opens on: the one it was on last, else the primary screen. */
    Rectangle2D screen() {
        double x = prefs.getDouble(KEY_X, Double.NaN);
        double y = prefs.getDouble(KEY_Y, Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            List<Screen> there = Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100));
            if (!there.isEmpty()) {
                return there.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
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

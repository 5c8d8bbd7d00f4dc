package org.resnetexplorer.ui.layout;

import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Shares the window's room between its parts (decision 0019): the side panels left and right, the graph above,
 * the charts and the run list below. The side panels come and go ({@link SidePanel}); the charts keep a minimum
 * height and get most of a short window at first; and three views give the charts more:
 * <ul>
 * <li>{@link View#MAXIMISED}: the charts alone fill everything between the toolbar and the status bar (the
 * button in the charts' corner, a double-click on a chart's tab, or a key; Esc or the same again restores);</li>
 * <li>{@link View#CHARTS_ONLY}: the charts and the run list, without the graph and the side panels;</li>
 * <li>presentation mode shows the charts maximised, and gives back the view it found when it ends.</li>
 * </ul>
 * Going back to the normal view restores the dividers as they were.
 */
public final class WindowLayout {
    /** How the centre of the window is shared. */
    public enum View {
        /** Side panels, the graph above, the charts and the run list below. */
        NORMAL,
        /** The charts alone. */
        MAXIMISED,
        /** The charts and the run list. */
        CHARTS_ONLY
    }

    /** Below this window width, in points, the palette steps aside (the graph and the charts need it more). */
    public static final double LEFT_NARROW = 1100;
    /** Below this window width, in points, the right panel steps aside too. */
    public static final double RIGHT_NARROW = 760;
    /** The largest share of the window's width each side panel takes. */
    static final double LEFT_SHARE = 0.2;
    static final double RIGHT_SHARE = 0.3;
    /** The charts' minimum height, in points: the divider cannot squeeze them below it. */
    public static final double CHARTS_MIN_HEIGHT = 300;
    /** The graph's minimum height, in points. */
    static final double GRAPH_MIN_HEIGHT = 100;
    /**
     * The charts' height at first: this share of the centre's height, but at least {@link #CHARTS_FIRST_HEIGHT}
     * points (a 250-point plot under the tabs, the controls, the title, the axes and a two-row legend).
     */
    static final double CHARTS_SHARE = 0.5;
    static final double CHARTS_FIRST_HEIGHT = 470;
    /** The charts' share of the width beside the run list. */
    static final double CHARTS_WIDTH_SHARE = 0.68;
    static final String KEY_LEFT = "layout.left";
    static final String KEY_RIGHT = "layout.right";

    private final BorderPane root;
    /** The charts' tabs and the corner button; the maximised view shows it alone. */
    private final StackPane charts;
    /** The charts' place beside the run list while they are not maximised. */
    private final StackPane chartsSlot = new StackPane();
    /** The charts and the run list; the charts-only view shows it alone. */
    private final SplitPane below = new SplitPane();
    /** Its place under the graph in the normal view. */
    private final StackPane belowSlot = new StackPane();
    private final SplitPane centre = new SplitPane();
    private final SidePanel left;
    private final SidePanel right;
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>(View.NORMAL);
    private boolean placed;
    /** The view before presentation mode began, given back when it ends; null outside presentation mode. */
    private View beforePresentation;

    /**
     * Puts the parts into {@code root} (left, centre, right; the top and bottom stay the shell's). The views move
     * the charts, or the charts with the run list, out of their split panes and back, and never change the split
     * panes' items: their dividers stay where they were.
     */
    public WindowLayout(BorderPane root, Preferences prefs, Region leftPane, Node graph, Region chartsPane,
            Node runs, Region rightPane) {
        this.root = Objects.requireNonNull(root, "root");
        Objects.requireNonNull(prefs, "prefs");
        charts = new StackPane(Objects.requireNonNull(chartsPane, "chartsPane"));
        charts.setId("chart-area");
        charts.setMinHeight(CHARTS_MIN_HEIGHT);
        chartsSlot.getChildren().setAll(charts);
        if (graph instanceof Region region) {
            region.setMinHeight(GRAPH_MIN_HEIGHT);
        }
        below.getItems().setAll(chartsSlot, Objects.requireNonNull(runs, "runs"));
        below.setDividerPositions(CHARTS_WIDTH_SHARE);
        below.setId("charts-and-runs");
        belowSlot.getChildren().setAll(below);
        belowSlot.setMinHeight(CHARTS_MIN_HEIGHT);
        // when the window grows or shrinks, the graph takes or gives the difference: the charts keep their height
        SplitPane.setResizableWithParent(belowSlot, false);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().setAll(Objects.requireNonNull(graph, "graph"), belowSlot);
        centre.setId("centre");
        centre.heightProperty().addListener((o, was, now) -> placeDividerOnce(now.doubleValue()));
        left = new SidePanel(leftPane, prefs, KEY_LEFT, LEFT_NARROW, LEFT_SHARE, root.widthProperty());
        right = new SidePanel(rightPane, prefs, KEY_RIGHT, RIGHT_NARROW, RIGHT_SHARE, root.widthProperty());
        root.setLeft(leftPane);
        root.setCenter(centre);
        root.setRight(rightPane);
        // on the scene: the focused node may have left with the graph, and a key then goes to the scene alone
        EventHandler<KeyEvent> escape = e -> {
            if (e.getCode() == KeyCode.ESCAPE && view.get() != View.NORMAL) {
                show(View.NORMAL);
                e.consume();
            }
        };
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
        });
    }

    /** Puts {@code corner} (the maximise and restore button) in the charts' top-right corner, over the tabs' row. */
    public void setCorner(Node corner) {
        StackPane.setAlignment(Objects.requireNonNull(corner, "corner"), Pos.TOP_RIGHT);
        charts.getChildren().add(corner);
    }

    /** The view showing now. */
    public ReadOnlyObjectProperty<View> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** Whether the palette and templates show. */
    public ReadOnlyBooleanProperty leftShownProperty() {
        return left.shownProperty();
    }

    /** Whether the totals, properties and training settings show. */
    public ReadOnlyBooleanProperty rightShownProperty() {
        return right.shownProperty();
    }

    /** Shows or hides the palette and templates (back to the normal view first, if another shows). */
    public void toggleLeft() {
        show(View.NORMAL);
        left.toggle();
    }

    /** Shows or hides the totals, properties and training settings (back to the normal view first). */
    public void toggleRight() {
        show(View.NORMAL);
        right.toggle();
    }

    /** Maximises the charts, or restores the view from before if they are. */
    public void toggleMaximised() {
        show(view.get() == View.MAXIMISED ? View.NORMAL : View.MAXIMISED);
    }

    /** Shows the charts and the run list only, or the normal view if they show. */
    public void toggleChartsOnly() {
        show(view.get() == View.CHARTS_ONLY ? View.NORMAL : View.CHARTS_ONLY);
    }

    /** Presentation mode begins (the charts maximised) or ends (the view from before it comes back). */
    public void setPresentation(boolean on) {
        if (on && beforePresentation == null) {
            beforePresentation = view.get();
            show(View.MAXIMISED);
        } else if (!on && beforePresentation != null) {
            View back = beforePresentation;
            beforePresentation = null;
            show(back);
        }
    }

    /** Shows {@code next}: the charts alone, with the run list, or back in their places (the dividers as before). */
    public void show(View next) {
        if (next == view.get()) {
            return;
        }
        boolean normal = next == View.NORMAL;
        left.hideForView(!normal);
        right.hideForView(!normal);
        root.setCenter(null);
        chartsSlot.getChildren().clear();
        belowSlot.getChildren().clear();
        if (next != View.MAXIMISED) {
            chartsSlot.getChildren().setAll(charts);
        }
        if (normal) {
            belowSlot.getChildren().setAll(below);
        }
        root.setCenter(next == View.MAXIMISED ? charts : normal ? centre : below);
        view.set(next);
    }

    /**
     * At the first real height: the charts get {@link #CHARTS_SHARE} of it, at least {@link #CHARTS_FIRST_HEIGHT}
     * points (a short projector window gives the charts the room first), the graph the rest.
     */
    private void placeDividerOnce(double height) {
        if (placed || height <= 0 || view.get() != View.NORMAL) {
            return;
        }
        placed = true;
        double chartsHeight = Math.min(height - GRAPH_MIN_HEIGHT, Math.max(CHARTS_FIRST_HEIGHT, height * CHARTS_SHARE));
        centre.setDividerPositions(1 - chartsHeight / height);
    }
}

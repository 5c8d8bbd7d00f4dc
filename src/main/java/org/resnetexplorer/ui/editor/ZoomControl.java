package org.resnetexplorer.ui.editor;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.resnetexplorer.i18n.Texts;

/**
 * The zoom in the editor's corner: "-", the zoom as a percentage of the size at "100%" (click it for 100%), "+" and
 * Fit. The same commands have keys in the View menu; this shows where the zoom is and works with a mouse alone.
 */
final class ZoomControl extends HBox {
    static final String OUT_TIP = Texts.get("zoomControl.out.tip");
    static final String IN_TIP = Texts.get("zoomControl.in.tip");
    static final String LEVEL_TIP = Texts.get("zoomControl.level.tip");
    static final String FIT = Texts.get("zoomControl.fit");
    static final String FIT_TIP = Texts.get("zoomControl.fit.tip");

    /** Zooms about the middle of {@code view} and fits through it. */
    ZoomControl(GraphView view, Viewport viewport) {
        getStyleClass().add("graph-zoom");
        setId("graph-zoom");
        setAlignment(Pos.CENTER);
        Button out = button("\u2212", "zoom-out-button", OUT_TIP);
        out.setOnAction(e -> view.zoomOut());
        Button level = button("", "zoom-level-button", LEVEL_TIP);
        level.textProperty().bind(viewport.levelProperty().map(v -> Math.round(v.doubleValue() * 100) + "%"));
        level.setOnAction(e -> view.zoomToActualSize());
        Button in = button("+", "zoom-in-button", IN_TIP);
        in.setOnAction(e -> view.zoomIn());
        Button fit = button(FIT, "zoom-fit-button", FIT_TIP);
        fit.setOnAction(e -> view.fitToView());
        getChildren().addAll(out, level, in, fit);
    }

    private static Button button(String text, String id, String tip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }
}

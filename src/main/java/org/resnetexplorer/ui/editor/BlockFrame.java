package org.resnetexplorer.ui.editor;

import java.util.Collection;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.i18n.Texts;

/** The outline behind the layers of an expanded block, titled with its name; double-click the title to collapse. */
final class BlockFrame extends Region {
    /** The title of a block with its shortcut on: its name and kind. */
    private static final String TITLE = "%s · %s";
    private static final String TITLE_PLAIN = Texts.get("graphView.frame.plain");
    private static final String DOUBLE_CLICK_COLLAPSE = Texts.get("graphView.double.click.collapse");
    private static final double PAD = 8;
    private final Label title;

    /** The outline of {@code block}, teal when {@code residual} (its shortcut is on). */
    BlockFrame(Block block, boolean residual) {
        getStyleClass().addAll("graph-block-frame", residual ? "residual" : "plain");
        setMouseTransparent(true);
        setManaged(false);
        title = new Label(String.format(residual ? TITLE : TITLE_PLAIN, block.name(), block.kind().id()));
        title.getStyleClass().add("graph-block-frame-title");
        // outside the frame, left of its top: the canvas left of the main column is empty
        title.layoutXProperty().bind(layoutXProperty().subtract(title.widthProperty()).subtract(6));
        title.layoutYProperty().bind(layoutYProperty().add(4));
        title.setId("frame-" + block.name());
        LazyTooltip.install(title, () -> DOUBLE_CLICK_COLLAPSE);
    }

    /** The frame's title, which takes double-clicks (the rest of the frame lets clicks through to the canvas). */
    Label title() {
        return title;
    }

    /** Fits the frame around boxes at these top-left corners. */
    void fit(Collection<Point> corners) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point p : corners) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + ItemSkin.WIDTH);
            maxY = Math.max(maxY, p.y() + ItemSkin.HEIGHT);
        }
        resizeRelocate(minX - PAD, minY - PAD, maxX - minX + 2 * PAD, maxY - minY + 2 * PAD);
    }
}

package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;

/**
 * One box on the canvas, a layer or a collapsed block: a title, a line of detail, and its ports on the edges
 * (inputs on top, or on the right for an addition's shortcut; the output at the bottom). Drawn with plain text
 * nodes rather than labels, and its tooltip made on first hover, so that hundreds of boxes build quickly.
 */
abstract class ItemSkin extends Pane {
    static final double WIDTH = 220;
    static final double HEIGHT = 52;
    /** Longest title or detail shown whole; longer ones end in an ellipsis (the tooltip has them whole). */
    private static final int LONGEST = 36;

    private final String item;
    private final List<PortSkin> ports = new ArrayList<>();
    private final String tip;

    ItemSkin(String item, String title, String detail, String tip) {
        this.item = item;
        this.tip = tip;
        getStyleClass().add("graph-node");
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        Text titleText = new Text(10, 20, shortened(title));
        titleText.getStyleClass().add("graph-node-title");
        Text detailText = new Text(10, 39, shortened(detail));
        detailText.getStyleClass().add("graph-node-detail");
        for (Text text : List.of(titleText, detailText)) {
            text.setManaged(false);
            text.setMouseTransparent(true);
        }
        getChildren().addAll(titleText, detailText);
        LazyTooltip.install(this, () -> this.tip);
    }

    private static String shortened(String text) {
        return text.length() <= LONGEST + 2 ? text : text.substring(0, LONGEST) + "\u2026";
    }

    /** The node or block name this box stands for. */
    String item() {
        return item;
    }

    /** What the tooltip says: the item, its shape and counts, and its problems. */
    String tip() {
        return tip;
    }

    List<PortSkin> ports() {
        return ports;
    }

    void addPort(PortSkin port) {
        ports.add(port);
        getChildren().add(port);
    }

    List<PortSkin> inputPorts() {
        return ports.stream().filter(PortSkin::isInput).toList();
    }

    void markInvalid(boolean invalid) {
        if (invalid) {
            getStyleClass().add("invalid");
        }
    }

    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!selected) {
            getStyleClass().remove("selected");
        }
    }
}

package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * One box on the canvas, a layer or a collapsed block: a title, a line of detail, and its ports on the edges
 * (inputs on top, or on the right for an addition's shortcut; the output at the bottom).
 */
abstract class ItemSkin extends Pane {
    static final double WIDTH = 220;
    static final double HEIGHT = 52;

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
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("graph-node-title");
        Label detailLabel = new Label(detail);
        detailLabel.getStyleClass().add("graph-node-detail");
        VBox body = new VBox(titleLabel, detailLabel);
        body.getStyleClass().add("graph-node-body");
        body.setManaged(false);
        body.resizeRelocate(0, 0, WIDTH, HEIGHT);
        body.setMouseTransparent(true);
        getChildren().add(body);
        // tooltips cost a popup each: made on first hover, so that a big network opens quickly
        setOnMouseEntered(e -> {
            if (getProperties().get(Tooltip.class) == null) {
                Tooltip tooltip = new Tooltip(this.tip);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(480);
                Tooltip.install(this, tooltip);
                getProperties().put(Tooltip.class, tooltip);
            }
        });
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

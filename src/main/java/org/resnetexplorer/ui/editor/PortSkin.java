package org.resnetexplorer.ui.editor;

import javafx.scene.shape.Circle;

/**
 * A port on the edge of a box: an output (drag a wire from it) or an input (drop a wire on it). On a collapsed
 * block the input stands for every port of the block's layers that reads from outside the block, and
 * {@code node} is null.
 */
final class PortSkin extends Circle {
    private final String item;
    private final String node;
    private final String port;
    private final boolean input;

    PortSkin(String item, String node, String port, boolean input, double x, double y) {
        super(x, y, 5.5);
        this.item = item;
        this.node = node;
        this.port = port;
        this.input = input;
        getStyleClass().addAll("graph-port", input ? "input" : "output");
        setManaged(false);
        setId("port-" + item + (input ? "-in" + (port != null ? "-" + port : "") : "-out"));
    }

    /** Sets the tooltip text; the tooltip itself is made on first hover (a popup per port is costly). */
    void setTip(String text) {
        LazyTooltip.install(this, () -> text);
    }

    String item() {
        return item;
    }

    /** The layer whose port this is (for an output of a collapsed block: the layer whose output leaves it). */
    String node() {
        return node;
    }

    /** The input port's name, or null for an output or a block's input. */
    String port() {
        return port;
    }

    boolean isInput() {
        return input;
    }

    void mark(String state) {
        getStyleClass().removeAll("target-ok", "target-refused");
        if (state != null) {
            getStyleClass().add(state);
        }
    }
}

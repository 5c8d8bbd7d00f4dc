package org.resnetexplorer.ui.editor;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made on first hover: a tooltip is a popup window of its own, and a network of hundreds of layers
 * would otherwise make thousands of them before showing a single box.
 */
final class LazyTooltip {
    private LazyTooltip() {
    }

    static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (node.getProperties().get(LazyTooltip.class) == null) {
                Tooltip tooltip = new Tooltip(text.get());
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(480);
                Tooltip.install(node, tooltip);
                node.getProperties().put(LazyTooltip.class, tooltip);
            }
        });
    }
}

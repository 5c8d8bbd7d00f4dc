package org.resnetexplorer.ui.editor;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;

/** A collapsed residual block: one box with its kind, its layers and parameters, and whether its shortcut is on. */
final class BlockSkin extends VBox {
    BlockSkin(Block block, boolean shortcut, int layers, long params, String problem) {
        getStyleClass().addAll("graph-node", "graph-block", shortcut ? "residual" : "plain");
        setPrefSize(NodeSkin.WIDTH, NodeSkin.HEIGHT);
        setMinSize(NodeSkin.WIDTH, NodeSkin.HEIGHT);
        setMaxSize(NodeSkin.WIDTH, NodeSkin.HEIGHT);
        Label title = new Label(block.name());
        title.getStyleClass().add("graph-node-title");
        Label detail = new Label(block.kind().id() + ", " + (shortcut ? "shortcut " + block.shortcutOption() : "plain")
                + "  ·  " + Counts.abbreviated(params) + " params");
        detail.getStyleClass().add("graph-node-detail");
        getChildren().addAll(title, detail);
        setId("block-" + block.name());
        Tooltip.install(this, new Tooltip(block.name() + ": " + block.kind().id() + " block of " + layers + " layers, "
                + (shortcut ? "shortcut option " + block.shortcutOption() : "shortcut off (its plain twin)") + ", "
                + Counts.grouped(params) + " parameters" + (problem != null ? "\n" + problem : "")));
        if (problem != null) {
            getStyleClass().add("invalid");
        }
    }
}

package org.resnetexplorer.ui.editor;

import javafx.scene.shape.CubicCurve;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;

/**
 * A collapsed residual block: one box with its kind and parameters, its shortcut drawn as an arc beside it when
 * it is on, an input port (for every layer inside that reads from outside) and an output port.
 */
final class BlockSkin extends ItemSkin {
    BlockSkin(Block block, boolean shortcut, int layers, long params, String outputNode, String problem) {
        super(block.name(), block.name(), String.format(GraphView.Texts.BLOCK_DETAIL, block.kind().id(),
                shortcut ? String.format(GraphView.Texts.SHORTCUT_OPTION, block.shortcutOption()) : GraphView.Texts.PLAIN,
                Counts.abbreviated(params)),
                String.format(GraphView.Texts.BLOCK_TIP, block.name(), block.kind().id(), layers,
                        shortcut ? String.format(GraphView.Texts.SHORTCUT_OPTION, block.shortcutOption())
                                : GraphView.Texts.PLAIN_TWIN, Counts.grouped(params))
                        + (problem != null ? "\n" + problem : ""));
        getStyleClass().addAll("graph-block", shortcut ? "residual" : "plain");
        setId("block-" + block.name());
        if (shortcut) {
            double x = WIDTH;
            CubicCurve arc = new CubicCurve(x - 12, -10, x + 45, 4, x + 45, HEIGHT - 4, x - 12, HEIGHT + 10);
            arc.getStyleClass().addAll("graph-wire", "skip", "block-arc");
            arc.setFill(null);
            arc.setMouseTransparent(true);
            arc.setManaged(false);
            getChildren().add(0, arc);
        }
        addPort(new PortSkin(block.name(), null, null, true, WIDTH / 2, 0));
        addPort(new PortSkin(block.name(), outputNode, null, false, WIDTH / 2, HEIGHT));
        markInvalid(problem != null);
    }
}

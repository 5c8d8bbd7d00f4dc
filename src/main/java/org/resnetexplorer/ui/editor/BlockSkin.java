package org.resnetexplorer.ui.editor;

import javafx.scene.shape.CubicCurve;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * A collapsed residual block: one box with its kind and parameters, its shortcut drawn as an arc beside it when
 * it is on, an input port (for every layer inside that reads from outside) and an output port.
 */
final class BlockSkin extends ItemSkin {
    private static final String DETAIL = Texts.get("graphView.block.detail");
    private static final String SHORTCUT_OPTION = Texts.get("graphView.shortcut.option");
    private static final String PLAIN = Texts.get("graphView.plain");
    private static final String PLAIN_TWIN = Texts.get("graphView.plain.twin");
    private static final String TIP = Texts.get("graphView.block.tip");

    BlockSkin(Block block, boolean shortcut, int layers, long params, String outputNode, String problem) {
        super(block.name(), block.name(), String.format(DETAIL, block.kind().id(),
                shortcut ? String.format(SHORTCUT_OPTION, block.shortcutOption()) : PLAIN,
                Counts.abbreviated(params)),
                String.format(TIP, block.name(), block.kind().id(), layers,
                        shortcut ? String.format(SHORTCUT_OPTION, block.shortcutOption())
                                : PLAIN_TWIN, Counts.grouped(params))
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

package org.resnetexplorer.ui.editor;

import java.util.function.Supplier;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.BlockKind;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Flatten;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.i18n.Texts;

/**
 * What the palette offers: each layer kind with settings that fit a small CIFAR-sized network (change them in
 * the property sheet), and the three residual blocks. The labels and tooltips are the visible strings.
 */
public enum PaletteItem {
    INPUT("Input", "input", MaterialDesignL.LOGIN, Texts.get("paletteItem.input.tip"), () -> new Input(Shape.image(3, 32, 32))),
    CONV("Conv2D", "conv", MaterialDesignG.GRID, Texts.get("paletteItem.conv.tip"),
            () -> new Conv2D(16, 3, 1, 1, false)),
    DENSE("Dense", "dense", MaterialDesignD.DOTS_GRID, Texts.get("paletteItem.dense.tip"),
            () -> new Dense(10, true)),
    BATCH_NORM("BatchNorm", "bn", MaterialDesignC.CHART_BELL_CURVE, Texts.get("paletteItem.batch.norm.tip"),
            BatchNorm::new),
    RELU("ReLU", "relu", MaterialDesignF.FUNCTION_VARIANT, Texts.get("paletteItem.relu.tip"), () -> Activation.RELU),
    MAX_POOL("MaxPool", "maxpool", MaterialDesignA.ARROW_COLLAPSE_VERTICAL, Texts.get("paletteItem.max.pool.tip"),
            () -> new MaxPool(2, 2, 0)),
    AVG_POOL("AvgPool", "avgpool", MaterialDesignB.BLUR, Texts.get("paletteItem.avg.pool.tip"),
            () -> new AvgPool(2, 2, 0)),
    GLOBAL_AVG_POOL("GlobalAvgPool", "gap", MaterialDesignI.IMAGE_FILTER_CENTER_FOCUS,
            Texts.get("paletteItem.global.avg.pool.tip"), GlobalAvgPool::new),
    FLATTEN("Flatten", "flatten", MaterialDesignV.VIEW_SEQUENTIAL, Texts.get("paletteItem.flatten.tip"),
            Flatten::new),
    DROPOUT("Dropout", "dropout", MaterialDesignD.DICE_MULTIPLE_OUTLINE, Texts.get("paletteItem.dropout.tip"),
            () -> new Dropout(0.2)),
    ADD("Add", "add", MaterialDesignP.PLUS_CIRCLE_OUTLINE, Texts.get("paletteItem.add.tip"), Add::new),
    SHORTCUT("Shortcut", "shortcut", MaterialDesignS.SOURCE_BRANCH, Texts.get("paletteItem.shortcut.tip"), () -> new Shortcut(ShortcutOption.B, 16, 1)),
    OUTPUT("Output", "output", MaterialDesignF.FLAG_CHECKERED, Texts.get("paletteItem.output.tip"), () -> new Output(10)),
    BASIC_BLOCK(Texts.get("paletteItem.basic.block"), BlockKind.BASIC, MaterialDesignL.LAYERS_OUTLINE, Texts.get("paletteItem.basic.block.tip")),
    BOTTLENECK_BLOCK(Texts.get("paletteItem.bottleneck.block"), BlockKind.BOTTLENECK, MaterialDesignL.LAYERS_TRIPLE_OUTLINE, Texts.get("paletteItem.bottleneck.block.tip")),
    PREACT_BLOCK(Texts.get("paletteItem.preact.block"), BlockKind.PREACT, MaterialDesignS.SOURCE_MERGE, Texts.get("paletteItem.preact.block.tip"));

    /** Shown under the layers. */
    static final String DROP_HINT = Texts.get("paletteItem.drop.hint");

    private final String label;
    private final String baseName;
    private final Ikon icon;
    private final String description;
    private final Supplier<LayerSpec> layer;
    private final BlockKind block;

    PaletteItem(String label, String baseName, Ikon icon, String description, Supplier<LayerSpec> layer) {
        this.label = label;
        this.baseName = baseName;
        this.icon = icon;
        this.description = description;
        this.layer = layer;
        this.block = null;
    }

    PaletteItem(String label, BlockKind block, Ikon icon, String description) {
        this.label = label;
        this.baseName = null;
        this.icon = icon;
        this.description = description + Texts.get("paletteItem.drop.hint.join") + Texts.get("paletteItem.drop.hint");
        this.layer = null;
        this.block = block;
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** The tooltip: what it is and its default settings. */
    public String description() {
        return description;
    }

    /** True for the residual blocks, false for single layers. */
    public boolean isBlock() {
        return block != null;
    }

    /** The block kind, for a block. */
    public BlockKind blockKind() {
        return block;
    }

    /** A new layer of this kind with its default settings (only for a layer). */
    public LayerSpec newLayer() {
        return layer.get();
    }

    /** How new nodes of this kind are named: {@code conv} gives {@code conv1}, {@code conv2} ... */
    String baseName() {
        return baseName;
    }
}

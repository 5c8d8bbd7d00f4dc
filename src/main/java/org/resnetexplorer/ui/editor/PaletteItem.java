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

/**
 * What the palette offers: each layer kind with settings that fit a small CIFAR-sized network (change them in
 * the property sheet), and the three residual blocks. The labels and tooltips are the visible strings.
 */
public enum PaletteItem {
    INPUT("Input", "input", MaterialDesignL.LOGIN, "Where the data comes in: an image of 3x32x32 (set its shape in the"
            + " properties)", () -> new Input(Shape.image(3, 32, 32))),
    CONV("Conv2D", "conv", MaterialDesignG.GRID, "3x3 convolution, 16 filters, stride 1, padding 1",
            () -> new Conv2D(16, 3, 1, 1, false)),
    DENSE("Dense", "dense", MaterialDesignD.DOTS_GRID, "Fully connected layer of 10 units, with bias",
            () -> new Dense(10, true)),
    BATCH_NORM("BatchNorm", "bn", MaterialDesignC.CHART_BELL_CURVE, "Batch normalisation per channel",
            BatchNorm::new),
    RELU("ReLU", "relu", MaterialDesignF.FUNCTION_VARIANT, "Activation (ReLU; Tanh, Sigmoid or Identity in the"
            + " properties)", () -> Activation.RELU),
    MAX_POOL("MaxPool", "maxpool", MaterialDesignA.ARROW_COLLAPSE_VERTICAL, "Max pooling, 2x2 windows, stride 2",
            () -> new MaxPool(2, 2, 0)),
    AVG_POOL("AvgPool", "avgpool", MaterialDesignB.BLUR, "Average pooling, 2x2 windows, stride 2",
            () -> new AvgPool(2, 2, 0)),
    GLOBAL_AVG_POOL("GlobalAvgPool", "gap", MaterialDesignI.IMAGE_FILTER_CENTER_FOCUS,
            "Averages each channel over the image: CxHxW becomes C values", GlobalAvgPool::new),
    FLATTEN("Flatten", "flatten", MaterialDesignV.VIEW_SEQUENTIAL, "Lays an image out as one flat vector",
            Flatten::new),
    DROPOUT("Dropout", "dropout", MaterialDesignD.DICE_MULTIPLE_OUTLINE, "Zeroes 20% of the values while training",
            () -> new Dropout(0.2)),
    ADD("Add", "add", MaterialDesignP.PLUS_CIRCLE_OUTLINE, "F(x) + x: the residual branch into the top port, the"
            + " shortcut into the right port; both must have the same shape", Add::new),
    SHORTCUT("Shortcut", "shortcut", MaterialDesignS.SOURCE_BRANCH, "The shortcut path, option B: identity, or a 1x1"
            + " projection to 16 channels where the shape changes", () -> new Shortcut(ShortcutOption.B, 16, 1)),
    OUTPUT("Output", "output", MaterialDesignF.FLAG_CHECKERED, "Softmax over 10 classes and the loss; the layer"
            + " before it must give 10 values", () -> new Output(10)),
    BASIC_BLOCK("Basic block", BlockKind.BASIC, MaterialDesignL.LAYERS_OUTLINE, "Residual block of two 3x3"
            + " convolutions (two dense layers in an MLP) with its shortcut (ResNet-18/34, CIFAR)"),
    BOTTLENECK_BLOCK("Bottleneck block", BlockKind.BOTTLENECK, MaterialDesignL.LAYERS_TRIPLE_OUTLINE, "Residual block"
            + " 1x1 reduce, 3x3, 1x1 restore (ResNet-50/101/152)"),
    PREACT_BLOCK("Pre-activation block", BlockKind.PREACT, MaterialDesignS.SOURCE_MERGE, "Residual block"
            + " BN-ReLU-conv twice with a pure identity path (He et al. 2016b)");

    /** Shown under the layers. */
    static final String DROP_HINT = "Drop a block on a layer to insert it after that layer.";

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
        this.description = description + ". " + DROP_HINT;
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

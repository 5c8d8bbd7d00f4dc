package org.resnetexplorer.graph;

/**
 * Builds the paper's blocks into a {@link NetworkBuilder}, each returning the name of its output node.
 * Members are named {@code <block>.<layer>}: {@code block3.conv1}, {@code block3.bn1}, {@code block3.add}.
 */
final class ResidualBlocks {
    private ResidualBlocks() {
    }

    /** Two 3x3 convolutions (the first with the stride): post-activation, ReLU after the addition. */
    static String basicConv(NetworkBuilder b, String name, String in, int filters, int stride, BlockStyle style) {
        return basic(b, name, in, new Conv2D(filters, 3, stride, 1, !style.batchNorm()),
                new Conv2D(filters, 3, 1, 1, !style.batchNorm()), "conv", filters, stride, style);
    }

    /** Two dense layers of {@code width} units: y = act(x + W2 act(W1 x)). */
    static String basicDense(NetworkBuilder b, String name, String in, int width, BlockStyle style) {
        return basic(b, name, in, new Dense(width, !style.batchNorm()), new Dense(width, !style.batchNorm()), "dense",
                width, 1, style);
    }

    private static String basic(NetworkBuilder b, String name, String in, LayerSpec first, LayerSpec second,
            String weightName, int filters, int stride, BlockStyle style) {
        int mark = b.size();
        String x = weighted(b, name, in, first, weightName, 1, style);
        x = b.add(name + "." + style.actName(1), style.act(), x);
        String end = weighted(b, name, x, second, weightName, 2, style);
        String out = merge(b, name, in, end, filters, stride, style);
        b.add(name + "." + style.actName(2), style.act(), out);
        b.addBlock(new Block(name, BlockKind.BASIC, style.option(), end, b.namesSince(mark)));
        return name + "." + style.actName(2);
    }

    /** 1x1 reduce to {@code width}, 3x3 (with the stride, as most libraries place it), 1x1 restore to 4 x width. */
    static String bottleneck(NetworkBuilder b, String name, String in, int width, int stride, BlockStyle style) {
        int mark = b.size();
        boolean bias = !style.batchNorm();
        String x = weighted(b, name, in, new Conv2D(width, 1, 1, 0, bias), "conv", 1, style);
        x = b.add(name + "." + style.actName(1), style.act(), x);
        x = weighted(b, name, x, new Conv2D(width, 3, stride, 1, bias), "conv", 2, style);
        x = b.add(name + "." + style.actName(2), style.act(), x);
        String end = weighted(b, name, x, new Conv2D(4 * width, 1, 1, 0, bias), "conv", 3, style);
        String out = merge(b, name, in, end, 4 * width, stride, style);
        b.add(name + "." + style.actName(3), style.act(), out);
        b.addBlock(new Block(name, BlockKind.BOTTLENECK, style.option(), end, b.namesSince(mark)));
        return name + "." + style.actName(3);
    }

    /** BN-ReLU-conv twice; the addition is the block's output, with no activation after it. */
    static String preActivation(NetworkBuilder b, String name, String in, int filters, int stride, BlockStyle style) {
        int mark = b.size();
        boolean bias = !style.batchNorm();
        String x = in;
        for (int i = 1; i <= 2; i++) {
            if (style.batchNorm()) {
                x = b.add(name + ".bn" + i, new BatchNorm(), x);
            }
            x = b.add(name + "." + style.actName(i), style.act(), x);
            x = b.add(name + ".conv" + i, new Conv2D(filters, 3, i == 1 ? stride : 1, 1, bias), x);
        }
        String out = merge(b, name, in, x, filters, stride, style);
        b.addBlock(new Block(name, BlockKind.PREACT, style.option(), x, b.namesSince(mark)));
        return out;
    }

    /** A weighted layer, then its BatchNorm if the style has one; returns the last node. */
    private static String weighted(NetworkBuilder b, String name, String in, LayerSpec layer, String weightName, int index,
            BlockStyle style) {
        String x = b.add(name + "." + weightName + index, layer, in);
        return style.batchNorm() ? b.add(name + ".bn" + index, new BatchNorm(), x) : x;
    }

    /** The shortcut and addition when the style has them; otherwise the branch goes straight on (plain twin). */
    private static String merge(NetworkBuilder b, String name, String in, String end, int filters, int stride,
            BlockStyle style) {
        if (!style.shortcut()) {
            return end;
        }
        String shortcut = b.add(name + ".shortcut", new Shortcut(style.option(), filters, stride), in);
        return b.add(name + ".add", new Add(), end, shortcut);
    }
}

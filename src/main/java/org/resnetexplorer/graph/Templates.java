package org.resnetexplorer.graph;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetexplorer.i18n.Texts;

/**
 * The paper's architectures by name, as the command line and the app call them: {@code resnet-50},
 * {@code plain-34}, {@code cifar-resnet-20}, {@code cifar-plain-56}, {@code cifar-preact-resnet-110},
 * {@code mlp-resnet-8}, {@code mlp-plain-8}. A plain template is its ResNet with every shortcut off: the
 * same blocks and layers, so turning the shortcuts back on gives the ResNet.
 */
public final class Templates {
    /** Blocks per stage of the ImageNet ResNets (paper Table 1). */
    private static final Map<Integer, int[]> IMAGENET_STAGES = Map.of(
            18, new int[] {2, 2, 2, 2}, 34, new int[] {3, 4, 6, 3}, 50, new int[] {3, 4, 6, 3},
            101, new int[] {3, 4, 23, 3}, 152, new int[] {3, 8, 36, 3});
    private static final Pattern NAME = Pattern.compile("(resnet|plain|cifar-resnet|cifar-plain|cifar-preact-resnet"
            + "|mlp-resnet|mlp-plain)-(\\d{1,5})");
    private static final int MAX_CIFAR_DEPTH = 6 * 1000 + 2;
    private static final int MAX_MLP_DEPTH = 1000;

    /** One line of the catalogue: a name (or a pattern with N or D) and what it builds. */
    public record Entry(String name, String description) {
    }

    private Templates() {
    }

    /** Every template name, or pattern of names, with one line of description. */
    public static List<Entry> catalogue() {
        return List.of(
                new Entry("resnet-18", "ImageNet ResNet-18, basic blocks [2,2,2,2] (Table 1), 3x224x224 in, 1000 classes, shortcut B"),
                new Entry("resnet-34", "ImageNet ResNet-34, basic blocks [3,4,6,3]"),
                new Entry("resnet-50", "ImageNet ResNet-50, bottleneck blocks [3,4,6,3]"),
                new Entry("resnet-101", "ImageNet ResNet-101, bottleneck blocks [3,4,23,3]"),
                new Entry("resnet-152", "ImageNet ResNet-152, bottleneck blocks [3,8,36,3]"),
                new Entry("plain-18", "plain twin of resnet-18: the same layers without shortcuts"),
                new Entry("plain-34", "plain twin of resnet-34"),
                new Entry("plain-50", "plain twin of resnet-50"),
                new Entry("plain-101", "plain twin of resnet-101"),
                new Entry("plain-152", "plain twin of resnet-152"),
                new Entry("cifar-resnet-N", "CIFAR-10 ResNet (section 4.2), N = 6n+2 layers: 20, 32, 44, 56, 110, 1202 (8, 14 for"
                        + " quick runs); 3x32x32 in, 10 classes, option A"),
                new Entry("cifar-plain-N", "plain twin of cifar-resnet-N: the same layers and parameters, no shortcuts"),
                new Entry("cifar-preact-resnet-N", "pre-activation CIFAR ResNet (1603.05027): BN-ReLU-conv twice, identity"
                        + " paths, N = 6n+2"),
                new Entry("mlp-resnet-D", "MLP for 2-D toy data: D hidden dense layers (D even) in residual blocks of two,"
                        + " width 16, 2 inputs, 2 classes, no BatchNorm"),
                new Entry("mlp-plain-D", "plain twin of mlp-resnet-D (any D >= 1)"));
    }

    /** The template of that name with the family's defaults. */
    public static Network build(String name) {
        return build(name, TemplateOptions.defaults());
    }

    /**
     * The template of that name, with these options.
     *
     * @throws IllegalArgumentException if there is no such template, saying which names exist
     */
    public static Network build(String name, TemplateOptions options) {
        Matcher m = NAME.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(Texts.format("templates.unknown", name, "resnet-18, cifar-resnet-20",
                    "mlp-resnet-8", "templates"));
        }
        String family = m.group(1);
        int depth = Integer.parseInt(m.group(2));
        return switch (family) {
            case "resnet" -> imageNet(name, depth, true, options);
            case "plain" -> imageNet(name, depth, false, options);
            case "cifar-resnet" -> cifar(name, depth, true, false, options);
            case "cifar-plain" -> cifar(name, depth, false, false, options);
            case "cifar-preact-resnet" -> cifar(name, depth, true, true, options);
            case "mlp-resnet" -> mlp(name, depth, true, options);
            case "mlp-plain" -> mlp(name, depth, false, options);
            default -> throw new IllegalStateException(family);
        };
    }

    private static Network imageNet(String name, int depth, boolean residual, TemplateOptions options) {
        int[] stages = IMAGENET_STAGES.get(depth);
        if (stages == null) {
            throw new IllegalArgumentException(Texts.format("templates.imagenet.depth", name));
        }
        boolean bottleneck = depth >= 50;
        BlockStyle style = options.style(ShortcutOption.B, true, residual);
        int width = options.widthOr(64);
        // the last stage has 8 times the width, and a bottleneck block 4 times its own width at its end
        checkWidth(name, width, (1 << (stages.length - 1)) * (bottleneck ? 4 : 1));
        int classes = options.classesOr(1000);
        NetworkBuilder b = new NetworkBuilder(name);
        String x = b.add("input", new Input(options.inputOr(Shape.image(3, 224, 224))));
        x = stem(b, x, new Conv2D(width, 7, 2, 3, !style.batchNorm()), style);
        x = b.add("pool1", new MaxPool(3, 2, 1), x);
        for (int stage = 0; stage < stages.length; stage++) {
            int stageWidth = width << stage;
            for (int i = 1; i <= stages[stage]; i++) {
                String block = "conv" + (stage + 2) + "_" + i;
                int stride = stage > 0 && i == 1 ? 2 : 1;
                x = bottleneck ? ResidualBlocks.bottleneck(b, block, x, stageWidth, stride, style)
                        : ResidualBlocks.basicConv(b, block, x, stageWidth, stride, style);
            }
        }
        return head(b, b.add("avgpool", new GlobalAvgPool(), x), classes);
    }

    private static Network cifar(String name, int depth, boolean residual, boolean preActivation, TemplateOptions options) {
        if (depth < 8 || depth > MAX_CIFAR_DEPTH || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException(Texts.format("templates.cifar.depth", name, depth));
        }
        int n = (depth - 2) / 6;
        BlockStyle style = options.style(ShortcutOption.A, true, residual);
        int width = options.widthOr(16);
        checkWidth(name, width, 4); // the third stage has 4 times the width
        NetworkBuilder b = new NetworkBuilder(name);
        String x = b.add("input", new Input(options.inputOr(Shape.image(3, 32, 32))));
        Conv2D conv1 = new Conv2D(width, 3, 1, 1, !style.batchNorm());
        x = preActivation ? b.add("conv1", conv1, x) : stem(b, x, conv1, style);
        int block = 1;
        for (int stage = 0; stage < 3; stage++) {
            for (int i = 0; i < n; i++, block++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                x = preActivation ? ResidualBlocks.preActivation(b, "block" + block, x, width << stage, stride, style)
                        : ResidualBlocks.basicConv(b, "block" + block, x, width << stage, stride, style);
            }
        }
        if (preActivation) {
            if (style.batchNorm()) {
                x = b.add("bn_final", new BatchNorm(), x);
            }
            x = b.add(style.activation().id() + "_final", style.act(), x);
        }
        return head(b, b.add("avgpool", new GlobalAvgPool(), x), options.classesOr(10));
    }

    private static Network mlp(String name, int depth, boolean residual, TemplateOptions options) {
        if (depth < 1 || depth > MAX_MLP_DEPTH) {
            throw new IllegalArgumentException(Texts.format("templates.mlp.depth", name, MAX_MLP_DEPTH, depth));
        }
        if (residual && depth % 2 != 0) {
            throw new IllegalArgumentException(Texts.format("templates.mlp.even", name, depth));
        }
        BlockStyle style = options.style(ShortcutOption.A, false, residual);
        int width = options.widthOr(16);
        NetworkBuilder b = new NetworkBuilder(name);
        String x = b.add("input", new Input(options.inputOr(Shape.flat(2))));
        x = stem(b, x, new Dense(width, !style.batchNorm()), style);
        for (int block = 1; block <= depth / 2; block++) {
            x = ResidualBlocks.basicDense(b, "block" + block, x, width, style);
        }
        if (depth % 2 != 0) {
            x = b.add("dense_last", new Dense(width, !style.batchNorm()), x);
            if (style.batchNorm()) {
                x = b.add("bn_last", new BatchNorm(), x);
            }
            x = b.add(style.activation().id() + "_last", style.act(), x);
        }
        return head(b, x, options.classesOr(2));
    }

    /** Refuses a width whose widest layers, {@code factor} times as wide, would have more than 2^31-1 channels. */
    private static void checkWidth(String name, int width, int factor) {
        long widest = (long) width * factor;
        if (widest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Texts.format("templates.width.too.big", name, width, widest,
                    Integer.MAX_VALUE, Integer.MAX_VALUE / factor));
        }
    }

    /** The first weighted layer, its BatchNorm and activation: {@code conv1, bn1, relu1}. */
    private static String stem(NetworkBuilder b, String in, LayerSpec weighted, BlockStyle style) {
        String x = b.add(weighted instanceof Conv2D ? "conv1" : "dense1", weighted, in);
        if (style.batchNorm()) {
            x = b.add("bn1", new BatchNorm(), x);
        }
        return b.add(style.actName(1), style.act(), x);
    }

    /** The classifier: a dense layer of one score per class (with bias) and the softmax output. */
    private static Network head(NetworkBuilder b, String in, int classes) {
        String fc = b.add("fc", new Dense(classes, true), in);
        b.add("output", new Output(classes), fc);
        return b.build();
    }
}

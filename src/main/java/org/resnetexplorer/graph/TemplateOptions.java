package org.resnetexplorer.graph;

/**
 * Settings that apply to every template; a null setting keeps the family's default (the paper's choice):
 * the input shape, the number of classes, the base width (channels of the first stage, units of an MLP),
 * the shortcut option, BatchNorm on or off, and the activation.
 */
public record TemplateOptions(Shape input, Integer classes, Integer width, ShortcutOption shortcut, Boolean batchNorm,
        ActivationFunction activation) {

    public TemplateOptions {
        if (classes != null) {
            Checks.atLeast(2, classes, "classes");
        }
        if (width != null) {
            Checks.atLeast(1, width, "width");
        }
    }

    /** Every setting at the family's default. */
    public static TemplateOptions defaults() {
        return new TemplateOptions(null, null, null, null, null, null);
    }

    public TemplateOptions withInput(Shape value) {
        return new TemplateOptions(value, classes, width, shortcut, batchNorm, activation);
    }

    public TemplateOptions withClasses(Integer value) {
        return new TemplateOptions(input, value, width, shortcut, batchNorm, activation);
    }

    public TemplateOptions withWidth(Integer value) {
        return new TemplateOptions(input, classes, value, shortcut, batchNorm, activation);
    }

    public TemplateOptions withShortcut(ShortcutOption value) {
        return new TemplateOptions(input, classes, width, value, batchNorm, activation);
    }

    public TemplateOptions withBatchNorm(Boolean value) {
        return new TemplateOptions(input, classes, width, shortcut, value, activation);
    }

    public TemplateOptions withActivation(ActivationFunction value) {
        return new TemplateOptions(input, classes, width, shortcut, batchNorm, value);
    }

    Shape inputOr(Shape fallback) {
        return input != null ? input : fallback;
    }

    int classesOr(int fallback) {
        return classes != null ? classes : fallback;
    }

    int widthOr(int fallback) {
        return width != null ? width : fallback;
    }

    BlockStyle style(ShortcutOption defaultOption, boolean defaultBatchNorm, boolean shortcutOn) {
        return new BlockStyle(batchNorm != null ? batchNorm : defaultBatchNorm,
                activation != null ? activation : ActivationFunction.RELU,
                shortcut != null ? shortcut : defaultOption, shortcutOn);
    }
}

package org.resnetexplorer.ui.templates;

import java.util.List;
import java.util.Objects;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;


/**
 * What the Templates dialog asks for, turned into a template name and {@link TemplateOptions} for
 * {@link Templates#build(String, TemplateOptions)}.
 */
public record TemplateChoice(Family family, int depth, int width, ShortcutOption shortcut, boolean residual,
        boolean preActivation, boolean batchNorm, ActivationFunction activation) {

    /** The template families, with the depths offered and their defaults. */
    public enum Family {
        MLP(Texts.get("templateChoice.family.mlp"), List.of(2, 4, 8, 12, 20, 32), 20, 16, ShortcutOption.A, false),
        CIFAR(Texts.get("templateChoice.family.cifar"), List.of(8, 14, 20, 32, 44, 56, 110), 20, 16, ShortcutOption.A, true),
        IMAGENET(Texts.get("templateChoice.family.imagenet"), List.of(18, 34, 50, 101, 152), 18, 64, ShortcutOption.B, true);

        private final String label;
        private final List<Integer> depths;
        private final int defaultDepth;
        private final int defaultWidth;
        private final ShortcutOption defaultShortcut;
        private final boolean defaultBatchNorm;

        Family(String label, List<Integer> depths, int defaultDepth, int defaultWidth, ShortcutOption defaultShortcut,
                boolean defaultBatchNorm) {
            this.label = label;
            this.depths = depths;
            this.defaultDepth = defaultDepth;
            this.defaultWidth = defaultWidth;
            this.defaultShortcut = defaultShortcut;
            this.defaultBatchNorm = defaultBatchNorm;
        }

        List<Integer> depths() {
            return depths;
        }

        int defaultDepth() {
            return defaultDepth;
        }

        int defaultWidth() {
            return defaultWidth;
        }

        ShortcutOption defaultShortcut() {
            return defaultShortcut;
        }

        boolean defaultBatchNorm() {
            return defaultBatchNorm;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public TemplateChoice {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(shortcut, "shortcut");
        Objects.requireNonNull(activation, "activation");
    }

    /** The family's defaults: a residual net with its paper settings. */
    static TemplateChoice defaults(Family family) {
        return new TemplateChoice(family, family.defaultDepth(), family.defaultWidth(), family.defaultShortcut(), true,
                false, family.defaultBatchNorm(), ActivationFunction.RELU);
    }

    /** The template name: {@code mlp-resnet-20}, {@code cifar-preact-resnet-56}, {@code plain-34}, ... */
    String templateName() {
        return switch (family) {
            case MLP -> (residual ? "mlp-resnet-" : "mlp-plain-") + depth;
            case CIFAR -> (residual ? (preActivation ? "cifar-preact-resnet-" : "cifar-resnet-") : "cifar-plain-") + depth;
            case IMAGENET -> (residual ? "resnet-" : "plain-") + depth;
        };
    }

    /** Pre-activation blocks exist for the CIFAR residual nets only. */
    boolean preActivationApplies() {
        return family == Family.CIFAR && residual;
    }

    TemplateOptions options() {
        return TemplateOptions.defaults().withWidth(width).withShortcut(shortcut).withBatchNorm(batchNorm)
                .withActivation(activation);
    }

    /**
     * Builds the network.
     *
     * @throws IllegalArgumentException saying why these choices make no template
     */
    Network build() {
        return Templates.build(templateName(), options());
    }
}

package org.resnetexplorer.cli;

import java.util.Set;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;

/** The options every command that takes a MODEL accepts, and how they become {@link TemplateOptions}. */
final class ModelOptions {
    static final Set<String> OPTIONS = Set.of("--input", "--classes", "--shortcut", "--width", "--activation");
    static final Set<String> FLAGS = Set.of("--no-bn", "--bn");
    static final String USAGE = "[--input C,H,W | --input N] [--classes K] [--shortcut A|B|C] [--width W]"
            + " [--activation relu|tanh|sigmoid|identity] [--bn | --no-bn]";

    private ModelOptions() {
    }

    static TemplateOptions from(Arguments args) throws UsageException {
        try {
            TemplateOptions options = TemplateOptions.defaults()
                    .withClasses(args.intOption("--classes", 2))
                    .withWidth(args.intOption("--width", 1));
            if (args.option("--input") != null) {
                options = options.withInput(Shape.parse(args.option("--input")));
            }
            if (args.option("--shortcut") != null) {
                options = options.withShortcut(ShortcutOption.parse(args.option("--shortcut")));
            }
            if (args.option("--activation") != null) {
                options = options.withActivation(ActivationFunction.parse(args.option("--activation")));
            }
            if (args.flag("--bn") && args.flag("--no-bn")) {
                throw new UsageException("--bn and --no-bn contradict each other: give one");
            }
            if (args.flag("--bn") || args.flag("--no-bn")) {
                options = options.withBatchNorm(args.flag("--bn"));
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

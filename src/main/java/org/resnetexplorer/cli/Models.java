package org.resnetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** Turns a command's MODEL argument, a template name or a saved graph file, into a network. */
final class Models {
    private Models() {
    }

    /**
     * A template built with these options, or a graph file adapted to them (its input shape, classes and
     * shortcut option; width, BatchNorm and activation apply to templates only).
     */
    static Network resolve(String model, TemplateOptions options) throws UsageException {
        Path file = Arguments.path(model, "MODEL");
        if (Files.exists(file) || model.endsWith(".json")) {
            try {
                Network network = GraphFiles.load(file);
                if (options.input() != null) {
                    network = network.withInputShape(options.input());
                }
                if (options.classes() != null) {
                    network = network.withClasses(options.classes());
                }
                if (options.shortcut() != null) {
                    network = network.withShortcutOption(options.shortcut());
                }
                return network;
            } catch (GraphFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        try {
            return Templates.build(model, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + (model.contains("/") ? " (and there is no file '" + model + "')" : ""));
        }
    }

    /**
     * The network's analysis, if the graph is valid (no open port, cycle, missing output, shape mismatch): a command
     * checks this before it creates or computes anything.
     *
     * @throws UsageException naming the model and its first problem
     */
    static Analysis requireValid(String model, Network network) throws UsageException {
        Analysis analysis = Analysis.of(network);
        List<Problem> errors = analysis.errors();
        if (!errors.isEmpty()) {
            throw new UsageException(model + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : ""));
        }
        return analysis;
    }
}

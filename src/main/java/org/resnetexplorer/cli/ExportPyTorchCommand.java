package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.PyTorchExport;

/**
 * {@code export-pytorch MODEL -o model.py}: writes the graph as a self-contained PyTorch module (blocks as
 * classes, shortcuts as in the graph, a module-level {@code build()}); without {@code -o}, prints it.
 */
final class ExportPyTorchCommand implements Command {
    @Override
    public String name() {
        return "export-pytorch";
    }

    @Override
    public String usage() {
        return "MODEL [-o FILE.py] " + ModelOptions.USAGE;
    }

    @Override
    public String description() {
        return "write a template or graph file as a PyTorch nn.Module with a build() function";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Set<String> options = new HashSet<>(ModelOptions.OPTIONS);
        options.add("-o");
        options.add("--output");
        Arguments parsed = Arguments.parse(name(), args, options, ModelOptions.FLAGS);
        if (parsed.positional().size() != 1) {
            throw new UsageException("'export-pytorch' needs one MODEL, a template name (see 'templates') or a graph file,"
                    + (parsed.positional().isEmpty() ? " and got none" : " not " + parsed.positional().size()));
        }
        if (parsed.option("-o") != null && parsed.option("--output") != null) {
            throw new UsageException("give the output file once, with -o or --output");
        }
        String option = parsed.option("-o") != null ? "-o" : "--output";
        Path file = parsed.pathOption(option, "the file to write, e.g. " + option + " model.py");
        String model = parsed.positional().get(0);
        Network network = Models.resolve(model, ModelOptions.from(parsed));
        String code;
        try {
            code = PyTorchExport.code(network);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (file == null) {
            out.print(code);
            return Cli.OK;
        }
        try {
            AtomicFiles.writeText(code, file);
        } catch (IOException e) {
            err.println("export-pytorch: cannot write " + file + ": " + (e.getMessage() == null ? e : e.getMessage())
                    + " (check that the folder exists and is writable)");
            return Cli.FAILED;
        }
        out.println("wrote " + file + " (" + network.name() + ", " + Counts.grouped(Analysis.of(network).totalParams())
                + " parameters); run it with: python3 " + file);
        return Cli.OK;
    }
}

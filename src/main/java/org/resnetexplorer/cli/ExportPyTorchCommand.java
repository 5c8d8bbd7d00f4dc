package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.StateFileException;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.PyTorchExport;

/**
 * {@code export-pytorch MODEL -o model.py}: writes the graph as a self-contained PyTorch module (blocks as
 * classes, shortcuts as in the graph, a module-level {@code build()}); without {@code -o}, prints it. MODEL as a
 * run folder ({@code train --out DIR}) exports the trained network, whose build() loads its trained weights and
 * BatchNorm running statistics. With {@code --train}, a training script instead ({@link ScriptExport}).
 */
final class ExportPyTorchCommand implements Command {
    @Override
    public String name() {
        return "export-pytorch";
    }

    @Override
    public String usage() {
        return "MODEL [-o FILE.py] " + ModelOptions.USAGE + " [--train [--from-trained] " + TrainingOptions.USAGE + "]";
    }

    @Override
    public String description() {
        return "write a template or graph file as a PyTorch nn.Module with a build() function; a run folder"
                + " (train --out) with its trained weights; with --train, a PyTorch training script with train's settings"
                + " (a run folder's own), for the CPU, a GPU or torchrun";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Set<String> options = new HashSet<>(ModelOptions.OPTIONS);
        options.add("-o");
        options.add("--output");
        options.addAll(TrainingOptions.OPTIONS);
        Set<String> flags = new HashSet<>(ModelOptions.FLAGS);
        flags.addAll(TrainingOptions.FLAGS);
        flags.addAll(ScriptExport.FLAGS);
        Arguments parsed = Arguments.parse(name(), args, options, flags);
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
        if (parsed.flag("--train")) {
            return writeScript(ScriptExport.of(model, parsed, file), file, out, err);
        }
        requireNoTrainingOptions(parsed);
        Path folder = Arguments.path(model, "MODEL");
        boolean runFolder = Files.isDirectory(folder);
        Network network;
        String code;
        if (runFolder) {
            NetworkState state = trainedState(folder, parsed);
            network = state.network();
            code = code(() -> PyTorchExport.code(state.network(), state.trainedValues()));
        } else {
            Network resolved = Models.resolve(model, ModelOptions.from(parsed));
            network = resolved;
            code = code(() -> PyTorchExport.code(resolved));
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
                + " parameters" + (runFolder ? ", trained" : "") + "); run it with: python3 " + file);
        return Cli.OK;
    }

    /** Without --train, the options of a training script are a mistake to point out, not to ignore. */
    private static void requireNoTrainingOptions(Arguments parsed) throws UsageException {
        for (String option : TrainingOptions.OPTIONS) {
            if (parsed.option(option) != null && !option.equals("--classes")) {
                throw new UsageException(option + " applies to a training script: add --train");
            }
        }
        for (String flag : TrainingOptions.FLAGS) {
            if (parsed.flag(flag)) {
                throw new UsageException(flag + " applies to a training script: add --train");
            }
        }
        if (parsed.flag("--from-trained")) {
            throw new UsageException("--from-trained applies to a training script: add --train (a run folder exports"
                    + " with its trained weights without it)");
        }
    }

    /** Writes the script, and its examples beside it first (a script never refers to a file not yet written). */
    private static int writeScript(ScriptExport.Script script, Path file, PrintStream out, PrintStream err) {
        if (file == null) {
            out.print(script.code());
            return Cli.OK;
        }
        try {
            if (script.dataFile() != null) {
                AtomicFiles.writeText(script.examples(), script.dataFile());
            }
            AtomicFiles.writeText(script.code(), file);
        } catch (IOException e) {
            err.println("export-pytorch: cannot write " + file + ": " + (e.getMessage() == null ? e : e.getMessage())
                    + " (check that the folder exists and is writable)");
            return Cli.FAILED;
        }
        out.println("wrote " + file + (script.dataFile() != null ? " and " + script.dataFile() : "") + " (training "
                + script.network().name() + ", " + Counts.grouped(Analysis.of(script.network()).totalParams())
                + " parameters); run it with: python3 " + file + " (or torchrun --nproc_per_node N " + file + ")");
        return Cli.OK;
    }

    /**
     * The trained network of a run folder ({@link TrainedNetworkFiles}). The model options would change the graph the
     * weights were trained for, so they are refused here.
     */
    private static NetworkState trainedState(Path folder, Arguments parsed) throws UsageException {
        for (String option : ModelOptions.OPTIONS) {
            if (parsed.option(option) != null) {
                throw new UsageException(option + " does not apply to a run folder: its network is exported as trained");
            }
        }
        for (String flag : ModelOptions.FLAGS) {
            if (parsed.flag(flag)) {
                throw new UsageException(flag + " does not apply to a run folder: its network is exported as trained");
            }
        }
        if (!TrainedNetworkFiles.isRunFolder(folder)) {
            throw new UsageException(folder + " is a folder without a trained network (" + TrainedNetworkFiles.INDEX
                    + "): give a run folder as 'train ... --out DIR' writes it, a template name or a graph file");
        }
        try {
            return TrainedNetworkFiles.read(folder);
        } catch (StateFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The export's code; a graph it cannot export is the user's input to change. */
    private static String code(Supplier<String> export) throws UsageException {
        try {
            return export.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

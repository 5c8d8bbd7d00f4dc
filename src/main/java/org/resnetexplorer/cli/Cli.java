package org.resnetexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one headless command from the command line. Exit codes: 0 success, 2 bad input (with one line on
 * standard error naming the problem), 1 an internal failure (one line too; {@code --debug} adds the trace).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    /** Runs {@code args[0]} with the remaining arguments and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of(""));
    }

    /**
     * Runs a command as {@link #run(String[], PrintStream, PrintStream)} does, with {@code train}'s default
     * {@code runs/} folder in {@code workingFolder}: a test cannot change the working folder of its JVM.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Path workingFolder) {
        List<Command> commands = commands(workingFolder);
        List<String> words = Arrays.asList(args);
        boolean debug = words.contains("--debug");
        List<String> rest = words.stream().filter(w -> !w.equals("--debug")).toList();
        if (rest.isEmpty() || List.of("help", "--help", "-h").contains(rest.get(0))) {
            printHelp(commands, out);
            return OK;
        }
        Command command = commands.stream().filter(c -> c.name().equals(rest.get(0))).findFirst().orElse(null);
        if (command == null) {
            err.println("error: unknown command '" + rest.get(0) + "': use " + names(commands) + " (help lists them)");
            return BAD_INPUT;
        }
        List<String> commandArgs = rest.subList(1, rest.size());
        if (commandArgs.contains("--help") || commandArgs.contains("-h")) {
            out.println("usage: resnet-explorer " + command.name() + " " + command.usage());
            out.println("  " + command.description());
            return OK;
        }
        try {
            return command.run(commandArgs, out, err);
        } catch (UsageException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("internal error in '" + command.name() + "': " + oneLine(String.valueOf(e)) + (debug ? "" : " (run again with --debug for"
                    + " details, and please report it)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    /**
     * The message on one line, whatever it quotes from a file or an argument: line breaks and other control
     * characters are shown as escapes ({@code \n}, {@code \u0007}), so that a script reading the line gets all of it.
     */
    static String oneLine(String message) {
        StringBuilder line = new StringBuilder();
        message.codePoints().forEach(c -> {
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    private static List<Command> commands(Path workingFolder) {
        return List.of(new TemplatesCommand(), new SummaryCommand(), new TrainCommand(workingFolder.resolve("runs")),
                new BenchCommand(), new ExportPyTorchCommand(), new ExperimentCommand());
    }

    private static String names(List<Command> commands) {
        return String.join(", ", commands.stream().map(Command::name).toList());
    }

    private static void printHelp(List<Command> commands, PrintStream out) {
        out.println("ResNet Explorer: compose plain and residual networks, train them small, see why skip connections work.");
        out.println();
        out.println("usage: java -jar resnet-explorer.jar                 open the app");
        out.println("       java -jar resnet-explorer.jar COMMAND [ARGS]  run a command without a window");
        out.println();
        out.println("commands:");
        for (Command command : commands) {
            out.println("  " + command.name() + " " + command.usage());
            out.println("      " + command.description());
        }
    }
}

package org.resnetexplorer.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless command: its name, a line of usage, and what it does with its arguments. */
interface Command {
    String name();

    /** Arguments after the command name, e.g. {@code MODEL [--json]}. */
    String usage();

    /** One line saying what the command does. */
    String description();

    /**
     * Runs the command. Output for the user goes to {@code out}; warnings to {@code err}.
     *
     * @return the exit code (0 for success)
     * @throws UsageException when the input is bad: the caller prints its message and exits with 2
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}

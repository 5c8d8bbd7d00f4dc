package org.resnetexplorer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One run of the command line in this JVM, as the tests see it: the exit code and what it printed. */
record Run(int code, String out, String err) {

    /** Runs the command line with these arguments in the JVM's working folder. */
    static Run of(String... args) {
        return in(Path.of(""), args);
    }

    /** Runs the command line as if started in {@code workingFolder} (where {@code train} puts its runs/ folder). */
    static Run in(Path workingFolder, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workingFolder);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

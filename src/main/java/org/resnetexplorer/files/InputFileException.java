package org.resnetexplorer.files;

import java.util.Objects;

/**
 * An input file cannot be read as asked: it is missing, not a regular file, too large for its format, not text,
 * or damaged. The message is one line, {@code "<file>: <problem>"}, and {@link #problem()} is the same without the
 * file, for callers whose messages name the file their own way.
 */
public final class InputFileException extends Exception {

    /** Why the file was refused, so that a caller may word a reason in terms of its own format. */
    public enum Reason {
        /** Nothing is at the path (or a link leads nowhere). */
        MISSING,
        /** The path is a folder. */
        FOLDER,
        /** The path is a named pipe, a device, a socket or another file that is not regular. */
        NOT_A_FILE,
        /** The file may not be read (permissions). */
        DENIED,
        /** The file, or what it unpacks to, is larger than its format allows. */
        TOO_BIG,
        /** The file is not UTF-8 text. */
        NOT_TEXT,
        /** A gzip file that ends early or does not decompress. */
        DAMAGED,
        /** Reading failed for another reason the operating system gives. */
        UNREADABLE
    }

    private final String file;
    private final Reason reason;
    private final String problem;

    /**
     * @param file    how the user knows the file: its path, or the name of a resource inside the application
     * @param problem what is wrong and what to do, without the file
     */
    public InputFileException(String file, Reason reason, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problem = problem;
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong and what to do, without the file in front. */
    public String problem() {
        return problem;
    }
}

package org.resnetexplorer.experiments;

/**
 * A preset that cannot be read, or whose runs cannot be built as written: the message names the file (or the
 * experiment and its run), the problem and what to do.
 */
public final class ExperimentFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExperimentFileException(String message) {
        super(message);
    }
}

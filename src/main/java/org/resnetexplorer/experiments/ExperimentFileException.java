package org.resnetexplorer.experiments;

/** A preset file that cannot be read: the message names the file, the problem and what to do. */
public final class ExperimentFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExperimentFileException(String message) {
        super(message);
    }
}

package org.resnetexplorer.engine;

/**
 * A run folder's trained network cannot be read: a file is missing, too large, damaged, or does not fit the graph
 * beside it. The message is one line naming the file and what is wrong.
 */
public final class StateFileException extends Exception {
    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

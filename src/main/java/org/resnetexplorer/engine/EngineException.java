package org.resnetexplorer.engine;

/** A network, dataset or setting the engine cannot work with; the message says what and what to do. */
public final class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }
}

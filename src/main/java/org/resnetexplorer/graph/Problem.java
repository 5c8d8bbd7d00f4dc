package org.resnetexplorer.graph;

import java.util.Optional;

/**
 * Something wrong with a network, in words a student can act on: what is wrong, where, and what to do.
 * {@code node} names the node it concerns, or is null when it concerns the whole network.
 */
public record Problem(Severity severity, String node, String message) {

    /** An error keeps the network from training; a warning does not. */
    public enum Severity { ERROR, WARNING }

    public Optional<String> nodeName() {
        return Optional.ofNullable(node);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return message;
    }
}

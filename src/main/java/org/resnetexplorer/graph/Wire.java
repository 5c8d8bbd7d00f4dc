package org.resnetexplorer.graph;

/** Carries the output of node {@code from} into input port {@code port} of node {@code to}. */
public record Wire(String from, String to, String port) {
    public Wire {
        Checks.name(from, "a wire's start");
        Checks.name(to, "a wire's end");
        Checks.name(port, "a wire's port");
    }

    /** A wire into the single input port of a one-input layer. */
    public static Wire of(String from, String to) {
        return new Wire(from, to, LayerSpec.IN);
    }
}

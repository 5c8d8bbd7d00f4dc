package org.resnetexplorer.graph;

/** Carries the output of node {@code from} into input port {@code port} of node {@code to}. */
public record Wire(String from, String to, String port) {
    public Wire {
        Checks.name(from, "wire.start");
        Checks.name(to, "wire.end");
        Checks.name(port, "wire.port");
    }

    /** A wire into the single input port of a one-input layer. */
    public static Wire of(String from, String to) {
        return new Wire(from, to, LayerSpec.IN);
    }
}

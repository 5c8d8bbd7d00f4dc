package org.resnetexplorer.graph;

import java.util.Objects;

/** One layer of a network, under a name unique in that network (e.g. {@code "block3.conv1"}). */
public record Node(String name, LayerSpec layer) {
    public Node {
        Checks.name(name, "node");
        Objects.requireNonNull(layer, "layer");
    }
}

package org.resnetexplorer.graph;

import java.util.Objects;

/**
 * How a template builds its blocks: with BatchNorm after each weighted layer or not (then the weighted
 * layers get a bias), which activation, which shortcut option, and whether the shortcut is on (off builds
 * the plain twin with the same layers).
 */
record BlockStyle(boolean batchNorm, ActivationFunction activation, ShortcutOption option, boolean shortcut) {
    BlockStyle {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(option, "option");
    }

    Activation act() {
        return new Activation(activation);
    }

    /** Node name of an activation: {@code relu1}, or {@code sigmoid1} when the style uses sigmoid. */
    String actName(int index) {
        return activation.id() + index;
    }
}

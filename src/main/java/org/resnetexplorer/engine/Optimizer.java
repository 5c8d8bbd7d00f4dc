package org.resnetexplorer.engine;

import java.util.Locale;

/** How parameters move along their gradients. */
public enum Optimizer {
    /** Stochastic gradient descent with momentum: the paper's recipe (momentum 0.9). */
    SGD,
    /** Adam (beta1 0.9, beta2 0.999, epsilon 1e-8). */
    ADAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optimizer parse(String text) {
        for (Optimizer optimizer : values()) {
            if (optimizer.id().equalsIgnoreCase(text.trim())) {
                return optimizer;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an optimizer: use sgd or adam");
    }
}

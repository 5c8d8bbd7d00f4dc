package org.resnetexplorer.graph;

import java.util.Locale;
import org.resnetexplorer.i18n.Texts;

/** The element-wise non-linearities a layer can apply. */
public enum ActivationFunction {
    RELU("ReLU"),
    TANH("Tanh"),
    SIGMOID("Sigmoid"),
    IDENTITY("Identity");

    private final String label;

    ActivationFunction(String label) {
        this.label = label;
    }

    /** How a student reads it: {@code "ReLU"}. */
    public String label() {
        return label;
    }

    /** How files and the command line write it: {@code "relu"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code relu}, {@code tanh}, {@code sigmoid} or {@code identity}, in any case. */
    public static ActivationFunction parse(String text) {
        for (ActivationFunction f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException(Texts.format("activationFunction.unknown", text, "relu, tanh, sigmoid", "identity"));
    }
}

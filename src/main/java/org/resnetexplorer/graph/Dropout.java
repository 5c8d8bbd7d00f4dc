package org.resnetexplorer.graph;

import java.util.List;

/** During training, zeroes each value with probability {@code rate} (and scales the rest up to match). */
public record Dropout(double rate) implements LayerSpec {
    public Dropout {
        Checks.fraction(rate, "rate");
    }

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }
}

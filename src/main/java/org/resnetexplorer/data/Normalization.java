package org.resnetexplorer.data;

import java.util.List;
import java.util.Objects;

/**
 * How a dataset's features were standardised: {@code stored = (raw - mean) / std}, with one mean and one standard
 * deviation per image channel (or per feature of a flat shape), measured on the training split and applied to both
 * splits. Images are first scaled from bytes to [0, 1], so their "raw" values are in [0, 1]. Empty lists mean
 * the features are stored as they are (the generated toy sets).
 *
 * <p>Keep it with a trained model: new inputs need the same transformation (e.g. when exporting a model).
 */
public record Normalization(List<Double> mean, List<Double> std) {

    private static final Normalization NONE = new Normalization(List.of(), List.of());

    public Normalization {
        mean = List.copyOf(Objects.requireNonNull(mean, "mean"));
        std = List.copyOf(Objects.requireNonNull(std, "std"));
        if (mean.size() != std.size()) {
            throw new IllegalArgumentException("mean has " + mean.size() + " values but std has " + std.size());
        }
        for (double s : std) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("a standard deviation must be positive and finite (got " + s + ")");
            }
        }
    }

    /** Features stored as they are. */
    public static Normalization none() {
        return NONE;
    }

    /** True when the features are stored as they are. */
    public boolean isNone() {
        return mean.isEmpty();
    }

    /** The value before standardisation of a stored {@code value} of {@code channel}. */
    public double restore(int channel, double value) {
        return isNone() ? value : value * std.get(channel) + mean.get(channel);
    }

    /** The stored value of a raw {@code value} of {@code channel}, as the loader computed it. */
    public double apply(int channel, double value) {
        return isNone() ? value : (value - mean.get(channel)) / std.get(channel);
    }
}

package org.resnetexplorer.data;

import java.nio.file.Path;

/**
 * How to load a dataset; a null setting keeps the dataset's default.
 *
 * <ul>
 * <li>{@code seed}: the random seed of generated points, of subsets and of the CSV train/test split (default 1):
 * the same options give the same examples.
 * <li>{@code trainSize}, {@code testSize}: the number of examples. Generated sets: 1000 train / 500 test by
 * default. File datasets: all of them by default, otherwise a stratified random subset (classes in their
 * proportions); asking for more than the files hold is an error. CSV: the test split (default 20% of the rows)
 * and at most {@code trainSize} of the remaining rows. Sizes whose examples cannot fit in memory are refused before
 * anything is allocated (decision 0018).
 * <li>{@code noise}: generated sets only, from 0 to 1; TensorFlow Playground's slider shows it in percent
 * (0-50). Default 0.1.
 * <li>{@code classes}: generated {@code spiral} (2-6 arms) and {@code gauss} (2-8 blobs), default 2. Other
 * datasets have a fixed number and refuse a different one.
 * <li>{@code dataDir}: the folder holding the files of {@code fashion-mnist}, {@code mnist}, {@code cifar10}.
 * <li>{@code downscale}: images only: halve height and width by averaging 2x2 pixels (28x28 to 14x14, 32x32 to
 * 16x16), for fast CPU runs.
 * </ul>
 */
public record DatasetOptions(Long seed, Integer trainSize, Integer testSize, Double noise, Integer classes,
        Path dataDir, boolean downscale) {

    public DatasetOptions {
        if (trainSize != null && trainSize < 1) {
            throw new IllegalArgumentException("the training size must be at least 1 (got " + trainSize + ")");
        }
        if (testSize != null && testSize < 1) {
            throw new IllegalArgumentException("the test size must be at least 1 (got " + testSize + ")");
        }
        if (noise != null && !(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be from 0 to 1 (got " + noise + ")");
        }
        if (classes != null && classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2 (got " + classes + ")");
        }
    }

    /** Every setting at the dataset's default. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(null, null, null, null, null, null, false);
    }

    public DatasetOptions withSeed(Long value) {
        return new DatasetOptions(value, trainSize, testSize, noise, classes, dataDir, downscale);
    }

    public DatasetOptions withTrainSize(Integer value) {
        return new DatasetOptions(seed, value, testSize, noise, classes, dataDir, downscale);
    }

    public DatasetOptions withTestSize(Integer value) {
        return new DatasetOptions(seed, trainSize, value, noise, classes, dataDir, downscale);
    }

    public DatasetOptions withNoise(Double value) {
        return new DatasetOptions(seed, trainSize, testSize, value, classes, dataDir, downscale);
    }

    public DatasetOptions withClasses(Integer value) {
        return new DatasetOptions(seed, trainSize, testSize, noise, value, dataDir, downscale);
    }

    public DatasetOptions withDataDir(Path value) {
        return new DatasetOptions(seed, trainSize, testSize, noise, classes, value, downscale);
    }

    public DatasetOptions withDownscale(boolean value) {
        return new DatasetOptions(seed, trainSize, testSize, noise, classes, dataDir, value);
    }
}

package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.Random;

/**
 * The training examples a run's training error is measured on: a fixed sample, drawn once per run, as large as
 * the test evaluation ({@code min(testLimit, training set size)}), so the training error and the test error are
 * measured the same way on as many examples (decision 0024).
 *
 * <p>The sample comes from {@code new Random(seed ^ SEED_SALT)} with the run's seed: two runs with the same seed
 * measure the same examples, and the sample does not repeat the seed's shuffle of the training batches.
 */
final class TrainingSample {
    /** Mixed into the run's seed ("train_er" in ASCII), so the sample is not the first batches of an epoch. */
    static final long SEED_SALT = 0x747261696E5F6572L;

    private TrainingSample() {
    }

    /**
     * {@code min(count, size)} distinct indices in [0, size), in increasing order (the order changes no error, and
     * reading the examples in order is kinder to the cache), the same for the same seed.
     */
    static int[] indices(int size, int count, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int taken = Math.min(count, size);
        // the first `taken` steps of a Fisher-Yates shuffle: a uniform sample without replacement
        Random random = new Random(seed ^ SEED_SALT);
        for (int i = 0; i < taken; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] sample = Arrays.copyOf(order, taken);
        Arrays.sort(sample);
        return sample;
    }

    /** The first {@code min(count, size)} indices, in order: the examples the test error is measured on. */
    static int[] first(int size, int count) {
        int[] first = new int[Math.min(count, size)];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        return first;
    }
}

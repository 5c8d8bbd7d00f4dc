package org.resnetexplorer.data;

import java.util.Arrays;
import java.util.Random;

/** Seeded shuffles and stratified subsets. java.util.Random is specified exactly, so results hold across JDKs. */
final class Sampling {
    private Sampling() {
    }

    /** An independent seed for one use ({@code stream}) of the user's seed (SplitMix64's finaliser). */
    static long derive(long seed, long stream) {
        long z = seed + stream * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fisher-Yates, in place. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * {@code n} of the indices {@code 0..labels.length-1}, each class in its proportion (largest remainder, so the
     * counts add up to {@code n} exactly; a balanced set gives a balanced subset), chosen at random and returned in
     * random order.
     */
    static int[] stratified(int[] labels, int classes, int n, Random random) {
        if (n > labels.length) {
            throw new IllegalArgumentException(n + " of " + labels.length);
        }
        int[][] byClass = byClass(labels, classes);
        for (int[] members : byClass) {
            shuffle(members, random);
        }
        int[] quota = new int[classes];
        double[] remainder = new double[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            double exact = (double) n * byClass[c].length / labels.length;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        while (assigned < n) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quota[c] < byClass[c].length && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
        int[] chosen = new int[n];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            System.arraycopy(byClass[c], 0, chosen, k, quota[c]);
            k += quota[c];
        }
        shuffle(chosen, random);
        return chosen;
    }

    /** The indices of each class, in index order. */
    static int[][] byClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        Arrays.fill(counts, 0);
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][counts[labels[i]]++] = i;
        }
        return byClass;
    }

    /** 0, 1, ..., n-1. */
    static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}

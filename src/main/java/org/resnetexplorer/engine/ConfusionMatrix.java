package org.resnetexplorer.engine;

import java.util.Objects;

/**
 * How often the examples of each true class (rows) were predicted as each class (columns): the diagonal holds
 * the right predictions, a row's other cells where that class's examples went wrong. Immutable.
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final int total;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
        int sum = 0;
        for (int[] row : counts) {
            for (int n : row) {
                sum += n;
            }
        }
        this.total = sum;
    }

    /**
     * The matrix of {@code classes} classes counting, for every example {@code i}, the pair ({@code truth[i]},
     * {@code predicted[i]}).
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold a class outside [0, classes)
     */
    public static ConfusionMatrix of(int classes, int[] truth, int[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (classes < 1 || truth.length != predicted.length) {
            throw new IllegalArgumentException(classes + " classes, " + truth.length + " true and " + predicted.length
                    + " predicted labels");
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("example " + i + ": class " + truth[i] + " predicted as "
                        + predicted[i] + " is outside 0.." + (classes - 1));
            }
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** The number of classes: rows and columns. */
    public int classes() {
        return counts.length;
    }

    /** How many examples of true class {@code truth} were predicted as {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** How many examples of true class {@code truth} there are (the row's sum). */
    public int rowSum(int truth) {
        int sum = 0;
        for (int n : counts[truth]) {
            sum += n;
        }
        return sum;
    }

    /**
     * The share, in [0, 1], of true class {@code truth}'s examples that were predicted as {@code predicted} (the
     * row-normalised cell: a row sums to 1); 0 for a class with no examples.
     */
    public double rowShare(int truth, int predicted) {
        int sum = rowSum(truth);
        return sum == 0 ? 0 : (double) counts[truth][predicted] / sum;
    }

    /** How many examples it counts. */
    public int total() {
        return total;
    }

    /** How many were predicted right (the diagonal's sum). */
    public int right() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** The share, in [0, 1], of the examples predicted wrong; 0 when it counts none. */
    public double error() {
        return total == 0 ? 0 : 1 - (double) right() / total;
    }
}

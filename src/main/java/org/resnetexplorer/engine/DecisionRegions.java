package org.resnetexplorer.engine;

import java.util.Objects;
import java.util.Optional;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;

/**
 * What a trained state predicts over the plane of 2-D data: per cell of a {@link Grid} its predicted class and its
 * confidence (the highest softmax probability), computed in one inference pass of a {@link NetworkProbe} over the
 * cells' centres. The pictures of decision regions are drawn from it; {@link #nanos()} is what the pass cost.
 */
public final class DecisionRegions {
    /** Cells along the longer side of the data's range: about 100 x 100, 10,000 examples a pass. */
    public static final int CELLS = 100;
    /** The margin around the data, as a fraction of its range on each side. */
    public static final double PADDING = 0.1;

    private final Grid grid;
    private final int step;
    private final int classes;
    private final int[] predicted;
    private final float[] confidence;
    private final long nanos;

    private DecisionRegions(Grid grid, int step, int classes, int[] predicted, float[] confidence, long nanos) {
        this.grid = grid;
        this.step = step;
        this.classes = classes;
        this.predicted = predicted;
        this.confidence = confidence;
        this.nanos = nanos;
    }

    /**
     * The square cells over a rectangle of the plane, row 0 at the bottom (smallest second feature), column 0 at
     * the left (smallest first feature).
     *
     * @param left   the first feature at the grid's left edge
     * @param bottom the second feature at its bottom edge
     * @param cell   a cell's side, in feature units
     */
    public record Grid(double left, double bottom, double cell, int columns, int rows) {
        public Grid {
            if (!(cell > 0) || columns < 1 || rows < 1 || !Double.isFinite(left) || !Double.isFinite(bottom)) {
                throw new IllegalArgumentException("not a grid: " + columns + " x " + rows + " cells of " + cell);
            }
        }

        /**
         * The grid over a dataset's training and test points, padded by {@link #PADDING} of their range on each
         * side, {@link #CELLS} square cells along the longer side and the data centred along the shorter.
         *
         * @throws IllegalArgumentException if the examples are not points of the plane ({@link #fits})
         */
        public static Grid over(Dataset dataset) {
            if (!fits(dataset)) {
                throw new IllegalArgumentException(dataset.name() + " has examples of " + dataset.shape()
                        + ", not points of the plane");
            }
            double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            extend(range, dataset.train());
            extend(range, dataset.test());
            if (!Double.isFinite(range[0])) {
                range = new double[] {-1, 1, -1, 1};
            }
            double width = range[1] - range[0];
            double height = range[3] - range[2];
            // a single point (or a line of them) still gets a square around it
            double span = Math.max(Math.max(width, height), 1e-6) * (1 + 2 * PADDING);
            double cell = span / CELLS;
            int columns = Math.max(1, (int) Math.ceil(Math.max(width, 1e-6) * (1 + 2 * PADDING) / cell - 1e-9));
            int rows = Math.max(1, (int) Math.ceil(Math.max(height, 1e-6) * (1 + 2 * PADDING) / cell - 1e-9));
            double centreX = (range[0] + range[1]) / 2;
            double centreY = (range[2] + range[3]) / 2;
            return new Grid(centreX - columns * cell / 2, centreY - rows * cell / 2, cell, columns, rows);
        }

        /** Whether a dataset's examples are points of the plane (two features), which a grid can cover. */
        public static boolean fits(Dataset dataset) {
            return dataset.shape().elementCount() == 2;
        }

        private static void extend(double[] range, Examples examples) {
            float[] f = examples.features();
            for (int i = 0; i + 1 < f.length; i += 2) {
                if (Float.isFinite(f[i]) && Float.isFinite(f[i + 1])) {
                    range[0] = Math.min(range[0], f[i]);
                    range[1] = Math.max(range[1], f[i]);
                    range[2] = Math.min(range[2], f[i + 1]);
                    range[3] = Math.max(range[3], f[i + 1]);
                }
            }
        }

        /** The first feature at the grid's right edge. */
        public double right() {
            return left + columns * cell;
        }

        /** The second feature at the grid's top edge. */
        public double top() {
            return bottom + rows * cell;
        }

        /** The number of cells. */
        public int size() {
            return columns * rows;
        }

        /** The centres of every cell as examples of two features, row by row from the bottom row. */
        public float[] centres() {
            float[] centres = new float[2 * size()];
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    int i = 2 * (row * columns + column);
                    centres[i] = (float) (left + (column + 0.5) * cell);
                    centres[i + 1] = (float) (bottom + (row + 0.5) * cell);
                }
            }
            return centres;
        }

        /** The index (row * columns + column) of the cell holding point ({@code x}, {@code y}); empty outside. */
        public Optional<Integer> cellAt(double x, double y) {
            int column = (int) Math.floor((x - left) / cell);
            int row = (int) Math.floor((y - bottom) / cell);
            return column < 0 || column >= columns || row < 0 || row >= rows ? Optional.empty()
                    : Optional.of(row * columns + column);
        }
    }

    /**
     * Regions computed elsewhere (a picture's test draws made-up ones): per cell, row by row from the bottom, the
     * class predicted and its probability.
     *
     * @throws IllegalArgumentException if the arrays do not hold one value per cell, or a class is out of range
     */
    public static DecisionRegions of(Grid grid, int step, int classes, int[] predicted, float[] confidence,
            long nanos) {
        if (predicted.length != grid.size() || confidence.length != grid.size()) {
            throw new IllegalArgumentException(predicted.length + " classes and " + confidence.length
                    + " confidences for " + grid.size() + " cells");
        }
        for (int c : predicted) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " outside 0.." + (classes - 1));
            }
        }
        return new DecisionRegions(grid, step, classes, predicted.clone(), confidence.clone(), nanos);
    }

    /**
     * Runs the state the probe holds over every cell of {@code grid} (one pass, in the probe's chunks), timed.
     * Call on the probe's thread.
     */
    public static DecisionRegions compute(NetworkProbe probe, Grid grid) {
        Objects.requireNonNull(grid, "grid");
        if (probe.featureCount() != 2) {
            throw new IllegalArgumentException("the network takes " + probe.featureCount() + " features, not 2");
        }
        long start = System.nanoTime();
        NetworkProbe.Pass pass = probe.run(grid.centres(), grid.size());
        int[] predicted = new int[grid.size()];
        float[] confidence = new float[grid.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = pass.predicted(i);
            confidence[i] = pass.confidence(i);
        }
        return new DecisionRegions(grid, probe.step(), pass.classes(), predicted, confidence, System.nanoTime() - start);
    }

    public Grid grid() {
        return grid;
    }

    /** The step of the state that predicted. */
    public int step() {
        return step;
    }

    /** The number of classes the network tells apart. */
    public int classes() {
        return classes;
    }

    /** The class predicted in cell {@code index} (row * columns + column). */
    public int predicted(int index) {
        return predicted[index];
    }

    /** The probability of the predicted class in cell {@code index}: from 1 / classes (unsure) to 1 (sure). */
    public float confidence(int index) {
        return confidence[index];
    }

    /** How long the pass over the grid took, in nanoseconds (the cells' inference, not the drawing). */
    public long nanos() {
        return nanos;
    }
}

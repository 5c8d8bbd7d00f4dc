package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Shape;

/**
 * What a network of 2-D data makes of the plane, stage by stage (decision 0028): a fixed grid of lines over the
 * data's range and the data points, run through the network once, and each stage's output projected to two
 * dimensions. Drawn as a warped grid with the points on it, a residual net moves them a little at each block while
 * a plain net reshapes the whole space at every layer.
 */
public final class LayerProjection {
    /** Grid lines each way: as many horizontal as vertical ones. */
    public static final int LINES = 11;
    /** Points along each grid line: enough for a bent line to look smooth. */
    public static final int POINTS_PER_LINE = 50;
    /** At most this many data points are drawn (a fixed spread of the training set beyond it). */
    public static final int MAX_POINTS = 1000;
    /** The margin around the data's range, as a share of its extent. */
    static final double MARGIN = 0.05;

    private LayerProjection() {
    }

    /**
     * One stage's picture.
     *
     * @param stage  where in the network
     * @param width  how many values the stage's output has per example
     * @param grid   the grid's points projected, x then y each: {@code 2 * LINES} lines (the horizontal ones, then
     *               the vertical ones) of {@link #POINTS_PER_LINE} points
     * @param points the data points projected, x then y each
     * @param labels the class of each data point
     */
    public record Picture(NetworkStages.Stage stage, int width, float[] grid, float[] points, int[] labels) {
        public Picture {
            Objects.requireNonNull(stage, "stage");
        }

        /** How many grid lines it holds. */
        public int lines() {
            return grid.length / (2 * POINTS_PER_LINE);
        }
    }

    /** Whether a network of this input can be drawn here: its examples are points of the plane. */
    public static boolean drawable(Shape input) {
        return input instanceof Shape.Flat && input.elementCount() == 2;
    }

    /**
     * Runs the probe's state once on the grid over {@code data}'s range and on its points (at most
     * {@link #MAX_POINTS} of them), and projects every stage's output with {@code projection}.
     *
     * @throws IllegalArgumentException if the data or the network's input is not 2-D
     */
    public static List<Picture> compute(NetworkProbe probe, Examples data, Projection projection) {
        if (!drawable(data.shape()) || probe.featureCount() != 2) {
            throw new IllegalArgumentException("the layer pictures need 2-D data and a network of 2 inputs");
        }
        int[] chosen = spread(data.size());
        float[] grid = grid(data.features());
        int gridCount = grid.length / 2;
        int count = gridCount + chosen.length;
        float[] features = new float[2 * count];
        System.arraycopy(grid, 0, features, 0, grid.length);
        int[] labels = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            features[grid.length + 2 * i] = data.features()[2 * chosen[i]];
            features[grid.length + 2 * i + 1] = data.features()[2 * chosen[i] + 1];
            labels[i] = data.labels()[chosen[i]];
        }
        List<NetworkStages.Stage> stages = NetworkStages.of(probe.analysis().network());
        Map<String, float[]> outputs = probe.run(features, count,
                stages.stream().map(NetworkStages.Stage::node).distinct().toList()).outputs();
        List<Picture> pictures = new ArrayList<>();
        for (NetworkStages.Stage stage : stages) {
            float[] out = outputs.get(stage.node());
            int width = out.length / count;
            float[] projected = projection.project(out, count, width);
            float[] gridPart = new float[grid.length];
            float[] pointPart = new float[projected.length - grid.length];
            System.arraycopy(projected, 0, gridPart, 0, gridPart.length);
            System.arraycopy(projected, grid.length, pointPart, 0, pointPart.length);
            pictures.add(new Picture(stage, width, gridPart, pointPart, labels));
        }
        return List.copyOf(pictures);
    }

    /**
     * The grid over the range of {@code points} (x, y pairs) with a small margin: {@link #LINES} horizontal lines
     * from bottom to top, then as many vertical ones from left to right, {@link #POINTS_PER_LINE} points each
     * (x, y pairs, line after line).
     */
    static float[] grid(float[] points) {
        double[] range = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i + 1 < points.length; i += 2) {
            range[0] = Math.min(range[0], points[i]);
            range[1] = Math.max(range[1], points[i]);
            range[2] = Math.min(range[2], points[i + 1]);
            range[3] = Math.max(range[3], points[i + 1]);
        }
        if (points.length < 2) {
            range = new double[] {-1, 1, -1, 1};
        }
        for (int axis = 0; axis < 2; axis++) {
            double extent = Math.max(range[2 * axis + 1] - range[2 * axis], 1e-3);
            range[2 * axis] -= MARGIN * extent;
            range[2 * axis + 1] += MARGIN * extent;
        }
        float[] grid = new float[2 * 2 * LINES * POINTS_PER_LINE];
        int at = 0;
        for (int direction = 0; direction < 2; direction++) {
            for (int line = 0; line < LINES; line++) {
                double across = (double) line / (LINES - 1);
                for (int p = 0; p < POINTS_PER_LINE; p++) {
                    double along = (double) p / (POINTS_PER_LINE - 1);
                    // horizontal lines run along x at a fixed y; vertical ones along y at a fixed x
                    double u = direction == 0 ? along : across;
                    double v = direction == 0 ? across : along;
                    grid[at++] = (float) (range[0] + u * (range[1] - range[0]));
                    grid[at++] = (float) (range[2] + v * (range[3] - range[2]));
                }
            }
        }
        return grid;
    }

    /** The indices of at most {@link #MAX_POINTS} examples spread evenly over {@code size}. */
    private static int[] spread(int size) {
        int n = Math.min(size, MAX_POINTS);
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = (int) ((long) i * size / n);
        }
        return chosen;
    }
}

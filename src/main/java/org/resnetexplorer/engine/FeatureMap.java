package org.resnetexplorer.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.resnetexplorer.graph.Shape;

/**
 * One node's output for one example, as maps: {@code channels} maps of {@code height x width} values (a flat output
 * is {@code n} maps of one value each), row-major in channel, row, column order, as the network computed them.
 *
 * @param node the node whose output this is
 */
public record FeatureMap(String node, int channels, int height, int width, float[] values) {
    public FeatureMap {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(values, "values");
        if ((long) channels * height * width != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + channels + "x" + height + "x" + width);
        }
    }

    /** The output of {@code node}, of shape {@code shape}, from one example's {@code values}. */
    static FeatureMap of(String node, Shape shape, float[] values) {
        if (shape instanceof Shape.Image image) {
            return new FeatureMap(node, image.channels(), image.height(), image.width(), values);
        }
        return new FeatureMap(node, values.length, 1, 1, values);
    }

    /** The value at {@code row}, {@code column} of map {@code channel}. */
    public float value(int channel, int row, int column) {
        return values[(channel * height + row) * width + column];
    }

    /** The standard deviation of all its values (over every channel and position; population, not sample). */
    public double std() {
        return std(0, values.length);
    }

    /** The standard deviation of one channel's values. */
    public double std(int channel) {
        Objects.checkIndex(channel, channels);
        int area = height * width;
        return std(channel * area, area);
    }

    private double std(int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = from; i < from + count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / count);
    }

    /**
     * The {@code count} channels of largest std, in channel order: where the maps show most (a channel a ReLU has
     * silenced everywhere is flat and comes last).
     */
    public List<Integer> strongestChannels(int count) {
        return IntStream.range(0, channels).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -std(c)).thenComparing(c -> c))
                .limit(Math.max(0, count)).sorted().toList();
    }
}

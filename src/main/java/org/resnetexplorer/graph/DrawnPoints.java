package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.i18n.Texts;

/**
 * The points a student drew to train on (the "custom" dataset), in the order drawn: saved with the graph, edited
 * through the graph's undo history like the network. A value; every edit returns a new one.
 *
 * <p>Bounded so that a file cannot make the window slow or the dataset odd: at most {@value #MAX_POINTS} points,
 * classes 0 to {@value #MAX_CLASSES} - 1, coordinates finite and within +-{@value #LIMIT} (twice the square the
 * generated 2-D sets fill).
 */
public record DrawnPoints(List<DrawnPoint> points) {
    /** The most points a set may hold: ten times what a hand draws in a lesson, still instant to train on. */
    public static final int MAX_POINTS = 2000;
    /** The most classes: one per colour of {@code ClassColours} and per key 1..9 and 0. */
    public static final int MAX_CLASSES = 10;
    /** How far from the origin a coordinate may be. */
    public static final double LIMIT = 2;
    /** No points. */
    public static final DrawnPoints NONE = new DrawnPoints(List.of());

    public DrawnPoints {
        Objects.requireNonNull(points, "points");
        if (points.size() > MAX_POINTS) {
            throw new IllegalArgumentException(Texts.format("drawnPoints.too.many", points.size(), MAX_POINTS));
        }
        points = List.copyOf(points);
    }

    /** Whether no point is drawn. */
    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** How many points are drawn. */
    public int size() {
        return points.size();
    }

    /**
     * The number of classes a dataset of these points has: the highest class drawn plus one (a class left out
     * keeps its place, so every point keeps its colour), 0 without points.
     */
    public int classes() {
        return points.stream().mapToInt(DrawnPoint::label).max().orElse(-1) + 1;
    }

    /** How many different classes have points. */
    public int classesDrawn() {
        return (int) points.stream().mapToInt(DrawnPoint::label).distinct().count();
    }

    /** Whether another point may be added. */
    public boolean isFull() {
        return points.size() >= MAX_POINTS;
    }

    /**
     * These points and {@code point} after them.
     *
     * @throws IllegalStateException when {@value #MAX_POINTS} points are drawn already
     */
    public DrawnPoints with(DrawnPoint point) {
        Objects.requireNonNull(point, "point");
        if (isFull()) {
            throw new IllegalStateException(Texts.format("drawnPoints.full", MAX_POINTS));
        }
        List<DrawnPoint> next = new ArrayList<>(points);
        next.add(point);
        return new DrawnPoints(next);
    }

    /** These points without the one at {@code index} (in drawing order). */
    public DrawnPoints without(int index) {
        Objects.checkIndex(index, points.size());
        List<DrawnPoint> next = new ArrayList<>(points);
        next.remove(index);
        return new DrawnPoints(next);
    }
}

package org.resnetexplorer.charts;

import java.awt.Color;

/**
 * The colour of each class in the pictures of data and predictions (points, decision regions, a confusion
 * matrix's labels): distinct hues that stay apart for colour-blind readers (Okabe and Ito's order, black left
 * out: it is the points' outline), then further hues for more than seven classes. Regions are drawn as a mix of a
 * class's colour and the background, by the network's confidence ({@link #region}).
 */
public final class ClassColours {
    private static final Color[] CLASSES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x8C564B),
        new Color(0x7F7F7F), new Color(0x17BECF)};

    private ClassColours() {
    }

    /** How many classes have a colour of their own (after that they repeat). */
    public static int size() {
        return CLASSES.length;
    }

    /** The colour of class {@code index} (from 0). */
    public static Color of(int index) {
        return CLASSES[Math.floorMod(index, CLASSES.length)];
    }

    /**
     * A region's colour: the class's colour mixed into {@code background} by {@code strength} in [0, 1] (0 the
     * background, 1 the class's colour at {@link #REGION_STRENGTH}, so the points drawn on it stay visible).
     */
    public static Color region(int index, double strength, Color background) {
        double s = Math.max(0, Math.min(1, strength)) * REGION_STRENGTH;
        Color c = of(index);
        return new Color(mix(background.getRed(), c.getRed(), s), mix(background.getGreen(), c.getGreen(), s),
                mix(background.getBlue(), c.getBlue(), s));
    }

    /** How strongly the surest region shows its class's colour: lighter than the points, which are drawn on it. */
    public static final double REGION_STRENGTH = 0.55;

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }
}

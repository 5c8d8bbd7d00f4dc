package org.resnetexplorer.charts;

import java.awt.Color;

/**
 * A colour scale for values around 0 (feature maps): blue below, red above, near-white at 0 (Brewer's RdBu), the
 * same in every {@link ChartStyle}: on a dark or high-contrast page the maps show as light tiles, so their faint
 * values stay visible on a projector rather than sinking into the black.
 */
final class DivergingScale {
    static final Color NEGATIVE = new Color(0x2166ac);
    static final Color ZERO = new Color(0xf7f7f7);
    static final Color POSITIVE = new Color(0xb2182b);

    private DivergingScale() {
    }

    /** The colour of {@code t} in [-1, 1] (clamped; NaN as 0): -1 full blue, 0 near-white, 1 full red. */
    static Color colour(double t) {
        double v = Double.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
        Color end = v < 0 ? NEGATIVE : POSITIVE;
        double s = Math.abs(v);
        return new Color(mix(ZERO.getRed(), end.getRed(), s), mix(ZERO.getGreen(), end.getGreen(), s),
                mix(ZERO.getBlue(), end.getBlue(), s));
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }
}

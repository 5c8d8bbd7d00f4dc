package org.resnetexplorer.charts;

import java.awt.Color;

/**
 * A colour scale for values around 0 (feature maps, filters): blue below, red above, the chart's background at 0,
 * so a map near zero fades into the page and its sign reads at a glance in every {@link ChartStyle} (on a dark
 * background the ends are lighter).
 */
final class DivergingScale {
    private static final Color NEGATIVE = new Color(0x2166ac);
    private static final Color POSITIVE = new Color(0xb2182b);
    private static final Color NEGATIVE_ON_DARK = new Color(0x6baed6);
    private static final Color POSITIVE_ON_DARK = new Color(0xfb6a4a);

    private DivergingScale() {
    }

    /** The colour of {@code t} in [-1, 1] (clamped): -1 full blue, 0 the background, 1 full red. */
    static Color colour(double t, ChartStyle style) {
        double v = Double.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
        Color end = v < 0 ? (style.dark() ? NEGATIVE_ON_DARK : NEGATIVE) : (style.dark() ? POSITIVE_ON_DARK : POSITIVE);
        Color middle = style.background();
        double s = Math.abs(v);
        return new Color(mix(middle.getRed(), end.getRed(), s), mix(middle.getGreen(), end.getGreen(), s),
                mix(middle.getBlue(), end.getBlue(), s));
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }
}

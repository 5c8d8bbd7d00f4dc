package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * How a chart is painted: the colours of its background, text, axes and grid, the run colours it paints the
 * {@link Palette}'s as (a high-contrast theme swaps them for brighter ones), and the scale of its text and its
 * lines (a projector wants both larger). The default, {@link #LIGHT}, is the look of every chart before themes:
 * {@code train --png} and {@code experiment --png} keep it.
 *
 * @param background the chart's background
 * @param foreground the title and the legend's text
 * @param axis       axis lines, tick labels and axis titles
 * @param grid       the grid lines
 * @param runs       what each of the {@link Palette}'s run colours is painted as, in its order; empty keeps them
 * @param fontScale  text size relative to the default (1 = as before, 1.5 = half as large again)
 * @param lineScale  line width relative to the default (data lines, legend samples and axes)
 */
public record ChartStyle(Color background, Color foreground, Color axis, Color grid, List<Color> runs, double fontScale,
        double lineScale) {

    /** Black on white, the Okabe and Ito run colours, default sizes. */
    public static final ChartStyle LIGHT = new ChartStyle(Color.WHITE, Color.BLACK, new Color(0x57606a), new Color(0xe5e8eb),
            List.of(), 1, 1);

    /**
     * White on black with bright, saturated run colours in the order (and roughly the hues) of the Okabe and Ito
     * palette, so that run 1 stays blue and run 2 orange whichever theme shows them; its black becomes white.
     */
    public static final ChartStyle HIGH_CONTRAST = new ChartStyle(Color.BLACK, Color.WHITE, new Color(0xf0f0f0),
            new Color(0x4a4a4a), List.of(new Color(0x3fa9ff), new Color(0xff7a1a), new Color(0x2ee86a), new Color(0xff5fd2),
                    new Color(0xffc400), new Color(0x7fe8ff), new Color(0xffffff), new Color(0xfff23a)), 1, 1);

    /** Light text on the dark theme's background; run colours lightened, the palette's black becomes near-white. */
    public static final ChartStyle DARK = new ChartStyle(new Color(0x1b1f24), new Color(0xe6edf3), new Color(0xa0a9b3),
            new Color(0x30363d), List.of(new Color(0x4da3ff), new Color(0xff7f3f), new Color(0x2fcf8f), new Color(0xe08cc4),
                    new Color(0xf0b429), new Color(0x7fd0ff), new Color(0xe6edf3), new Color(0xf0e442)), 1, 1);

    public ChartStyle {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(grid, "grid");
        runs = List.copyOf(runs);
        if (!runs.isEmpty() && runs.size() != Palette.size()) {
            throw new IllegalArgumentException("runs: " + runs.size() + " colours, the palette has " + Palette.size());
        }
        if (!(fontScale >= 0.5 && fontScale <= 4) || !(lineScale >= 0.5 && lineScale <= 4)) {
            throw new IllegalArgumentException("scales must lie between 0.5 and 4: font " + fontScale + ", line " + lineScale);
        }
    }

    /** The same colours with text {@code font} and lines {@code line} times their default size. */
    public ChartStyle scaled(double font, double line) {
        return new ChartStyle(background, foreground, axis, grid, runs, font, line);
    }

    /** What a line of colour {@code colour} is painted as: a palette colour becomes this style's, others stay. */
    public Color line(Color colour) {
        if (runs.isEmpty()) {
            return colour;
        }
        int index = Palette.indexOf(colour);
        return index < 0 ? colour : runs.get(index);
    }

    /** A line width of {@code width} default units, scaled. */
    public float width(float width) {
        return (float) (width * lineScale);
    }

    /** Whether the background is dark (light text on it). */
    public boolean dark() {
        return (background.getRed() * 299 + background.getGreen() * 587 + background.getBlue() * 114) / 1000 < 128;
    }
}

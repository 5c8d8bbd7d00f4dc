package org.resnetexplorer.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Run colours that stay apart for colour-blind readers and on a projector (Okabe and Ito's palette). */
public final class Palette {
    private static final Color[] RUNS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private Palette() {
    }

    /** How many colours there are before they repeat. */
    public static int size() {
        return RUNS.length;
    }

    /** The colour of the i-th run (repeating after eight). */
    public static Color run(int index) {
        return RUNS[Math.floorMod(index, RUNS.length)];
    }

    /** Where {@code colour} is in the palette, or -1 if it is not one of its colours. */
    public static int indexOf(Color colour) {
        for (int i = 0; i < RUNS.length; i++) {
            if (RUNS[i].equals(colour)) {
                return i;
            }
        }
        return -1;
    }

    /** The colours of the first {@code count} runs. */
    public static List<Color> first(int count) {
        List<Color> colours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            colours.add(run(i));
        }
        return colours;
    }
}

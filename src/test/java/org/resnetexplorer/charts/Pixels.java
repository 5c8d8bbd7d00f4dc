package org.resnetexplorer.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Counting pixels of painted charts, for the tests that compare two paintings. */
public final class Pixels {
    private Pixels() {
    }

    /** Pixels of exactly {@code colour} (alpha ignored). */
    public static int count(BufferedImage image, Color colour) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}

package org.resnetexplorer.files;

import java.util.Locale;
import org.resnetexplorer.i18n.Texts;

/**
 * Sizes of files and memory: how they are written in messages, in decimal units as file managers show them
 * ({@code 32 MB}, {@code 6.44 GB}, {@code 532 bytes}), and how they are counted without wrapping around.
 */
public final class ByteSizes {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSizes() {
    }

    /** Rounded to three significant figures: {@code 32 MB}, {@code 6.44 GB}; below 1000, {@code 532 bytes}. */
    public static String text(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
        if (bytes < 1000) {
            return Texts.format("files.bytes", Long.toString(bytes));
        }
        double value = bytes;
        int unit = -1;
        while (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String digits = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
        String number = String.format(Locale.ROOT, digits, value).replaceFirst("\\.0+$", "");
        return number + " " + UNITS[unit];
    }

    /** Exact, then rounded when that helps: {@code 6,442,450,944 bytes (6.44 GB)}; {@code 532 bytes}. */
    public static String exact(long bytes) {
        String all = Texts.format("files.bytes", String.format(Locale.ROOT, "%,d", bytes));
        return bytes < 1000 ? all : all + " (" + text(bytes) + ")";
    }

    /** {@code a x b}, or {@code Long.MAX_VALUE} when that is more: a size too large to count still compares as too large. */
    public static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, or {@code Long.MAX_VALUE} when that is more, as {@link #product}. */
    public static long sum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

package org.resnetexplorer.graph;

import java.util.Locale;

/** How counts of parameters and multiply-adds are written for people: {@code 11,689,512} and {@code 11.7 M}. */
public final class Counts {
    private Counts() {
    }

    /** With thousands separators: {@code 11,689,512}. */
    public static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** An error rate or other fraction as a percentage with one decimal, {@code 4.7%}; "-" when not measured. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "-";
    }

    /** Rounded to three significant figures with k, M or G: {@code 11.7 M}, {@code 1.82 G}, {@code 432}. */
    public static String abbreviated(long count) {
        String[] units = {"", " k", " M", " G", " T"};
        double value = count;
        int unit = 0;
        while (Math.abs(value) >= 999.5 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (unit == 0) {
            return Long.toString(count);
        }
        String digits = Math.abs(value) >= 99.95 ? "%.0f" : Math.abs(value) >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + units[unit];
    }
}

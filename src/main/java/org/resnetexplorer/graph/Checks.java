package org.resnetexplorer.graph;

import org.resnetexplorer.i18n.Texts;

/** Argument checks whose messages a student can act on; they name the setting and the value given. */
final class Checks {
    static final String AT_LEAST = Texts.get("checks.at.least");
    static final String FRACTION = Texts.get("checks.fraction");
    static final String POSITIVE = Texts.get("checks.positive");
    static final String POOL_PADDING = Texts.get("checks.pool.padding");

    private Checks() {
    }

    /** How messages name a setting: its name in English, a word in Chinese ("checks.setting.NAME"). */
    private static String label(String setting) {
        return Texts.get("checks.setting." + setting);
    }

    static void atLeast(int min, int value, String setting) {
        if (value < min) {
            throw new IllegalArgumentException(String.format(AT_LEAST, label(setting), min, value));
        }
    }

    /**
     * A pool's padding is at most half its kernel (as PyTorch requires): more would make windows of padding alone,
     * which have no value to keep (a max pool's would be minus infinity).
     */
    static void poolPadding(int padding, int kernel) {
        if (padding > kernel / 2) {
            throw new IllegalArgumentException(String.format(POOL_PADDING, kernel / 2, kernel, padding));
        }
    }

    static void fraction(double value, String setting) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(String.format(FRACTION, label(setting), value));
        }
    }

    static void positive(double value, String setting) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(POSITIVE, label(setting), value));
        }
    }

    /**
     * The name, if it is not blank. {@code what} names the thing that needs it: the end of the key
     * {@code checks.name.WHAT}, formatted with {@code args} ({@code "block"}, or {@code "branch.end", blockName}).
     */
    static String name(String name, String what, Object... args) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(Texts.format("checks.name", Texts.format("checks.name." + what, args)));
        }
        return name;
    }
}

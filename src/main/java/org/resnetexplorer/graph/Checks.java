package org.resnetexplorer.graph;

/** Argument checks whose messages a student can act on; they name the setting and the value given. */
final class Checks {
    private Checks() {
    }

    static void atLeast(int min, int value, String setting) {
        if (value < min) {
            throw new IllegalArgumentException(setting + " must be at least " + min + " (got " + value + ")");
        }
    }

    static void fraction(double value, String setting) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(setting + " must be from 0 up to (not including) 1 (got " + value + ")");
        }
    }

    static void positive(double value, String setting) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(setting + " must be a positive number (got " + value + ")");
        }
    }

    static String name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " needs a name");
        }
        return name;
    }
}

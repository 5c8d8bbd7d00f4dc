package org.resnetexplorer.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positional words, {@code --option value} pairs and {@code --flag} switches. Only
 * the options and flags a command declares are accepted, so a typo is an error, not silently ignored.
 */
final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Map<String, Boolean> flags = new HashMap<>();

    private Arguments() {
    }

    /**
     * @param optionNames options that take a value, e.g. {@code --input}
     * @param flagNames   switches without a value, e.g. {@code --json}
     */
    static Arguments parse(String command, List<String> args, Set<String> optionNames, Set<String> flagNames)
            throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (flagNames.contains(arg) && value == null) {
                parsed.flags.put(arg, true);
            } else if (optionNames.contains(arg)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(arg + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.options.put(arg, value) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg)) {
                throw new UsageException("'" + command + "' has no option " + arg + " (try: " + command + " --help)");
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    private static boolean isNumber(String text) {
        return text.matches("-\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
    }

    List<String> positional() {
        return positional;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return flags.getOrDefault(name, false);
    }

    /** The value of a whole-number option at least {@code min}, or null when it is absent. */
    Integer intOption(String name, int min) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new UsageException(name + " must be at least " + min + ", not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, not '" + value + "'");
        }
    }

    /** The value of a number option, or null when it is absent. */
    Double doubleOption(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, not '" + value + "'");
        }
    }

    /** The value of a whole-number option as a long, or null when it is absent. */
    Long longOption(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, not '" + value + "'");
        }
    }

    /**
     * The value of an option that names a file or folder to write ({@code --out}, {@code -o}), or null when it is
     * absent. An empty or blank value is refused: as a path it is the current folder, which the user did not mean.
     *
     * @param what what to give instead, e.g. {@code "the folder to write into, e.g. --out runs/first"}
     */
    Path pathOption(String name, String what) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new UsageException(name + " is empty: give " + what);
        }
        return path(value, name);
    }

    /** {@code value} as a path; {@code name} says in the refusal what it was given as (an option, MODEL). */
    static Path path(String value, String name) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(name + " '" + value.replace("\0", "\\0") + "' is not a usable path ("
                    + e.getReason() + "): choose another");
        }
    }
}

package org.resnetexplorer.cli;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command's arguments: positional words, {@code --option value} pairs and {@code --flag} switches. Only
 * the options and flags a command declares are accepted, so a typo is an error, not silently ignored.
 */
final class Arguments {
    /**
     * A plain decimal number as people write it: digits, an optional minus, decimal point and exponent
     * ({@code 0.1}, {@code -3}, {@code .5}, {@code 1e-3}). Java's parsers also take {@code 1f}, {@code 2d},
     * {@code 0x1p3}, {@code NaN}, {@code Infinity}, a leading {@code +}, surrounding spaces and digits of other scripts;
     * none of those is what a user means by a number here.
     */
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    /** A plain whole number: digits with an optional minus. */
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

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
        return DECIMAL.matcher(text).matches();
    }

    /** A plain whole number, of any size (the caller checks its range, so that the message can give it). */
    private static BigInteger whole(String name, String value) throws UsageException {
        if (!WHOLE.matcher(value).matches()) {
            throw new UsageException(name + " needs a whole number, not '" + value + "'");
        }
        return new BigInteger(value);
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
        return value == null ? null : wholeInt(name, value, min);
    }

    /**
     * The values of an option of whole numbers separated by commas (e.g. {@code --milestones 3000,4500}), each at
     * least {@code min}; an empty list when it is absent.
     */
    List<Integer> intListOption(String name, int min) throws UsageException {
        String value = options.get(name);
        List<Integer> values = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",", -1)) {
                values.add(wholeInt(name, part, min));
            }
        }
        return values;
    }

    private static int wholeInt(String name, String value, int min) throws UsageException {
        BigInteger parsed = whole(name, value);
        if (parsed.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new UsageException(name + " must be at least " + min + ", not " + parsed);
        }
        if (parsed.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UsageException(name + " must be at most " + Integer.MAX_VALUE + ", not " + parsed);
        }
        return parsed.intValueExact();
    }

    /** The value of a number option, or null when it is absent. */
    Double doubleOption(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        double parsed = DECIMAL.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!Double.isFinite(parsed)) { // not a plain decimal, or too large for a double (1e999)
            throw new UsageException(name + " needs a number, not '" + value + "'");
        }
        return parsed;
    }

    /** The value of a whole-number option as a long, or null when it is absent. */
    Long longOption(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        BigInteger parsed = whole(name, value);
        if (parsed.bitLength() > 63) {
            throw new UsageException(name + " must be from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", not "
                    + parsed);
        }
        return parsed.longValueExact();
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

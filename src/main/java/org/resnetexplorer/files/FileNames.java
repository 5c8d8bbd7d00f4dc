package org.resnetexplorer.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Names from files (a network's, a dataset's, a run's) made into file and folder names. A name is text anyone
 * can write into a graph or preset file, {@code ../../x} or {@code CON} included, so it never becomes a path
 * as it is: {@link #segment} turns it into one path segment that stays in the folder it is put in, on Linux,
 * macOS and Windows alike, and keeps ordinary names (Chinese ones too) as they are.
 */
public final class FileNames {
    /** Most bytes (UTF-8) a segment has: far below the 255 of common file systems, leaving room for suffixes. */
    public static final int MAX_BYTES = 100;
    /** What an empty name, or one with nothing usable in it, is called. */
    static final String UNNAMED = "unnamed";
    /** Stands in for each character a file name cannot hold. */
    private static final char REPLACEMENT = '_';
    /** Hex digits of the hash that tells apart names that were changed; 8 give 4 billion values. */
    private static final int HASH_DIGITS = 8;
    /** Characters Windows refuses in a file name (besides the control characters), and the separators. */
    private static final String FORBIDDEN = "/\\<>:\"|?*";
    /** Names Windows keeps for devices, with or without an extension: {@code con.txt} opens the console. */
    private static final Set<String> DEVICES = devices();

    private FileNames() {
    }

    /**
     * One safe path segment for {@code name}: no separator, no {@code .} or {@code ..}, no control, format or
     * line-separator character, no lone surrogate, nothing Windows refuses ({@code < > : " | ? *}, device names
     * such as {@code CON} or {@code lpt1.txt}, a trailing dot or space), no leading dot, dash or space (hidden
     * files, options), at most {@value #MAX_BYTES} bytes in UTF-8, never empty. A name that is already all
     * that comes back unchanged (in Unicode's composed form, NFC); any other gets {@code -} and a short hash of
     * the whole original name, so that two names cleaned alike ({@code a/b}, {@code a:b}) still differ, and the
     * same name always gives the same segment.
     */
    public static String segment(String name) {
        Objects.requireNonNull(name, "name");
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        String cleaned = trim(replaceUnsafe(composed));
        if (isDevice(cleaned)) {
            cleaned = REPLACEMENT + cleaned;
        }
        if (cleaned.equals(composed) && !cleaned.isEmpty() && Unicode.utf8Length(cleaned) <= MAX_BYTES) {
            return cleaned;
        }
        String suffix = "-" + hash(name);
        String stem = trim(Unicode.utf8Prefix(cleaned, MAX_BYTES - Unicode.utf8Length(suffix)));
        return (stem.isEmpty() ? UNNAMED : stem) + suffix;
    }

    /** Each character no file name may hold, as {@code _}. */
    private static String replaceUnsafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isSafe(c)) {
                safe.appendCodePoint(c);
            } else {
                safe.append(REPLACEMENT);
            }
        });
        return safe.toString();
    }

    private static boolean isSafe(int c) {
        if (FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            // The zero-width (non-)joiners are part of how some scripts and emoji are written; other format
            // characters (right-to-left overrides, byte-order marks) only hide what a name really says.
            case Character.FORMAT -> c == 0x200C || c == 0x200D;
            // A lone surrogate (half a character) cannot be written in UTF-8 at all; unassigned code points
            // include the non-characters U+FFFE and U+FFFF.
            case Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** Without leading dots, dashes and spaces (hidden files, options, {@code ..}) or trailing dots and spaces. */
    private static String trim(String text) {
        int start = 0;
        while (start < text.length() && (".-".indexOf(text.charAt(start)) >= 0 || Character.isWhitespace(text.charAt(start))
                || Character.isSpaceChar(text.charAt(start)))) {
            start++;
        }
        int end = text.length();
        while (end > start && (text.charAt(end - 1) == '.' || Character.isWhitespace(text.charAt(end - 1))
                || Character.isSpaceChar(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether Windows takes the name for a device: the part before the first dot, without trailing spaces. */
    private static boolean isDevice(String name) {
        int dot = name.indexOf('.');
        String base = (dot >= 0 ? name.substring(0, dot) : name).stripTrailing();
        return DEVICES.contains(base.toUpperCase(Locale.ROOT));
    }

    private static Set<String> devices() {
        Set<String> names = new java.util.HashSet<>(Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"));
        for (String port : new String[] {"COM", "LPT"}) {
            for (char digit : "0123456789\u00B9\u00B2\u00B3".toCharArray()) {
                names.add(port + digit);
            }
        }
        return Set.copyOf(names);
    }

    /** A stable hash of every UTF-16 unit of the name, lone surrogates included, so no two names share one by accident. */
    private static String hash(String name) {
        byte[] units = new byte[name.length() * 2];
        for (int i = 0; i < name.length(); i++) {
            units[2 * i] = (byte) (name.charAt(i) >> 8);
            units[2 * i + 1] = (byte) name.charAt(i);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(units);
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package org.resnetexplorer.graph;

import java.util.Locale;
import java.util.Objects;

/**
 * Text from a graph (names of the network, its nodes and blocks) made safe inside generated Python: the one
 * way such text reaches the code {@link PyTorchExport} writes, in docstrings, string literals and comments.
 */
public final class PythonText {
    private PythonText() {
    }

    /**
     * The text as the inside of a Python string literal, single or triple quoted, whose value is the text
     * itself. Backslashes and both quotes are escaped, so no quote can end the literal; so is every character
     * that does not print: control characters (line breaks included), format characters, line and paragraph
     * separators, lone surrogates, unassigned and private-use code points, spaces other than the ASCII space.
     * The result is one line of printable characters that survives encoding as UTF-8 (a lone surrogate would
     * not), so it also keeps a comment on its line. Printable non-ASCII, Chinese or emoji, stays as it is.
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (printable(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else if (c <= 0xFFFF) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        out.append(String.format(Locale.ROOT, "\\U%08x", c));
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * The text with each lone surrogate spelled out as the six characters of its escape, a backslash, 'u' and
     * four hex digits. For the docstring of a class: Python keeps it encoded as UTF-8 and refuses a lone
     * surrogate there (the class statement raises UnicodeEncodeError on import), while a module's or a
     * function's docstring can hold one.
     */
    static String spellLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.SURROGATE) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The text as a double-quoted Python string literal, escaped as {@link #escape} says. */
    public static String literal(String text) {
        return '"' + escape(text) + '"';
    }

    /** Whether a code point may stand as itself in generated code: it prints, and is not a line break. */
    static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            case Character.SPACE_SEPARATOR -> codePoint == ' ';
            default -> true;
        };
    }
}

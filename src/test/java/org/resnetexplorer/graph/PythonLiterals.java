package org.resnetexplorer.graph;

import java.util.BitSet;

/**
 * Reads the inside of a Python string literal back, by Python's rules for the escapes the export writes
 * ({@code \\ \" \' \n \r \t \xHH \\uXXXX \UXXXXXXXX}), the way Python computes the literal's value. Refuses
 * what would end the literal or the line early or not parse: a bare quote, a line break, a backslash with
 * anything else after it, a backslash at the end, and an escaped surrogate next to a surrogate (Python keeps
 * the two apart as code points, Java would read them as one pair).
 */
final class PythonLiterals {
    private PythonLiterals() {
    }

    /** The value of {@code "BODY"} in Python. @throws IllegalArgumentException where Python would read it otherwise */
    static String value(String body) {
        StringBuilder value = new StringBuilder();
        BitSet escapedSurrogates = new BitSet();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("bare " + describe(c) + " at " + i + " would end the literal or the line");
            }
            if (c != '\\') {
                value.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new IllegalArgumentException("backslash at the end escapes the closing quote");
            }
            char e = body.charAt(i + 1);
            int before = value.length();
            switch (e) {
                case '\\', '"', '\'' -> {
                    value.append(e);
                    i += 2;
                }
                case 'n' -> {
                    value.append('\n');
                    i += 2;
                }
                case 'r' -> {
                    value.append('\r');
                    i += 2;
                }
                case 't' -> {
                    value.append('\t');
                    i += 2;
                }
                case 'x' -> i = hex(body, i, 2, value);
                case 'u' -> i = hex(body, i, 4, value);
                case 'U' -> i = hex(body, i, 8, value);
                default -> throw new IllegalArgumentException("escape \\" + e + " at " + i + " is not one the export writes");
            }
            if (value.length() == before + 1 && Character.isSurrogate(value.charAt(before))) {
                escapedSurrogates.set(before);
            }
        }
        for (int k = 1; k < value.length(); k++) {
            if (Character.isSurrogatePair(value.charAt(k - 1), value.charAt(k))
                    && (escapedSurrogates.get(k - 1) || escapedSurrogates.get(k))) {
                throw new IllegalArgumentException("escaped surrogate at " + (k - 1) + " pairs up in Java, not in Python");
            }
        }
        return value.toString();
    }

    /** Appends the code point of the escape at {@code at} with {@code digits} hex digits; the index after it. */
    private static int hex(String body, int at, int digits, StringBuilder value) {
        int end = at + 2 + digits;
        if (end > body.length() || !body.substring(at + 2, end).matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("truncated escape at " + at);
        }
        int codePoint = Integer.parseInt(body.substring(at + 2, end), 16);
        if (codePoint > Character.MAX_CODE_POINT) {
            throw new IllegalArgumentException("escape at " + at + " is beyond Unicode");
        }
        value.appendCodePoint(codePoint);
        return end;
    }

    private static String describe(char c) {
        return c == '\n' ? "line feed" : c == '\r' ? "carriage return" : "quote " + c;
    }
}

package org.resnetexplorer.files;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Text that can always be written as UTF-8. A Java string may hold half a character, a lone UTF-16 surrogate
 * (JSON's {@code "\ud800"} escape gives one), which UTF-8 cannot encode: {@code Files.writeString} throws on it.
 * Files are read refusing such text ({@link #loneSurrogateAt}); files are written replacing it, so that no
 * write fails on a name, least of all the one at the end of a long training run.
 */
public final class Unicode {
    /** What stands for half a character in what we write: U+FFFD, the replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private Unicode() {
    }

    /** Where the first lone surrogate of {@code text} is, or -1 when every character is whole. */
    public static int loneSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with each lone surrogate replaced by U+FFFD; the same string when it has none. */
    public static String wellFormed(String text) {
        Objects.requireNonNull(text, "text");
        if (loneSurrogateAt(text) < 0) {
            return text;
        }
        StringBuilder whole = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c <= Character.MAX_VALUE && Character.isSurrogate((char) c)) {
                whole.append(REPLACEMENT);
            } else {
                whole.appendCodePoint(c);
            }
        });
        return whole.toString();
    }

    /** {@code text} as UTF-8, each lone surrogate as U+FFFD. */
    public static byte[] utf8(String text) {
        return wellFormed(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A UTF-8 writer onto {@code out} that writes each lone surrogate as U+FFFD instead of throwing, for files
     * written as they go ({@code metrics.csv} during a run).
     */
    public static Writer writer(OutputStream out) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(REPLACEMENT).getBytes(StandardCharsets.UTF_8));
        return new OutputStreamWriter(out, encoder);
    }

    /** How many bytes {@code text} takes in UTF-8 (a lone surrogate as the 3 bytes of U+FFFD it is written as). */
    static int utf8Length(String text) {
        return text.codePoints().map(Unicode::utf8Length).sum();
    }

    private static int utf8Length(int c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    /** The longest start of {@code text} of at most {@code maxBytes} in UTF-8, cut between whole characters. */
    static String utf8Prefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int size = utf8Length(c);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }
}

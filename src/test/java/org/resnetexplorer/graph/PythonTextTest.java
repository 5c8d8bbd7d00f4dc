package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The escaping of graph text for generated Python, on generated strings: Python reads the escaped text back
 * as the original (checked by {@link PythonLiterals}, which applies Python's escape rules), and the escaped
 * text has only printable characters on one line, valid UTF-16 that survives UTF-8.
 */
class PythonTextTest {

    /** Names from {@link HostileNames}, strings of random code units and of random code points of every plane. */
    private static List<String> generated(long seed, int count) {
        Random random = new Random(seed);
        HostileNames names = new HostileNames(seed, "/tmp/marker");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(names.name());
            StringBuilder units = new StringBuilder();
            StringBuilder points = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                units.append((char) random.nextInt(0x10000));
                points.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
            texts.add(units.toString());
            texts.add(points.toString());
        }
        return texts;
    }

    @Test
    @DisplayName("Python reads every escaped string back as the original, lone surrogates and line breaks included")
    void roundTrip() {
        for (String text : generated(11, 2_000)) {
            String escaped = PythonText.escape(text);
            assertThat(PythonLiterals.value(escaped)).as("value of the escaped %s", escaped).isEqualTo(text);
            assertThat(PythonLiterals.value(PythonText.literal(text).substring(1, escaped.length() + 1)))
                    .as("value of the literal of %s", escaped).isEqualTo(text);
        }
    }

    @Test
    @DisplayName("escaped text is one line of printable characters that survives UTF-8 (no lone surrogate left)")
    void escapedTextIsPrintableOneLine() {
        for (String text : generated(12, 2_000)) {
            String escaped = PythonText.escape(text);
            assertThat(new String(escaped.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("%s through UTF-8", escaped).isEqualTo(escaped);
            escaped.codePoints().forEach(c -> {
                int type = Character.getType(c);
                assertThat(type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                        || type == Character.PRIVATE_USE || type == Character.SPACE_SEPARATOR && c != ' ')
                        .as("U+%04X (type %d) left as it is in %s", c, type, escaped).isFalse();
            });
        }
    }

    @Test
    @DisplayName("for a class docstring, lone surrogates are spelled out as their escape; pairs and the rest stay")
    void loneSurrogatesSpelledOut() {
        assertThat(PythonText.spellLoneSurrogates("a\ud800b\udfff\ud83d\ude00残")).isEqualTo("a\\ud800b\\udfff\ud83d\ude00残");
        for (String text : generated(13, 1_000)) {
            String spelled = PythonText.spellLoneSurrogates(text);
            assertThat(new String(spelled.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("%s through UTF-8", PythonText.literal(spelled)).isEqualTo(spelled);
            if (new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text)) {
                assertThat(spelled).as("a text without lone surrogates, spelled").isEqualTo(text);
            }
        }
    }

    @Test
    @DisplayName("quotes, backslashes and what does not print are escaped; Chinese, accents and emoji stay as they are")
    void examples() {
        assertThat(PythonText.escape("a\"\"\"b'c\\")).isEqualTo("a\\\"\\\"\\\"b\\'c\\\\");
        assertThat(PythonText.escape("x\ny\rz\tw\u0000\u007f\u0085\u00a0")).isEqualTo("x\\ny\\rz\\tw\\x00\\x7f\\x85\\xa0");
        assertThat(PythonText.escape("\u2028\u2029\u200b\ufeff\u202e\u3000"))
                .isEqualTo("\\u2028\\u2029\\u200b\\ufeff\\u202e\\u3000");
        assertThat(PythonText.escape("\ud800 \udfff")).isEqualTo("\\ud800 \\udfff");
        assertThat(PythonText.escape("\udb40\udc01")).as("a format character beyond the BMP").isEqualTo("\\U000e0001");
        String printable = "残差块 é e\u0301 \ud83d\ude00 \ud840\udc00";
        assertThat(PythonText.escape(printable)).isEqualTo(printable);
        assertThat(PythonText.literal("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }
}

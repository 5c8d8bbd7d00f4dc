package org.resnetexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names from files made into one path segment: generated hostile names, and ordinary names kept as they are. */
class FileNamesTest {
    /** Pieces a hostile or careless name is made of: traversal, separators, Windows' reserved names and characters. */
    private static final List<String> PIECES = List.of("..", ".", "/", "\\", "\0", "\n", "\r", "\t", "\"", "'", "\"\"\"",
            "CON", "con", "Nul", "aux.txt", "COM1", "lpt9", "COM\u00B9", "CONIN$", " ", "  ", "-", "--", "~", ":", "*", "?",
            "<", ">", "|", "\u202E", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\u0085", "\u00A0", "\u3000", "\uD800",
            "\uDC00", "\uDBFF", "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\uD83D", "中文", "网络", "é", "e\u0301", "a", "resnet-18",
            "x".repeat(120), "中".repeat(60), "\uD83D\uDE00".repeat(30), "%", "$", "&", ";", "`", "\u200D", "..\\..\\",
            "../../../x", "/etc/passwd", "C:\\Windows", "\\\\server\\share", "name.", "name ", ".hidden", "-rf");
    private static final String FORBIDDEN = "/\\<>:\"|?*";
    private static final Set<String> DEVICES = devices();

    @TempDir
    Path folder;

    /** Names that mix the pieces with random code points of every plane, lone surrogates included. */
    private static List<String> hostileNames(long seed, int count) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            int parts = random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0 -> name.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
                    case 1 -> name.appendCodePoint(Character.MIN_SUPPLEMENTARY_CODE_POINT
                            + random.nextInt(Character.MAX_CODE_POINT + 1 - Character.MIN_SUPPLEMENTARY_CODE_POINT));
                    default -> name.append(PIECES.get(random.nextInt(PIECES.size())));
                }
            }
            names.add(name.toString());
        }
        names.addAll(PIECES);
        names.addAll(List.of("", " ", ".", "..", "...", "-", ". .", "\0", "\uD800", "CON", "con.", "con .txt", "PRN.json"));
        return names;
    }

    @Test
    @DisplayName("every generated name becomes one safe segment: no separator, control or reserved name, short, never empty")
    void everyNameBecomesOneSafeSegment() throws Exception {
        for (String name : hostileNames(11, 5000)) {
            String segment = FileNames.segment(name);
            String shown = escaped(name) + " -> " + escaped(segment);

            assertThat(segment).as("not empty: %s", shown).isNotEmpty();
            assertThat(segment.getBytes(StandardCharsets.UTF_8).length).as("UTF-8 bytes of %s", shown)
                    .isLessThanOrEqualTo(FileNames.MAX_BYTES);
            assertThat(Unicode.loneSurrogateAt(segment)).as("no half character in %s", shown).isEqualTo(-1);
            segment.codePoints().forEach(c -> {
                assertThat(FORBIDDEN.indexOf(c)).as("character U+%04X in %s", c, shown).isNegative();
                assertThat(Character.isISOControl(c)).as("control U+%04X in %s", c, shown).isFalse();
                assertThat(Character.getType(c)).as("kind of U+%04X in %s", c, shown).isNotIn(
                        (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR, (int) Character.UNASSIGNED);
                if (Character.getType(c) == Character.FORMAT) {
                    assertThat(c).as("format character in %s", shown).isIn(0x200C, 0x200D);
                }
            });
            assertThat(segment.charAt(0)).as("first character of %s", shown).isNotIn('.', '-', ' ');
            assertThat(Character.isWhitespace(segment.charAt(0)) || Character.isSpaceChar(segment.charAt(0)))
                    .as("starts with a space: %s", shown).isFalse();
            char last = segment.charAt(segment.length() - 1);
            assertThat(last == '.' || Character.isWhitespace(last) || Character.isSpaceChar(last))
                    .as("ends with a dot or space: %s", shown).isFalse();
            int dot = segment.indexOf('.');
            String base = (dot >= 0 ? segment.substring(0, dot) : segment).stripTrailing().toUpperCase(Locale.ROOT);
            assertThat(DEVICES).as("a Windows device name: %s", shown).doesNotContain(base);

            Path resolved = folder.resolve(segment);
            assertThat(Path.of(segment).getNameCount()).as("path segments of %s", shown).isEqualTo(1);
            assertThat(resolved.normalize().getParent()).as("folder of %s", shown).isEqualTo(folder);
            assertThat(FileNames.segment(segment)).as("a segment stays as it is: %s", shown).isEqualTo(segment);
            assertThat(FileNames.segment(name)).as("the same name gives the same segment: %s", shown).isEqualTo(segment);
        }
    }

    @Test
    @DisplayName("each generated segment can be created as a file, and it lands directly in the folder")
    void segmentsAreRealFilesInTheFolder() throws Exception {
        List<String> segments = hostileNames(12, 1500).stream().map(FileNames::segment).distinct().toList();
        for (String segment : segments) {
            Files.writeString(folder.resolve(segment), "x");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.filter(p -> !p.equals(folder)).toList();
            assertThat(all).as("only files directly in the folder").allSatisfy(p -> {
                assertThat(p.getParent()).isEqualTo(folder);
                assertThat(p).isRegularFile();
            });
            assertThat(all).hasSize(segments.size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp-resnet-20", "resnet-18", "my net", "网络一", "残差网络-spiral-seed1", "résumé", "a.b",
            "net@spiral-seed1", "net\uD83D\uDE00", "conv2_1.bn2", "CONSOLE", "com10", "iris.csv", "x"})
    @DisplayName("an ordinary name, Chinese and emoji included, stays as it is")
    void ordinaryNamesStay(String name) {
        assertThat(FileNames.segment(name)).isEqualTo(name);
    }

    @Test
    @DisplayName("a changed name keeps its readable part and gets a short hash, so names cleaned alike still differ")
    void changedNamesDiffer() {
        assertThat(FileNames.segment("../../../x")).matches("_.._.._x-[0-9a-f]{8}");
        assertThat(FileNames.segment("CON")).matches("_CON-[0-9a-f]{8}");
        assertThat(FileNames.segment("")).matches("unnamed-[0-9a-f]{8}");
        assertThat(FileNames.segment("..")).matches("unnamed-[0-9a-f]{8}");
        assertThat(FileNames.segment("a\uD800b")).matches("a_b-[0-9a-f]{8}");
        List<String> alike = List.of("a/b", "a:b", "a\\b", "a\0b", "a?b", "a\uD800b", "a\uDC00b", "a_b");
        assertThat(alike.stream().map(FileNames::segment).distinct()).as("segments of %s", alike).hasSize(alike.size());
    }

    @Test
    @DisplayName("a long name is cut between whole characters to the byte limit, its hash telling long names apart")
    void longNamesAreCut() {
        String chinese = "网".repeat(200);
        String segment = FileNames.segment(chinese);
        assertThat(segment.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
        assertThat(segment).matches("网+-[0-9a-f]{8}");
        assertThat(FileNames.segment("x".repeat(300) + "a")).isNotEqualTo(FileNames.segment("x".repeat(300) + "b"));
        String emoji = FileNames.segment("\uD83D\uDE00".repeat(100));
        assertThat(Unicode.loneSurrogateAt(emoji)).as("no emoji cut in half").isEqualTo(-1);
    }

    private static Set<String> devices() {
        List<String> names = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"));
        for (String port : List.of("COM", "LPT")) {
            for (char digit : "0123456789\u00B9\u00B2\u00B3".toCharArray()) {
                names.add(port + digit);
            }
        }
        return Set.copyOf(names);
    }

    private static String escaped(String text) {
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            shown.append(c < 0x20 || c >= 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.toString();
    }
}

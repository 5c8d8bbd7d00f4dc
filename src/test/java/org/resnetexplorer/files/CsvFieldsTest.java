package org.resnetexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Text cells of our CSV files: read back exactly by an RFC 4180 reader, and never a formula in a spreadsheet. */
class CsvFieldsTest {
    private static final List<String> PIECES = List.of(",", "\"", "\"\"", "\n", "\r\n", "\r", "=", "+", "-", "@", "\t",
            "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-1", "conv1", "block 2", "网络",
            "\uD83D\uDE00", "'", " ", ";", "", "a");

    private static List<String> names(long seed, int count) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(PIECES);
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            for (int p = random.nextInt(6); p > 0; p--) {
                name.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            names.add(name.toString());
        }
        return names;
    }

    /** What a cell reads back as: the text, with an apostrophe in front when it would start a formula. */
    private static String expected(String name) {
        return !name.isEmpty() && "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }

    @Test
    @DisplayName("rows of generated names read back cell for cell, only formula-like ones behind an apostrophe")
    void rowsReadBack() {
        List<String> names = names(4180, 3000);
        StringBuilder file = new StringBuilder("run,step,layer\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i + 1 < names.size(); i += 2) {
            String run = names.get(i);
            String layer = names.get(i + 1);
            file.append(CsvFields.text(run)).append(',').append(i).append(',').append(CsvFields.text(layer)).append('\n');
            rows.add(List.of(expected(run), Integer.toString(i), expected(layer)));
        }

        List<List<String>> read = Rfc4180.parse(file.toString());

        assertThat(read.get(0)).containsExactly("run", "step", "layer");
        assertThat(read.subList(1, read.size())).containsExactlyElementsOf(rows);
        for (List<String> row : read.subList(1, read.size())) {
            for (String cell : List.of(row.get(0), row.get(2))) {
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as("cell %s starts a formula", cell)
                        .isTrue();
            }
        }
    }

    @Test
    @DisplayName("examples: plain text as it is, quotes doubled, formulas behind an apostrophe, half a character as U+FFFD")
    void examples() {
        assertThat(CsvFields.text("conv1")).isEqualTo("conv1");
        assertThat(CsvFields.text("")).isEqualTo("");
        assertThat(CsvFields.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFields.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFields.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFields.text("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvFields.text("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvFields.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvFields.text("a\uD800")).isEqualTo("a\uFFFD");
    }
}

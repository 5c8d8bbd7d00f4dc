package org.resnetexplorer.files;

import java.util.Objects;

/**
 * Text cells of the CSV files we write ({@code metrics.csv}, {@code histograms.csv}), which hold names from
 * graph files. Every text cell goes through {@link #text}, so a name with a comma, a quote or a line break stays
 * one cell, and a name that looks like a formula stays text when a spreadsheet opens the file.
 */
public final class CsvFields {
    /** First characters that make a spreadsheet read a cell as a formula (or strip it to one), after OWASP. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvFields() {
    }

    /**
     * The cell for {@code value}: quoted as RFC 4180 says when it holds a comma, a quote, CR or LF (quotes
     * doubled), and with an apostrophe in front when it starts with {@code = + - @}, a tab or CR, as OWASP advises
     * against CSV injection ({@code =HYPERLINK(...)} then shows as text). A lone surrogate becomes U+FFFD. The
     * empty text is the empty cell.
     */
    public static String text(String value) {
        String cell = Unicode.wellFormed(Objects.requireNonNull(value, "value"));
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}

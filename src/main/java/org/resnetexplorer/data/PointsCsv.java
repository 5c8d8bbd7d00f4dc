package org.resnetexplorer.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.i18n.Texts;

/**
 * Drawn points as a CSV file, {@code x,y,label} with a header and one point a line, the label the class from 0:
 * the layout {@code train FILE.csv} reads ({@link Csv}), so a drawing trains headless too. Reading takes any CSV
 * file of two feature columns and a label that {@code train} would read, if its points fit the drawing's limits:
 * labels that are all whole numbers from 0 to 9 stay those classes (an exported file comes back as it was drawn),
 * other labels become classes as {@code train} numbers them.
 */
public final class PointsCsv {
    private static final String HEADER = "x,y,label";

    private PointsCsv() {
    }

    /** The file's text for {@code points}. */
    public static String text(DrawnPoints points) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (DrawnPoint point : points.points()) {
            text.append(number(point.x())).append(',').append(number(point.y())).append(',').append(point.label())
                    .append('\n');
        }
        return text.toString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Writes {@code points} to {@code file}, whole or not at all.
     *
     * @throws IOException if the folder does not exist, the file is a folder, or writing fails
     */
    public static void write(DrawnPoints points, Path file) throws IOException {
        AtomicFiles.writeText(text(points), file);
    }

    /**
     * The points in {@code file}.
     *
     * @throws DatasetException naming the file, the line and what is wrong: not a CSV file of two features and a
     *                          label, more than {@value DrawnPoints#MAX_POINTS} points or {@value
     *                          DrawnPoints#MAX_CLASSES} classes, a point outside the plane
     */
    public static DrawnPoints read(Path file) throws DatasetException {
        String name = file.toString();
        String text;
        try {
            text = InputFiles.readText(file, Csv.MAX_BYTES, Texts.get("csv.what"));
        } catch (InputFileException e) {
            throw new DatasetException(DrawnData.NAME, name, e.reason() == InputFileException.Reason.NOT_TEXT
                    ? Texts.format("csv.not.utf8", name) : e.problem(), e);
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> lineTexts = text.lines().toList();
        for (int i = 0; i < lineTexts.size(); i++) {
            String line = i == 0 && lineTexts.get(0).startsWith("\uFEFF") ? lineTexts.get(0).substring(1) : lineTexts.get(i);
            if (line.isBlank()) {
                continue;
            }
            char separator = line.indexOf(',') < 0 && line.indexOf(';') >= 0 ? ';'
                    : line.indexOf(',') < 0 && line.indexOf('\t') >= 0 ? '\t' : ',';
            List<String> cells = Csv.split(line, separator);
            if (cells == null) {
                throw fail(name, Texts.format("csv.open.quote", name, i + 1));
            }
            if (cells.size() != 3) {
                throw fail(name, Texts.format("pointsCsv.columns", name, i + 1, cells.size()));
            }
            rows.add(cells.toArray(String[]::new));
            lines.add(i + 1);
        }
        int labelColumn = 2;
        if (!rows.isEmpty() && isHeader(rows.get(0))) {
            for (int c = 0; c < 3; c++) {
                String cell = rows.get(0)[c].toLowerCase(Locale.ROOT);
                if (cell.equals("label") || cell.equals("class")) {
                    labelColumn = c;
                }
            }
            rows.remove(0);
            lines.remove(0);
        }
        if (rows.size() > DrawnPoints.MAX_POINTS) {
            throw fail(name, Texts.format("pointsCsv.too.many", name, rows.size(), DrawnPoints.MAX_POINTS));
        }
        String[] labelText = new String[rows.size()];
        double[][] xy = new double[rows.size()][2];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0, f = 0; c < 3; c++) {
                if (c == labelColumn) {
                    labelText[r] = row[c];
                    continue;
                }
                Double value = Csv.number(row[c]);
                if (value == null || !DrawnPoint.inPlane(value)) {
                    throw fail(name, Texts.format("pointsCsv.coordinate", name, lines.get(r), row[c], DrawnPoints.LIMIT));
                }
                xy[r][f++] = value;
            }
            if (labelText[r].isEmpty()) {
                throw fail(name, Texts.format("csv.empty.label", name, lines.get(r), labelColumn + 1));
            }
        }
        int[] labels = labels(name, labelText);
        List<DrawnPoint> points = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            points.add(new DrawnPoint(xy[r][0], xy[r][1], labels[r]));
        }
        return new DrawnPoints(points);
    }

    /** A first row is a header when its coordinates are not numbers (a label may be text anyway). */
    private static boolean isHeader(String[] cells) {
        return Csv.number(cells[0]) == null || Csv.number(cells[1]) == null;
    }

    /** Whole labels 0..9 as they are, others numbered as {@code train} numbers them; at most 10 classes. */
    private static int[] labels(String name, String[] text) throws DatasetException {
        int[] labels = new int[text.length];
        boolean digits = true;
        for (int i = 0; i < text.length && digits; i++) {
            digits = text[i].matches("[0-9]");
            labels[i] = digits ? text[i].charAt(0) - '0' : 0;
        }
        if (digits) {
            return labels;
        }
        List<String> classNames = new ArrayList<>();
        int[] numbered = Csv.classes(text, classNames);
        if (classNames.size() > DrawnPoints.MAX_CLASSES) {
            throw fail(name, Texts.format("pointsCsv.classes", name, classNames.size(), DrawnPoints.MAX_CLASSES));
        }
        return numbered;
    }

    private static DatasetException fail(String file, String problem) {
        return new DatasetException(DrawnData.NAME, file, problem);
    }
}

package org.resnetexplorer.data;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * A CSV file of examples: one row per example, numeric feature columns and one label column.
 *
 * <ul>
 * <li>Cells are separated by commas (by semicolons or tabs when the first row has no comma); a cell may be
 * quoted with {@code "}. Blank lines are skipped; the file is UTF-8.
 * <li>The first row is a header when one of its cells is {@code label} or {@code class} (any case), or when a
 * cell other than its last is not a number.
 * <li>The label column is the one named {@code label} or {@code class}, otherwise the last column. Every other
 * column is a feature and must hold finite numbers.
 * <li>Labels that are all numbers give classes in numeric order ({@code 0,1,2} stay 0, 1, 2; {@code 1,2,3}
 * become 0, 1, 2); any other labels give classes in order of first appearance. The class names are the labels
 * as written.
 * <li>The test split is {@code testSize} rows (default 20%, at least 1), stratified and seeded; the training split
 * is the other rows, or {@code trainSize} of them. Each feature column is standardised with the mean and
 * standard deviation of the training split.
 * </ul>
 */
final class Csv {
    /**
     * The largest CSV file read, in bytes: far above the tables of features this app is for (iris is 5 kB), while
     * the rows of a file this size already take several hundred MB once split into cells.
     */
    static final long MAX_BYTES = 32_000_000;

    private Csv() {
    }

    private record Row(int line, List<String> cells) {
    }

    static Dataset load(Path file, DatasetOptions options, long seed) throws DatasetException {
        String dataset = file.getFileName() != null ? file.getFileName().toString() : file.toString();
        String name = file.toString();
        List<Row> rows = read(dataset, file);
        if (rows.isEmpty()) {
            throw new DatasetException(dataset, name, Texts.format("csv.empty", name, layout()));
        }
        Row first = rows.get(0);
        int columns = first.cells().size();
        if (columns < 2) {
            throw new DatasetException(dataset, name, Texts.format("csv.one.column", name));
        }
        boolean header = isHeader(first.cells());
        int labelColumn = columns - 1;
        if (header) {
            for (int c = 0; c < columns; c++) {
                String cell = first.cells().get(c).toLowerCase(Locale.ROOT);
                if (cell.equals("label") || cell.equals("class")) {
                    labelColumn = c;
                    break;
                }
            }
        }
        List<Row> data = header ? rows.subList(1, rows.size()) : rows;
        if (data.isEmpty()) {
            throw new DatasetException(dataset, name, Texts.format("csv.header.only", name));
        }
        int features = columns - 1;
        int n = data.size();
        float[] values = new float[Math.multiplyExact(n, features)];
        String[] labelText = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = data.get(i);
            if (row.cells().size() != columns) {
                throw new DatasetException(dataset, name, Texts.format("csv.columns", name, row.line(),
                        row.cells().size(), first.line(), columns));
            }
            int f = 0;
            for (int c = 0; c < columns; c++) {
                String cell = row.cells().get(c);
                if (c == labelColumn) {
                    if (cell.isEmpty()) {
                        throw new DatasetException(dataset, name, Texts.format("csv.empty.label", name, row.line(),
                                c + 1));
                    }
                    labelText[i] = cell;
                    continue;
                }
                Double number = number(cell);
                if (number == null) {
                    String column = header ? Texts.format("csv.column.named", c + 1, first.cells().get(c))
                            : Texts.format("csv.column", c + 1);
                    throw new DatasetException(dataset, name, Texts.format("csv.not.number", name, row.line(), column, cell,
                            layout()));
                }
                values[i * features + f++] = number.floatValue();
            }
        }
        List<String> classNames = new ArrayList<>();
        int[] labels = classes(labelText, classNames);
        if (classNames.size() < 2) {
            throw new DatasetException(dataset, name, Texts.format("csv.one.class", name, classNames.get(0),
                    layout()));
        }
        if (options.classes() != null && options.classes() != classNames.size()) {
            throw new DatasetException(dataset, name, Texts.format("csv.classes", name, classNames.size(),
                    String.join(", ", classNames), options.classes()));
        }
        int testSize = options.testSize() != null ? options.testSize() : (int) Math.max(1, Math.round(0.2 * n));
        if (testSize >= n) {
            throw new DatasetException(dataset, name, Texts.format("csv.test.size", testSize, name, n,
                    n - 1));
        }
        Random random = new Random(Sampling.derive(seed, 5));
        int[] testRows = Sampling.stratified(labels, classNames.size(), testSize, random);
        boolean[] inTest = new boolean[n];
        for (int i : testRows) {
            inTest[i] = true;
        }
        int[] rest = new int[n - testSize];
        int[] restLabels = new int[n - testSize];
        for (int i = 0, k = 0; i < n; i++) {
            if (!inTest[i]) {
                rest[k] = i;
                restLabels[k++] = labels[i];
            }
        }
        int[] trainRows;
        if (options.trainSize() == null) {
            trainRows = rest;
            Sampling.shuffle(trainRows, random);
        } else if (options.trainSize() > rest.length) {
            throw new DatasetException(dataset, name, Texts.format("csv.train.size",
                    options.trainSize(), name, rest.length, testSize, rest.length));
        } else {
            int[] picked = Sampling.stratified(restLabels, classNames.size(), options.trainSize(), random);
            trainRows = new int[picked.length];
            for (int k = 0; k < picked.length; k++) {
                trainRows[k] = rest[picked[k]];
            }
        }
        Examples all = new Examples(Shape.flat(features), classNames.size(), values, labels);
        Examples train = all.subset(trainRows);
        Examples test = all.subset(testRows);
        Normalization normalization = Preprocessing.standardise(train, test, features, 1);
        return new Dataset(dataset, train, test, classNames, normalization);
    }

    /** Class indices of the labels; fills {@code names} with the class names. */
    static int[] classes(String[] text, List<String> names) {
        int[] labels = new int[text.length];
        boolean numeric = Arrays.stream(text).allMatch(t -> decimal(t) != null);
        if (numeric) {
            Map<BigDecimal, String> byValue = new TreeMap<>();
            for (String t : text) {
                byValue.putIfAbsent(decimal(t), t);
            }
            Map<BigDecimal, Integer> index = new TreeMap<>();
            for (Map.Entry<BigDecimal, String> e : byValue.entrySet()) {
                index.put(e.getKey(), names.size());
                names.add(e.getValue());
            }
            for (int i = 0; i < text.length; i++) {
                labels[i] = index.get(decimal(text[i]));
            }
        } else {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < text.length; i++) {
                Integer c = index.get(text[i]);
                if (c == null) {
                    c = names.size();
                    index.put(text[i], c);
                    names.add(text[i]);
                }
                labels[i] = c;
            }
        }
        return labels;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The finite number in the cell, or null. */
    static Double number(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        char last = cell.charAt(cell.length() - 1);
        if (!(Character.isDigit(last) || last == '.')) {
            return null; // refuse Java's "1f", "2d", "NaN", "Infinity"
        }
        try {
            double d = Double.parseDouble(cell);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isHeader(List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).toLowerCase(Locale.ROOT);
            if (cell.equals("label") || cell.equals("class")) {
                return true;
            }
            if (c < cells.size() - 1 && number(cells.get(c)) == null) {
                return true;
            }
        }
        return false;
    }

    private static List<Row> read(String dataset, Path file) throws DatasetException {
        String name = file.toString();
        String text;
        try {
            text = InputFiles.readText(file, MAX_BYTES, Texts.get("csv.what"));
        } catch (InputFileException e) {
            throw new DatasetException(dataset, name, e.reason() == InputFileException.Reason.NOT_TEXT
                    ? Texts.format("csv.not.utf8", name) : e.problem(), e);
        }
        List<Row> rows = new ArrayList<>();
        char separator = 0;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            if (separator == 0) {
                separator = line.indexOf(',') < 0 && line.indexOf(';') >= 0 ? ';'
                        : line.indexOf(',') < 0 && line.indexOf('\t') >= 0 ? '\t' : ',';
            }
            List<String> cells = split(line, separator);
            if (cells == null) {
                throw new DatasetException(dataset, name, Texts.format("csv.open.quote", name, number));
            }
            rows.add(new Row(number, cells));
        }
        return rows;
    }

    /** Where a CSV file keeps its label, for messages about its layout. */
    private static String layout() {
        return Texts.get("csv.layout");
    }

    /** The trimmed cells of a line; null when a quote is not closed. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    cell.append(ch);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}

package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Normalization;
import org.resnetexplorer.engine.ConfusionMatrix;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * A grid of test images, each with its true label above the prediction and its confidence; a wrong prediction
 * is framed, crossed and written in red. The images are shown as they were before standardisation (the dataset's
 * {@link Normalization} undone), grey for one channel, in colour for three.
 */
public final class PredictionGallery {
    static final String TITLE = Texts.get("predictionGallery.title");
    static final String SUMMARY = Texts.get("predictionGallery.summary");
    static final String SUMMARY_CLASS = Texts.get("predictionGallery.summary.class");
    static final String NOTHING = Texts.get("predictionGallery.nothing");

    /** The most columns and rows shown, however large the picture: more images would be too small to read. */
    static final int MAX_COLUMNS = 8;
    static final int MAX_ROWS = 5;

    private PredictionGallery() {
    }

    /**
     * What the gallery shows: whose predictions, the examples in their order (of true class {@code shownClass}
     * only, or of all classes for -1), from which place on.
     */
    public record Page(String run, Predictions predictions, Dataset dataset, int shownClass, int[] order, int first) {
        public Page {
            order = order.clone();
        }
    }

    /** How many images fit: {@code columns x rows}. */
    public record Grid(int columns, int rows) {
        public int size() {
            return columns * rows;
        }
    }

    /** Where the last drawing put each example, to tell which one lies under the pointer (hover). */
    public record Layout(int left, int top, int cellWidth, int cellHeight, int columns, int[] shown) {
        /** The test example (its index in the test set) drawn at ({@code x}, {@code y}), if any. */
        public Optional<Integer> exampleAt(double x, double y) {
            if (x < left || y < top || cellWidth <= 0 || cellHeight <= 0) {
                return Optional.empty();
            }
            int column = (int) ((x - left) / cellWidth);
            int place = (int) ((y - top) / cellHeight) * columns + column;
            return column < columns && place < shown.length ? Optional.of(shown[place]) : Optional.empty();
        }
    }

    /** The grid that fits a gallery of {@code width x height} points in {@code style} (larger text, fewer images). */
    public static Grid grid(int width, int height, ChartStyle style) {
        double font = Math.max(11, height / 55) * style.fontScale();
        // a cell is at least as wide as "Pullover 100%" and its image at least four lines of text high
        double cellWidth = Math.max(font * 9.5, 60);
        double cellHeight = font * 4 * 1.2 + 2.6 * font * 1.25 + 12;
        int columns = (int) Math.max(1, Math.min(MAX_COLUMNS, (width - 32) / cellWidth));
        // the title and up to three lines of summary above the images
        int rows = (int) Math.max(1, Math.min(MAX_ROWS, (height - 1.8 * font - 3 * 1.2 * font - 24) / cellHeight));
        return new Grid(columns, rows);
    }

    /** The gallery of {@code page}, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(Page page, int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, page, w, h, style));
    }

    /** Draws the gallery into {@code width x height} units of {@code g}; returns where the examples went. */
    public static Layout draw(Graphics2D g, Page page, int width, int height, ChartStyle style) {
        Predictions p = page.predictions();
        int titleHeight = ChartFrame.begin(g, title(page), width, height, style);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        g.setColor(style.axis());
        int top = drawLines(g, summary(page), 16, 10 + titleHeight, width - 32) + 8;
        Grid grid = grid(width, height, style);
        int left = 16;
        int cellWidth = (width - 2 * left) / grid.columns();
        int cellHeight = (height - top - 8) / grid.rows();
        int from = Math.max(0, Math.min(page.first(), page.order().length));
        int[] shown = java.util.Arrays.copyOfRange(page.order(), from, Math.min(page.order().length, from + grid.size()));
        if (shown.length == 0) {
            g.drawString(NOTHING, left, top + fm.getAscent());
        }
        Font labelFont = g.getFont();
        Font wrongFont = labelFont.deriveFont(Font.BOLD);
        Color red = red(style);
        int side = Math.max(8, Math.min(cellWidth - 12, cellHeight - 2 * line - 12));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int k = 0; k < shown.length; k++) {
            int i = shown[k];
            int x = left + (k % grid.columns()) * cellWidth;
            int y = top + (k / grid.columns()) * cellHeight;
            int ix = x + (cellWidth - side) / 2;
            g.drawImage(image(page.dataset(), i), ix, y, side, side, null);
            boolean right = p.right(i);
            String truth = fit(fm, name(page.dataset(), p.truth(i)), cellWidth - 4);
            g.setFont(labelFont);
            g.setColor(style.foreground());
            g.drawString(truth, x + (cellWidth - fm.stringWidth(truth)) / 2, y + side + 4 + fm.getAscent());
            // a whole percentage keeps the label short enough for a small cell; the hover tells it exactly
            String guess = name(page.dataset(), p.predicted(i)) + " " + ConfusionMatrixChart.percent(p.confidence(i));
            if (right) {
                g.setColor(style.axis());
            } else {
                g.setFont(wrongFont);
                g.setColor(red);
                g.setStroke(new BasicStroke(style.width(2.5f)));
                g.drawRect(ix - 2, y - 2, side + 3, side + 3);
                int cross = Math.max(8, side / 5);
                g.drawLine(ix + side - cross - 3, y + 3, ix + side - 3, y + 3 + cross);
                g.drawLine(ix + side - 3, y + 3, ix + side - cross - 3, y + 3 + cross);
            }
            FontMetrics gm = g.getFontMetrics();
            guess = fit(gm, guess, cellWidth - 4);
            g.drawString(guess, x + (cellWidth - gm.stringWidth(guess)) / 2, y + side + 4 + line + gm.getAscent());
        }
        g.setFont(labelFont);
        return new Layout(left, top, cellWidth, cellHeight, grid.columns(), shown);
    }

    /** The gallery's title: whose predictions, at which step. */
    public static String title(Page page) {
        return String.format(TITLE, page.run(), page.predictions().step());
    }

    /** How many of the images shown (all, or the class chosen) the network gets wrong: the line under the title. */
    public static String summary(Page page) {
        Predictions p = page.predictions();
        ConfusionMatrix matrix = p.confusion();
        if (page.shownClass() < 0) {
            return String.format(SUMMARY, Counts.grouped(p.count() - matrix.right()), Counts.grouped(p.count()),
                    Counts.percent(matrix.error()));
        }
        int c = page.shownClass();
        int images = matrix.rowSum(c);
        int wrong = images - matrix.count(c, c);
        return String.format(SUMMARY_CLASS, name(page.dataset(), c), Counts.grouped(wrong), Counts.grouped(images),
                Counts.percent(images == 0 ? 0 : (double) wrong / images), Counts.grouped(p.count()));
    }

    /** The red of a wrong prediction: darker on a light background, lighter on a dark one. */
    static Color red(ChartStyle style) {
        return style.dark() ? new Color(0xFF6B6B) : new Color(0xC62828);
    }

    /**
     * Test example {@code i} of {@code dataset} as it looked before standardisation: grey for one channel, colour
     * for three (for another number of channels, its first channel in grey).
     */
    public static BufferedImage image(Dataset dataset, int i) {
        return TestImage.of(dataset, i).picture();
    }

    static String name(Dataset dataset, int c) {
        return c < dataset.classNames().size() ? dataset.classNames().get(c) : String.valueOf(c);
    }

    /** Draws {@code text} from ({@code x}, {@code top}) wrapped to {@code width}; returns the y below it. */
    static int drawLines(Graphics2D g, String text, int x, int top, int width) {
        FontMetrics fm = g.getFontMetrics();
        int y = top;
        for (String line : wrap(fm, text, width)) {
            g.drawString(line, x, y + fm.getAscent());
            y += fm.getHeight();
        }
        return y;
    }

    /** {@code text} in lines no wider than {@code width}: broken at a space where there is one (Chinese has none). */
    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        // Chinese breaks between any characters: a break at a space (beside a number) would leave a short line
        boolean words = text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String rest = text.strip();
        while (!rest.isEmpty()) {
            int end = rest.length();
            if (fm.stringWidth(rest) > width) {
                end = 1;
                while (end < rest.length() && fm.stringWidth(rest.substring(0, end + 1)) <= width) {
                    end++;
                }
                int space = rest.charAt(end) == ' ' ? end : rest.lastIndexOf(' ', end - 1);
                end = words && space > 0 ? space : end;
            }
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return lines;
    }

    /** {@code text} cut with an ellipsis to fit {@code width}. */
    static String fit(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}

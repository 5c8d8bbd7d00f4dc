package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resnetexplorer.engine.ConfusionMatrix;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * A confusion matrix as a heatmap: true classes in rows, predicted classes in columns, each cell coloured by its
 * share of the row (so a rare class's mistakes show as clearly as a common one's) and labelled with its count or
 * that share; the right predictions lie on the diagonal.
 */
public final class ConfusionMatrixChart {
    static final String TITLE = Texts.get("confusionMatrixChart.title");
    static final String SUMMARY = Texts.get("confusionMatrixChart.summary");
    static final String TRUE_CLASS = Texts.get("confusionMatrixChart.true");
    static final String PREDICTED_CLASS = Texts.get("confusionMatrixChart.predicted");
    static final String ROW_SUM = Texts.get("confusionMatrixChart.row.sum");

    private ConfusionMatrixChart() {
    }

    /** What the chart shows: whose matrix, at which step, the class names, counts or row percentages. */
    public record Content(String run, int step, ConfusionMatrix matrix, List<String> classNames, boolean percentages) {
        public Content {
            classNames = List.copyOf(classNames);
        }
    }

    /** A cell under the pointer: true class, predicted class (indices). */
    public record Cell(int truth, int predicted) {
    }

    /** Where the last drawing put the cells (hover). */
    public record Layout(int left, int top, int cell, int classes) {
        public Optional<Cell> cellAt(double x, double y) {
            if (x < left || y < top || cell <= 0) {
                return Optional.empty();
            }
            int column = (int) ((x - left) / cell);
            int row = (int) ((y - top) / cell);
            return column < classes && row < classes ? Optional.of(new Cell(row, column)) : Optional.empty();
        }
    }

    /** The chart, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(Content content, int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, content, w, h, style));
    }

    /** Draws the chart into {@code width x height} units of {@code g}; returns where the cells went. */
    public static Layout draw(Graphics2D g, Content content, int width, int height, ChartStyle style) {
        ConfusionMatrix m = content.matrix();
        int titleHeight = ChartFrame.begin(g, title(content), width, height, style);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        g.setColor(style.axis());
        int below = PredictionGallery.drawLines(g, summary(content), 16, 10 + titleHeight, width - 32);
        int k = m.classes();
        int nameWidth = Math.min(width / 4, content.classNames().stream().mapToInt(fm::stringWidth).max().orElse(20));
        int left = 16 + line + 8 + nameWidth + 8;
        int top = below + 4 + line;
        int sumWidth = fm.stringWidth(Counts.grouped(m.total())) + 16;
        int availableWidth = width - left - 16 - sumWidth;
        // the predicted classes' names are written at 45 degrees below the matrix, or straight down where the
        // columns are too narrow for slanted lines not to overlap (large text on a small chart)
        int names = (int) (nameWidth * 0.72) + 2 * line + 12;
        int cell = Math.max(4, Math.min(availableWidth / k, (height - top - names) / k));
        boolean steep = cell < line * 1.7;
        if (steep) {
            names = nameWidth + 2 * line + 12;
            cell = Math.max(4, Math.min(availableWidth / k, (height - top - names) / k));
        }
        int size = cell * k;
        left += Math.max(0, (availableWidth - size) / 2);
        Font plain = g.getFont();
        Font cellFont = plain.deriveFont((float) Math.min(plain.getSize2D(), cell * 0.42));
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                double share = m.rowShare(t, p);
                Color fill = shade(share, style);
                g.setColor(fill);
                g.fillRect(left + p * cell, top + t * cell, cell, cell);
                String text = content.percentages() ? percent(share) : String.valueOf(m.count(t, p));
                g.setFont(t == p ? cellFont.deriveFont(Font.BOLD) : cellFont);
                FontMetrics cm = g.getFontMetrics();
                g.setColor(m.count(t, p) == 0 ? faint(style) : textOn(fill, style));
                g.drawString(text, left + p * cell + (cell - cm.stringWidth(text)) / 2,
                        top + t * cell + (cell + cm.getAscent() - cm.getDescent()) / 2);
            }
        }
        g.setFont(plain);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(left, top, size, size);
        for (int t = 0; t < k; t++) {
            String name = PredictionGallery.fit(fm, content.classNames().get(t), nameWidth);
            int y = top + t * cell + (cell + fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(name, left - 8 - fm.stringWidth(name), y);
            String sum = Counts.grouped(m.rowSum(t));
            g.drawString(sum, left + size + 8, y);
        }
        g.drawString(ROW_SUM, left + size + 8 - Math.max(0, fm.stringWidth(ROW_SUM) - sumWidth), top - 6);
        AffineTransform saved = g.getTransform();
        for (int p = 0; p < k; p++) {
            String name = PredictionGallery.fit(fm, content.classNames().get(p), nameWidth);
            g.setTransform(saved);
            g.translate(left + p * cell + cell / 2.0 + (steep ? fm.getAscent() / 2.0 - fm.getDescent() : fm.getAscent() / 3.0),
                    top + size + 6);
            g.rotate(Math.toRadians(steep ? 90 : 45));
            g.drawString(name, 0, 0);
        }
        g.setTransform(saved);
        g.drawString(PREDICTED_CLASS, left + (size - fm.stringWidth(PREDICTED_CLASS)) / 2,
                Math.min(height - 8, top + size + names - 4));
        int nameLeft = left - 8 - content.classNames().stream().mapToInt(n -> fm.stringWidth(PredictionGallery.fit(fm, n,
                nameWidth))).max().orElse(0);
        g.translate(Math.max(16 + fm.getAscent(), nameLeft - 10), top + (size + fm.stringWidth(TRUE_CLASS)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(TRUE_CLASS, 0, 0);
        g.setTransform(saved);
        return new Layout(left, top, cell, k);
    }

    /** The chart's title: whose matrix, at which step. */
    public static String title(Content content) {
        return String.format(TITLE, content.run(), content.step());
    }

    /** How many test images it counts and the error among them: the line under the title. */
    public static String summary(Content content) {
        return String.format(SUMMARY, Counts.grouped(content.matrix().total()), Counts.percent(content.matrix().error()));
    }

    /** A row share as a whole percentage; a share under 1% that is not 0 as "<1%". */
    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** The cell's colour: the background for 0, a deep blue for a whole row, on a square-root scale (few stand out). */
    static Color shade(double share, ChartStyle style) {
        Color full = style.dark() ? new Color(0x4da3ff) : new Color(0x08519c);
        double s = Math.sqrt(Math.max(0, Math.min(1, share)));
        Color b = style.background();
        return new Color(mix(b.getRed(), full.getRed(), s), mix(b.getGreen(), full.getGreen(), s),
                mix(b.getBlue(), full.getBlue(), s));
    }

    /** Black or white, whichever reads better on {@code fill}. */
    static Color textOn(Color fill, ChartStyle style) {
        int luminance = (fill.getRed() * 299 + fill.getGreen() * 587 + fill.getBlue() * 114) / 1000;
        return luminance < 140 ? Color.WHITE : style.dark() ? Color.BLACK : style.foreground();
    }

    /** The colour of an empty cell's 0: halfway between the background and the axes, so it recedes. */
    static Color faint(ChartStyle style) {
        Color b = style.background();
        Color a = style.axis();
        return new Color(mix(b.getRed(), a.getRed(), 0.45), mix(b.getGreen(), a.getGreen(), 0.45),
                mix(b.getBlue(), a.getBlue(), 0.45));
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }
}

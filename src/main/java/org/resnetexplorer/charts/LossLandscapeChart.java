package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.i18n.Texts;

/**
 * The loss landscapes of several runs side by side (Li et al. 2018, their Fig. 5): each a heatmap of the loss over
 * the grid of the two directions with contour lines, on one logarithmic colour scale shared by all (so the same
 * colour is the same loss in every panel), the trained weights marked at the centre and the low-loss basin's contour
 * drawn bold. The heatmap is one raster per panel, the grid's log loss interpolated bilinearly; the contours come from
 * marching squares on the same interpolation, one path per level.
 */
public final class LossLandscapeChart {
    public static final String FILE = "loss-landscape.png";
    static final String TITLE = Texts.get("lossLandscapeChart.title");
    static final String A_AXIS = Texts.get("lossLandscapeChart.a");
    static final String B_AXIS = Texts.get("lossLandscapeChart.b");
    static final String LOSS = Texts.get("lossLandscapeChart.loss");
    static final String PANEL = Texts.get("lossLandscapeChart.panel");
    static final String STOPPED = Texts.get("lossLandscapeChart.stopped");
    static final String NOTHING = Texts.get("lossLandscapeChart.nothing");
    /** Grid cells per measured cell, for the contours: smoother than the grid's straight pieces. */
    private static final int REFINE = 4;

    private LossLandscapeChart() {
    }

    /**
     * Draws the landscapes into {@code width x height} units of {@code g}, background and title included; returns
     * where the panels went, in the landscapes' order (none if there is nothing to draw or no room).
     */
    public static List<Rectangle> paint(Graphics2D g, Landscapes measured, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, TITLE, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        List<Landscape> landscapes = measured.landscapes();
        LogScale scale = LogScale.of(landscapes);
        int above = 24 + titleHeight + fm.getHeight() + 6;
        int below = height - 16 - 2 * fm.getHeight();
        int barWidth = (int) Math.round(14 * Math.max(1, style.fontScale()));
        int barSpace = barWidth + 16 + fm.stringWidth("1000") + 8;
        int left = 16 + 2 * fm.getHeight();
        int right = width - 16 - barSpace;
        int gap = 3 * fm.getHeight();
        int count = landscapes.size();
        int side = count == 0 ? 0 : Math.min(below - above, (right - left - (count - 1) * gap) / count);
        if (scale == null || side < 40) {
            g.setColor(style.axis());
            g.drawString(NOTHING, 16, above + fm.getAscent());
            return List.of();
        }
        int top = above + (below - above - side) / 2;
        int start = left + (right - left - count * side - (count - 1) * gap) / 2;
        List<Rectangle> panels = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Landscape landscape = landscapes.get(n);
            int x = start + n * (side + gap);
            panel(g, fm, landscape, measured.basinLevel(landscape), scale, x, top, side, style);
            panels.add(new Rectangle(x, top, side, side));
            String label = String.format(Locale.ROOT, PANEL, landscape.run(), measured.basinWidth(landscape))
                    + (landscape.complete() ? "" : STOPPED);
            g.setColor(style.foreground());
            g.drawString(label, x + (side - fm.stringWidth(label)) / 2, top - 6 - fm.getDescent());
        }
        g.setColor(style.axis());
        g.drawString(A_AXIS, start + (count * side + (count - 1) * gap - fm.stringWidth(A_AXIS)) / 2,
                top + side + 8 + fm.getHeight() + fm.getAscent());
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(B_AXIS, -(top + (side + fm.stringWidth(B_AXIS)) / 2), start - 10 - fm.getHeight());
        rotated.dispose();
        colourBar(g, fm, start + count * side + (count - 1) * gap + 16, top, top + side, barWidth, scale, style);
        return panels;
    }

    /** One landscape: the raster, the contours, the trained point, the axes' ticks. */
    private static void panel(Graphics2D g, FontMetrics fm, Landscape landscape, double basin, LogScale scale, int x,
            int y, int side, ChartStyle style) {
        double pixelsPerUnit = Math.max(1, Math.abs(g.getTransform().getScaleX()));
        int pixels = (int) Math.max(2, Math.min(1200, Math.ceil(side * pixelsPerUnit)));
        double[][] log = scale.logGrid(landscape);
        BufferedImage raster = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[pixels * pixels];
        int n = landscape.points();
        for (int py = 0; py < pixels; py++) {
            // row 0 of the picture is the top: the largest b
            double gy = (n - 1) * (1 - (py + 0.5) / pixels);
            for (int px = 0; px < pixels; px++) {
                double v = bilinear(log, (n - 1) * (px + 0.5) / pixels, gy);
                rgb[py * pixels + px] = Double.isNaN(v) ? style.background().getRGB()
                        : GradientNormHeatmap.colour(scale.fraction(v)).getRGB();
            }
        }
        raster.setRGB(0, 0, pixels, pixels, rgb, 0, pixels);
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(raster, x, y, side, side, null);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
        double[][] fine = refine(log, REFINE);
        for (double level : scale.contourLevels()) {
            Color line = scale.fraction(level) < 0.55 ? new Color(255, 255, 255, 150) : new Color(0, 0, 0, 130);
            g.setColor(line);
            g.setStroke(new BasicStroke(style.width(1f)));
            g.draw(Contours.path(fine, level, x, y, side));
        }
        if (basin > 0) {
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(style.width(2.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(Contours.path(fine, Math.log10(basin), x, y, side));
        }
        double r = 4 * Math.max(1, style.lineScale());
        Ellipse2D centre = new Ellipse2D.Double(x + side / 2.0 - r, y + side / 2.0 - r, 2 * r, 2 * r);
        g.setColor(Color.WHITE);
        g.fill(centre);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(style.width(1.5f)));
        g.draw(centre);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, y, side, side);
        double range = landscape.range();
        for (double t : LinePlot.niceTicks(-range, range, 5)) {
            int px = x + (int) Math.round((t + range) / (2 * range) * side);
            int py = y + side - (int) Math.round((t + range) / (2 * range) * side);
            String label = tick(t);
            g.drawLine(px, y + side, px, y + side + 3);
            g.drawString(label, px - fm.stringWidth(label) / 2, y + side + 4 + fm.getAscent());
            g.drawLine(x - 3, py, x, py);
            g.drawString(label, x - 5 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
        }
    }

    private static String tick(double t) {
        return Math.abs(t) < 1e-9 ? "0" : String.format(Locale.ROOT, "%.2f", t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The value at fractional grid position (gx along a, gy along b), NaN if a corner around it is NaN. */
    static double bilinear(double[][] grid, double gx, double gy) {
        int n = grid.length;
        double cx = Math.max(0, Math.min(n - 1, gx));
        double cy = Math.max(0, Math.min(n - 1, gy));
        int i = Math.min(n - 2, (int) cx);
        int j = Math.min(n - 2, (int) cy);
        double fx = cx - i;
        double fy = cy - j;
        return (1 - fy) * ((1 - fx) * grid[j][i] + fx * grid[j][i + 1]) + fy * ((1 - fx) * grid[j + 1][i] + fx * grid[j + 1][i + 1]);
    }

    /** The grid interpolated bilinearly at {@code factor} times its resolution. */
    static double[][] refine(double[][] grid, int factor) {
        int n = grid.length;
        int m = (n - 1) * factor + 1;
        double[][] fine = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                fine[j][i] = bilinear(grid, (double) i / factor, (double) j / factor);
            }
        }
        return fine;
    }

    private static void colourBar(Graphics2D g, FontMetrics fm, int x, int top, int bottom, int barWidth, LogScale scale,
            ChartStyle style) {
        g.setStroke(new BasicStroke(1f));
        for (int y = top; y <= bottom; y++) {
            g.setColor(GradientNormHeatmap.colour(1 - (double) (y - top) / (bottom - top)));
            g.drawLine(x, y, x + barWidth, y);
        }
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, top, barWidth, bottom - top);
        for (double level : scale.labelLevels()) {
            int y = bottom - (int) Math.round(scale.fraction(level) * (bottom - top));
            g.drawLine(x + barWidth, y, x + barWidth + 3, y);
            g.drawString(LogScale.label(level), x + barWidth + 6, y + fm.getAscent() / 2 - 1);
        }
        g.drawString(LOSS, x, top - 6 - fm.getDescent());
    }
}

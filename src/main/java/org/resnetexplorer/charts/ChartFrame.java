package org.resnetexplorer.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** What every chart shares: rendering into an image at a scale, and the background with its title, in a {@link ChartStyle}. */
final class ChartFrame {
    /** Draws a chart into {@code width x height} units of {@code g}. */
    interface Drawing {
        void draw(Graphics2D g, int width, int height);
    }

    private ChartFrame() {
    }

    /** An image of the drawing, {@code width x height} points at {@code scale} pixels per point. */
    static BufferedImage render(int width, int height, double scale, Drawing drawing) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            drawing.draw(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Paints the background and the title, and leaves {@code g} with the chart's text font (sized to the
     * chart and the style's font scale). Returns the height the title takes.
     */
    static int begin(Graphics2D g, String title, int width, int height, ChartStyle style) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(style.background());
        g.fillRect(0, 0, width, height);
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, height / 55))
                .deriveFont((float) (Math.max(11, height / 55) * style.fontScale()));
        g.setFont(base.deriveFont(Font.BOLD, base.getSize2D() * 1.35f));
        FontMetrics titleMetrics = g.getFontMetrics();
        g.setColor(style.foreground());
        g.drawString(title, 16, 10 + titleMetrics.getAscent());
        g.setFont(base);
        return titleMetrics.getHeight();
    }
}

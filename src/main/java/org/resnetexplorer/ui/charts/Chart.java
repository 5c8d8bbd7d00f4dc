package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.LinePlot;

/**
 * A chart ready to draw at any size and in any {@link ChartStyle}: a Java2D painting, and the line plot behind it
 * when it is one (hover).
 */
interface Chart {
    void paint(Graphics2D g, int width, int height, ChartStyle style);

    /** The line plot drawn, for hover hit-testing (empty for a heatmap). */
    default Optional<LinePlot> plot() {
        return Optional.empty();
    }

    /** For charts that are not line plots: what lies at drawing position ({@code x}, {@code y}), if anything. */
    default Optional<String> describeAt(double x, double y) {
        return Optional.empty();
    }

    static Chart of(LinePlot plot) {
        return new Chart() {
            @Override
            public void paint(Graphics2D g, int width, int height, ChartStyle style) {
                plot.draw(g, width, height, style);
            }

            @Override
            public Optional<LinePlot> plot() {
                return Optional.of(plot);
            }
        };
    }

    /** An image of the chart in {@code style}, {@code width x height} points at {@code scale} pixels per point. */
    default BufferedImage render(int width, int height, double scale, int imageType, ChartStyle style) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), imageType);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            paint(g, width, height, style);
        } finally {
            g.dispose();
        }
        return image;
    }
}

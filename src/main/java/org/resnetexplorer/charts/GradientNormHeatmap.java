package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.TrainingSnapshot;

/**
 * The gradient norm of every weighted layer (rows, first layer at the top) over the iterations (columns), on a
 * log colour scale: vanishing gradients show as a dark band at the top of a deep plain net without BatchNorm.
 */
public final class GradientNormHeatmap {
    private GradientNormHeatmap() {
    }

    /** The chart of one run, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(RunHistory run, int width, int height, double scale) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, run, w, h));
    }

    static void draw(Graphics2D g, RunHistory run, int width, int height) {
        int titleHeight = ChartFrame.begin(g, "Gradient norm per layer (log scale): " + run.run(), width, height);
        FontMetrics fm = g.getFontMetrics();

        List<String> layers = new ArrayList<>();
        Map<String, Integer> row = new LinkedHashMap<>();
        List<TrainingSnapshot> columns = run.snapshots().stream().filter(s -> !s.gradNorms().isEmpty()).toList();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (TrainingSnapshot s : columns) {
            for (TrainingSnapshot.LayerValue v : s.gradNorms()) {
                if (v.kind().equals("weight")) {
                    row.computeIfAbsent(v.layer(), k -> {
                        layers.add(k);
                        return layers.size() - 1;
                    });
                    if (v.value() > 0 && Double.isFinite(v.value())) {
                        low = Math.min(low, Math.log10(v.value()));
                        high = Math.max(high, Math.log10(v.value()));
                    }
                }
            }
        }
        int labelWidth = layers.stream().mapToInt(fm::stringWidth).max().orElse(40);
        int left = 16 + Math.min(labelWidth, width / 4) + 8;
        int top = 24 + titleHeight;
        int right = width - 90;
        int bottom = height - 16 - 2 * fm.getHeight();
        if (layers.isEmpty() || columns.isEmpty() || right <= left || bottom <= top) {
            g.setColor(Color.GRAY);
            g.drawString("no gradient norms measured yet", left, top + fm.getAscent());
            return;
        }
        if (high - low < 1e-9) {
            high = low + 1;
        }
        double cellW = (double) (right - left) / columns.size();
        double cellH = (double) (bottom - top) / layers.size();
        for (int c = 0; c < columns.size(); c++) {
            for (TrainingSnapshot.LayerValue v : columns.get(c).gradNorms()) {
                Integer r = row.get(v.layer());
                if (r == null || !v.kind().equals("weight")) {
                    continue;
                }
                double t = v.value() > 0 ? (Math.log10(v.value()) - low) / (high - low) : 0;
                g.setColor(colour(t));
                int x0 = left + (int) Math.floor(c * cellW);
                int y0 = top + (int) Math.floor(r * cellH);
                g.fillRect(x0, y0, Math.max(1, left + (int) Math.floor((c + 1) * cellW) - x0),
                        Math.max(1, top + (int) Math.floor((r + 1) * cellH) - y0));
            }
        }
        g.setColor(new Color(0x57606a));
        int every = Math.max(1, (int) Math.ceil(fm.getHeight() / cellH));
        for (int r = 0; r < layers.size(); r += every) {
            String label = layers.get(r);
            while (fm.stringWidth(label) > left - 24 && label.length() > 4) {
                label = label.substring(1);
            }
            g.drawString(label, left - 8 - fm.stringWidth(label), top + (int) ((r + 0.5) * cellH) + fm.getAscent() / 2 - 1);
        }
        for (double x : LinePlot.niceTicks(columns.get(0).step(), columns.get(columns.size() - 1).step(), 8)) {
            int c = nearest(columns, x);
            int px = left + (int) ((c + 0.5) * cellW);
            String label = String.format(Locale.ROOT, "%.0f", x);
            g.drawString(label, px - fm.stringWidth(label) / 2, bottom + 4 + fm.getAscent());
        }
        g.drawString("iteration", (left + right - fm.stringWidth("iteration")) / 2, height - 10);
        drawColourBar(g, fm, right + 24, top, bottom, low, high);
    }

    private static int nearest(List<TrainingSnapshot> columns, double step) {
        int best = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (Math.abs(columns.get(i).step() - step) < Math.abs(columns.get(best).step() - step)) {
                best = i;
            }
        }
        return best;
    }

    private static void drawColourBar(Graphics2D g, FontMetrics fm, int x, int top, int bottom, double low, double high) {
        for (int y = top; y <= bottom; y++) {
            g.setColor(colour(1 - (double) (y - top) / (bottom - top)));
            g.drawLine(x, y, x + 14, y);
        }
        g.setColor(new Color(0x57606a));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, 14, bottom - top);
        g.drawString(String.format(Locale.ROOT, "1e%.1f", high), x - 4, top - 4);
        g.drawString(String.format(Locale.ROOT, "1e%.1f", low), x - 4, bottom + fm.getAscent() + 2);
    }

    /** A dark-to-bright scale (dark blue, teal, yellow) that stays readable in grey. */
    static Color colour(double t) {
        double v = Math.max(0, Math.min(1, t));
        float[][] stops = {{0.07f, 0.04f, 0.25f}, {0.13f, 0.45f, 0.55f}, {0.35f, 0.75f, 0.40f}, {0.99f, 0.91f, 0.15f}};
        double position = v * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) position);
        double f = position - i;
        return new Color((float) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                (float) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                (float) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
    }
}

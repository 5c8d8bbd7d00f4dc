package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;

/**
 * The first convolution's filters as small images, one per output channel: in colour when they read three input
 * channels (RGB), in grey otherwise (the mean over the input channels). Each filter is scaled on its own, symmetric
 * about 0 (mid grey, or the colour (0.5, 0.5, 0.5), is a weight of 0), so the pattern each one looks for shows
 * whatever its size. A residual net's and its plain twin's side by side when both are given.
 */
public final class FilterPicture {
    static final String TITLE = Texts.get("filters.title");
    static final String PANEL = Texts.get("filters.panel");
    static final String HOVER = Texts.get("filters.hover");
    static final String NONE = Texts.get("filters.none");

    private FilterPicture() {
    }

    /**
     * One network's first convolution.
     *
     * @param run     the name of the run
     * @param node    the convolution's node
     * @param weights its weights: filters x input channels x kernel height x kernel width
     */
    public record Panel(String run, String node, NetworkState.Weights weights) {
        public Panel {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(node, "node");
            if (weights.shape().length != 4) {
                throw new IllegalArgumentException("a convolution's weights have 4 dimensions, not "
                        + weights.shape().length);
            }
        }

        int filters() {
            return (int) weights.shape()[0];
        }
    }

    /** A filter drawn, for hover: where, and which. */
    record Tile(int x, int y, int size, String text) {
    }

    /** Where the last drawing put the filters. */
    public record Layout(List<Tile> tiles) {
        public Optional<String> describeAt(double x, double y) {
            return tiles.stream().filter(t -> x >= t.x() && x < t.x() + t.size() && y >= t.y() && y < t.y() + t.size())
                    .map(Tile::text).findFirst();
        }
    }

    /** The first convolution of a network (in the order it computes), if it has one. */
    public static Optional<String> firstConvolution(Network network) {
        return Analysis.of(network).order().stream()
                .filter(n -> network.requireNode(n).layer() instanceof Conv2D).findFirst();
    }

    /** The panel of a state's first convolution, if its network has one. */
    public static Optional<Panel> of(String run, NetworkState state) {
        return firstConvolution(state.network()).flatMap(node -> state.weights(node).map(w -> new Panel(run, node, w)));
    }

    /**
     * A filter as an image of kernel height x width: RGB from three input channels, else grey from their mean,
     * scaled so the largest absolute weight of the filter is black/white (or full colour) and 0 is mid grey.
     */
    static BufferedImage filter(NetworkState.Weights weights, int index) {
        long[] s = weights.shape();
        int inputs = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        int size = inputs * h * w;
        int from = index * size;
        double largest = 0;
        for (int i = from; i < from + size; i++) {
            largest = Math.max(largest, Math.abs(weights.values()[i]));
        }
        double scale = largest > 0 ? 0.5 / largest : 0;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = y * w + x;
                int rgb;
                if (inputs == 3) {
                    rgb = level(weights.values()[from + at], scale) << 16 | level(weights.values()[from + h * w + at], scale) << 8
                            | level(weights.values()[from + 2 * h * w + at], scale);
                } else {
                    double mean = 0;
                    for (int c = 0; c < inputs; c++) {
                        mean += weights.values()[from + c * h * w + at];
                    }
                    int grey = level(mean / inputs, scale);
                    rgb = grey << 16 | grey << 8 | grey;
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static int level(double weight, double scale) {
        return (int) Math.round(Math.max(0, Math.min(1, 0.5 + weight * scale)) * 255);
    }

    /** Draws the panels side by side into {@code width x height} units of {@code g}. */
    public static Layout draw(Graphics2D g, List<Panel> panels, int width, int height, ChartStyle style) {
        int titleHeight = ChartFrame.begin(g, TITLE, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        Font base = g.getFont();
        int top = 18 + titleHeight;
        if (panels.isEmpty()) {
            g.setColor(style.axis());
            g.drawString(NONE, 16, top + fm.getAscent());
            return new Layout(List.of());
        }
        int gap = 24;
        int panelWidth = (width - 32 - gap * (panels.size() - 1)) / panels.size();
        List<Tile> tiles = new ArrayList<>();
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int left = 16 + p * (panelWidth + gap);
            long[] s = panel.weights().shape();
            String header = String.format(PANEL, panel.run(), panel.node(), s[0], s[2], s[3], s[1]);
            g.setFont(base.deriveFont(Font.BOLD));
            g.setColor(style.foreground());
            g.drawString(FeatureMapPicture.clip(header, panelWidth, g.getFontMetrics()), left, top + fm.getAscent());
            g.setFont(base);
            int gridTop = top + fm.getHeight() + 8;
            int n = panel.filters();
            int availableHeight = height - 16 - gridTop;
            int columns = 1;
            int tile = 0;
            // the column count that gives the largest tiles in the room there is
            for (int c = 1; c <= n; c++) {
                int rows = (n + c - 1) / c;
                int size = Math.min(panelWidth / c, availableHeight / rows) - 6;
                if (size > tile) {
                    tile = size;
                    columns = c;
                }
            }
            tile = Math.max(4, tile);
            Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i < n; i++) {
                int x = left + (i % columns) * (tile + 6);
                int y = gridTop + (i / columns) * (tile + 6);
                g.drawImage(filter(panel.weights(), i), x, y, tile, tile, null);
                g.setColor(style.axis());
                g.drawRect(x, y, tile, tile);
                tiles.add(new Tile(x, y, tile, String.format(HOVER, panel.run(), i)));
            }
            if (interpolation != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            }
        }
        return new Layout(List.copyOf(tiles));
    }
}

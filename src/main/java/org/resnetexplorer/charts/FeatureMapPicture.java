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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.resnetexplorer.engine.BlockMaps;
import org.resnetexplorer.engine.FeatureMap;
import org.resnetexplorer.i18n.Texts;

/**
 * The feature maps of one block for one test image (the paper's Fig. 7 as pictures): for a residual net three rows,
 * x, F(x) and x + F(x) before the ReLU; for its plain twin two, the block's input and its layer output at the same
 * place. Each row shows the same few channels (those where the block's output varies most), all on one diverging
 * colour scale (blue below 0, red above, near-white at 0; the colour bar at the right), with the std of the row's whole output beside
 * it: a student sees F(x) as a small correction to x. The image and its class are at the left.
 */
public final class FeatureMapPicture {
    static final String TITLE = Texts.get("featureMaps.title");
    static final String IMAGE = Texts.get("featureMaps.image");
    static final String X = Texts.get("featureMaps.x");
    static final String F = Texts.get("featureMaps.f");
    static final String SUM = Texts.get("featureMaps.sum");
    static final String INPUT = Texts.get("featureMaps.input");
    static final String OUTPUT = Texts.get("featureMaps.output");
    static final String STD = Texts.get("featureMaps.std");
    static final String CHANNEL = Texts.get("featureMaps.channel");
    static final String HOVER = Texts.get("featureMaps.hover");
    static final String PLAIN = Texts.get("featureMaps.plain");
    static final String BRANCH_NOTE = Texts.get("featureMaps.f.note");
    static final String BEFORE_RELU = Texts.get("featureMaps.before.relu");

    /** The most channels a row shows. */
    public static final int MOST_CHANNELS = 8;
    /** The smallest tile, in points, before a row shows fewer channels. */
    static final int SMALLEST_TILE = 28;

    private FeatureMapPicture() {
    }

    /**
     * One network's maps at the chosen block.
     *
     * @param run    the name of the run shown
     * @param blocks how many blocks its network has
     * @param maps   the chosen block's maps
     */
    public record Panel(String run, int blocks, BlockMaps maps) {
        public Panel {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(maps, "maps");
        }
    }

    /**
     * What the picture shows: a test image and, for it, one or two networks' maps at one block (a residual net and
     * its plain twin), at one step of training.
     */
    public record Content(TestImage image, int step, List<Panel> panels) {
        public Content {
            Objects.requireNonNull(image, "image");
            panels = List.copyOf(panels);
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("no maps to show");
            }
        }
    }

    /** One row of maps as drawn: the run, the row's name and a note under it, the map, the channels shown. */
    public record Row(String run, String name, String note, FeatureMap map, List<Integer> channels) {
    }

    /** A map tile drawn: where, and what it shows (for hover). */
    record Tile(int x, int y, int size, String text) {
    }

    /** Where the last drawing put the rows and tiles: what a test checks and what hover reads. */
    public record Layout(List<Row> rows, List<Tile> tiles, double scaleLimit) {
        /** What lies at drawing position ({@code x}, {@code y}): the map tile and its channel, if any. */
        public Optional<String> describeAt(double x, double y) {
            return tiles.stream().filter(t -> x >= t.x() && x < t.x() + t.size() && y >= t.y() && y < t.y() + t.size())
                    .map(Tile::text).findFirst();
        }
    }

    /** The picture as an image, {@code width x height} points at {@code scale} pixels per point. */
    public static BufferedImage render(Content content, int width, int height, double scale, ChartStyle style) {
        return ChartFrame.render(width, height, scale, (g, w, h) -> draw(g, content, w, h, style));
    }

    /** The rows a panel shows: x, F(x), x + F(x) for a residual block; input and layer output for a plain one. */
    static List<Row> rows(Panel panel, int channels) {
        BlockMaps maps = panel.maps();
        List<Integer> shown = maps.output().strongestChannels(channels);
        // a plain block that widens has fewer input channels than output channels: its input shows its own
        List<Integer> xShown = maps.x().channels() == maps.output().channels() ? shown
                : maps.x().strongestChannels(channels);
        List<Row> rows = new ArrayList<>();
        if (maps.residual()) {
            rows.add(new Row(panel.run(), X, xNote(maps.kind()), maps.x(), xShown));
            rows.add(new Row(panel.run(), F, BRANCH_NOTE, maps.branch(), shown));
            rows.add(new Row(panel.run(), SUM, BEFORE_RELU, maps.sum().orElseThrow(), shown));
        } else {
            rows.add(new Row(panel.run(), INPUT, xNote(maps.kind()), maps.x(), xShown));
            rows.add(new Row(panel.run(), OUTPUT, BEFORE_RELU, maps.branch(), shown));
        }
        return rows;
    }

    /** What x is in a block, in words, under the row's name. */
    static String xNote(BlockMaps.XKind kind) {
        return Texts.get("featureMaps.x." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** Draws the picture into {@code width x height} units of {@code g}; returns where the rows and tiles went. */
    public static Layout draw(Graphics2D g, Content content, int width, int height, ChartStyle style) {
        Panel first = content.panels().get(0);
        String title = String.format(TITLE, first.maps().block().name(), first.maps().position() + 1, first.blocks(),
                content.step());
        int titleHeight = ChartFrame.begin(g, title, width, height, style);
        FontMetrics fm = g.getFontMetrics();
        Font base = g.getFont();
        Font bold = base.deriveFont(Font.BOLD);
        int line = fm.getHeight();
        int top = 18 + titleHeight;
        int bottom = height - 12;

        int side = (int) Math.min(width * 0.18, Math.max(90, 6.5 * line));
        int imageLeft = 16;
        int imageSize = Math.max(24, Math.min(side, (bottom - top) - 3 * line));
        drawImage(g, content.image(), imageLeft, top + line + 4, imageSize, style);
        g.setColor(style.foreground());
        g.drawString(String.format(IMAGE, content.image().index()), imageLeft, top + fm.getAscent());
        g.setFont(bold);
        g.drawString(clip(content.image().label(), side, g.getFontMetrics()), imageLeft,
                top + line + 4 + imageSize + 6 + fm.getAscent());
        g.setFont(base);

        int barWidth = (int) Math.round(14 * Math.max(1, style.fontScale()));
        int right = width - 24 - barWidth - fm.stringWidth("-0.00") - 10;
        int left = imageLeft + side + 28;
        List<List<Row>> panelRows = new ArrayList<>();
        int channels = Math.min(MOST_CHANNELS, first.maps().output().channels());
        int rowCount = content.panels().stream().mapToInt(p -> p.maps().residual() ? 3 : 2).sum();
        int labelWidth = labelWidth(fm, bold, g);
        int headers = content.panels().size() * (2 * line + 10);
        int tile;
        while (true) {
            int byWidth = (right - left - labelWidth - 8 * channels) / Math.max(1, channels);
            int byHeight = (bottom - top - headers) / Math.max(1, rowCount) - 8;
            tile = Math.min(byWidth, byHeight);
            if (tile >= SMALLEST_TILE || channels <= 1) {
                break;
            }
            channels--;
        }
        tile = Math.max(8, tile);
        for (Panel panel : content.panels()) {
            panelRows.add(rows(panel, channels));
        }
        double limit = scaleLimit(panelRows.stream().flatMap(List::stream).toList());
        List<Tile> tiles = new ArrayList<>();
        List<Row> allRows = new ArrayList<>();
        int y = top;
        int tilesLeft = left + labelWidth;
        for (int p = 0; p < content.panels().size(); p++) {
            Panel panel = content.panels().get(p);
            g.setFont(bold);
            g.setColor(style.foreground());
            String header = panel.maps().residual() ? panel.run() : panel.run() + PLAIN;
            g.drawString(clip(header, right - left, g.getFontMetrics()), left, y + fm.getAscent());
            g.setFont(base);
            y += line + 4;
            for (int r = 0; r < panelRows.get(p).size(); r++) {
                Row row = panelRows.get(p).get(r);
                allRows.add(row);
                if (r == 0) {
                    // each network shows its own strongest channels: name them above its rows
                    List<Integer> named = panelRows.get(p).get(panelRows.get(p).size() - 1).channels();
                    g.setColor(style.axis());
                    for (int c = 0; c < named.size(); c++) {
                        String name = String.format(CHANNEL, named.get(c));
                        // a narrow tile keeps just the channel's number
                        g.drawString(fm.stringWidth(name) <= tile + 4 ? name : String.valueOf(named.get(c)),
                                tilesLeft + c * (tile + 8), y + fm.getAscent());
                    }
                    y += line;
                }
                drawRowLabel(g, row, left, y, tile, bold, base, style);
                for (int c = 0; c < row.channels().size(); c++) {
                    int channel = row.channels().get(c);
                    int x = tilesLeft + c * (tile + 8);
                    drawMap(g, row.map(), channel, x, y, tile, limit, style);
                    tiles.add(new Tile(x, y, tile, String.format(HOVER, panel.run(), row.name(), channel,
                            number(row.map().std(channel)))));
                }
                y += tile + 8;
            }
            y += 6;
        }
        drawColourBar(g, fm, width - 24 - barWidth - fm.stringWidth("-0.00") + 4, top + line, Math.min(bottom, y) - 8,
                barWidth, limit, style);
        return new Layout(List.copyOf(allRows), List.copyOf(tiles), limit);
    }

    /**
     * The value the colour scale's ends stand for, shared by all rows: the 99th percentile of the absolute values
     * shown, so one hot pixel does not fade every other map to the background (larger values show at full
     * colour); 1 when everything is 0.
     */
    static double scaleLimit(List<Row> rows) {
        int count = 0;
        for (Row row : rows) {
            count += row.channels().stream().filter(c -> c < row.map().channels()).count() * row.map().height()
                    * row.map().width();
        }
        float[] magnitudes = new float[count];
        int at = 0;
        for (Row row : rows) {
            FeatureMap map = row.map();
            for (int channel : row.channels()) {
                for (int r = 0; channel < map.channels() && r < map.height(); r++) {
                    for (int c = 0; c < map.width(); c++) {
                        magnitudes[at++] = Math.abs(map.value(channel, r, c));
                    }
                }
            }
        }
        if (count == 0) {
            return 1;
        }
        java.util.Arrays.sort(magnitudes);
        double limit = magnitudes[(int) Math.floor(0.99 * (count - 1))];
        return limit > 0 ? limit : magnitudes[count - 1] > 0 ? magnitudes[count - 1] : 1;
    }

    private static int labelWidth(FontMetrics fm, Font bold, Graphics2D g) {
        FontMetrics bm = g.getFontMetrics(bold);
        int widest = 0;
        for (String name : List.of(X, F, SUM, INPUT, OUTPUT)) {
            widest = Math.max(widest, bm.stringWidth(name));
        }
        for (BlockMaps.XKind kind : BlockMaps.XKind.values()) {
            widest = Math.max(widest, fm.stringWidth(xNote(kind)));
        }
        widest = Math.max(widest, Math.max(fm.stringWidth(BRANCH_NOTE), fm.stringWidth(BEFORE_RELU)));
        return Math.min(widest, fm.stringWidth("M") * 16) + 14;
    }

    private static void drawRowLabel(Graphics2D g, Row row, int x, int y, int tile, Font bold, Font base,
            ChartStyle style) {
        FontMetrics fm = g.getFontMetrics(base);
        g.setFont(bold);
        g.setColor(style.foreground());
        g.drawString(row.name(), x, y + fm.getAscent());
        g.setFont(base);
        int next = y + fm.getHeight();
        if (next + 2 * fm.getHeight() <= y + tile + 4) {
            g.setColor(style.axis());
            g.drawString(row.note(), x, next + fm.getAscent());
            next += fm.getHeight();
        }
        g.setColor(style.foreground());
        g.drawString(String.format(STD, number(row.map().std())), x, Math.min(next, y + tile - fm.getHeight() + 4)
                + fm.getAscent());
    }

    private static void drawImage(Graphics2D g, TestImage image, int x, int y, int size, ChartStyle style) {
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image.picture(), x, y, size, size, null);
        restore(g, interpolation);
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, y, size, size);
    }

    private static void drawMap(Graphics2D g, FeatureMap map, int channel, int x, int y, int size, double limit,
            ChartStyle style) {
        g.setColor(style.grid());
        g.setStroke(new BasicStroke(1f));
        if (channel >= map.channels()) {
            g.drawRect(x, y, size, size);
            return;
        }
        BufferedImage raster = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                raster.setRGB(c, r, DivergingScale.colour(map.value(channel, r, c) / limit).getRGB());
            }
        }
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(raster, x, y, size, size, null);
        restore(g, interpolation);
        g.setColor(style.axis());
        g.drawRect(x, y, size, size);
    }

    private static void restore(Graphics2D g, Object interpolation) {
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    private static void drawColourBar(Graphics2D g, FontMetrics fm, int x, int top, int bottom, int barWidth,
            double limit, ChartStyle style) {
        if (bottom - top < 20) {
            return;
        }
        g.setStroke(new BasicStroke(1f));
        for (int y = top; y <= bottom; y++) {
            g.setColor(DivergingScale.colour(1 - 2.0 * (y - top) / (bottom - top)));
            g.drawLine(x, y, x + barWidth, y);
        }
        g.setColor(style.axis());
        g.setStroke(new BasicStroke(style.width(1f)));
        g.drawRect(x, top, barWidth, bottom - top);
        g.drawString(number(limit), x - 4, top - 4);
        g.drawString("0", x + barWidth + 4, (top + bottom) / 2 + fm.getAscent() / 2);
        g.drawString(number(-limit), x - 4, bottom + fm.getAscent() + 2);
    }

    static String clip(String text, int width, FontMetrics fm) {
        String shown = text;
        while (fm.stringWidth(shown) > width && shown.length() > 2) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        return shown;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 0.01 || v == 0 ? "%.2f" : "%.1e", v);
    }
}

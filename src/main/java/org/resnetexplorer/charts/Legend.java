package org.resnetexplorer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resnetexplorer.i18n.Texts;

/**
 * A chart's legend of bounded size: above the plot in at most {@link #MAX_ROWS} rows and at most
 * {@link #MAX_SHARE} of the chart's height, or beside the plot when the chart is wide and short. Entries that
 * do not fit are counted in a "+N more" label rather than listed; names too long for their place are shortened
 * in the middle, keeping their start ("#3 ") and their end, so two runs never read the same.
 */
public final class Legend {
    static final String MORE = Texts.get("legend.more");
    /** Rows above the plot, at most. */
    public static final int MAX_ROWS = 2;
    /** The share of the chart's height the legend above the plot takes at most. */
    public static final double MAX_SHARE = 0.15;
    /** Width over height from which the legend goes beside the plot (a wide, short chart). */
    static final double BESIDE_RATIO = 2.4;
    /** The share of the chart's width a legend beside the plot takes at most. */
    static final double BESIDE_SHARE = 0.24;
    static final String ELLIPSIS = "...";
    /** Joins a group's name and a run's ("degradation-images · plain-8"): the run's part is what tells runs apart. */
    public static final String GROUP_JOIN = " · ";

    /**
     * One entry: {@code id} names what it stands for (a run, for a click to toggle), {@code name} is its text;
     * a {@code key} entry explains a line style (thin = training) and belongs to no run; a {@code hidden} one is
     * greyed (its run is not drawn).
     */
    public record Entry(String id, String name, Color color, float width, boolean dashed, boolean hidden, boolean key) {
        /** A run's entry. */
        public static Entry run(String id, String name, Color color, float width, boolean dashed, boolean hidden) {
            return new Entry(id, name, color, width, dashed, hidden, false);
        }

        /** A style key's entry (grey, not a run). */
        public static Entry key(String name, float width, boolean dashed) {
            return new Entry("", name, Color.GRAY, width, dashed, false, true);
        }
    }

    /** An entry as placed: its box in drawing units and the text drawn (perhaps shortened). */
    public record Placed(Entry entry, int x, int y, int width, int height, String text) {
        boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /**
     * Where the legend went: {@code rows} rows (above) or lines (beside), the entries placed, how many runs were
     * left out ({@code more}), the "+N more" label's box (null when all fit), and the space it takes: its height
     * above the plot, or its width beside it.
     */
    public record Layout(boolean beside, int rows, List<Placed> placed, int more, Placed moreLabel, int extent) {
        /** The run whose entry lies at drawing position ({@code px}, {@code py}), if any (keys are no runs). */
        public Optional<String> runAt(double px, double py) {
            return entryAt(px, py).map(Entry::id);
        }

        /** The run's entry at drawing position ({@code px}, {@code py}), if any (keys are no runs). */
        public Optional<Entry> entryAt(double px, double py) {
            return placed.stream().filter(p -> !p.entry().key() && p.contains(px, py)).map(Placed::entry).findFirst();
        }

        static final Layout NONE = new Layout(false, 0, List.of(), 0, null, 0);
    }

    private Legend() {
    }

    /** How long an entry's line sample is: longer with larger text. */
    static int sample(ChartStyle style) {
        return (int) Math.round(26 * Math.max(1, style.fontScale()));
    }

    /**
     * Lays the entries out for a chart of {@code width x height} whose plot spans {@code left} to {@code right}
     * and whose legend starts at {@code top}; {@code plotHeight} is what the plot has below a legend beside it.
     */
    static Layout layout(List<Entry> entries, FontMetrics fm, ChartStyle style, int width, int height, int left, int right,
            int top, int plotHeight) {
        if (entries.isEmpty()) {
            return Layout.NONE;
        }
        int rowHeight = fm.getHeight() + 2;
        int sample = sample(style);
        int pad = sample + 6 + 14;
        if (width >= BESIDE_RATIO * height) {
            int column = (int) (width * BESIDE_SHARE);
            int lines = Math.max(1, plotHeight / rowHeight);
            int x = width - 16 - column;
            List<String> texts = shortened(entries, fm, column - pad);
            return place(entries, texts, fm, lines, 1, x, top, column, rowHeight, pad, true);
        }
        int rows = (int) Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_SHARE * height / rowHeight)));
        int available = right - left;
        // whole names (each within a row) when all of them fit; shortened ones only to make room for more runs
        Layout whole = place(entries, shortened(entries, fm, available - pad), fm, rows, Integer.MAX_VALUE, left, top,
                available, rowHeight, pad, false);
        if (whole.more() == 0) {
            return whole;
        }
        int cap = Math.max(fm.stringWidth("#00 ...net-20"), available / 3 - pad);
        List<String> texts = shortened(entries, fm, cap);
        return place(entries, texts, fm, rows, Integer.MAX_VALUE, left, top, available, rowHeight, pad, false);
    }

    /** Places the entries in {@code rows} rows of {@code available} width, leaving room for "+N more" if needed. */
    private static Layout place(List<Entry> entries, List<String> texts, FontMetrics fm, int rows, int perRow, int left,
            int top, int available, int rowHeight, int pad, boolean beside) {
        List<Placed> placed = new ArrayList<>();
        int row = 0;
        int x = 0;
        int inRow = 0;
        int i = 0;
        for (; i < entries.size(); i++) {
            int w = pad + fm.stringWidth(texts.get(i));
            if (inRow > 0 && (x + w > available || inRow >= perRow)) {
                row++;
                x = 0;
                inRow = 0;
            }
            if (row >= rows) {
                break;
            }
            placed.add(new Placed(entries.get(i), left + x, top + row * rowHeight, Math.min(w, available), rowHeight,
                    texts.get(i)));
            x += w;
            inRow++;
        }
        int more = (int) entries.subList(i, entries.size()).stream().filter(e -> !e.key()).count();
        Placed moreLabel = null;
        if (more > 0) {
            String text = String.format(MORE, more);
            int w = fm.stringWidth(text) + 8;
            int lastRow = rows - 1;
            // the label takes the end of the last row (beside: the last line): run entries give way to it from the end
            while (!placed.isEmpty() && !placed.get(placed.size() - 1).entry().key()
                    && placed.get(placed.size() - 1).y() == top + lastRow * rowHeight
                    && (beside || end(placed.get(placed.size() - 1)) - left + w > available)) {
                placed.remove(placed.size() - 1);
                more++;
                text = String.format(MORE, more);
                w = fm.stringWidth(text) + 8;
            }
            Placed last = placed.isEmpty() ? null : placed.get(placed.size() - 1);
            boolean sameRow = last != null && last.y() == top + lastRow * rowHeight;
            int at = sameRow ? end(last) - left : 0;
            moreLabel = new Placed(Entry.key(text, 0, false), left + at, top + lastRow * rowHeight, w, rowHeight, text);
        }
        int used = placed.isEmpty() ? 1 : (placed.get(placed.size() - 1).y() - top) / rowHeight + 1;
        if (moreLabel != null) {
            used = Math.max(used, (moreLabel.y() - top) / rowHeight + 1);
        }
        int extent = beside ? available + 12 : used * rowHeight + 4;
        return new Layout(beside, used, List.copyOf(placed), more, moreLabel, extent);
    }

    private static int end(Placed p) {
        return p.x() + p.width();
    }

    /**
     * Each entry's text, at most {@code maxWidth} wide: a name too long keeps its start up to its first space
     * ("#3 ") and as much of its end as fits. If two shortened names would read the same, they keep their full names.
     */
    static List<String> shortened(List<Entry> entries, FontMetrics fm, int maxWidth) {
        List<String> texts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Entry e : entries) {
            String text = shorten(e.name(), fm::stringWidth, maxWidth);
            texts.add(text);
            seen.merge(text, 1, Integer::sum);
        }
        for (int i = 0; i < texts.size(); i++) {
            if (seen.get(texts.get(i)) > 1 && !texts.get(i).equals(entries.get(i).name())) {
                texts.set(i, entries.get(i).name());
            }
        }
        return texts;
    }

    /** How wide a text is drawn, in drawing units. */
    public interface Widths {
        int of(String text);
    }

    /**
     * {@code name} as it fits in {@code maxWidth}: unchanged if it fits; a run of a group ("degradation-images ·
     * plain-8") first loses the group's name, which its neighbours share; else its start up to and with its first
     * space (at most a third of the name), an ellipsis and the longest end that fits ("#3 ...net-20 (plain twin)").
     */
    public static String shorten(String name, Widths widths, int maxWidth) {
        if (widths.of(name) <= maxWidth) {
            return name;
        }
        int join = name.lastIndexOf(GROUP_JOIN);
        if (join > 0 && join + GROUP_JOIN.length() < name.length()) {
            return shorten(name.substring(join + GROUP_JOIN.length()), widths, maxWidth);
        }
        int space = name.indexOf(' ');
        String head = space > 0 && space < Math.max(4, name.length() / 3) ? name.substring(0, space + 1) : "";
        String best = head + ELLIPSIS + name.substring(name.length() - 1);
        for (int start = head.length() + 1; start < name.length(); start++) {
            String candidate = head + ELLIPSIS + name.substring(start);
            if (widths.of(candidate) <= maxWidth) {
                best = candidate;
                break;
            }
        }
        return best;
    }

    /** Draws the layout: each entry's line sample and text, hidden ones greyed, then "+N more". */
    static void draw(Graphics2D g, FontMetrics fm, Layout layout, ChartStyle style) {
        int sample = sample(style);
        Color text = style.dark() ? style.foreground() : Color.DARK_GRAY;
        Color grey = style.dark() ? new Color(0x6e7681) : new Color(0xb0b4b9);
        for (Placed p : layout.placed()) {
            Entry e = p.entry();
            int y = p.y() + fm.getAscent();
            Color colour = e.key() ? style.axis() : e.hidden() ? grey : style.line(e.color());
            g.setColor(colour);
            g.setStroke(stroke(e, style));
            int mid = y - fm.getAscent() / 2 + 1;
            if (e.hidden()) {
                // an empty swatch: the run is not drawn, a click shows it again
                g.setStroke(new BasicStroke(1f));
                g.drawRect(p.x(), mid - 3, sample, 6);
            } else {
                g.drawLine(p.x(), mid, p.x() + sample, mid);
            }
            g.setColor(e.hidden() ? grey : text);
            g.drawString(p.text(), p.x() + sample + 6, y);
        }
        if (layout.moreLabel() != null) {
            g.setColor(style.axis());
            g.drawString(layout.moreLabel().text(), layout.moreLabel().x() + 4, layout.moreLabel().y() + fm.getAscent());
        }
    }

    private static BasicStroke stroke(Entry e, ChartStyle style) {
        float w = style.width(e.width() + 0.5f);
        float unit = (float) style.lineScale();
        return e.dashed() ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f * unit, 4f * unit}, 0f) : new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }
}

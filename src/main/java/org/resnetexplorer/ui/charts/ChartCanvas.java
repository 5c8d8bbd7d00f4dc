package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.LinePlot;

/**
 * Shows a {@link Chart} drawn by Java2D at the region's size and the screen's scale, copied into a
 * {@link WritableImage} through its PixelWriter; above it, the hover marker and the value label.
 */
final class ChartCanvas extends Region {
    /** How near the pointer (in points) a point must be to be shown on hover. */
    static final double HOVER_RADIUS = 28;
    /** Over a run's legend entry: its whole name, and what a click does. */
    static final String LEGEND_HOVER = org.resnetexplorer.i18n.Texts.get("chartCanvas.legend.hover");

    private final ImageView view = new ImageView();
    private final Circle marker = new Circle(5);
    private final Label hover = new Label();
    private final Label empty = new Label();
    private BufferedImage image;
    private WritableImage fxImage;
    private Chart chart;
    private BiFunction<LinePlot, LinePlot.Hit, String> hoverText = (plot, hit) -> hit.line().series().name();
    private Point2D pointer;
    private boolean rendering;
    private Chart pending;
    private ChartStyle style = ChartStyle.LIGHT;
    private java.util.function.BiConsumer<Long, Long> onShown = (render, copy) -> { };
    private java.util.function.Consumer<String> onLegendClick = run -> { };

    /** Paints the charts of a pane one at a time, newest first: Java2D work stays off the FX thread. */
    private final java.util.concurrent.Executor renderer;

    /** @param renderer paints off the FX thread, one chart at a time (the pane's, shared by its charts) */
    ChartCanvas(java.util.concurrent.Executor renderer) {
        this.renderer = java.util.Objects.requireNonNull(renderer, "renderer");
        getStyleClass().add("chart-canvas");
        marker.getStyleClass().add("chart-hover-marker");
        marker.setManaged(false);
        marker.setMouseTransparent(true);
        marker.setVisible(false);
        hover.getStyleClass().add("chart-hover");
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.setVisible(false);
        view.setManaged(false);
        getChildren().addAll(view, marker, hover, empty);
        setMinSize(120, 90);
        setPrefSize(800, 500);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(new Point2D(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hoverAt(new Point2D(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(null));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                legendRunAt(new Point2D(e.getX(), e.getY())).ifPresent(onLegendClick);
            }
        });
    }

    /** The style the next charts are painted in (the caller redraws). */
    void setStyle(ChartStyle value) {
        style = java.util.Objects.requireNonNull(value, "style");
    }

    ChartStyle style() {
        return style;
    }

    void setHoverText(BiFunction<LinePlot, LinePlot.Hit, String> text) {
        hoverText = text;
    }

    /** Shows {@code text} over the chart (e.g. "no data yet"), or nothing if null. */
    void setEmptyText(String text) {
        empty.setText(text == null ? "" : text);
        empty.setVisible(text != null);
    }

    /** Whether the region has a size worth drawing at. */
    boolean hasArea() {
        return getWidth() >= 40 && getHeight() >= 40;
    }

    /**
     * Draws the chart at the current size: painted by Java2D on the render thread, then copied into the shown
     * image on the FX thread, so a long painting never holds up a pulse. While a painting is under way, the
     * newest chart asked for waits and is painted next (those in between are skipped). Returns false if there
     * is no area to draw in yet.
     */
    boolean show(Chart next) {
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w < 40 || h < 40) {
            return false;
        }
        if (rendering) {
            pending = next;
            return true;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        int pw = (int) Math.round(w * scale);
        int ph = (int) Math.round(h * scale);
        if (image == null || image.getWidth() != pw || image.getHeight() != ph) {
            image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        BufferedImage target = image;
        ChartStyle painting = style;
        rendering = true;
        renderer.execute(() -> {
            long start = System.nanoTime();
            try {
                Graphics2D g = target.createGraphics();
                try {
                    g.scale((double) pw / w, (double) ph / h);
                    next.paint(g, w, h, painting);
                } finally {
                    g.dispose();
                }
            } catch (RuntimeException e) {
                // a chart that cannot paint keeps the last image; the next change tries again
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
            long took = System.nanoTime() - start;
            Platform.runLater(() -> shown(next, target, w, h, took));
        });
        return true;
    }

    /** On the FX thread: copies the painted image into the shown one, then paints what waited meanwhile. */
    private void shown(Chart next, BufferedImage painted, int w, int h, long renderNanos) {
        long start = System.nanoTime();
        int pw = painted.getWidth();
        int ph = painted.getHeight();
        if (fxImage == null || (int) fxImage.getWidth() != pw || (int) fxImage.getHeight() != ph) {
            fxImage = new WritableImage(pw, ph);
            view.setImage(fxImage);
        }
        int[] pixels = ((DataBufferInt) painted.getRaster().getDataBuffer()).getData();
        fxImage.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), pixels, 0, pw);
        view.setFitWidth(w);
        view.setFitHeight(h);
        chart = next;
        rendering = false;
        hoverAt(pointer);
        onShown.accept(renderNanos, System.nanoTime() - start);
        if (pending != null) {
            Chart waiting = pending;
            pending = null;
            show(waiting);
        }
    }

    /** Whether a painting is under way or waiting. */
    boolean busy() {
        return rendering || pending != null;
    }

    /** Called on the FX thread after each chart is shown, with its painting time and the FX thread's copy time. */
    void setOnShown(java.util.function.BiConsumer<Long, Long> onShown) {
        this.onShown = onShown;
    }

    /** Hears a click on a run's legend entry, with the run's name. */
    void setOnLegendClick(java.util.function.Consumer<String> onClick) {
        onLegendClick = java.util.Objects.requireNonNull(onClick, "onClick");
    }

    /** The run whose legend entry the shown chart drew at {@code p} (in this region's coordinates), if any. */
    Optional<String> legendRunAt(Point2D p) {
        return legendEntryAt(p).map(org.resnetexplorer.charts.Legend.Entry::id);
    }

    private Optional<org.resnetexplorer.charts.Legend.Entry> legendEntryAt(Point2D p) {
        if (chart == null || p == null) {
            return Optional.empty();
        }
        return chart.plot().flatMap(plot -> plot.legendLayout().entryAt(p.getX(), p.getY()));
    }

    /** The shown chart's point nearest the pointer at {@code p} (in this region's coordinates), if any is near. */
    Optional<LinePlot.Hit> hitAt(Point2D p) {
        if (chart == null || p == null) {
            return Optional.empty();
        }
        return chart.plot().flatMap(plot -> plot.nearest(p.getX(), p.getY(), HOVER_RADIUS));
    }

    /** Moves the marker and the value label to the point nearest {@code p}; hides them when none is near. */
    void hoverAt(Point2D p) {
        pointer = p;
        Optional<LinePlot.Hit> hit = hitAt(p);
        Optional<String> described = hit.isEmpty() && chart != null && p != null ? chart.describeAt(p.getX(), p.getY())
                .or(() -> legendEntryAt(p).map(e -> String.format(LEGEND_HOVER, e.name()))) : Optional.empty();
        // a legend entry is a button: it shows or hides its run
        setCursor(legendEntryAt(p).isPresent() ? javafx.scene.Cursor.HAND : null);
        if (hit.isEmpty() && described.isEmpty()) {
            marker.setVisible(false);
            hover.setVisible(false);
            return;
        }
        if (hit.isPresent()) {
            LinePlot.Hit h = hit.get();
            java.awt.Color c = style.line(h.line().color());
            marker.setStroke(javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            marker.setCenterX(h.px());
            marker.setCenterY(h.py());
            marker.setVisible(true);
            hover.setText(hoverText.apply(chart.plot().orElseThrow(), h));
        } else {
            marker.setVisible(false);
            hover.setText(described.get());
        }
        hover.autosize();
        double x = p.getX() + 16;
        double y = p.getY() + 16;
        if (x + hover.getWidth() > getWidth() - 4) {
            x = p.getX() - 16 - hover.getWidth();
        }
        if (y + hover.getHeight() > getHeight() - 4) {
            y = p.getY() - 16 - hover.getHeight();
        }
        hover.relocate(Math.max(2, x), Math.max(2, y));
        hover.setVisible(true);
    }

    /** The chart shown last (null before the first). */
    Chart chart() {
        return chart;
    }

    Label emptyLabel() {
        return empty;
    }

    Label hoverLabel() {
        return hover;
    }

    Circle marker() {
        return marker;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        empty.setMaxWidth(Math.max(100, w * 0.6));
        empty.autosize();
        empty.relocate((w - empty.getWidth()) / 2, (h - empty.getHeight()) / 2);
    }
}

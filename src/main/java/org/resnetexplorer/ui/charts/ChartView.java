package org.resnetexplorer.ui.charts;

import org.resnetexplorer.graph.Counts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.resnetexplorer.charts.Legend;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.i18n.Texts;

/**
 * One chart of the {@link ChartsPane}: its controls above, the chart below, "Export PNG..." in its context menu.
 * A view builds its chart from the pane's runs whenever the pane redraws it (once per pulse at most, only
 * while its tab shows).
 */
public abstract class ChartView extends BorderPane {
    static final String NO_DATA = Texts.get("chartView.no.data");
    static final String HOVER = "%s\n%s:  %s";
    static final String EXPORT_PNG = Texts.get("chartView.export.png");
    static final String EXPORT_PNG_2X = Texts.get("chartView.export.png.2x");
    static final String EXPORT_ALL = Texts.get("chartView.export.all");
    static final String EXPORT_CSV = Texts.get("chartView.export.csv");
    static final String EXPORT_TIP = Texts.get("chartView.export.tip");

    /** A file an export writes and the chart in it. */
    record Export(String fileName, Chart chart) {
    }

    final RunStore store;
    final ChartsPane pane;
    private final ChartKind kind;
    final ChartCanvas canvas;
    /** The chart's controls: they wrap onto a second row when large text leaves no room for them in one. */
    final FlowPane controls = new FlowPane(8, 4);
    final ContextMenu menu;
    /** What the chart's tooltip says: how to export it, unless a view's clicks do something else. */
    final Tooltip tip = new Tooltip(EXPORT_TIP);
    boolean dirty = true;
    /** The runs changed since the controls were last brought up to date (a hidden chart waits till it shows). */
    private boolean controlsStale;

    ChartView(ChartsPane pane, ChartKind kind) {
        this.pane = pane;
        this.store = pane.store();
        this.kind = kind;
        this.canvas = new ChartCanvas(pane.renderer());
        setId(kind.id());
        getStyleClass().add("chart-view");
        canvas.setId(kind.id() + "-canvas");
        controls.getStyleClass().add("chart-controls");
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 8, 4, 8));
        setTop(controls);
        setCenter(canvas);
        canvas.setHoverText(this::hoverText);
        canvas.setOnLegendClick(run -> pane.setRunShown(run, !pane.isRunShown(run)));
        canvas.setOnShown((render, copy) -> pane.chartTimes().recordRender(render, copy));
        canvas.widthProperty().addListener((o, a, b) -> changed());
        canvas.heightProperty().addListener((o, a, b) -> changed());
        menu = new ContextMenu(
                item(EXPORT_PNG, () -> pane.showExportPngDialog(this, 1)),
                item(EXPORT_PNG_2X, () -> pane.showExportPngDialog(this, 2)),
                new SeparatorMenuItem(),
                item(EXPORT_ALL, pane::showExportAllDialog),
                item(EXPORT_CSV, pane::showExportCsvDialog));
        // the mouse opens it on a right press; the keyboard (context-menu key, Shift+F10) through the request
        canvas.setOnMousePressed(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY || e.isPopupTrigger()) {
                menu.show(canvas, e.getScreenX(), e.getScreenY());
                e.consume();
            } else {
                menu.hide();
            }
        });
        canvas.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                menu.show(canvas, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        canvas.setEmptyText(NO_DATA);
        // focusable, so the keyboard reaches the context menu (context-menu key, Shift+F10)
        canvas.setFocusTraversable(true);
        Tooltip.install(canvas, tip);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Which chart this is. */
    public ChartKind kind() {
        return kind;
    }

    /** The tab's title. */
    public abstract String title();

    /** The name of its file when all charts are exported. */
    public abstract String fileName();

    /** The chart as the runs and the controls are now. */
    abstract Chart chart();

    /** What this chart writes when all charts are exported (itself, by default). */
    List<Export> exports() {
        return List.of(new Export(fileName(), chart()));
    }

    /** Called after the chart style changed (e.g. swatches in the controls that show run colours). */
    void styleChanged() {
    }

    /**
     * Called after the runs changed (runs added or removed, snapshots appended), while the chart shows or before
     * it is exported: update the controls.
     */
    void runsChanged() {
    }

    /** Called after the runs' trained states changed: a chart that runs the networks asks for a redraw. */
    void statesChanged() {
    }

    /**
     * Whether the chart draws the runs' snapshots, so that each pulse's snapshots redraw it (true). A chart of what
     * the networks compute draws their trained states and redraws when those arrive ({@link #statesChanged}):
     * repainting its picture at every pulse of a run would cost a core's time for nothing.
     */
    boolean drawsSnapshots() {
        return true;
    }

    /** The runs changed: the controls update now if the chart shows, else when it shows or exports. */
    final void runsChangedWhile(boolean shown) {
        controlsStale = true;
        if (shown) {
            refreshControls();
        }
    }

    /**
     * Brings the controls up to date with the runs if they changed since (a hidden chart's lists and choosers do
     * no work while another tab shows: each pulse of a run would otherwise restyle and lay them out).
     */
    final void refreshControls() {
        if (controlsStale) {
            controlsStale = false;
            runsChanged();
        }
    }

    /**
     * Shows the measurements at {@code step} and stops following the latest one, in a chart that has a step to
     * choose (gradient vs depth, residual histogram); the others ignore it.
     */
    public void chooseStep(int step) {
    }

    /**
     * {@code plot} with one legend entry per run of the dataset shown, hidden runs greyed (a click on an entry
     * shows or hides its run), each drawn as a line of {@code width}, dashed or not.
     */
    final LinePlot withRunLegend(LinePlot plot, float width, boolean dashed) {
        return plot.legend(store.inDataset().stream().map(r -> Legend.Entry.run(r.name(), r.label(), r.colour(), width,
                dashed, !r.shown())).toList());
    }

    /** The text shown beside the hovered point. */
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        return String.format(HOVER, hit.line().series().name(), number(hit.x()), number(hit.y()));
    }

    /** Shows the "no data yet" hint while no run has data, else why this chart stays blank (if it does). */
    final void showEmptyHint(boolean show) {
        canvas.setEmptyText(show && !showsWithoutRuns() ? NO_DATA : blankReason());
    }

    /** Whether the chart has something to show before any run (points being drawn). */
    boolean showsWithoutRuns() {
        return false;
    }

    /** Why the chart stays blank although the runs have data (it measures what they lack), or null if it does not. */
    String blankReason() {
        return null;
    }

    /** Asks for a redraw on the next pulse (if this chart shows). */
    final void changed() {
        dirty = true;
        pane.requestRedraw();
    }

    /** Whether the chart shows the latest runs and controls (nothing to redraw, no painting under way). */
    final boolean settled() {
        return !dirty && !canvas.busy();
    }

    /** Draws the chart now (painted off the FX thread); false if it has no area yet. */
    final boolean redraw() {
        boolean drawn = canvas.show(chart());
        dirty = !drawn;
        return drawn;
    }

    /**
     * The height, in points, of the plot area (inside the axes) of the line plot shown last; 0 before one shows
     * or for a chart that is no line plot. A test reads it to see that the legend and the window leave room.
     */
    public final double plotHeight() {
        Chart shown = canvas.chart();
        return shown == null ? 0 : shown.plot().flatMap(LinePlot::frame).map(f -> (double) (f.bottom() - f.top()))
                .orElse(0.0);
    }

    /** The chart region, for the host's own context menu or a test. */
    public final Node chartNode() {
        return canvas;
    }

    /**
     * Writes this chart as a PNG of 1200 x 800 points at {@code scale} pixels per point (1 or 2), with its
     * title, axes and legend; the folder is created if needed.
     *
     * @throws IOException with a message naming the file, the problem and what to do
     */
    public Path exportPng(Path file, double scale) throws IOException {
        refreshControls();
        return ChartExport.png(chart(), file, scale, pane.chartStyle());
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? "%.4g" : "%.3e", v);
    }
}

package org.resnetexplorer.ui.charts;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.charts.ResidualResponses;
import org.resnetexplorer.i18n.Texts;

/** The distribution of one residual block's branch output F(x) at one step, every run with that block. */
final class HistogramView extends ChartView {
    static final String TITLE = Texts.get("histogramView.title");
    static final String FILE = "residual-histogram.png";
    static final String BLOCK = Texts.get("histogramView.block");
    static final String NO_BLOCK = Texts.get("histogramView.no.block");
    static final String BLOCK_TIP = Texts.get("histogramView.block.tip");

    static final String HOVER = Texts.get("histogramView.hover");

    final ComboBox<String> block = Choosers.combo("histogram-block", BLOCK_TIP, this::changed);
    final Choosers.StepChooser step = new Choosers.StepChooser("histogram", this::changed);

    HistogramView(ChartsPane pane) {
        super(pane, ChartKind.RESIDUAL_HISTOGRAM);
        controls.getChildren().addAll(Choosers.labelFor(BLOCK, block), block, step);
    }

    @Override
    public void chooseStep(int chosen) {
        step.choose(chosen);
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    void runsChanged() {
        Choosers.setItems(block, ResidualResponses.blocks(store.histories()), null);
        step.setRange(store.minStep(), store.maxStep());
    }

    @Override
    Chart chart() {
        String chosen = block.getValue() == null ? NO_BLOCK : block.getValue();
        return Chart.of(withRunLegend(ResidualResponses.histogram(store.histories(), store.colours(), chosen, step.step()),
                1.6f, false));
    }

    /** The bin under the pointer: its range and count. */
    @Override
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        var series = hit.line().series();
        int i = hit.index();
        // outline points 1, 2 are bin 0's edges, 3, 4 bin 1's ...; the first and last points are the baseline
        int bin = Math.max(0, Math.min((series.size() - 2) / 2 - 1, (i - 1) / 2));
        double lo = series.xAt(1 + 2 * bin);
        double hi = series.xAt(2 + 2 * bin);
        String run = series.name().contains(":") ? series.name().substring(0, series.name().indexOf(':')) : series.name();
        return String.format(Locale.ROOT, HOVER, run, number(lo), number(hi), series.yAt(1 + 2 * bin));
    }
}

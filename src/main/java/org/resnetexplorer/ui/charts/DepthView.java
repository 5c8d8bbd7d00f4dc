package org.resnetexplorer.ui.charts;

import org.resnetexplorer.charts.GradientNorms;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.i18n.Texts;

/** Every layer's gradient norm against its depth at one step, all runs overlaid: plain against residual. */
final class DepthView extends ChartView {
    static final String TITLE = Texts.get("depthView.title");
    static final String FILE = "gradient-vs-depth.png";

    static final String HOVER = Texts.get("depthView.hover");

    final Choosers.StepChooser step = new Choosers.StepChooser("depth", this::changed);

    DepthView(ChartsPane pane) {
        super(pane, ChartKind.GRADIENT_DEPTH);
        controls.getChildren().add(step);
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
        step.setRange(store.minStep(), store.maxStep());
    }

    @Override
    Chart chart() {
        return Chart.of(withRunLegend(GradientNorms.versusDepth(store.histories(), store.colours(), step.step()), 2.2f, false));
    }

    @Override
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        return String.format(HOVER, hit.line().series().name(), number(hit.x()), number(hit.y()));
    }
}

package org.resnetexplorer.ui.charts;

import javafx.scene.control.ComboBox;
import org.resnetexplorer.charts.GradientNormHeatmap;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.i18n.Texts;

/** The gradient norm of every layer over the iterations of one run, on a log colour scale. */
final class HeatmapView extends ChartView {
    static final String TITLE = Texts.get("heatmapView.title");
    static final String FILE = "gradient-heatmap.png";
    static final String RUN = Texts.get("heatmapView.run");
    static final String RUN_TIP = Texts.get("heatmapView.run.tip");

    static final String HOVER = Texts.get("heatmapView.hover");
    static final String NO_RUN = Texts.get("heatmapView.no.run");

    final ComboBox<String> run = Choosers.runCombo("heatmap-run", RUN_TIP, pane.store(), this::changed);

    HeatmapView(ChartsPane pane) {
        super(pane, ChartKind.GRADIENT_HEATMAP);
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run);
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
        Choosers.setItems(run, Choosers.runNames(store), null);
    }

    @Override
    Chart chart() {
        RunHistory history = run.getValue() == null ? null : store.history(run.getValue());
        RunHistory shown = history != null ? history : new RunHistory(NO_RUN, java.util.List.of());
        return new Chart() {
            private volatile GradientNormHeatmap.Layout layout;

            @Override
            public void paint(java.awt.Graphics2D g, int width, int height, org.resnetexplorer.charts.ChartStyle style) {
                layout = GradientNormHeatmap.draw(g, shown, width, height, style);
            }

            @Override
            public java.util.Optional<String> describeAt(double x, double y) {
                GradientNormHeatmap.Layout l = layout;
                return l == null ? java.util.Optional.empty() : l.cellAt(x, y).map(c -> String.format(HOVER, c.layer(), c.step(),
                        number(c.norm())));
            }
        };
    }
}

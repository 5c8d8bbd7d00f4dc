package org.resnetexplorer.ui.charts;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.charts.ResidualResponses;
import org.resnetexplorer.i18n.Texts;

/**
 * The paper's Fig. 7: std of each 3x3 layer's response, in layer order or sorted, one line per run; for runs of a
 * network without 3x3 convolutions it says why it stays blank and where to look instead.
 */
final class ResponseStdView extends ChartView {
    static final String TITLE = Texts.get("responseStdView.title");
    static final String FILE = "response-std.png";
    static final String SORTED = Texts.get("responseStdView.sorted");
    static final String SORTED_TIP = Texts.get("responseStdView.sorted.tip");

    static final String HOVER_LAYER = Texts.get("responseStdView.hover.layer");
    static final String HOVER_RANK = Texts.get("responseStdView.hover.rank");
    static final String NO_CONVOLUTIONS = Texts.get("responseStdView.no.convolutions");

    final CheckBox sorted = new CheckBox(SORTED);

    ResponseStdView(ChartsPane pane) {
        super(pane, ChartKind.RESPONSE_STD);
        sorted.setId("std-sorted");
        sorted.setTooltip(new Tooltip(SORTED_TIP));
        sorted.selectedProperty().addListener((o, a, b) -> changed());
        controls.getChildren().add(sorted);
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
    Chart chart() {
        return Chart.of(withRunLegend(ResidualResponses.plot(store.histories(), store.colours(),
                sorted.isSelected() ? ResidualResponses.Order.SORTED : ResidualResponses.Order.LAYER), 1.8f, false));
    }

    @Override
    String blankReason() {
        return ResidualResponses.noConvolutions(store.histories()) ? NO_CONVOLUTIONS : null;
    }

    @Override
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        return String.format(sorted.isSelected() ? HOVER_RANK : HOVER_LAYER, hit.line().series().name(), number(hit.x()),
                number(hit.y()));
    }
}

package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.ConfusionMatrixChart;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.ConfusionMatrix;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * The confusion matrix of a run's latest state on the first test images: counts, or each true class's row as
 * percentages; hovering a cell tells how many of a class were predicted as another.
 */
final class ConfusionMatrixView extends ChartView {
    static final String TITLE = Texts.get("confusionMatrixView.title");
    static final String FILE = "confusion-matrix.png";
    static final String RUN = Texts.get("confusionMatrixView.run");
    static final String RUN_TIP = Texts.get("confusionMatrixView.run.tip");
    static final String PERCENTAGES = Texts.get("confusionMatrixView.percentages");
    static final String PERCENTAGES_TIP = Texts.get("confusionMatrixView.percentages.tip");
    static final String HOVER = Texts.get("confusionMatrixView.hover");

    final ComboBox<String> run = Choosers.runCombo("confusion-run", RUN_TIP, pane.store(), this::changed);
    final CheckBox percentages = new CheckBox(PERCENTAGES);
    private final PredictionsShown shown = new PredictionsShown(this);

    ConfusionMatrixView(ChartsPane pane) {
        super(pane, ChartKind.CONFUSION_MATRIX);
        percentages.setId("confusion-percentages");
        percentages.setTooltip(new Tooltip(PERCENTAGES_TIP));
        percentages.selectedProperty().addListener((o, a, b) -> changed());
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run, percentages);
        pane.predictions().addListener(this::changed);
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
        shown.refreshRuns(run);
    }

    /** It draws the trained states: new snapshots alone change nothing in it. */
    @Override
    boolean drawsSnapshots() {
        return false;
    }

    @Override
    void statesChanged() {
        shown.refreshRuns(run);
        changed();
    }

    /** Nothing while the run chosen has no predictions: "export all" writes no blank picture. */
    @Override
    List<Export> exports() {
        return shown.hasPredictions(run.getValue()) ? super.exports() : List.of();
    }

    @Override
    String blankReason() {
        return shown.reason(run.getValue());
    }

    @Override
    Chart chart() {
        String chosen = run.getValue();
        Optional<Predictions> predictions = shown.predictions(chosen);
        Optional<Dataset> dataset = chosen == null ? Optional.empty() : pane.predictions().dataset(chosen);
        if (predictions.isEmpty() || dataset.isEmpty()) {
            canvas.setAccessibleText(null);
            return PredictionsShown.BLANK;
        }
        ConfusionMatrix matrix = predictions.get().confusion();
        ConfusionMatrixChart.Content content = new ConfusionMatrixChart.Content(pane.labelOf(chosen),
                predictions.get().step(), matrix, dataset.get().classNames(), percentages.isSelected());
        canvas.setAccessibleText(ConfusionMatrixChart.title(content) + ". " + ConfusionMatrixChart.summary(content));
        return new Chart() {
            private volatile ConfusionMatrixChart.Layout layout;

            @Override
            public void paint(Graphics2D g, int width, int height, ChartStyle style) {
                layout = ConfusionMatrixChart.draw(g, content, width, height, style);
            }

            @Override
            public Optional<String> describeAt(double x, double y) {
                ConfusionMatrixChart.Layout l = layout;
                return l == null ? Optional.empty() : l.cellAt(x, y).map(c -> String.format(HOVER,
                        content.classNames().get(c.truth()), content.classNames().get(c.predicted()),
                        Counts.grouped(content.matrix().count(c.truth(), c.predicted())),
                        Counts.percent(content.matrix().rowShare(c.truth(), c.predicted()))));
            }
        };
    }
}

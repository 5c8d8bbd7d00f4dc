package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.PredictionGallery;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * The prediction gallery: a run's first test images with their true and predicted labels and the network's
 * confidence, errors first, of one true class or all, a page at a time (as many as fit the view). Hovering an
 * image tells its index and every class's probability.
 */
final class PredictionsView extends ChartView {
    static final String TITLE = Texts.get("predictionsView.title");
    static final String FILE = "predictions.png";
    static final String RUN = Texts.get("predictionsView.run");
    static final String RUN_TIP = Texts.get("predictionsView.run.tip");
    static final String CLASS = Texts.get("predictionsView.class");
    static final String CLASS_TIP = Texts.get("predictionsView.class.tip");
    static final String ALL = Texts.get("predictionsView.all");
    static final String ERRORS_ONLY = Texts.get("predictionsView.errors.only");
    static final String ERRORS_ONLY_TIP = Texts.get("predictionsView.errors.only.tip");
    static final String PREVIOUS = Texts.get("predictionsView.previous");
    static final String NEXT = Texts.get("predictionsView.next");
    static final String PAGE_TIP = Texts.get("predictionsView.page.tip");
    static final String SHOWING = Texts.get("predictionsView.showing");
    static final String HOVER = Texts.get("predictionsView.hover");

    final ComboBox<String> run = Choosers.runCombo("predictions-run", RUN_TIP, pane.store(), this::choiceChanged);
    final ComboBox<String> shownClass = Choosers.combo("predictions-class", CLASS_TIP, this::choiceChanged);
    final CheckBox errorsOnly = new CheckBox(ERRORS_ONLY);
    final Button previous = new Button(PREVIOUS);
    final Button next = new Button(NEXT);
    final Label showing = new Label();
    private final PredictionsShown shown = new PredictionsShown(this);
    /** The place in the order of the first image shown. */
    private int first;
    /** The examples in the order of the chart shown last, and how many its page holds. */
    private int[] order = new int[0];
    private int pageSize = 1;

    PredictionsView(ChartsPane pane) {
        super(pane, ChartKind.PREDICTIONS);
        errorsOnly.setId("predictions-errors-only");
        errorsOnly.setTooltip(new Tooltip(ERRORS_ONLY_TIP));
        errorsOnly.selectedProperty().addListener((o, a, b) -> choiceChanged());
        previous.setId("predictions-previous");
        next.setId("predictions-next");
        previous.setTooltip(new Tooltip(PAGE_TIP));
        next.setTooltip(new Tooltip(PAGE_TIP));
        previous.setOnAction(e -> turn(-1));
        next.setOnAction(e -> turn(1));
        showing.setId("predictions-showing");
        showing.getStyleClass().add("chart-value");
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run, Choosers.labelFor(CLASS, shownClass), shownClass,
                errorsOnly, previous, next, showing);
        // Page Up / Page Down turn the pages from the chart too
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                turn(e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1);
                e.consume();
            }
        });
        pane.predictions().addListener(this::changed);
        updatePaging();
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

    private void choiceChanged() {
        first = 0;
        String chosen = run.getValue();
        if (chosen != null) {
            refreshOrder(pane.predictions().peek(chosen).predictions(), pane.predictions().dataset(chosen));
        }
        changed();
    }

    private void turn(int pages) {
        int last = Math.max(0, (order.length - 1) / pageSize * pageSize);
        first = Math.max(0, Math.min(last, first + pages * pageSize));
        changed();
    }

    /** The true class chosen in the filter, or -1 for all. */
    int chosenClass() {
        int index = shownClass.getSelectionModel().getSelectedIndex();
        return index <= 0 ? -1 : index - 1;
    }

    private void updatePaging() {
        int to = Math.min(order.length, first + pageSize);
        showing.setText(order.length == 0 ? "" : String.format(SHOWING, Counts.grouped(first + 1L), Counts.grouped(to),
                Counts.grouped(order.length)));
        previous.setDisable(first == 0);
        next.setDisable(to >= order.length);
    }

    /**
     * Brings the class filter, the order and the paging up to date with the run's predictions and the choices (at
     * once when a choice changes, so the page count follows the filter before the chart repaints).
     */
    private void refreshOrder(Optional<Predictions> predictions, Optional<Dataset> dataset) {
        boolean none = predictions.isEmpty() || dataset.isEmpty();
        shownClass.setDisable(none);
        errorsOnly.setDisable(none);
        if (none) {
            order = new int[0];
            updatePaging();
            return;
        }
        List<String> names = new ArrayList<>(List.of(ALL));
        names.addAll(dataset.get().classNames());
        if (!shownClass.getItems().equals(names)) {
            int keep = shownClass.getSelectionModel().getSelectedIndex();
            shownClass.getItems().setAll(names);
            shownClass.getSelectionModel().select(keep > 0 && keep < names.size() ? keep : 0);
        }
        order = predictions.get().order(chosenClass(), errorsOnly.isSelected());
        pageSize = Math.max(1, PredictionGallery.grid((int) Math.max(1, canvas.getWidth()),
                (int) Math.max(1, canvas.getHeight()), pane.chartStyle()).size());
        first = Math.min(first, Math.max(0, (order.length - 1) / pageSize * pageSize));
        first -= first % pageSize;
        updatePaging();
    }

    @Override
    Chart chart() {
        String chosen = run.getValue();
        Optional<Predictions> predictions = shown.predictions(chosen);
        Optional<Dataset> dataset = chosen == null ? Optional.empty() : pane.predictions().dataset(chosen);
        refreshOrder(predictions, dataset);
        if (predictions.isEmpty() || dataset.isEmpty()) {
            canvas.setAccessibleText(null);
            return PredictionsShown.BLANK;
        }
        PredictionGallery.Page page = new PredictionGallery.Page(pane.labelOf(chosen), predictions.get(), dataset.get(),
                chosenClass(), order, first);
        canvas.setAccessibleText(PredictionGallery.title(page) + ". " + PredictionGallery.summary(page));
        return new Chart() {
            private volatile PredictionGallery.Layout layout;

            @Override
            public void paint(Graphics2D g, int width, int height, ChartStyle paintStyle) {
                layout = PredictionGallery.draw(g, page, width, height, paintStyle);
            }

            @Override
            public Optional<String> describeAt(double x, double y) {
                PredictionGallery.Layout l = layout;
                return l == null ? Optional.empty() : l.exampleAt(x, y).map(i -> describe(page, i));
            }
        };
    }

    /** Example {@code i}'s index, true and predicted class and every class's probability, the likeliest first. */
    static String describe(PredictionGallery.Page page, int i) {
        Predictions p = page.predictions();
        List<String> names = page.dataset().classNames();
        StringBuilder text = new StringBuilder(String.format(HOVER, i, names.get(p.truth(i)), names.get(p.predicted(i))));
        IntStream.range(0, p.classes()).boxed().sorted(Comparator.comparingDouble(c -> -p.probability(i, c)))
                .forEach(c -> text.append('\n').append(names.get(c)).append("  ").append(Counts.percent(p.probability(i, c))));
        return text.toString();
    }
}

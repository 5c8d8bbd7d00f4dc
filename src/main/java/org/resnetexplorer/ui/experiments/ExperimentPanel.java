package org.resnetexplorer.ui.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.experiments.Claim;
import org.resnetexplorer.experiments.Experiment;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.training.RunsTable;


/**
 * What an experiment shows beside the charts: its title and explanation, the paper's own numbers (marked as
 * the paper's), Run/Stop with the progress, a table of its runs (live errors, then the figures the claims
 * use) and each claim with HOLDS / NOT SHOWN and its figures once the runs are over. The panel only shows;
 * {@link ExperimentSession} runs the experiment and fills it. Use on the FX thread.
 */
public final class ExperimentPanel extends VBox {
    public static final String RUN = Texts.get("experimentPanel.run");
    public static final String STOP = Texts.get("experimentPanel.stop");
    static final String RUN_TIP = Texts.get("experimentPanel.run.tip");
    static final String FULL = Texts.get("experimentPanel.full");
    static final String FULL_TIP = Texts.get("experimentPanel.full.tip");
    static final String OPEN = Texts.get("experimentPanel.open");
    static final String OPEN_TIP = Texts.get("experimentPanel.open.tip");
    static final String EDITOR_BUSY = Texts.get("experimentPanel.editor.busy");
    public static final String FROM_PAPER = Texts.get("experimentPanel.from.paper");
    /** How the presets' Chinese texts begin the paper's numbers ("the paper's original [data]"). */
    public static final String FROM_PAPER_ZH = "\u8bba\u6587\u539f\u6587";
    static final String RESULT_HEADING = Texts.get("experimentPanel.result.heading");
    static final String READY = Texts.get("experimentPanel.ready");
    static final String READY_COUNT = Texts.get("experimentPanel.ready.count");
    static final String PROGRESS = Texts.get("experimentPanel.progress");
    static final String PROGRESS_COUNT = Texts.get("experimentPanel.progress.count");
    static final String LOADING = Texts.get("experimentPanel.loading");
    static final String DONE = Texts.get("experimentPanel.done");
    static final String STOPPED = Texts.get("experimentPanel.stopped");
    static final String HOLDS = Texts.get("experimentPanel.holds");
    static final String NOT_SHOWN = Texts.get("experimentPanel.not.shown");
    static final String TO_CHECK = Texts.get("experimentPanel.to.check");
    static final String NOT_CHECKED = Texts.get("experimentPanel.not.checked");
    static final String TO_CHECK_TEXT = Texts.get("experimentPanel.to.check.text");
    static final String NOT_CHECKED_TEXT = Texts.get("experimentPanel.not.checked.text");
    static final String FIGURES = Texts.get("experimentPanel.figures");
    static final String BOUND = Texts.get("experimentPanel.bound");
    static final String COL_RUN = Texts.get("experimentPanel.col.run");
    static final String COL_LAYERS = Texts.get("experimentPanel.col.layers");
    static final String COL_LAYERS_TIP = Texts.get("experimentPanel.col.layers.tip");
    static final String COL_STATUS = Texts.get("experimentPanel.col.status");
    static final String COL_TRAIN = Texts.get("experimentPanel.col.train");
    static final String COL_TEST = Texts.get("experimentPanel.col.test");
    static final String COL_RATIO = Texts.get("experimentPanel.col.ratio");
    static final String COL_RATIO_TIP = Texts.get("experimentPanel.col.ratio.tip");
    static final String COL_STD = Texts.get("experimentPanel.col.std");
    static final String COL_STD_TIP = Texts.get("experimentPanel.col.std.tip");
    static final String COL_PARAMS = Texts.get("experimentPanel.col.params");
    static final String COL_MACS = Texts.get("experimentPanel.col.macs");
    static final String NO_BN = Texts.get("experimentPanel.no.bn");
    static final String ROW_TIP = Texts.get("experimentPanel.row.tip");
    static final String STEP_OF = Texts.get("experimentPanel.step.of");
    static final String TRAIN_NOTE = Texts.get("experimentPanel.train.note");
    static final String COUNT_NOTE = Texts.get("experimentPanel.count.note");
    static final String EMPTY = Texts.get("experimentPanel.empty");

    /** One run of the experiment as the table shows it; changed on the FX thread. */
    public static final class Row {
        final Experiment.RunSpec spec;
        final int totalSteps;
        public final IntegerProperty layers = new SimpleIntegerProperty(-1);
        public final LongProperty params = new SimpleLongProperty(-1);
        public final LongProperty macs = new SimpleLongProperty(-1);
        public final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.READY);
        public final StringProperty message = new SimpleStringProperty("");
        public final IntegerProperty step = new SimpleIntegerProperty();
        public final DoubleProperty trainError = new SimpleDoubleProperty(Double.NaN);
        public final DoubleProperty testError = new SimpleDoubleProperty(Double.NaN);
        public final ObjectProperty<Map<Claim.Figure, Double>> figures = new SimpleObjectProperty<>(Map.of());
        /** The network as it trained (fitted to the dataset), once its run started. */
        Network network;

        Row(Experiment.RunSpec spec, int totalSteps) {
            this.spec = spec;
            this.totalSteps = totalSteps;
        }

        public String name() {
            return spec.name();
        }

        double figure(Claim.Figure figure) {
            return figures.get().getOrDefault(figure, Double.NaN);
        }

        @Override
        public String toString() {
            return spec.name();
        }
    }

    private final Label title = new Label(EMPTY);
    private final Label explanation = new Label();
    private final Label paper = new Label();
    private final Label paperHeading = new Label(FROM_PAPER);
    private final Button run = new Button(RUN, new FontIcon(MaterialDesignP.PLAY));
    private final CheckBox full = new CheckBox(FULL);
    private final Button open = new Button(OPEN, new FontIcon(MaterialDesignV.VECTOR_POLYLINE));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label busy = new Label(EDITOR_BUSY);
    private final TableView<Row> table = new TableView<>();
    private final Label note = new Label();
    private final VBox claims = new VBox(6);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty blocked = new SimpleBooleanProperty();
    private Experiment experiment;
    private String language = "en";
    private int shownSteps;
    /** The last result of each experiment run, by id: reopening one shows it until it runs again. */
    private final Map<String, Result> results = new java.util.HashMap<>();

    /** What an experiment's run left in the panel: its rows with their figures, claim lines and progress. */
    private record Result(int totalSteps, List<Row> rows, List<javafx.scene.Node> claims, double progress, String text) {
    }

    /**
     * @param onRun  Run pressed (not running)
     * @param onStop Stop pressed (running)
     * @param onOpen open a run's network in the editor
     */
    ExperimentPanel(Runnable onRun, Runnable onStop, Consumer<Row> onOpen) {
        setId("experiment-panel");
        getStyleClass().add("experiment-panel");
        getStylesheets().add(Objects.requireNonNull(ExperimentPanel.class.getResource("experiments.css"),
                "experiments.css").toExternalForm());

        title.setId("experiment-title");
        title.getStyleClass().add("experiment-title");
        title.setWrapText(true);
        explanation.setId("experiment-explanation");
        explanation.getStyleClass().add("experiment-text");
        explanation.setWrapText(true);
        paper.setId("experiment-paper");
        paper.getStyleClass().add("experiment-text");
        paper.setWrapText(true);
        paperHeading.setId("experiment-paper-heading");
        paperHeading.getStyleClass().add("experiment-paper-heading");
        VBox paperBox = new VBox(4, paperHeading, paper);
        paperBox.getStyleClass().add("experiment-paper");
        paperBox.setId("experiment-paper-box");
        VBox left = new VBox(12, explanation, paperBox);

        run.setId("experiment-run");
        run.setDefaultButton(true);
        run.setTooltip(new Tooltip(RUN_TIP));
        run.setOnAction(e -> (running.get() ? onStop : onRun).run());
        run.disableProperty().bind(blocked.and(running.not()));
        run.textProperty().bind(Bindings.when(running).then(STOP).otherwise(RUN));
        run.graphicProperty().bind(Bindings.when(running).then((javafx.scene.Node) new FontIcon(MaterialDesignS.STOP))
                .otherwise(new FontIcon(MaterialDesignP.PLAY)));
        run.setMinWidth(Region.USE_PREF_SIZE);
        full.setMinWidth(Region.USE_PREF_SIZE);
        full.setId("experiment-full");
        full.disableProperty().bind(running);
        open.setId("experiment-open");
        open.setTooltip(new Tooltip(OPEN_TIP));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                onOpen.accept(row);
            }
        });
        // the title with Run beside it; the progress line with Open beside it: the table and claims stay in view
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox header = new HBox(16, title, run, full);
        header.setAlignment(Pos.CENTER_LEFT);
        progress.setId("experiment-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("experiment-progress-text");
        progressText.getStyleClass().add("experiment-text");
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        HBox progressLine = new HBox(12, progressText, progress, open);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        busy.setId("experiment-busy");
        busy.getStyleClass().add("experiment-busy");
        busy.setWrapText(true);
        busy.visibleProperty().bind(blocked.and(running.not()));
        busy.managedProperty().bind(busy.visibleProperty());

        table.setId("experiment-runs");
        table.setItems(rows);
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.prefHeightProperty().bind(Bindings.size(rows).multiply(30).add(30));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.setRowFactory(t -> {
            TableRow<Row> row = new TableRow<>();
            row.itemProperty().addListener((o, old, item) -> row.setTooltip(item == null ? null
                    : new Tooltip(String.format(ROW_TIP, item.name(), model(item.spec)))));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        note.setId("experiment-note");
        note.getStyleClass().add("experiment-note");
        note.setWrapText(true);
        Label resultHeading = new Label(RESULT_HEADING);
        resultHeading.getStyleClass().add("experiment-heading");
        claims.setId("experiment-claims");
        VBox right = new VBox(8, busy, progressLine, table, resultHeading, claims, note);

        GridPane body = new GridPane();
        body.setHgap(24);
        ColumnConstraints text = new ColumnConstraints();
        text.setPercentWidth(36);
        ColumnConstraints result = new ColumnConstraints();
        result.setPercentWidth(64);
        body.getColumnConstraints().addAll(text, result);
        body.add(left, 0, 0);
        body.add(right, 1, 0);
        VBox content = new VBox(10, header, body);
        content.setPadding(new Insets(12, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("experiment-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    /**
     * Shows an experiment: its last result if it was run with {@code totalSteps} steps (its rows, figures and claim
     * outcomes), else its runs not run yet and its claims still to check.
     */
    void show(Experiment shown, String lang, int totalSteps) {
        keepResult();
        Result last = results.get(shown.id());
        showFresh(shown, lang, totalSteps);
        if (last != null && last.totalSteps() == totalSteps) {
            rows.setAll(last.rows());
            claims.getChildren().setAll(last.claims());
            progress.setProgress(last.progress());
            progressText.setText(last.text());
        }
    }

    /** Shows an experiment afresh, its last result forgotten: it is about to run again. */
    void showForRun(Experiment shown, String lang, int totalSteps) {
        keepResult();
        results.remove(shown.id());
        showFresh(shown, lang, totalSteps);
    }

    /** Keeps what the experiment shown now has to show, if it ran (a row left READY, or figures counted). */
    private void keepResult() {
        if (experiment != null && rows.stream().anyMatch(r -> r.status.get() != RunStatus.READY || !r.figures.get().isEmpty())) {
            results.put(experiment.id(), new Result(shownSteps, List.copyOf(rows), List.copyOf(claims.getChildren()),
                    progress.getProgress(), progressText.getText()));
        }
    }

    private void showFresh(Experiment shown, String lang, int totalSteps) {
        this.experiment = shown;
        this.shownSteps = totalSteps;
        this.language = lang;
        title.setText(Experiment.text(shown.title(), lang));
        explanation.setText(Experiment.text(shown.explanation(), lang));
        String[] parts = paperParts(Experiment.text(shown.paper(), lang));
        paperHeading.setText(parts[0]);
        paper.setText(parts[1]);
        full.setVisible(shown.trains() && shown.fullFactor() > 1);
        full.setManaged(full.isVisible());
        full.setTooltip(new Tooltip(String.format(FULL_TIP, shown.fullFactor())));
        List<Row> fresh = new ArrayList<>();
        for (Experiment.RunSpec spec : shown.runs()) {
            fresh.add(new Row(spec, spec.train() ? totalSteps : 0));
        }
        rows.setAll(fresh);
        table.getColumns().setAll(columns(shown));
        note.setText(shown.trains() ? TRAIN_NOTE : COUNT_NOTE);
        progress.setProgress(0);
        progressText.setText(shown.trains()
                ? String.format(READY, Texts.count("count.runs", shown.runs().size()), totalSteps, shown.dataset())
                : String.format(READY_COUNT, Texts.count("count.networks", shown.runs().size())));
        claims.getChildren().clear();
        for (Claim claim : shown.claims()) {
            claims.getChildren().add(claimLine(claim, TO_CHECK, "pending", TO_CHECK_TEXT));
        }
    }

    /** The steps of each run changed (the "full" setting): the ready line and the rows say so. */
    void setTotalSteps(int totalSteps) {
        if (experiment != null && !running.get()) {
            show(experiment, language, totalSteps);
        }
    }

    /** Puts the keyboard focus on Run (Enter or Space starts the experiment). */
    void focusRun() {
        run.requestFocus();
    }

    /** The experiment shown, or null before the first. */
    public Experiment experiment() {
        return experiment;
    }

    public List<Row> rows() {
        return rows;
    }

    Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    BooleanProperty runningProperty() {
        return running;
    }

    /** True while the editor's graph trains: Run is off and says why. */
    BooleanProperty blockedProperty() {
        return blocked;
    }

    BooleanProperty fullProperty() {
        return full.selectedProperty();
    }

    void setProgress(double fraction, String text) {
        progress.setProgress(fraction);
        progressText.setText(text);
    }

    /** The runs are over: each claim with HOLDS or NOT SHOWN and the figures it was checked on. */
    void showOutcomes(List<Claim.Outcome> outcomes) {
        claims.getChildren().clear();
        for (Claim.Outcome outcome : outcomes) {
            Claim claim = outcome.claim();
            String figures = String.format(FIGURES, claim.run(), figure(claim.figure(), outcome.left()),
                    claim.than() == null ? BOUND : claim.than(), figure(claim.otherFigure(), outcome.right()));
            claims.getChildren().add(claimLine(claim, outcome.holds() ? HOLDS : NOT_SHOWN,
                    outcome.holds() ? "holds" : "not-shown", figures));
        }
    }

    /** What the preset's study measured, a line each, above the claims checked on it. */
    void showStudy(List<String> lines) {
        List<javafx.scene.Node> shown = new ArrayList<>();
        for (String line : lines) {
            Label text = new Label(line);
            text.setWrapText(true);
            HBox box = new HBox(text);
            box.getStyleClass().add("study-line");
            shown.add(box);
        }
        claims.getChildren().addAll(0, shown);
    }

    /** The runs did not all finish: the claims stay unchecked, saying why. */
    void showNotChecked(String why) {
        claims.getChildren().clear();
        for (Claim claim : experiment.claims()) {
            claims.getChildren().add(claimLine(claim, NOT_CHECKED, "pending", String.format(NOT_CHECKED_TEXT, why)));
        }
    }

    /** The claim lines as shown: outcome, statement and figures, one text per claim (for tests). */
    public List<String> claimTexts() {
        List<String> texts = new ArrayList<>();
        for (javafx.scene.Node line : claims.getChildren()) {
            StringBuilder text = new StringBuilder();
            for (javafx.scene.Node n : ((HBox) line).getChildren()) {
                if (n instanceof Label l) {
                    text.append(l.getText()).append(' ');
                } else if (n instanceof VBox box) {
                    box.getChildren().forEach(c -> text.append(((Label) c).getText()).append(' '));
                }
            }
            texts.add(text.toString().trim());
        }
        return texts;
    }

    private HBox claimLine(Claim claim, String outcome, String style, String detail) {
        Label badge = new Label(outcome);
        badge.getStyleClass().addAll("claim-badge", style);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label statement = new Label(Experiment.text(claim.statement(), language));
        statement.getStyleClass().add("experiment-text");
        statement.setWrapText(true);
        Label figures = new Label(detail);
        figures.getStyleClass().add("claim-figures");
        figures.setWrapText(true);
        HBox line = new HBox(10, badge, new VBox(2, statement, figures));
        line.getStyleClass().add("claim-line");
        line.setAlignment(Pos.TOP_LEFT);
        return line;
    }

    /** The figures the claims use, each once, besides the training and test errors the table always shows. */
    private static Set<Claim.Figure> claimFigures(Experiment experiment) {
        Set<Claim.Figure> figures = new LinkedHashSet<>();
        for (Claim claim : experiment.claims()) {
            figures.add(claim.figure());
            figures.add(claim.otherFigure());
        }
        return figures;
    }

    private static List<TableColumn<Row, String>> columns(Experiment experiment) {
        List<TableColumn<Row, String>> columns = new ArrayList<>();
        columns.add(column(COL_RUN, null, r -> new ReadOnlyStringWrapper(r.name()), 175));
        columns.add(column(COL_LAYERS, COL_LAYERS_TIP, r -> r.layers.map(n -> n.intValue() < 0 ? "" : n.toString()), 70));
        if (experiment.trains()) {
            columns.add(column(COL_STATUS, null, r -> Bindings.createStringBinding(() -> status(r), r.status, r.step), 105));
            columns.add(column(COL_TRAIN, TRAIN_NOTE, r -> r.trainError.map(e -> Counts.percent(e.doubleValue())), 110));
            columns.add(column(COL_TEST, null, r -> r.testError.map(e -> Counts.percent(e.doubleValue())), 95));
        }
        Set<Claim.Figure> used = claimFigures(experiment);
        if (used.contains(Claim.Figure.GRADIENT_RATIO)) {
            columns.add(column(COL_RATIO, COL_RATIO_TIP, r -> r.figures.map(f -> figure(Claim.Figure.GRADIENT_RATIO,
                    f.getOrDefault(Claim.Figure.GRADIENT_RATIO, Double.NaN))), 110));
        }
        if (used.contains(Claim.Figure.RESPONSE_STD)) {
            columns.add(column(COL_STD, COL_STD_TIP, r -> r.figures.map(f -> figure(Claim.Figure.RESPONSE_STD,
                    f.getOrDefault(Claim.Figure.RESPONSE_STD, Double.NaN))), 110));
        }
        if (!experiment.trains() || used.contains(Claim.Figure.PARAMS) || used.contains(Claim.Figure.MACS)) {
            columns.add(column(COL_PARAMS, null, r -> r.params.map(p -> p.longValue() < 0 ? ""
                    : Counts.grouped(p.longValue())), 120));
            columns.add(column(COL_MACS, null, r -> r.macs.map(p -> p.longValue() < 0 ? ""
                    : Counts.abbreviated(p.longValue())), 110));
        }
        return columns;
    }

    private static String status(Row row) {
        RunStatus status = row.status.get();
        if (status == RunStatus.RUNNING || status == RunStatus.PAUSED) {
            return String.format(STEP_OF, row.step.get(), row.totalSteps);
        }
        return status == RunStatus.READY ? "" : RunsTable.statusText(status);
    }

    /**
     * The paper's numbers as a heading and a text: a preset's text that starts by saying where it comes from
     * ("From the paper (Fig. 1, CIFAR-10): ...", "论文原文数据（图 6）：...") gives its own heading; any other text
     * goes under {@link #FROM_PAPER}.
     */
    public static String[] paperParts(String text) {
        int colon = text.indexOf(": ");
        int wide = text.indexOf('\uff1a');
        int at = colon < 0 ? wide : wide < 0 ? colon : Math.min(colon, wide);
        if (at > 0 && at < 80) {
            String head = text.substring(0, at).trim();
            if (head.startsWith(FROM_PAPER) || head.startsWith(FROM_PAPER_ZH)) {
                return new String[] {head, text.substring(at + (at == colon ? 2 : 1)).trim()};
            }
        }
        return new String[] {FROM_PAPER, text};
    }

    /** The template, with what the run changes in it (an activation other than ReLU, no BatchNorm). */
    static String model(Experiment.RunSpec spec) {
        StringBuilder text = new StringBuilder(spec.template());
        ActivationFunction activation = spec.options().activation();
        if (activation != null && activation != ActivationFunction.RELU) {
            text.append(", ").append(activation.name().toLowerCase(Locale.ROOT));
        }
        if (Boolean.FALSE.equals(spec.options().batchNorm())) {
            text.append(", ").append(NO_BN);
        }
        return text.toString();
    }

    /** A claim's figure as people read it ({@link Claim.Figure#format}); "-" where the run has none. */
    static String figure(Claim.Figure figure, double value) {
        return Double.isNaN(value) ? "-" : figure.format(value);
    }

    private static TableColumn<Row, String> column(String title, String tip, Function<Row, ObservableValue<String>> value,
            double width) {
        TableColumn<Row, String> column = new TableColumn<>();
        Label header = new Label(title);
        if (tip != null) {
            header.setTooltip(new Tooltip(tip));
        }
        column.setGraphic(header);
        column.setId("experiment-col-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 24 + 7.5 * title.length()));
        column.setSortable(false);
        return column;
    }

    /** Figures of every run, for the table's figure columns, from a finished experiment. */
    static Map<Claim.Figure, Double> figures(Function<Claim.Figure, Double> figure) {
        Map<Claim.Figure, Double> values = new EnumMap<>(Claim.Figure.class);
        for (Claim.Figure f : Claim.Figure.values()) {
            values.put(f, figure.apply(f));
        }
        return values;
    }
}

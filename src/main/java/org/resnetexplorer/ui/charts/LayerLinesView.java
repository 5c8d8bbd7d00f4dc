package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.resnetexplorer.charts.GradientNorms;
import org.resnetexplorer.charts.LinePlot;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.i18n.Texts;

/** The gradient norm of chosen layers of one run against iteration (log scale). */
final class LayerLinesView extends ChartView {
    static final String TITLE = Texts.get("layerLinesView.title");
    static final String FILE = "gradient-layers.png";
    static final String RUN = Texts.get("layerLinesView.run");
    static final String RUN_TIP = Texts.get("layerLinesView.run.tip");
    static final String LAYERS = Texts.get("layerLinesView.layers");
    static final String LAYERS_TIP = Texts.get("layerLinesView.layers.tip");

    static final String HOVER = Texts.get("layerLinesView.hover");

    final ComboBox<String> run = Choosers.runCombo("lines-run", RUN_TIP, pane.store(), this::runChosen);
    final ListView<String> layers = new ListView<>();
    private boolean updating;

    LayerLinesView(ChartsPane pane) {
        super(pane, ChartKind.GRADIENT_LAYERS);
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run);
        layers.setId("lines-layers");
        layers.setTooltip(new Tooltip(LAYERS_TIP));
        layers.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        layers.setPrefWidth(170);
        layers.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c -> {
            if (!updating) {
                layers.refresh();
                changed();
            }
        });
        layers.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            private final javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(14, 4);

            @Override
            protected void updateItem(String layer, boolean empty) {
                super.updateItem(layer, empty);
                setText(empty ? null : layer);
                int rank = empty ? -1 : chosen().indexOf(layer);
                if (rank < 0) {
                    setGraphic(null);
                } else {
                    java.awt.Color c = canvas.style().line(org.resnetexplorer.charts.Palette.run(rank));
                    swatch.setFill(javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
                    setGraphic(swatch);
                }
            }
        });
        VBox side = new VBox(4, Choosers.labelFor(LAYERS, layers), layers);
        side.getStyleClass().add("chart-side");
        VBox.setVgrow(layers, Priority.ALWAYS);
        setLeft(side);
    }

    @Override
    void styleChanged() {
        layers.refresh();
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
        refreshLayers();
    }

    private void runChosen() {
        refreshLayers();
        changed();
    }

    /** The chosen run's layers, from its latest detailed snapshot; by default the first, middle and last. */
    private void refreshLayers() {
        TrainingSnapshot last = run.getValue() == null ? null : store.lastDetailed(run.getValue());
        List<String> names = new ArrayList<>();
        if (last != null) {
            for (TrainingSnapshot.GradientNorm v : last.gradNorms()) {
                if (v.kind() == TrainingSnapshot.GradientKind.WEIGHT) {
                    names.add(v.layer());
                }
            }
        }
        if (names.equals(layers.getItems())) {
            return;
        }
        List<String> chosen = List.copyOf(layers.getSelectionModel().getSelectedItems());
        updating = true;
        try {
            layers.getItems().setAll(names);
            layers.getSelectionModel().clearSelection();
            List<String> keep = chosen.stream().filter(names::contains).toList();
            if (keep.isEmpty() && !names.isEmpty()) {
                keep = names.size() < 3 ? names : List.of(names.get(0), names.get(names.size() / 2), names.get(names.size() - 1));
            }
            for (String name : keep) {
                layers.getSelectionModel().select(name);
            }
        } finally {
            updating = false;
        }
        layers.refresh();
        changed();
    }

    /** The chosen layers in network order: their colours follow this order. */
    List<String> chosen() {
        List<String> selected = layers.getSelectionModel().getSelectedItems();
        return layers.getItems().stream().filter(selected::contains).toList();
    }

    @Override
    Chart chart() {
        RunHistory history = run.getValue() == null ? null : store.history(run.getValue());
        RunHistory shown = history != null ? history : new RunHistory(HeatmapView.NO_RUN, List.of());
        return Chart.of(GradientNorms.layers(shown, chosen()));
    }

    @Override
    String hoverText(LinePlot plot, LinePlot.Hit hit) {
        return String.format(HOVER, hit.line().series().name(), number(hit.x()), number(hit.y()));
    }
}

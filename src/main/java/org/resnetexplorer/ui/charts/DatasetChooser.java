package org.resnetexplorer.ui.charts;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.resnetexplorer.i18n.Texts;

/**
 * Which dataset's runs the charts show: a chooser above the chart tabs that appears only while the session has
 * runs of more than one dataset (error rates on a spiral and on Fashion-MNIST do not belong on one axis).
 */
final class DatasetChooser extends HBox {
    static final String DATASET = Texts.get("datasetChooser.dataset");
    static final String TIP = Texts.get("datasetChooser.tip");

    final ComboBox<String> box = new ComboBox<>();
    private final Consumer<String> onChoose;
    private boolean updating;

    /** @param onChoose hears the dataset the user chooses */
    DatasetChooser(Consumer<String> onChoose) {
        super(6);
        this.onChoose = Objects.requireNonNull(onChoose, "onChoose");
        setId("chart-dataset");
        box.setId("chart-dataset-box");
        box.setTooltip(new Tooltip(TIP));
        Label label = new Label(DATASET);
        label.setLabelFor(box);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
        getChildren().addAll(label, box);
        box.valueProperty().addListener((o, old, now) -> {
            if (!updating && now != null) {
                onChoose.accept(now);
            }
        });
        show(List.of(), null);
    }

    /** Lists {@code datasets} with {@code shown} chosen; shows itself only when there are two or more. */
    void show(List<String> datasets, String shown) {
        updating = true;
        try {
            if (!box.getItems().equals(datasets)) {
                box.getItems().setAll(datasets);
            }
            box.setValue(shown);
        } finally {
            updating = false;
        }
        boolean needed = datasets.size() > 1;
        setVisible(needed);
        setManaged(needed);
    }
}

package org.resnetexplorer.ui.charts;

import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.resnetexplorer.i18n.Texts;

/** The small controls the views share: a combo box that keeps its choice when its items change, a step chooser. */
final class Choosers {
    private Choosers() {
    }

    /** A label naming {@code control} (its mnemonic and screen readers lead to the control). */
    static Label labelFor(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    /** A combo box of names with an id and a tooltip; calls {@code onChange} when the choice changes. */
    static ComboBox<String> combo(String id, String tooltip, Runnable onChange) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setTooltip(new Tooltip(tooltip));
        box.setVisibleRowCount(16);
        box.valueProperty().addListener((o, a, b) -> onChange.run());
        return box;
    }

    /** A combo box of runs (by their names in the store) that shows each run's label; as {@link #combo}. */
    static ComboBox<String> runCombo(String id, String tooltip, RunStore store, Runnable onChange) {
        ComboBox<String> box = combo(id, tooltip, onChange);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String run) {
                RunStore.Run r = run == null ? null : store.run(run);
                return r == null ? run : r.label();
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    /** The names of the runs a run chooser lists: those of the dataset shown. */
    static List<String> runNames(RunStore store) {
        return store.inDataset().stream().map(RunStore.Run::name).toList();
    }

    /**
     * Sets the items if they differ, keeping the chosen one if it is still there, else choosing the first
     * (or {@code preferred} if it is among them).
     */
    static void setItems(ComboBox<String> box, List<String> items, String preferred) {
        if (!box.getItems().equals(items)) {
            String chosen = box.getValue();
            box.getItems().setAll(items);
            if (chosen == null || !items.contains(chosen)) {
                box.setValue(preferred != null && items.contains(preferred) ? preferred : items.isEmpty() ? null : items.get(0));
            }
        } else if (box.getValue() == null && !items.isEmpty()) {
            box.setValue(items.get(0));
        }
    }

    /**
     * Chooses a step: a slider over the steps measured and a "Latest" check box (on by default) that keeps it at
     * the newest step while training.
     */
    static final class StepChooser extends HBox {
        static final String STEP = Texts.get("choosers.step");
        static final String LATEST = Texts.get("choosers.latest");
        static final String LATEST_TIP = Texts.get("choosers.latest.tip");
        static final String SLIDER_TIP = Texts.get("choosers.slider.tip");

        final Slider slider = new Slider(0, 1, 1);
        final CheckBox latest = new CheckBox(LATEST);
        private final Label value = new Label();

        StepChooser(String id, Runnable onChange) {
            super(6);
            setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            slider.setId(id + "-step");
            slider.setTooltip(new Tooltip(SLIDER_TIP));
            slider.setPrefWidth(220);
            slider.setSnapToTicks(false);
            latest.setId(id + "-latest");
            latest.setSelected(true);
            latest.setTooltip(new Tooltip(LATEST_TIP));
            value.setId(id + "-step-value");
            value.getStyleClass().add("chart-value");
            value.setMinWidth(50);
            slider.disableProperty().bind(latest.selectedProperty());
            getChildren().addAll(labelFor(STEP, slider), slider, value, latest);
            slider.valueProperty().addListener((o, a, b) -> {
                value.setText(String.valueOf(step()));
                onChange.run();
            });
            latest.selectedProperty().addListener((o, a, b) -> {
                if (b) {
                    slider.setValue(slider.getMax());
                }
                onChange.run();
            });
        }

        /** Sets the range of steps; at the newest when "Latest" is on. */
        void setRange(int min, int max) {
            int low = Math.min(min, max);
            if (slider.getMin() != low || slider.getMax() != max) {
                slider.setMin(low);
                slider.setMax(Math.max(low, max));
                slider.setBlockIncrement(Math.max(1, (max - low) / 50.0));
            }
            if (latest.isSelected() && slider.getValue() != slider.getMax()) {
                slider.setValue(slider.getMax());
            }
            value.setText(String.valueOf(step()));
        }

        int step() {
            return (int) Math.round(slider.getValue());
        }

        /** Chooses {@code step} (and stops following the latest). */
        void choose(int step) {
            latest.setSelected(false);
            slider.setValue(step);
        }
    }
}

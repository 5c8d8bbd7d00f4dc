package org.resnetexplorer.ui.training;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.DoubleConsumer;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.DrawnData;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.i18n.Texts;


/**
 * The Training panel: dataset, steps, batch, optimiser, learning rate and schedule, weight decay, seed and
 * "Train plain twin too". Its defaults train the first-start example visibly within seconds; the last settings
 * used are kept in the preferences. Pressing Enter in the learning rate during a run changes the run's rate.
 */
public final class TrainingPanel extends VBox {
    static final String HEADING = Texts.get("trainingPanel.heading");
    static final String DATASET = Texts.get("trainingPanel.dataset");
    static final String CLASSES = Texts.get("trainingPanel.classes");
    static final String CLASSES_TIP = Texts.get("trainingPanel.classes.tip");
    static final String DOWNSCALE = Texts.get("trainingPanel.downscale");
    static final String DOWNSCALE_TIP = Texts.get("trainingPanel.downscale.tip");
    static final String STEPS = Texts.get("trainingPanel.steps");
    static final String STEPS_TIP = Texts.get("trainingPanel.steps.tip");
    static final String BATCH = Texts.get("trainingPanel.batch");
    static final String BATCH_TIP = Texts.get("trainingPanel.batch.tip");
    static final String OPTIMIZER = Texts.get("trainingPanel.optimizer");
    static final String OPTIMIZER_TIP = Texts.get("trainingPanel.optimizer.tip");
    static final String RATE = Texts.get("trainingPanel.rate");
    static final String RATE_TIP = Texts.get("trainingPanel.rate.tip");
    static final String SCHEDULE = Texts.get("trainingPanel.schedule");
    static final String SCHEDULE_TIP = Texts.get("trainingPanel.schedule.tip");
    static final String DECAY = Texts.get("trainingPanel.decay");
    static final String DECAY_TIP = Texts.get("trainingPanel.decay.tip");
    static final String SEED = Texts.get("trainingPanel.seed");
    static final String SEED_TIP = Texts.get("trainingPanel.seed.tip");
    static final String TWIN = Texts.get("trainingPanel.twin");
    static final String TWIN_TIP = Texts.get("trainingPanel.twin.tip");
    static final String SGD_LABEL = Texts.get("trainingPanel.sgd.label");
    static final String ADAM_LABEL = "Adam";
    public static final String NOT_WHOLE = Texts.get("trainingPanel.not.whole");
    public static final String NOT_NUMBER = Texts.get("trainingPanel.not.number");
    static final String CUSTOM_TIP = Texts.get("trainingPanel.custom.tip");
    static final String CUSTOM_NONE = Texts.get("trainingPanel.custom.none");
    static final String CUSTOM_POINTS = Texts.get("trainingPanel.custom.points");

    private static final String KEY_DATASET = "dataset";
    private static final String KEY_CLASSES = "classes";
    private static final String KEY_DOWNSCALE = "downscale";
    private static final String KEY_STEPS = "steps";
    private static final String KEY_BATCH = "batch";
    private static final String KEY_OPTIMIZER = "optimizer";
    private static final String KEY_RATE = "rate";
    private static final String KEY_SCHEDULE = "schedule";
    private static final String KEY_DECAY = "weightDecay";
    private static final String KEY_SEED = "seed";
    private static final String KEY_TWIN = "plainTwin";

    private final ComboBox<String> dataset = new ComboBox<>();
    /** Up to 10, the image sets' fixed number; the generated sets take 2 to 8 (their loader says which). */
    private final Spinner<Integer> classes = new Spinner<>(2, 10, TrainingSetup.DEFAULT_CLASSES);
    /** The classes chosen for a set that takes a number of them, kept while a set with fixed classes is shown. */
    private int chosenClasses = TrainingSetup.DEFAULT_CLASSES;
    private Runnable onDatasetChange = () -> { };
    private final CheckBox downscale = new CheckBox(DOWNSCALE);
    private final TextField steps = new TextField();
    private final TextField batch = new TextField();
    private final ComboBox<Optimizer> optimizer = new ComboBox<>();
    private final TextField rate = new TextField();
    private final ComboBox<TrainingSetup.Schedule> schedule = new ComboBox<>();
    private final TextField weightDecay = new TextField();
    private final TextField seed = new TextField();
    private final CheckBox twin = new CheckBox(TWIN);
    /** Under the dataset while the drawn points are chosen: how many there are, or where to draw them. */
    private final Label customHint = new Label();
    private DrawnPoints drawn = DrawnPoints.NONE;

    /**
     * @param rateChanged receives a new learning rate typed during a run (Enter in the field)
     * @param refused     receives the message when the typed rate is not a positive number
     */
    public TrainingPanel(DoubleConsumer rateChanged, java.util.function.Consumer<String> refused) {
        setId("training-panel");
        Label heading = new Label(HEADING);
        heading.getStyleClass().add("pane-heading");
        dataset.getItems().setAll(Datasets.names());
        dataset.getItems().add(DrawnData.NAME);
        dataset.setCellFactory(list -> new DatasetCell());
        optimizer.getItems().setAll(Optimizer.values());
        optimizer.setCellFactory(list -> new OptimizerCell());
        optimizer.setButtonCell(new OptimizerCell());
        schedule.getItems().setAll(TrainingSetup.Schedule.values());
        classes.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 8, 8, 8));
        int row = 0;
        row = addRow(grid, row, DATASET, dataset, "training-dataset", Datasets.description("spiral"));
        customHint.setId("training-custom-hint");
        customHint.setWrapText(true);
        customHint.getStyleClass().add("hint");
        customHint.managedProperty().bind(customHint.visibleProperty());
        grid.add(customHint, 1, row++);
        row = addRow(grid, row, CLASSES, classes, "training-classes", CLASSES_TIP);
        grid.add(downscale, 1, row++);
        downscale.setId("training-downscale");
        downscale.setTooltip(new Tooltip(DOWNSCALE_TIP));
        row = addRow(grid, row, STEPS, steps, "training-steps", STEPS_TIP);
        row = addRow(grid, row, BATCH, batch, "training-batch", BATCH_TIP);
        row = addRow(grid, row, OPTIMIZER, optimizer, "training-optimizer", OPTIMIZER_TIP);
        row = addRow(grid, row, RATE, rate, "training-rate", RATE_TIP);
        row = addRow(grid, row, SCHEDULE, schedule, "training-schedule", SCHEDULE_TIP);
        row = addRow(grid, row, DECAY, weightDecay, "training-decay", DECAY_TIP);
        row = addRow(grid, row, SEED, seed, "training-seed", SEED_TIP);
        grid.add(twin, 0, row, 2, 1);
        twin.setId("training-twin");
        twin.setTooltip(new Tooltip(TWIN_TIP));
        getChildren().addAll(heading, grid);

        dataset.valueProperty().addListener((obs, old, now) -> {
            datasetChanged(now);
            onDatasetChange.run();
        });
        classes.valueProperty().addListener((obs, old, now) -> {
            if (!classes.isDisabled()) {
                chosenClasses = now;
                onDatasetChange.run();
            }
        });
        downscale.selectedProperty().addListener((obs, old, now) -> onDatasetChange.run());
        showDrawnPoints(DrawnPoints.NONE);
        optimizer.valueProperty().addListener((obs, old, now) -> optimizerChanged(old, now));
        rate.setOnAction(e -> {
            try {
                rateChanged.accept(positive(rate, RATE));
            } catch (IllegalArgumentException bad) {
                refused.accept(bad.getMessage());
            }
        });
        show(TrainingSetup.defaults(), Optimizer.SGD, TrainingSetup.DEFAULT_SGD_RATE, TrainingSetup.Schedule.CONSTANT);
    }

    private static int addRow(GridPane grid, int row, String label, Control control, String id, String tip) {
        control.setId(id);
        control.setTooltip(new Tooltip(tip));
        control.setMaxWidth(Double.MAX_VALUE);
        Label name = new Label(label);
        name.setLabelFor(control);
        name.setMinWidth(Control.USE_PREF_SIZE);
        grid.addRow(row, name, control);
        return row + 1;
    }

    private void show(TrainingSetup setup, Optimizer opt, double lr, TrainingSetup.Schedule sched) {
        dataset.setValue(setup.dataset());
        if (setup.datasetOptions().classes() != null && !classes.isDisabled()) {
            classes.getValueFactory().setValue(setup.datasetOptions().classes());
        }
        downscale.setSelected(setup.datasetOptions().downscale());
        steps.setText(Integer.toString(setup.settings().steps()));
        batch.setText(Integer.toString(setup.settings().batch()));
        optimizer.setValue(opt);
        rate.setText(number(lr));
        schedule.setValue(sched);
        weightDecay.setText(number(setup.settings().weightDecay()));
        seed.setText(Long.toString(setup.settings().seed()));
        twin.setSelected(setup.plainTwin());
    }

    /** The Classes field shows the dataset's classes: fixed ones (10 for images) disabled, else the chosen ones. */
    private void datasetChanged(String name) {
        boolean custom = DrawnData.NAME.equals(name);
        boolean generated = name != null && Datasets.isGenerated(name);
        OptionalInt fixed = Datasets.fixedClasses(name);
        boolean chooses = generated && fixed.isEmpty();
        classes.setDisable(!chooses);
        classes.getValueFactory().setValue(custom ? customClasses() : fixed.isPresent() ? fixed.getAsInt() : chosenClasses);
        downscale.setDisable(generated || custom);
        if (name != null) {
            dataset.setTooltip(new Tooltip(description(name)));
        }
        customHint.setVisible(custom);
    }

    private static String description(String name) {
        return DrawnData.NAME.equals(name) ? CUSTOM_TIP : Datasets.description(name);
    }

    /** The Classes field for the drawn points: their classes (the highest drawn), at least 2. */
    private int customClasses() {
        return Math.max(2, drawn.classes());
    }

    /**
     * The points drawn to train on changed: the hint under the dataset says how many there are, and while they are
     * the dataset the Classes field shows their classes.
     */
    public void showDrawnPoints(DrawnPoints points) {
        drawn = Objects.requireNonNull(points, "points");
        customHint.setText(points.isEmpty() ? CUSTOM_NONE : String.format(CUSTOM_POINTS,
                Texts.count("count.points", points.size()), points.classes()));
        if (DrawnData.NAME.equals(dataset.getValue())) {
            classes.getValueFactory().setValue(customClasses());
        }
    }

    private void optimizerChanged(Optimizer old, Optimizer now) {
        // each optimiser's usual rate, unless the user chose another
        if (old == Optimizer.SGD && now == Optimizer.ADAM && rate.getText().equals(number(TrainingSetup.DEFAULT_SGD_RATE))) {
            rate.setText(number(TrainingSetup.DEFAULT_ADAM_RATE));
        } else if (old == Optimizer.ADAM && now == Optimizer.SGD
                && rate.getText().equals(number(TrainingSetup.DEFAULT_ADAM_RATE))) {
            rate.setText(number(TrainingSetup.DEFAULT_SGD_RATE));
        }
    }

    /** The dataset chosen. */
    public ReadOnlyObjectProperty<String> datasetProperty() {
        return dataset.valueProperty();
    }

    /** Chooses {@code name} as the dataset, as if the user had. */
    public void chooseDataset(String name) {
        dataset.setValue(name);
    }

    /** Sets the Classes field to {@code count} where the dataset takes a number of classes. */
    public void chooseClasses(int count) {
        if (!classes.isDisabled()) {
            classes.getValueFactory().setValue(count);
        }
    }

    /**
     * {@code action} runs whenever the dataset, its number of classes or its downscaling changes, whoever changed
     * it.
     */
    public void setOnDatasetChange(Runnable action) {
        onDatasetChange = Objects.requireNonNull(action, "action");
    }

    /** How the chosen dataset loads: the classes where it takes a number of them, the downscaling of images. */
    public DatasetOptions datasetOptions() {
        DatasetOptions options = DatasetOptions.defaults();
        if (!classes.isDisabled()) {
            options = options.withClasses(classes.getValue());
        } else if (DrawnData.NAME.equals(dataset.getValue()) && drawn.classes() >= 2) {
            options = options.withClasses(drawn.classes());
        }
        if (!downscale.isDisabled() && downscale.isSelected()) {
            options = options.withDownscale(true);
        }
        return options;
    }

    /**
     * Takes the steps, batch, learning rate, schedule and weight decay that suit a network reading images
     * ({@link TrainingSetup#forImages()}: 14x14 images, fast enough to watch) or 2-D points (the first-start
     * defaults), keeping the dataset, optimiser, seed and twin as they are.
     */
    public void useDefaultsFor(boolean images) {
        TrainingSetup setup = images ? TrainingSetup.forImages() : TrainingSetup.defaults();
        downscale.setSelected(setup.datasetOptions().downscale());
        steps.setText(Integer.toString(setup.settings().steps()));
        batch.setText(Integer.toString(setup.settings().batch()));
        optimizer.setValue(Optimizer.SGD);
        rate.setText(number(setup.settings().schedule().base()));
        schedule.setValue(images ? TrainingSetup.Schedule.STEP_DECAY : TrainingSetup.Schedule.CONSTANT);
        weightDecay.setText(number(setup.settings().weightDecay()));
    }

    /**
     * The setup as entered.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public TrainingSetup setup() {
        String name = dataset.getValue();
        DatasetOptions options = datasetOptions();
        int stepCount = whole(steps, STEPS);
        int batchSize = whole(batch, BATCH);
        double learningRate = positive(rate, RATE);
        double decay = number(weightDecay, DECAY);
        long seedValue;
        try {
            seedValue = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(NOT_WHOLE, SEED, seed.getText()));
        }
        return new TrainingSetup(name, options, TrainingSetup.settings(stepCount, batchSize, optimizer.getValue(),
                learningRate, schedule.getValue(), decay, seedValue), twin.isSelected());
    }

    private static int whole(TextField field, String label) {
        try {
            int value = Integer.parseInt(field.getText().trim());
            if (value < 1) {
                throw new IllegalArgumentException(label + " must be at least 1 (got " + value + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(NOT_WHOLE, label, field.getText()));
        }
    }

    private static double number(TextField field, String label) {
        try {
            double value = Double.parseDouble(field.getText().trim());
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(label + " must be 0 or more (got " + field.getText() + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(NOT_NUMBER, label, field.getText()));
        }
    }

    private static double positive(TextField field, String label) {
        double value = number(field, label);
        if (value == 0) {
            throw new IllegalArgumentException(label + " must be more than 0");
        }
        return value;
    }

    private static String number(double value) {
        // plain digits: a weight decay of 1e-4 reads 0.0001, not 1.0E-4
        return value == Math.rint(value) && Math.abs(value) < 1e6 ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Keeps the fields' text (as typed) in {@code node}. */
    public void save(Preferences node) {
        node.put(KEY_DATASET, dataset.getValue());
        node.putInt(KEY_CLASSES, chosenClasses);
        node.putBoolean(KEY_DOWNSCALE, downscale.isSelected());
        node.put(KEY_STEPS, steps.getText());
        node.put(KEY_BATCH, batch.getText());
        node.put(KEY_OPTIMIZER, optimizer.getValue().name());
        node.put(KEY_RATE, rate.getText());
        node.put(KEY_SCHEDULE, schedule.getValue().name());
        node.put(KEY_DECAY, weightDecay.getText());
        node.put(KEY_SEED, seed.getText());
        node.putBoolean(KEY_TWIN, twin.isSelected());
    }

    /** Restores what {@link #save} kept; a missing or unreadable value keeps its default. */
    public void load(Preferences node) {
        chosenClasses = Math.max(2, Math.min(8, node.getInt(KEY_CLASSES, chosenClasses)));
        if (!classes.isDisabled()) {
            classes.getValueFactory().setValue(chosenClasses);
        }
        String name = node.get(KEY_DATASET, null);
        // the drawn points belong to a graph not open yet: a new window starts on a dataset that loads
        if (name != null && dataset.getItems().contains(name) && !name.equals(DrawnData.NAME)) {
            dataset.setValue(name);
        }
        downscale.setSelected(node.getBoolean(KEY_DOWNSCALE, downscale.isSelected()));
        steps.setText(node.get(KEY_STEPS, steps.getText()));
        batch.setText(node.get(KEY_BATCH, batch.getText()));
        try {
            optimizer.setValue(Optimizer.valueOf(node.get(KEY_OPTIMIZER, optimizer.getValue().name())));
            schedule.setValue(TrainingSetup.Schedule.valueOf(node.get(KEY_SCHEDULE, schedule.getValue().name())));
        } catch (IllegalArgumentException e) {
            // an older or foreign value: keep the default
        }
        rate.setText(node.get(KEY_RATE, rate.getText()));
        weightDecay.setText(node.get(KEY_DECAY, weightDecay.getText()));
        seed.setText(node.get(KEY_SEED, seed.getText()));
        twin.setSelected(node.getBoolean(KEY_TWIN, twin.isSelected()));
    }

    private static final class DatasetCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
            setTooltip(empty || item == null ? null : new Tooltip(description(item)));
        }
    }

    private static final class OptimizerCell extends ListCell<Optimizer> {
        @Override
        protected void updateItem(Optimizer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item == Optimizer.SGD ? SGD_LABEL : ADAM_LABEL);
        }
    }
}

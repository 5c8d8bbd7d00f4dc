package org.resnetexplorer.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.resnetexplorer.engine.RunStatus;


/**
 * One line of the run list: a run as it goes and how it ended. Its {@link #name()} is the run's name as its
 * snapshots carry it (unique in the window); the user may rename it ({@link #labelProperty()}) and hide it from
 * the charts ({@link #shownProperty()}). Changed on the FX thread only.
 */
public final class RunRecord {
    private final String name;
    private final StringProperty label = new SimpleStringProperty();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final String model;
    private final String dataset;
    private final boolean plainTwin;
    private final int totalSteps;
    private final String continues;
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.READY);
    private final IntegerProperty step = new SimpleIntegerProperty();
    private final DoubleProperty loss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty trainError = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty testError = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty stepsPerSecond = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public RunRecord(String name, String model, String dataset, boolean plainTwin, int totalSteps) {
        this(name, model, dataset, plainTwin, totalSteps, null);
    }

    /** A run that continues the trained weights of run {@code continues} (null: a run from fresh weights). */
    public RunRecord(String name, String model, String dataset, boolean plainTwin, int totalSteps, String continues) {
        this.continues = continues;
        this.name = name;
        this.label.set(name);
        this.model = model;
        this.dataset = dataset;
        this.plainTwin = plainTwin;
        this.totalSteps = totalSteps;
    }

    public String name() {
        return name;
    }

    /** The name the run list and the charts show: the run's name until the user renames it. */
    public StringProperty labelProperty() {
        return label;
    }

    public String label() {
        return label.get();
    }

    /** Whether the charts draw the run (the run list's check box). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public String model() {
        return model;
    }

    public String dataset() {
        return dataset;
    }

    public boolean plainTwin() {
        return plainTwin;
    }

    public int totalSteps() {
        return totalSteps;
    }

    /** The name of the run whose trained weights this one started from, if it continues one ("Continue training"). */
    public java.util.Optional<String> continues() {
        return java.util.Optional.ofNullable(continues);
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    public RunStatus status() {
        return status.get();
    }

    /** Whether the run has ended (finished, stopped, diverged or failed). */
    public boolean isOver() {
        RunStatus s = status.get();
        return s == RunStatus.FINISHED || s == RunStatus.STOPPED || s == RunStatus.DIVERGED || s == RunStatus.FAILED;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    DoubleProperty lossProperty() {
        return loss;
    }

    /** The training error of the last evaluation (inference mode, the run's training sample); NaN before it. */
    public DoubleProperty trainErrorProperty() {
        return trainError;
    }

    public DoubleProperty testErrorProperty() {
        return testError;
    }

    public DoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond;
    }

    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public String toString() {
        return label.get();
    }
}

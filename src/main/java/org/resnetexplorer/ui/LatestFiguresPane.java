package org.resnetexplorer.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.resnetexplorer.engine.TrainingSnapshot;

/**
 * A stand-in for the charts: the latest loss and errors of each run, one line per run, fed with the snapshot
 * batches of the {@link SnapshotQueue}. The charts pane replaces it (same {@code Consumer} of batches).
 */
final class LatestFiguresPane extends VBox implements Consumer<List<TrainingSnapshot>> {
    static final String EMPTY = "The latest figures of each run appear here while it trains.";
    static final String LINE = "%s   step %d/%d   loss %.4f   train error %s   test error %s   lr %.3g";

    private final Map<String, Label> lines = new LinkedHashMap<>();
    private final Map<String, Double> lastTest = new LinkedHashMap<>();
    private final Label empty = new Label(EMPTY);

    LatestFiguresPane() {
        setId("latest-figures");
        setSpacing(4);
        setPadding(new Insets(8));
        getChildren().add(empty);
    }

    @Override
    public void accept(List<TrainingSnapshot> batch) {
        Map<String, TrainingSnapshot> latest = new LinkedHashMap<>();
        for (TrainingSnapshot s : batch) {
            latest.put(s.run(), s);
            if (s.hasTestError()) {
                lastTest.put(s.run(), s.testError());
            }
        }
        getChildren().remove(empty);
        latest.forEach((run, s) -> {
            Label line = lines.computeIfAbsent(run, r -> {
                Label l = new Label();
                l.getStyleClass().add("latest-figures-line");
                getChildren().add(l);
                return l;
            });
            line.setText(String.format(Locale.ROOT, LINE, run, s.step(), s.totalSteps(), s.loss(),
                    TrainingController.percent(s.trainErrorAverage()),
                    TrainingController.percent(lastTest.getOrDefault(run, Double.NaN)), s.learningRate()));
        });
    }
}

package org.resnetexplorer.ui.diagnostics;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;
import org.resnetexplorer.engine.TrainingSnapshot.GradientNorm;
import org.resnetexplorer.engine.TrainingSnapshot.Histogram;
import org.resnetexplorer.engine.TrainingSnapshot.LayerValue;
import org.resnetexplorer.engine.TrainingSnapshot.ResidualResponse;
import org.resnetexplorer.ui.charts.ChartView;
import org.resnetexplorer.ui.charts.ChartsPane;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;


/**
 * A rehearsal of the first run, off-screen, while the window is idle after start-up: a run list with two rows
 * and charts with two runs of made-up measurements, laid out and styled once, then thrown away. What it
 * warms up is JavaFX's own code that a first run would otherwise load and interpret at the worst moment: the
 * table's first rows (row and cell skins, CSS matching, text layout) and each chart tab's controls took 300-450
 * ms of the FX thread on Run, a visible stutter just as the curves start (docs/PERFORMANCE.md). Nothing of it
 * is shown or kept. Besides, the window's own run list makes its rows beforehand ({@link #makeRows}).
 */
public final class WarmUp {
    /** Rounds of rehearsal after start-up. */
    public static final int ROUNDS = 4;
    /** System property: rounds of rehearsal instead of {@link #ROUNDS} (0: none; bench/ui.sh compares). */
    public static final String ROUNDS_PROPERTY = "resnetexplorer.warmUpRounds";
    /** The pause before each step (making the rows, each step of a round): the window's own frames come between. */
    static final javafx.util.Duration PAUSE = javafx.util.Duration.millis(150);
    private static final String RUN_A = "warm-up";
    private static final String RUN_B = "warm-up-plain";
    private static final int LAYERS = 24;
    private static final String LONG_TEXT = "x".repeat(400);

    private WarmUp() {
    }

    /**
     * Rehearses one whole round at once on the FX thread with the stylesheets of {@code scene} (a few hundred ms
     * the first time, less after); returns how many table cells it laid out.
     */
    public static int rehearse(Scene scene) {
        Round round = new Round(scene);
        round.steps().forEach(Runnable::run);
        return round.cells();
    }

    /**
     * One round of the rehearsal in steps, to run one after the other on the FX thread with a pause between
     * (the window's idle time after start-up: a whole round at once held the FX thread for 400-700 ms): the
     * first builds an off-screen run list and charts with two runs of made-up measurements and lays them out,
     * each next one shows and paints one chart tab.
     */
    static final class Round {
        private final Scene scene;
        private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
        private final ChartsPane charts = new ChartsPane();
        private final VBox root;

        Round(Scene scene) {
            this.scene = scene;
            RunsTable table = new RunsTable(runs);
            // sizes of their own, so the table has room for rows (no rows, no rehearsal)
            charts.setMinHeight(400);
            charts.setPrefHeight(400);
            table.setMinHeight(200);
            table.setPrefHeight(200);
            root = new VBox(charts, table);
        }

        /** The steps, in order. */
        List<Runnable> steps() {
            List<Runnable> steps = new ArrayList<>();
            steps.add(this::build);
            for (ChartView chart : charts.charts()) {
                steps.add(() -> show(chart));
            }
            return steps;
        }

        /** How many table cells the round has laid out. */
        int cells() {
            return root.lookupAll(".table-cell").size();
        }

        private void build() {
            Scene offScreen = new Scene(root, scene.getWidth(), scene.getHeight());
            offScreen.getStylesheets().setAll(scene.getStylesheets());
            root.getStylesheets().setAll(scene.getRoot().getStylesheets());
            root.applyCss();
            root.layout();
            for (String run : List.of(RUN_A, RUN_B)) {
                RunRecord record = new RunRecord(run, run, run, run.equals(RUN_B), 10);
                runs.add(record);
                charts.addRun(run, run, run.equals(RUN_A));
            }
            List<TrainingSnapshot> batch = new ArrayList<>();
            for (int step = 1; step <= 3; step++) {
                for (String run : List.of(RUN_A, RUN_B)) {
                    batch.add(snapshot(run, step));
                }
            }
            charts.append(batch);
            for (RunRecord record : runs) {
                record.stepProperty().set(3);
                record.trainErrorProperty().set(0.25);
                record.testErrorProperty().set(0.2);
                record.statusProperty().set(RunStatus.RUNNING);
                record.messageProperty().set(LONG_TEXT); // long enough to be clipped, as messages are
            }
            root.applyCss();
            root.layout();
        }

        private void show(ChartView chart) {
            charts.select(chart);
            root.applyCss();
            root.layout();
            charts.redrawSelected();
        }
    }

    /**
     * Has the window's own run list make its rows before the first run: it lays the table out with one
     * made-up run and puts its runs back, in one go on the FX thread (nothing is drawn in between). An empty
     * table has no rows (its placeholder shows); the first run's rows, a dozen rows of eight cells with their
     * skins, were the largest part of the first frame after Run. The table keeps them, so Run only fills them.
     * Returns how many rows the table holds.
     */
    public static int makeRows(TableView<RunRecord> table) {
        ObservableList<RunRecord> runs = table.getItems();
        if (!runs.isEmpty()) {
            return table.lookupAll(".table-row-cell").size();
        }
        table.setItems(FXCollections.observableArrayList(new RunRecord(RUN_A, RUN_A, RUN_A, false, 10)));
        table.applyCss();
        table.layout();
        table.setItems(runs);
        table.applyCss();
        table.layout();
        return table.lookupAll(".table-row-cell").size();
    }

    private static TrainingSnapshot snapshot(String run, int step) {
        List<GradientNorm> norms = new ArrayList<>();
        List<LayerValue> stds = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            norms.add(new GradientNorm("layer" + i, GradientKind.WEIGHT, 0.1 * (i + 1) * step));
            stds.add(new LayerValue("layer" + i, 0.5 / (i + 1)));
        }
        long[] counts = {1, 4, 9, 4, 1};
        List<ResidualResponse> residuals = List.of(new ResidualResponse("block1", 0.3, 0.4,
                new Histogram(-1, 1, counts)));
        return new TrainingSnapshot(run, step, 10, 1.0 / step, 0.3, 0.3, 0.25, 0.05, 100, norms, stds, residuals);
    }
}

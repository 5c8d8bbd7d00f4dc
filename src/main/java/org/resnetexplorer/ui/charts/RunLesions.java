package org.resnetexplorer.ui.charts;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.resnetexplorer.charts.LesionChart;
import org.resnetexplorer.charts.Palette;
import org.resnetexplorer.charts.StudyCharts;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.Lesion;
import org.resnetexplorer.engine.LesionResult;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * The lesion study on the window's trained runs (decision 0034): a block deleted at test time, its new test error
 * told at once in the status line; or every block deleted in turn and blocks deleted at random, the pictures shown
 * in the Study tab. Computed off the FX thread, one request after the other, on the run's latest state and the
 * first test examples the views measure on; the results come back on the FX thread.
 */
public final class RunLesions {
    /** Random draws per number of blocks deleted, as the preset's default. */
    static final int DRAWS = 10;
    /** The random draws' seed: the same run gives the same pictures each time. */
    static final long SEED = 1;
    static final String COMPUTING = Texts.get("runLesions.computing");
    static final String DELETED = Texts.get("runLesions.deleted");
    static final String STUDYING = Texts.get("runLesions.studying");
    static final String STUDIED = Texts.get("runLesions.studied");
    static final String FAILED = Texts.get("runLesions.failed");

    private final ChartsPane pane;
    private final Executor thread;

    RunLesions(ChartsPane pane, Executor thread) {
        this.pane = pane;
        this.thread = thread;
    }

    /**
     * Whether {@code block}, as the editor shows it, can be deleted from the run: the run has a trained state (past
     * step 0) of a network with that very block, and its test examples are still kept.
     */
    public boolean canDelete(String run, Block block) {
        return trained(run).flatMap(s -> s.network().block(block.name())).filter(b -> b.members().equals(block.members()))
                .isPresent() && pane.runData().of(run).isPresent();
    }

    /** Whether the run has a trained state of a network with blocks, and its test examples are still kept. */
    public boolean canStudy(String run) {
        return trained(run).filter(s -> !s.network().blocks().isEmpty()).isPresent() && pane.runData().of(run).isPresent();
    }

    /**
     * Deletes {@code block} from the run's latest state at test time and tells the test error before and after.
     * Call on the FX thread, after {@link #canDelete}.
     */
    public void deleteAtTestTime(String run, String block) {
        NetworkState state = trained(run).orElseThrow();
        Dataset data = pane.runData().of(run).orElseThrow();
        pane.tell(String.format(COMPUTING, block, run));
        thread.execute(() -> {
            String message;
            try {
                Lesion lesion = Lesion.of(state, data.test(), Predictions.FIRST_TEST_EXAMPLES);
                double before = lesion.error(List.of());
                double after = lesion.error(List.of(block));
                message = String.format(DELETED, run, block, state.step(), Counts.percent(before), Counts.percent(after),
                        points(after - before), Counts.grouped(lesion.examples()));
            } catch (EngineException | RuntimeException e) {
                message = failed(e);
            }
            String told = message;
            Platform.runLater(() -> pane.tell(told));
        });
    }

    /**
     * Measures the lesion study of the run's latest state and shows its pictures in the Study tab. Call on the FX
     * thread, after {@link #canStudy}.
     */
    public void study(String run) {
        NetworkState state = trained(run).orElseThrow();
        Dataset data = pane.runData().of(run).orElseThrow();
        Color colour = pane.store().run(run) == null ? Palette.run(0) : pane.store().run(run).colour();
        pane.tell(String.format(STUDYING, run));
        thread.execute(() -> {
            try {
                LesionResult result = Lesion.of(state.withRun(run), data.test(), Predictions.FIRST_TEST_EXAMPLES)
                        .study(DRAWS, SEED, done -> { }, () -> false);
                List<StudyCharts.Picture> pictures = LesionChart.pictures(List.of(result), List.of(colour));
                String message = String.format(STUDIED, run, Counts.percent(result.error()),
                        points(result.meanIncrease()));
                Platform.runLater(() -> {
                    pane.showStudy(pictures);
                    pane.tell(message);
                });
            } catch (EngineException | RuntimeException e) {
                String message = failed(e);
                Platform.runLater(() -> pane.tell(message));
            }
        });
    }

    private Optional<NetworkState> trained(String run) {
        return pane.states().latest(run).filter(s -> s.step() > 0);
    }

    private static String failed(Exception e) {
        return String.format(FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** A change of error in percentage points, with its sign: "+27.6". */
    private static String points(double change) {
        return String.format(Locale.ROOT, "%+.1f", 100 * change);
    }
}

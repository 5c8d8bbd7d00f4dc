package org.resnetexplorer.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.ui.training.TrainingSetup;

/**
 * The cost of the Decision regions tab against the training it shows, for docs/PERFORMANCE.md: trains the
 * first-start example (and its plain twin) as the window does, one after the other, timing each step; then runs
 * every state kept at an evaluation over the 100 x 100 grid through one probe per run, as the tab does, and prints
 * the milliseconds per grid against the milliseconds of training between two evaluations. Not part of the app.
 */
public final class RegionsCost {
    private RegionsCost() {
    }

    public static void main(String[] args) throws Exception {
        TrainingSetup setup = TrainingSetup.defaults();
        Dataset data = Datasets.load(setup.dataset(), setup.datasetOptions());
        DecisionRegions.Grid grid = DecisionRegions.Grid.over(data);
        Network example = MainWindow.example();
        System.out.printf(Locale.ROOT, "example %s on %s, %d steps, evaluation every %d steps; grid %d x %d = %d cells%n",
                example.name(), data.name(), setup.settings().steps(), setup.settings().evalEvery(), grid.columns(),
                grid.rows(), grid.size());
        // the JIT's warm-up would otherwise land on the first run's steps
        new Trainer("warm-up", example, data, setup.settings().withSteps(100)).run();
        for (Network network : List.of(example, example.withAllShortcuts(false))) {
            List<NetworkState> states = new ArrayList<>();
            Trainer trainer = new Trainer(network.name(), network, data, setup.settings());
            trainer.addListener(TrainingListener.ofStates(states::add));
            long start = System.nanoTime();
            RunResult result = trainer.run();
            double trainMs = (System.nanoTime() - start) / 1e6;
            double msPerStep = trainMs / result.steps();
            NetworkProbe probe = NetworkProbe.of(states.get(0));
            double[] grids = new double[states.size()];
            for (int i = 0; i < states.size(); i++) {
                probe.load(states.get(i));
                grids[i] = DecisionRegions.compute(probe, grid).nanos() / 1e6;
            }
            // the first passes warm the JIT up: the median of the later ones is what a long session pays
            double[] warm = Arrays.copyOfRange(grids, Math.min(5, grids.length - 1), grids.length);
            Arrays.sort(warm);
            double median = warm[warm.length / 2];
            double between = msPerStep * setup.settings().evalEvery();
            System.out.printf(Locale.ROOT, "%-22s %s: %.2f ms a training step (%.0f ms between evaluations);"
                    + " grid: first %.1f ms, median %.1f ms of %d; one grid per evaluation = %.1f%% of the training time,"
                    + " throttled (9x wait) at most %.1f%%%n", network.name(), network == example ? "" : "(plain twin)",
                    msPerStep, between, grids[0], median, warm.length, 100 * median / between,
                    100 * Math.min(median / between, 0.1));
        }
    }
}

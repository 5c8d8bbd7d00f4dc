package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.ui.training.TrainingSetup;

/**
 * The first-start example, trained headless as the window trains it (its graph, its plain twin, its settings):
 * the training error it shows is no longer far above its test error (decision 0024). The running batch error of
 * the same runs read 18-20% against a 2% test error.
 */
class FirstStartTrainErrorTest {
    /** How far the training error may sit above the test error: the "within 5 points". */
    private static final double POINTS = 0.05;

    @Test
    @DisplayName("the first-start example and its plain twin end with a training error within 5 points of their test"
            + " error, measured at the same evaluation")
    void trainErrorNearTestError() throws DatasetException {
        TrainingSetup setup = TrainingSetup.defaults();
        Dataset data = Datasets.load(setup.dataset(), setup.datasetOptions());
        Network example = MainWindow.example();
        for (Network network : List.of(example, example.withAllShortcuts(false))) {
            List<TrainingSnapshot> snapshots = new ArrayList<>();
            Trainer trainer = new Trainer(network.name(), network, data, setup.settings());
            trainer.addListener(new TrainingListener() {
                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    snapshots.add(snapshot);
                }
            });
            RunResult result = trainer.run();
            assertThat(result.status()).as("%s: %s", network.name(), result.message()).isEqualTo(RunStatus.FINISHED);
            TrainingSnapshot last = snapshots.get(snapshots.size() - 1);
            double running = snapshots.stream().filter(s -> s.step() > last.step() - last.totalSteps() / 10)
                    .mapToDouble(TrainingSnapshot::batchError).average().orElseThrow();
            System.out.printf("first start, %s%s: train error %.4f, test error %.4f, running batch error %.4f%n",
                    network.name(), network == example ? "" : " (plain twin)", result.trainError(), result.testError(),
                    running);
            assertThat(last.trainError()).as("%s: the final snapshot's training error is the result's", network.name())
                    .isEqualTo(result.trainError());
            assertThat(result.trainError()).as("%s: training error (test error %s, running batch error %s)",
                    network.name(), result.testError(), running).isLessThanOrEqualTo(result.testError() + POINTS);
        }
    }
}

package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.TrainingSnapshot;

/** The training error a claim checks: the evaluated one, not the running batch error. */
class TrainErrorFigureTest {

    /** {@code total} steps measured every 10, evaluated every {@code evalEvery}, batch error 0.5 throughout. */
    private static List<TrainingSnapshot> run(int total, int evalEvery) {
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        for (int step = 10; step <= total; step += 10) {
            boolean evaluated = step % evalEvery == 0 || step == total;
            double train = evaluated ? step / 10000.0 : Double.NaN;
            snapshots.add(new TrainingSnapshot("r", step, total, 1, 0.5, train, evaluated ? 0.3 : Double.NaN, 0.1, 10,
                    List.of(), List.of(), List.of()));
        }
        return snapshots;
    }

    @Test
    @DisplayName("with several evaluations in the last tenth of the steps, the mean of their training errors")
    void meanOfTheLastTenth() {
        // 1000 steps evaluated every 20: steps 920, 940, ..., 1000 fall in the last tenth (after step 900)
        assertThat(ExperimentResult.endTrainError(run(1000, 20))).isCloseTo((0.092 + 0.094 + 0.096 + 0.098 + 0.1) / 5,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    @DisplayName("with one evaluation in the last tenth, its training error; never the running batch error")
    void lastEvaluation() {
        assertThat(ExperimentResult.endTrainError(run(600, 100))).isEqualTo(0.06);
    }

    @Test
    @DisplayName("a run never evaluated has no training error")
    void neverEvaluated() {
        List<TrainingSnapshot> early = run(1000, 20).subList(0, 1);
        assertThat(ExperimentResult.endTrainError(early)).isNaN();
        assertThat(ExperimentResult.endTrainError(List.of())).isNaN();
    }
}

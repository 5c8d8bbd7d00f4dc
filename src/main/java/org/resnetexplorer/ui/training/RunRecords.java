package org.resnetexplorer.ui.training;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.TrainingSnapshot;


/**
 * The rows of the run list that one session (the editor's training, or an experiment) keeps up to date, by run
 * name: each pulse's snapshots and each run's result go to its row. Use on the FX thread.
 */
public final class RunRecords {
    private final Map<String, RunRecord> byName = new LinkedHashMap<>();

    public void add(RunRecord record) {
        byName.put(record.name(), record);
    }

    /** The row of {@code run}, or null if it is not one of these. */
    public RunRecord get(String run) {
        return byName.get(run);
    }

    /** The rows, in the order added. */
    public Collection<RunRecord> all() {
        return byName.values();
    }

    public void clear() {
        byName.clear();
    }

    /**
     * A pulse's snapshots, oldest first: each row shows its run's latest step, loss and speed, and the training
     * and test errors of its latest evaluation (measured less often).
     */
    public void update(List<TrainingSnapshot> batch) {
        Map<String, TrainingSnapshot> latest = new LinkedHashMap<>();
        Map<String, TrainingSnapshot> latestEvaluation = new LinkedHashMap<>();
        for (TrainingSnapshot s : batch) {
            latest.put(s.run(), s);
            if (s.hasTestError() || s.hasTrainError()) {
                latestEvaluation.put(s.run(), s);
            }
        }
        latest.forEach((run, s) -> {
            RunRecord record = byName.get(run);
            if (record != null) {
                record.stepProperty().set(s.step());
                record.lossProperty().set(s.loss());
                record.stepsPerSecondProperty().set(s.stepsPerSecond());
            }
        });
        // both errors are measured at the same evaluations (inference mode); between them the list keeps the last
        latestEvaluation.forEach((run, s) -> {
            RunRecord record = byName.get(run);
            if (record != null) {
                if (s.hasTrainError()) {
                    record.trainErrorProperty().set(s.trainError());
                }
                if (s.hasTestError()) {
                    record.testErrorProperty().set(s.testError());
                }
            }
        });
    }

    /** {@code run} ended with {@code result}: the row shows how, at which step, with its message and last errors. */
    public void ended(String run, RunResult result) {
        RunRecord record = byName.get(run);
        if (record == null) {
            return;
        }
        // the status last: whoever watches it (a status listener, a test polling from its own thread) then finds
        // the final step, error and message already in place
        record.stepProperty().set(result.steps());
        if (!Double.isNaN(result.trainError())) {
            record.trainErrorProperty().set(result.trainError());
        }
        if (!Double.isNaN(result.testError())) {
            record.testErrorProperty().set(result.testError());
        }
        record.messageProperty().set(result.message());
        record.statusProperty().set(result.status());
    }
}

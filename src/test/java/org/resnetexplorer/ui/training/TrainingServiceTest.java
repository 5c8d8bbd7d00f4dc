package org.resnetexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;



@ExtendWith(ApplicationExtension.class)
class TrainingServiceTest {
    private static final int STEPS = 60;

    private static Trainer trainer() {
        try {
            Dataset spiral = Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(200).withTestSize(100));
            return new Trainer("spiral", Templates.build("mlp-resnet-2"), spiral, TrainingSettings.defaults()
                    .withSteps(STEPS).withMetricsEvery(1).withEvalEvery(20).withLearningRate(0.02));
        } catch (DatasetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a value on the FX thread, where a Service must be used. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a run in the service delivers every snapshot in order, on the FX thread, in batches per pulse")
    void deliversSnapshotsOnFxThread(FxRobot robot) throws Exception {
        List<TrainingSnapshot> received = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        AtomicBoolean offFxThread = new AtomicBoolean();
        SnapshotQueue queue = new SnapshotQueue(batch -> {
            offFxThread.compareAndSet(false, !Platform.isFxApplicationThread());
            batches.add(batch.size());
            received.addAll(batch);
        });
        TrainingService service = onFx(() -> new TrainingService(TrainingServiceTest::trainer, queue));
        robot.interact(() -> {
            queue.start();
            service.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> service.getState() == Worker.State.SUCCEEDED
                || service.getState() == Worker.State.FAILED));
        robot.interact(queue::stop);

        assertThat(onFx(service::getState)).as("service state, exception %s", onFx(service::getException))
                .isEqualTo(Worker.State.SUCCEEDED);
        assertThat(onFx(service::getValue).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(onFx(() -> service.runStatusProperty().get())).isEqualTo(RunStatus.FINISHED);
        assertThat(offFxThread).as("some batch was delivered off the FX thread").isFalse();
        assertThat(received).extracting(TrainingSnapshot::step).as("every step's snapshot, in order")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, STEPS).boxed().toList());
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(STEPS);
    }

    @Test
    @DisplayName("cancelling the service stops a paused run")
    void cancelStops(FxRobot robot) throws Exception {
        TrainingService service = onFx(() -> new TrainingService(() -> {
            Trainer trainer = trainer();
            trainer.pause();
            return trainer;
        }, new SnapshotQueue(batch -> { })));
        robot.interact(service::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> service.runStatusProperty().get()) == RunStatus.PAUSED);
        robot.interact(service::cancel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> service.trainer().status() == RunStatus.STOPPED);
        assertThat(onFx(service::getState)).isEqualTo(Worker.State.CANCELLED);
    }
}

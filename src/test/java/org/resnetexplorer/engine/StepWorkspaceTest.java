package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.Dataset;

/**
 * The memory a run keeps: its step workspace is sized by a training step (or one part of the test set), not by
 * everything a step and an evaluation made together. When the evaluation ran inside the step's workspace, its parts
 * piled up there and the workspace grew to hold them all: 1.6 GB for cifar-resnet-20 on 28x28 images, kept to the
 * end of the run.
 */
class StepWorkspaceTest {

    @Test
    @DisplayName("evaluating eight parts of the test set leaves the step workspace as large as evaluating one")
    void evaluationDoesNotPileUp() throws Exception {
        assertThat(onItsOwnThread(2000)).as("bytes of the step workspace after evaluating 2,000 test images, 250 at a time")
                .isEqualTo(onItsOwnThread(250));
    }

    /** Workspaces belong to a thread: each run on a new one, so that neither sees what the other left. */
    private static long onItsOwnThread(int testLimit) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(() -> workspaceAfterEvaluating(testLimit)).get();
        } finally {
            thread.shutdown();
        }
    }

    /**
     * The step workspace's largest size at the snapshots of a short run evaluating {@code testLimit} test images
     * every third step (a workspace grows at the step after the one that outgrew it).
     */
    private static long workspaceAfterEvaluating(int testLimit) {
        Dataset data = TrainerTest.tinyImages(64, testLimit, 5);
        TrainingSettings settings = TrainingSettings.defaults().withSteps(6).withBatch(8).withEvalEvery(3)
                .withMetricsEvery(1).withTestLimit(testLimit).withSeed(3);
        List<Long> sizes = new ArrayList<>();
        Trainer trainer = new Trainer("workspace", TrainerTest.tinyCifar(), data, settings);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                // on the trainer's thread, after the evaluation
                sizes.add(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(Nd4jRuntime.STEP_WORKSPACE)
                        .getCurrentSize());
            }

            @Override
            public void status(String run, RunStatus status, String message) {
                // only the sizes matter here
            }
        });
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        return sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Trainers that share a compute permit take turns: never two steps at once, and the same results as alone. */
class SharedComputeTest {
    @Test
    @DisplayName("two trainers sharing a permit never step at the same time, and each trains as it would alone")
    void sharedPermitTakesTurns() throws Exception {
        TrainingSettings settings = TrainerTest.quick(40);
        RunResult alone = new Trainer("alone", TrainerTest.mlp(), TrainerTest.spiral(), settings).run();

        Semaphore permit = new Semaphore(1, true);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Trainer> trainers = List.of(new Trainer("a", TrainerTest.mlp(), TrainerTest.spiral(), settings),
                new Trainer("b", TrainerTest.mlp(), TrainerTest.spiral(), settings));
        for (Trainer trainer : trainers) {
            trainer.shareComputeWith(permit);
            // quick() measures every step: a snapshot is published inside each step, while the permit is held
            trainer.addListener(new TrainingListener() {
                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                }
            });
        }
        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(trainers.get(0)::run);
        CompletableFuture<RunResult> b = CompletableFuture.supplyAsync(trainers.get(1)::run);
        for (RunResult result : List.of(a.get(), b.get())) {
            assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(result.loss()).as("the same loss as a run alone").isEqualTo(alone.loss());
        }
        assertThat(most.get()).as("steps in progress at once").isEqualTo(1);
        assertThat(permit.availablePermits()).as("the permit is handed back").isEqualTo(1);
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/** The insert-block surgery measured without a window: insert, measure, train on. */
class BlockSurgeryTest {
    private static final Network NET = Templates.build("mlp-resnet-4", TemplateOptions.defaults()
            .withInput(Shape.flat(2)).withBatchNorm(true));
    private static final TrainingSettings ON = TrainerTest.quick(20).withEvalEvery(10).withTestLimit(200);

    @Test
    @DisplayName("residual insertions leave the test error exactly as trained, plain ones move it, and each run trains on from there")
    void measures() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        NetworkState trained = CarriedStateTest.trained(NET, spiral, 60);
        BlockSurgery.Findings findings = BlockSurgery.measure("resnet", NET, trained, spiral, ON, (what, done) -> { },
                () -> false);
        assertThat(findings.insertions()).extracting(BlockSurgery.Insertion::name)
                .containsExactly("residual-middle", "residual-end", "plain-middle", "plain-end");
        assertThat(findings.insertions()).extracting(BlockSurgery.Insertion::after)
                .containsExactly("block1.relu2", "block2.relu2", "block1.relu2", "block2.relu2");
        assertThat(findings.largestChange(true)).isZero();
        assertThat(findings.largestChange(false)).isPositive();
        for (BlockSurgery.Insertion insertion : findings.insertions()) {
            assertThat(insertion.steps()).containsExactly(0, 10, 20);
            assertThat(insertion.testErrors()[0]).isEqualTo(insertion.errorAfter());
            assertThat(insertion.result().status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    @DisplayName("the test error of a state is the one its run measured on the same examples")
    void testErrorAsTheRunMeasuredIt() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        List<NetworkState> states = new java.util.ArrayList<>();
        Trainer trainer = new Trainer("resnet", NET, spiral, TrainerTest.quick(40).withTestLimit(150));
        trainer.addListener(TrainingListener.ofStates(states::add));
        RunResult result = trainer.run();
        assertThat(BlockSurgery.testError(states.get(states.size() - 1), spiral.test(), 150))
                .isEqualTo(result.testError());
    }

    @Test
    @DisplayName("stopped, it returns what it measured so far, the interrupted run stopped")
    void stops() throws EngineException {
        Dataset spiral = TrainerTest.spiral();
        NetworkState trained = CarriedStateTest.trained(NET, spiral, 30);
        AtomicBoolean stop = new AtomicBoolean();
        BlockSurgery.Findings findings = BlockSurgery.measure("resnet", NET, trained, spiral, ON,
                (what, done) -> stop.compareAndSet(false, what.contains(Texts.get("insertBlock.plain-middle"))),
                stop::get);
        assertThat(findings.insertions()).hasSize(3);
        assertThat(findings.insertions().get(2).result().status()).isEqualTo(RunStatus.STOPPED);
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The thread rule of the convolutions: more threads only for a run allowed them, and only for large calls. */
class ComputeThreadsTest {

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    @AfterEach
    void backToOne() {
        ComputeThreads.allow(1);
    }

    @Test
    @DisplayName("a run allowed two threads gives them to convolutions of 2^17 output values or more, keeps one below")
    void largeConvolutionsOnly() {
        ComputeThreads.allow(2);

        ComputeThreads.forConvolution(ComputeThreads.MIN_OUTPUT_VALUES - 1);
        assertThat(ComputeThreads.current()).isEqualTo(1);
        ComputeThreads.forConvolution(ComputeThreads.MIN_OUTPUT_VALUES);
        assertThat(ComputeThreads.current()).isEqualTo(2);
        ComputeThreads.forConvolution(1000);
        assertThat(ComputeThreads.current()).isEqualTo(1);
    }

    @Test
    @DisplayName("a run not allowed more keeps one thread for every convolution")
    void oneThreadByDefault() {
        ComputeThreads.forConvolution(Long.MAX_VALUE);

        assertThat(ComputeThreads.current()).isEqualTo(1);
    }

    @Test
    @DisplayName("a training run puts its thread back to one thread when it ends")
    void trainerResets() throws Exception {
        Network network = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withClasses(2).withWidth(4));
        Trainer trainer = new Trainer("threads", network, TrainerTest.tinyImages(40, 20, 1), TrainerTest.quick(3));
        trainer.useThreads(2);

        RunResult result = trainer.run();

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(ComputeThreads.allowed()).isEqualTo(1);
        assertThat(ComputeThreads.current()).isEqualTo(1);
    }
}

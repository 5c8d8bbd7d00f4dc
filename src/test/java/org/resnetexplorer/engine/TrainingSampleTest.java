package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The fixed, seeded sample of training examples a run's training error is measured on. */
class TrainingSampleTest {

    @Test
    @DisplayName("the sample is as large as the test evaluation, min(test limit, training set), of distinct examples")
    void size() {
        int[] sample = TrainingSample.indices(1000, 300, 1);
        assertThat(sample).hasSize(300).doesNotHaveDuplicates().isSorted();
        assertThat(Arrays.stream(sample).allMatch(i -> i >= 0 && i < 1000)).as("indices in the training set").isTrue();
        assertThat(TrainingSample.indices(80, 1000, 1)).as("a training set smaller than the limit: all of it")
                .containsExactly(TrainingSample.first(80, 80));
    }

    @Test
    @DisplayName("the same seed draws the same examples, another seed others, and neither is simply the first ones")
    void fixedPerSeed() {
        assertThat(TrainingSample.indices(5000, 500, 7)).containsExactly(TrainingSample.indices(5000, 500, 7));
        assertThat(TrainingSample.indices(5000, 500, 7)).isNotEqualTo(TrainingSample.indices(5000, 500, 8));
        assertThat(TrainingSample.indices(5000, 500, 7)).isNotEqualTo(TrainingSample.first(5000, 500));
    }

    @Test
    @DisplayName("two runs with the same seed measure the same training error at every evaluation")
    void runsWithTheSameSeed() {
        Network network = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2)));
        Dataset data = TrainerTest.spiral();
        TrainingSettings settings = TrainerTest.quick(40).withEvalEvery(10).withTestLimit(50);
        List<Double> first = trainErrors(network, data, settings);
        assertThat(first).as("one training error per evaluation").hasSize(4).allMatch(e -> e >= 0 && e <= 1);
        assertThat(trainErrors(network, data, settings)).isEqualTo(first);
    }

    private static List<Double> trainErrors(Network network, Dataset data, TrainingSettings settings) {
        List<Double> errors = new ArrayList<>();
        Trainer trainer = new Trainer("run", network, data, settings);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot s) {
                if (s.hasTrainError()) {
                    errors.add(s.trainError());
                }
            }
        });
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        return errors;
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A run's predictions on its test examples: the gallery's order and the confusion matrix agree with the run. */
class PredictionsTest {
    private static final int TEST_LIMIT = 150;
    private static Predictions predictions;
    private static double measuredTestError;

    /** A short run of a small MLP on the spiral: its last state and the test error it measured then. */
    @BeforeAll
    static void train() throws EngineException {
        Network network = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2)));
        Dataset data = TrainerTest.spiral();
        List<NetworkState> states = new ArrayList<>();
        List<TrainingSnapshot> snapshots = new ArrayList<>();
        Trainer trainer = new Trainer("run", network, data, TrainerTest.quick(40).withTestLimit(TEST_LIMIT));
        trainer.addListener(snapshots::add);
        trainer.addListener(TrainingListener.ofStates(states::add));
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        NetworkState last = states.get(states.size() - 1);
        measuredTestError = snapshots.stream().filter(s -> s.step() == last.step()).findFirst().orElseThrow().testError();
        predictions = Predictions.of(NetworkProbe.of(last), "run", data.test(), TEST_LIMIT);
    }

    @Test
    @DisplayName("the confusion matrix counts every test example predicted, and its diagonal is 1 - the run's test error")
    void matrixAgreesWithTheRun() {
        ConfusionMatrix matrix = predictions.confusion();
        assertThat(predictions.count()).isEqualTo(TEST_LIMIT);
        assertThat(matrix.total()).as("the matrix sums to the test count").isEqualTo(TEST_LIMIT);
        int rows = 0;
        for (int c = 0; c < matrix.classes(); c++) {
            rows += matrix.rowSum(c);
        }
        assertThat(rows).isEqualTo(TEST_LIMIT);
        assertThat(measuredTestError).as("the run is neither perfect nor hopeless, so the check means something")
                .isBetween(0.01, 0.9);
        assertThat((double) matrix.right() / matrix.total()).as("diagonal over sum")
                .isCloseTo(1 - measuredTestError, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(matrix.error()).isCloseTo(measuredTestError, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(predictions.step()).isEqualTo(40);
    }

    @Test
    @DisplayName("the gallery's order puts every error before every right prediction, surest errors first")
    void errorsFirst() {
        int[] order = predictions.order(-1, false);
        assertThat(order).hasSize(predictions.count());
        int firstRight = 0;
        while (firstRight < order.length && !predictions.right(order[firstRight])) {
            firstRight++;
        }
        assertThat(firstRight).as("errors at the front").isEqualTo(errors());
        for (int k = firstRight; k < order.length; k++) {
            assertThat(predictions.right(order[k])).as("example at place %d is right", k).isTrue();
        }
        for (int k = 1; k < firstRight; k++) {
            assertThat(predictions.confidence(order[k])).isLessThanOrEqualTo(predictions.confidence(order[k - 1]));
        }
        for (int k = firstRight + 1; k < order.length; k++) {
            assertThat(predictions.confidence(order[k])).isGreaterThanOrEqualTo(predictions.confidence(order[k - 1]));
        }
        int[] errorsOnly = predictions.order(-1, true);
        assertThat(errorsOnly).as("errors only").hasSize(errors());
        assertThat(java.util.Arrays.stream(errorsOnly).noneMatch(predictions::right)).as("no right one among them").isTrue();
    }

    @Test
    @DisplayName("a class filter keeps the examples of that true class only, in the same order")
    void classFilter() {
        int[] all = predictions.order(-1, false);
        for (int c = 0; c < predictions.classes(); c++) {
            int chosen = c;
            int[] filtered = predictions.order(c, false);
            assertThat(filtered).hasSize(predictions.confusion().rowSum(c));
            assertThat(filtered).containsExactly(java.util.Arrays.stream(all).filter(i -> predictions.truth(i) == chosen)
                    .toArray());
        }
    }

    @Test
    @DisplayName("a row-normalised row sums to 1, a class without examples to 0, and wrong labels are refused")
    void rowShares() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 0, 1, 0});
        assertThat(matrix.count(0, 0)).isEqualTo(2);
        assertThat(matrix.count(0, 1)).isEqualTo(1);
        assertThat(matrix.rowShare(0, 0)).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(matrix.rowShare(1, 0) + matrix.rowShare(1, 1) + matrix.rowShare(1, 2)).isEqualTo(1.0);
        assertThat(matrix.rowShare(2, 2)).isZero();
        assertThat(matrix.right()).isEqualTo(3);
        assertThat(matrix.error()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> ConfusionMatrix.of(2, new int[] {0, 2}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..1");
    }

    private static int errors() {
        int errors = 0;
        for (int i = 0; i < predictions.count(); i++) {
            errors += predictions.right(i) ? 0 : 1;
        }
        return errors;
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A run whose network cannot fit in memory is refused before anything is allocated (decision 0018). */
@DisplayName("Runs too large for memory")
class RunMemoryTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    private static Dataset spiral() throws DatasetException {
        return Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(200).withTestSize(100));
    }

    private static Network mlp(String name, int width) {
        return Templates.build(name, TemplateOptions.defaults().withWidth(width));
    }

    private static TrainingSettings quick() {
        return TrainingSettings.defaults().withSteps(2).withBatch(16);
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {100_000, 1_000_000, 46_341, Integer.MAX_VALUE / 2})
    @DisplayName("an MLP too wide for memory is refused by check() and ends FAILED in run(), at once and with the figures")
    void tooWide(int width) throws DatasetException {
        Network network = mlp("mlp-plain-1", width);
        Dataset data = spiral();
        long params = Analysis.of(network).totalParams();
        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThatThrownBy(() -> Trainer.check(network, data, quick())).isInstanceOf(EngineException.class)
                    .hasMessageStartingWith(String.format("'mlp-plain-1' has %,d parameters and its layers output", params))
                    .hasMessageContaining("more than the").hasMessageEndingWith("or the batch smaller");
            RunResult result = new Trainer("wide", network, data, quick()).run();
            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.message()).startsWith("'mlp-plain-1' has ").doesNotContain("step 0");
        });
    }

    @Test
    @DisplayName("a width whose counts pass a long is refused as a network that cannot train, naming the layer")
    void widthPastCounting() throws DatasetException {
        Network network = mlp("mlp-resnet-8", Integer.MAX_VALUE);
        assertThatThrownBy(() -> Trainer.check(network, spiral(), quick())).isInstanceOf(EngineException.class)
                .hasMessage("'mlp-resnet-8' cannot train yet: Dense 'block1.dense2' has more parameters or multiply-adds"
                        + " than can be counted (over 9,223,372,036,854,775,807 with the layers before it): make it"
                        + " smaller (fewer units or filters, or a smaller input)");
    }

    @Test
    @DisplayName("a run is refused one byte over its estimate (its batch, and one test example at a time) and accepted at it")
    void budgetBoundary() throws Exception {
        Network network = mlp("mlp-resnet-4", 32);
        Dataset data = spiral();
        TrainingSettings settings = quick();
        Analysis analysis = Analysis.of(network);
        long activations = RunMemory.activations(analysis);
        long estimate = RunMemory.estimate(analysis.totalParams(), activations, settings.batch(), 1);
        assertThat(estimate).isEqualTo(52 * analysis.totalParams() + 20L * 16 * activations + 10L * activations);
        assertThatCode(() -> Trainer.checked(network, data, settings, estimate)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Trainer.checked(network, data, settings, estimate - 1))
                .isInstanceOf(EngineException.class).hasMessageContaining("with 16 examples at a time");
    }

    @Test
    @DisplayName("the test error is measured as many examples at a time as fit beside the training batch, up to the wanted"
            + " number and at least one")
    void evaluationBatch() {
        Analysis analysis = Analysis.of(mlp("mlp-resnet-4", 32));
        long activations = RunMemory.activations(analysis);
        long training = RunMemory.estimate(analysis.totalParams(), activations, 16, 0);
        for (int fitting : new int[] {1, 2, 37, 249, 250, 251, 10_000}) {
            long budget = training + fitting * 10L * activations;
            assertThat(RunMemory.evaluationBatch(analysis, 16, 250, budget)).as("room for %d", fitting)
                    .isEqualTo(Math.min(250, fitting));
            assertThat(RunMemory.evaluationBatch(analysis, 16, 250, budget - 1)).as("room for %d less a byte", fitting)
                    .isEqualTo(Math.max(1, Math.min(250, fitting - 1)));
        }
        assertThat(RunMemory.evaluationBatch(analysis, 16, 250, 0)).isEqualTo(1);
        assertThat(RunMemory.evaluationBatch(analysis, 16, 250, Long.MAX_VALUE)).isEqualTo(250);
        Analysis huge = Analysis.of(Templates.build("mlp-plain-1", TemplateOptions.defaults()
                .withInput(org.resnetexplorer.graph.Shape.flat(100_000_000))));
        assertThat(RunMemory.evaluationBatch(huge, 100, 250, Long.MAX_VALUE)).as("examples of 10^8 values in one array")
                .isEqualTo(21);
    }

    @Test
    @DisplayName("a network on images evaluates the test error no more examples at a time than it trains, an MLP 250")
    void evaluationBatchOfImages() {
        Analysis cnn = Analysis.of(Templates.build("cifar-resnet-20", TemplateOptions.defaults()
                .withInput(org.resnetexplorer.graph.Shape.image(1, 28, 28)).withClasses(10)));
        assertThat(RunMemory.evaluationBatch(cnn, 64, 250, Long.MAX_VALUE)).isEqualTo(64);
        assertThat(RunMemory.evaluationBatch(cnn, 300, 250, Long.MAX_VALUE)).isEqualTo(250);
        assertThat(RunMemory.evaluationBatch(Analysis.of(mlp("mlp-resnet-20", 16)), 64, 250, Long.MAX_VALUE))
                .isEqualTo(250);
    }

    @Test
    @DisplayName("even with memory to spare, the parameters must fit one array and a batch the array it is copied into")
    void arrayLimits() throws DatasetException {
        Dataset data = spiral();
        assertThatThrownBy(() -> Trainer.checked(mlp("mlp-plain-1", 100_000), data, quick(), Long.MAX_VALUE))
                .hasMessage("'mlp-plain-1' has 10,000,600,002 parameters, more than the engine can hold (2,147,483,639):"
                        + " make the network smaller (fewer units or filters)");
        assertThatThrownBy(() -> Trainer.checked(mlp("mlp-plain-1", 16), data,
                quick().withBatch(Integer.MAX_VALUE), Long.MAX_VALUE))
                .hasMessage("a batch of 2,147,483,647 examples of 2 values is more values than one array holds"
                        + " (2,147,483,639): use a smaller batch");
    }

    @Test
    @DisplayName("the estimate of generated sizes is exact when it fits a long and saturates when it does not")
    void generatedEstimates() {
        Random random = new Random(41);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        for (int trial = 0; trial < 5000; trial++) {
            long params = random.nextLong() >>> random.nextInt(1, 64);
            long activations = random.nextLong() >>> random.nextInt(1, 64);
            int batch = 1 + (random.nextInt(Integer.MAX_VALUE) >>> random.nextInt(31));
            int evaluated = random.nextInt(251);
            BigInteger exact = BigInteger.valueOf(params).multiply(BigInteger.valueOf(52))
                    .add(BigInteger.valueOf(activations).multiply(BigInteger.valueOf(batch)).multiply(BigInteger.valueOf(20)))
                    .add(BigInteger.valueOf(activations).multiply(BigInteger.valueOf(evaluated)).multiply(BigInteger.valueOf(10)));
            long estimate = RunMemory.estimate(params, activations, batch, evaluated);
            assertThat(BigInteger.valueOf(estimate)).as("%d params, %d activations, batch %d", params, activations, batch)
                    .isEqualTo(exact.min(max));
        }
    }

    @Test
    @DisplayName("the templates the app and its tests train fit with room to spare")
    void ordinaryRunsFit() throws DatasetException {
        Dataset data = spiral();
        for (String name : new String[] {"mlp-resnet-20", "mlp-plain-20", "mlp-resnet-110"}) {
            Network network = Templates.build(name);
            assertThatCode(() -> Trainer.check(network, data, quick().withBatch(1024))).as(name)
                    .doesNotThrowAnyException();
        }
    }
}

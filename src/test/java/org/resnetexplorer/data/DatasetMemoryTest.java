package org.resnetexplorer.data;

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

/** A dataset that cannot fit in memory is refused before anything is allocated (decision 0018). */
@DisplayName("Dataset sizes that cannot fit in memory")
class DatasetMemoryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spiral", "circles", "xor", "gauss", "moons"})
    @DisplayName("two billion generated points, or a training size of 2^31-1 (a preset's), are refused at once with the"
            + " memory they would need")
    void hugeGeneratedSets(String name) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThatThrownBy(() -> Datasets.load(name, DatasetOptions.defaults().withTrainSize(2_000_000_000)))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageStartingWith(name + ": 2,000,000,000 training and 500 test examples of 2 values need"
                            + " 24 GB of memory, more than the ")
                    .hasMessageEndingWith("a dataset may take here (half of what Java may use): ask for fewer examples,"
                            + " or give Java more memory (-Xmx)");
            assertThatThrownBy(() -> Datasets.load(name, DatasetOptions.defaults().withTrainSize(Integer.MAX_VALUE)))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("2,147,483,647 training");
            assertThatThrownBy(() -> Datasets.load(name, DatasetOptions.defaults().withTestSize(Integer.MAX_VALUE)))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("2,147,483,647 test");
        });
    }

    @Test
    @DisplayName("generated sizes are refused exactly when their bytes, counted without overflow, pass the budget or one"
            + " split passes an array")
    void generatedSizes() {
        Random random = new Random(17);
        for (int trial = 0; trial < 5000; trial++) {
            long train = random.nextInt(Integer.MAX_VALUE) >>> random.nextInt(31);
            long test = random.nextInt(Integer.MAX_VALUE) >>> random.nextInt(31);
            long values = 1 + (random.nextLong() >>> (2 + random.nextInt(62)));
            long budget = random.nextLong() >>> random.nextInt(1, 64);
            BigInteger bytes = BigInteger.valueOf(train).add(BigInteger.valueOf(test))
                    .multiply(BigInteger.valueOf(values).multiply(BigInteger.valueOf(4)).add(BigInteger.valueOf(4)));
            boolean fits = bytes.compareTo(BigInteger.valueOf(budget)) <= 0
                    && BigInteger.valueOf(Math.max(train, test)).multiply(BigInteger.valueOf(values))
                            .compareTo(BigInteger.valueOf(DatasetMemory.MAX_ARRAY)) <= 0;
            String what = train + " + " + test + " examples of " + values + " values, budget " + budget;
            if (fits) {
                assertThatCode(() -> DatasetMemory.require("d", train, test, values, budget)).as(what)
                        .doesNotThrowAnyException();
                assertThat(DatasetMemory.bytes(train, test, values)).as(what).isEqualTo(bytes.longValueExact());
            } else {
                assertThatThrownBy(() -> DatasetMemory.require("d", train, test, values, budget)).as(what)
                        .isInstanceOf(DatasetException.class).hasMessageNotContainingAny("-1", "-2", "-3", "-4", "-5", "-6",
                                "-7", "-8", "-9");
            }
        }
    }

    @Test
    @DisplayName("full CIFAR-10 (60,000 images of 3,072 values, 738 MB) fits a budget of 1 GB and not one of 512 MB")
    void cifarSized() throws DatasetException {
        DatasetMemory.require("cifar10", 50_000, 10_000, 3 * 32 * 32, 1_000_000_000);
        assertThatThrownBy(() -> DatasetMemory.require("cifar10", 50_000, 10_000, 3 * 32 * 32, 512_000_000))
                .hasMessage("cifar10: 50,000 training and 10,000 test examples of 3,072 values need 738 MB of memory,"
                        + " more than the 512 MB a dataset may take here (half of what Java may use): ask for fewer"
                        + " examples, or give Java more memory (-Xmx)");
    }

    @Test
    @DisplayName("one split with more values than an array holds is refused even when memory would suffice")
    void arrayLimit() {
        assertThatThrownBy(() -> DatasetMemory.require("big", 700_000_000, 1, 4, Long.MAX_VALUE))
                .hasMessage("big: 700,000,000 examples of 4 values are more values than one array holds"
                        + " (2,147,483,639): ask for fewer examples");
    }

    @Test
    @DisplayName("the default sizes and the bundled subset are far inside the budget")
    void defaultsFit() throws DatasetException {
        assertThat(DatasetMemory.budget()).isEqualTo(Runtime.getRuntime().maxMemory() / 2);
        assertThat(Datasets.load("spiral", null).train().size()).isEqualTo(1000);
        assertThat(Datasets.load("fashion-mnist", null).train().size()).isEqualTo(6000);
    }
}

package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {

    @ParameterizedTest(name = "{0} has {1} parameters")
    @DisplayName("ImageNet ResNets have exactly the parameter counts of the widely used implementation")
    @CsvSource({"resnet-18, 11689512", "resnet-34, 21797672", "resnet-50, 25557032", "resnet-101, 44549160",
            "resnet-152, 60192808"})
    void imageNetParameters(String name, long expected) {
        Analysis analysis = Analysis.of(Templates.build(name));
        assertThat(analysis.problems()).as("problems of %s", name).isEmpty();
        assertThat(analysis.totalParams()).as("parameters of %s", name).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} has about {1} billion multiply-adds")
    @DisplayName("ImageNet ResNets have the paper's multiply-adds within 10%")
    @CsvSource({"resnet-18, 1.8", "resnet-34, 3.6", "resnet-50, 3.8", "resnet-101, 7.6", "resnet-152, 11.3"})
    void imageNetMultiplyAdds(String name, double billions) {
        double macs = Analysis.of(Templates.build(name)).totalMacs() / 1e9;
        assertThat(macs).as("multiply-adds of %s in billions", name).isCloseTo(billions, within(billions * 0.10));
    }

    @ParameterizedTest(name = "cifar-resnet-{0} has about {1} million parameters")
    @DisplayName("CIFAR ResNets have the parameters of the paper's Table 6 within 2%")
    @CsvSource({"20, 0.27", "32, 0.46", "44, 0.66", "56, 0.85", "110, 1.7", "1202, 19.4"})
    void cifarParameters(int depth, double millions) {
        Analysis analysis = Analysis.of(Templates.build("cifar-resnet-" + depth));
        assertThat(analysis.isValid()).as("cifar-resnet-%d is valid: %s", depth, analysis.problems()).isTrue();
        assertThat(analysis.totalParams() / 1e6).as("parameters of cifar-resnet-%d in millions", depth)
                .isCloseTo(millions, within(millions * 0.02));
    }

    @ParameterizedTest(name = "depth {0}")
    @DisplayName("a CIFAR plain net has exactly the parameters of its ResNet (option A adds none)")
    @ValueSource(ints = {8, 20, 56, 110})
    void cifarPlainTwinHasSameParameters(int depth) {
        long resnet = Analysis.of(Templates.build("cifar-resnet-" + depth)).totalParams();
        Analysis plain = Analysis.of(Templates.build("cifar-plain-" + depth));
        assertThat(plain.isValid()).isTrue();
        assertThat(plain.totalParams()).isEqualTo(resnet);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a CIFAR net of 6n+2 layers has 6n+2 weighted layers")
    @ValueSource(ints = {8, 14, 20, 32, 110})
    void cifarDepthCountsWeightedLayers(int depth) {
        for (String family : new String[] {"cifar-resnet-", "cifar-plain-", "cifar-preact-resnet-"}) {
            Network network = Templates.build(family + depth);
            long weighted = network.nodes().stream().filter(n -> n.layer() instanceof Conv2D || n.layer() instanceof Dense).count();
            assertThat(weighted).as("weighted layers of %s%d", family, depth).isEqualTo(depth);
        }
    }
}

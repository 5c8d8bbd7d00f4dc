package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.TrainedValues;

/** The values a training script starts from are those a compile of the same network and seed starts from. */
class InitialValuesTest {
    @Test
    @DisplayName("a CNN with BatchNorm and projections starts, bit for bit, where a compile with the seed starts")
    void sameAsACompile() throws Exception {
        Nd4jRuntime.start();
        for (long seed : new long[] {1, 42}) {
            Network network = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(3, 8, 8))
                    .withWidth(4).withShortcut(ShortcutOption.B));
            List<TrainedValues.Tensor> compiled = CompiledNetwork.compile(network, DataType.FLOAT, seed)
                    .state("run", 0).trainedValues().tensors();
            List<TrainedValues.Tensor> initial = InitialValues.of(network, seed).tensors();
            assertThat(initial).hasSameSizeAs(compiled);
            for (int i = 0; i < initial.size(); i++) {
                TrainedValues.Tensor expected = compiled.get(i);
                assertThat(initial.get(i).node()).isEqualTo(expected.node());
                assertThat(initial.get(i).part()).isEqualTo(expected.part());
                assertThat(initial.get(i).values()).as("%s %s with seed %d", expected.node(), expected.part(), seed)
                        .containsExactly(expected.values());
            }
        }
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.EveryKind;
import org.resnetexplorer.graph.Flatten;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shortcut;

/**
 * The engine's two chains over the layer kinds, {@link CompiledNetwork}'s choice of an engine layer and
 * {@link Initialiser}'s parameters, handle every kind the graph model permits: a kind added to
 * {@link LayerSpec} fails here until both know it.
 */
class EveryLayerKindTest {
    /** The engine layers a node of each kind may compile to (none: the Input and Output are the network's ends). */
    private static final Map<Class<?>, List<Class<? extends Layer>>> ENGINE_LAYERS = Map.ofEntries(
            Map.entry(Input.class, List.of()),
            Map.entry(Dense.class, List.of(DenseLayer.class)),
            Map.entry(Conv2D.class, List.of(ConvLayer.class)),
            Map.entry(BatchNorm.class, List.of(BatchNormLayer.class)),
            // a ReLU of its own, or one a Dense, BatchNorm or Add before it computes (then it passes values on)
            Map.entry(Activation.class, List.of(ReluLayer.class, ActivationLayer.class)),
            // an Add followed by its ReLU adds and rectifies in one layer
            Map.entry(Add.class, List.of(AddLayer.class, ReluLayer.class)),
            Map.entry(Shortcut.class, List.of(ShortcutLayer.class)),
            Map.entry(MaxPool.class, List.of(PoolLayer.class)),
            Map.entry(AvgPool.class, List.of(PoolLayer.class)),
            Map.entry(GlobalAvgPool.class, List.of(PoolLayer.class)),
            Map.entry(Flatten.class, List.of(ReshapeLayer.class)),
            Map.entry(Dropout.class, List.of(DropoutLayer.class)),
            Map.entry(Output.class, List.of()));

    @Test
    @DisplayName("every layer kind compiles to an engine layer of its kind (the Input and the Output to none)")
    void everyKindCompiles() throws EngineException {
        assertThat(ENGINE_LAYERS.keySet()).as("the kinds this test knows")
                .containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
        Network network = EveryKind.network();
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 1);
        for (Node node : network.nodes()) {
            List<Class<? extends Layer>> expected = ENGINE_LAYERS.get(node.layer().getClass());
            if (expected.isEmpty()) {
                assertThat(compiled.layer(node.name())).as("engine layer of %s", node.name()).isEmpty();
            } else {
                assertThat(compiled.layer(node.name())).as("engine layer of %s (%s)", node.name(), node.layer().kind())
                        .get().extracting(Object::getClass).isIn(expected);
            }
        }
    }

    @Test
    @DisplayName("the initialiser gives every layer kind exactly the parameters the graph model counts for it:"
            + " weights drawn, biases and beta 0, gamma 1")
    void everyKindInitialised() {
        Network network = EveryKind.network();
        Analysis analysis = Analysis.of(network);
        List<Parameters.Spec> specs = new Initialiser(analysis, 1).specs();
        Map<String, Long> values = specs.stream().collect(Collectors.groupingBy(Parameters.Spec::node,
                Collectors.summingLong(s -> s.initial().length)));
        for (Node node : network.nodes()) {
            long counted = analysis.facts(node.name()).orElseThrow().params();
            assertThat(values.getOrDefault(node.name(), 0L)).as("start values of %s (%s)", node.name(), node.layer().kind())
                    .isEqualTo(counted);
        }
        assertThat(network.nodes().stream().filter(n -> analysis.facts(n.name()).orElseThrow().params() > 0)
                .<Class<?>>map(n -> n.layer().getClass()).distinct())
                .as("the kinds with parameters, each checked above")
                .containsExactlyInAnyOrder(Dense.class, Conv2D.class, BatchNorm.class, Shortcut.class);
        for (Parameters.Spec spec : specs) {
            switch (spec.role()) {
                case WEIGHT -> assertThat(spec.initial()).as("weights of %s, drawn", spec.node()).doesNotContain(0.0);
                case BIAS, BETA -> assertThat(spec.initial()).as("%s of %s", spec.role(), spec.node()).containsOnly(0.0);
                case GAMMA -> assertThat(spec.initial()).as("gamma of %s", spec.node()).containsOnly(1.0);
                default -> throw new AssertionError(spec.role());
            }
        }
    }
}

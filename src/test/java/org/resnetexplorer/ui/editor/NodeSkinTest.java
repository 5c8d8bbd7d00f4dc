package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Flatten;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;

/** What a layer's box says under its name: every layer kind, with the settings a student looks for first. */
class NodeSkinTest {
    /** A layer of every kind (some twice, with and without their optional part) and the line its box shows. */
    private static final Map<LayerSpec, String> SAMPLES = samples(
            new Input(Shape.image(3, 32, 32)), "Input",
            new Dense(64, true), "Dense 64",
            new Conv2D(16, 3, 1, 1, false), "Conv 3x3, 16",
            new Conv2D(32, 3, 2, 1, true), "Conv 3x3/2, 32",
            new BatchNorm(), "BatchNorm",
            new Activation(ActivationFunction.RELU), "ReLU",
            new Activation(ActivationFunction.TANH), "Tanh",
            new Add(), "Add",
            new Shortcut(ShortcutOption.A, 16, 1), "Shortcut A",
            new Shortcut(ShortcutOption.B, 32, 2), "Shortcut B, /2",
            new MaxPool(3, 2, 1), "MaxPool 3x3/2",
            new AvgPool(2, 2, 0), "AvgPool 2x2/2",
            new GlobalAvgPool(), "GlobalAvgPool",
            new Flatten(), "Flatten",
            new Dropout(0.2), "Dropout 0.2",
            new Output(10), "Softmax, 10 classes");

    private static Map<LayerSpec, String> samples(Object... layerThenText) {
        Map<LayerSpec, String> samples = new LinkedHashMap<>();
        for (int i = 0; i < layerThenText.length; i += 2) {
            samples.put((LayerSpec) layerThenText[i], (String) layerThenText[i + 1]);
        }
        return samples;
    }

    @Test
    @DisplayName("the samples hold a layer of every kind LayerSpec permits (a new kind needs its line here)")
    void samplesCoverEveryKind() {
        List<Class<?>> kinds = SAMPLES.keySet().stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(kinds).as("layer kinds with a sample").containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
    }

    @Test
    @DisplayName("every layer kind is described on its box with its own settings")
    void everyKindDescribed() {
        Map<LayerSpec, String> described = SAMPLES.keySet().stream()
                .collect(Collectors.toMap(layer -> layer, NodeSkin::describe, (a, b) -> a, LinkedHashMap::new));
        assertThat(described).as("NodeSkin.describe of each sample").containsExactlyEntriesOf(SAMPLES);
    }
}

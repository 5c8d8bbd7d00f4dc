package org.resnetexplorer.ui.inspector;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Shape;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.assertThat;



class LayerSettingsTest {

    @Test
    @DisplayName("a layer's settings are its record's components, in order, with labels and edit types")
    void readsSettings() {
        assertThat(LayerSettings.of(new Conv2D(16, 3, 2, 1, false)))
                .extracting(LayerSettings.Setting::label, LayerSettings.Setting::type, LayerSettings.Setting::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Filters", Integer.class, 16),
                        org.assertj.core.groups.Tuple.tuple("Kernel", Integer.class, 3),
                        org.assertj.core.groups.Tuple.tuple("Stride", Integer.class, 2),
                        org.assertj.core.groups.Tuple.tuple("Padding", Integer.class, 1),
                        org.assertj.core.groups.Tuple.tuple("Bias", Boolean.class, false));
        assertThat(LayerSettings.of(new Input(Shape.image(3, 32, 32)))).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("3,32,32"));
    }

    @Test
    @DisplayName("changing one setting keeps the others; text, enums and shapes convert")
    void changesOneSetting() {
        assertThat(LayerSettings.with(new Conv2D(16, 3, 2, 1, false), "filters", "32"))
                .isEqualTo(new Conv2D(32, 3, 2, 1, false));
        assertThat(LayerSettings.with(new Dense(16, true), "bias", false)).isEqualTo(new Dense(16, false));
        assertThat(LayerSettings.with(Activation.RELU, "function", ActivationFunction.TANH))
                .isEqualTo(new Activation(ActivationFunction.TANH));
        assertThat(LayerSettings.with(new Input(Shape.flat(2)), "shape", "1,28,28"))
                .isEqualTo(new Input(Shape.image(1, 28, 28)));
    }

    @Test
    @DisplayName("an invalid value is refused with the layer's own message, or one naming the setting")
    void refusesInvalidValues() {
        assertThatThrownBy(() -> LayerSettings.with(new Conv2D(16, 3, 1, 1, false), "kernel", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("kernel must be at least 1 (got 0)");
        assertThatThrownBy(() -> LayerSettings.with(new Dense(16, true), "units", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Units must be a whole number (got 'many')");
        assertThatThrownBy(() -> LayerSettings.with(new Input(Shape.flat(2)), "shape", "2,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
    }
}

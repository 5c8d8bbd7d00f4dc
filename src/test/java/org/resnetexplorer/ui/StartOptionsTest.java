package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Analysis;

/** The benchmarks' start hook, without a window (StartHookWindowTest opens one with it). */
class StartOptionsTest {

    @Test
    @DisplayName("the Training panel's fields are read as key=value pairs separated by commas")
    void trainingFields() throws BackingStoreException {
        Preferences fields = new StartOptions("cifar-resnet-20", null, " dataset=fashion-mnist, downscale=true,,steps=120 ")
                .trainingFields();
        assertThat(fields.keys()).containsExactlyInAnyOrder("dataset", "downscale", "steps");
        assertThat(fields.get("dataset", null)).isEqualTo("fashion-mnist");
        assertThat(fields.getBoolean("downscale", false)).isTrue();
        assertThat(fields.getInt("steps", 0)).isEqualTo(120);
        assertThat(new StartOptions("mlp-resnet-8", null, "").trainingFields().keys()).isEmpty();
    }

    @Test
    @DisplayName("a pair without a key and a value is refused, naming the property")
    void refusesPairWithoutEquals() {
        assertThatThrownBy(() -> new StartOptions("cifar-resnet-20", null, "dataset").trainingFields())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resnetexplorer.training: 'dataset' is not key=value");
        assertThatThrownBy(() -> new StartOptions("cifar-resnet-20", null, "=spiral").trainingFields())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the template is built by name, at the width asked for or its own")
    void network() {
        assertThat(new StartOptions("cifar-resnet-20", 8, "").network().name()).isEqualTo("cifar-resnet-20");
        long narrow = Analysis.of(new StartOptions("cifar-resnet-20", 8, "").network()).totalParams();
        long own = Analysis.of(new StartOptions("cifar-resnet-20", null, "").network()).totalParams();
        assertThat(narrow).isLessThan(own);
    }

    @Test
    @DisplayName("nothing is asked for unless a template is named")
    void onlyWithTemplate() {
        String before = System.getProperty(StartOptions.OPEN_PROPERTY);
        try {
            System.clearProperty(StartOptions.OPEN_PROPERTY);
            assertThat(StartOptions.fromSystemProperties()).isEmpty();
            System.setProperty(StartOptions.OPEN_PROPERTY, " mlp-resnet-8 ");
            assertThat(StartOptions.fromSystemProperties()).get().extracting(StartOptions::template).isEqualTo("mlp-resnet-8");
        } finally {
            if (before == null) {
                System.clearProperty(StartOptions.OPEN_PROPERTY);
            } else {
                System.setProperty(StartOptions.OPEN_PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("an experiment is opened at the start only when one is named (bench/memory.sh e ID)")
    void experimentOnlyWhenNamed() {
        String before = System.getProperty(StartOptions.EXPERIMENT_PROPERTY);
        try {
            System.setProperty(StartOptions.EXPERIMENT_PROPERTY, " ");
            assertThat(StartOptions.experiment()).isEmpty();
            System.setProperty(StartOptions.EXPERIMENT_PROPERTY, " degradation-images ");
            assertThat(StartOptions.experiment()).contains("degradation-images");
        } finally {
            if (before == null) {
                System.clearProperty(StartOptions.EXPERIMENT_PROPERTY);
            } else {
                System.setProperty(StartOptions.EXPERIMENT_PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("a chart tab is shown at the start only when one is named (bench/ui.sh with CHART=ID)")
    void chartOnlyWhenNamed() {
        String before = System.getProperty(StartOptions.CHART_PROPERTY);
        try {
            System.clearProperty(StartOptions.CHART_PROPERTY);
            assertThat(StartOptions.chart()).isEmpty();
            System.setProperty(StartOptions.CHART_PROPERTY, " gradient-heatmap ");
            assertThat(StartOptions.chart()).contains("gradient-heatmap");
        } finally {
            if (before == null) {
                System.clearProperty(StartOptions.CHART_PROPERTY);
            } else {
                System.setProperty(StartOptions.CHART_PROPERTY, before);
            }
        }
    }
}

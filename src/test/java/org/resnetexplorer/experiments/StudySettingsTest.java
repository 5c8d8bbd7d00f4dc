package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preset's study: its settings read with fallbacks and ranges, and every mistake named with the file and field. */
class StudySettingsTest {
    private static StudySettings settings(String json) throws Exception {
        return new StudySettings(new ObjectMapper().readTree(json), "mine.json");
    }

    @Test
    @DisplayName("absent fields take their fallback, present ones are read within their range")
    void readsWithFallbacks() throws Exception {
        StudySettings s = settings("{\"kind\": \"x\", \"grid\": 21, \"range\": 0.5, \"depths\": [2, 8, 20], \"axis\": \"filter\"}");
        assertThat(s.integer("grid", 11, 3, 51)).isEqualTo(21);
        assertThat(s.integer("repeats", 5, 1, 100)).isEqualTo(5);
        assertThat(s.number("range", 1, 0.01, 10)).isEqualTo(0.5);
        assertThat(s.integers("depths", List.of(4), 1, 100)).containsExactly(2, 8, 20);
        assertThat(s.choice("axis", "layer", Set.of("filter", "layer"))).isEqualTo("filter");
        s.only(Set.of("grid", "range", "depths", "axis"));
    }

    @Test
    @DisplayName("a value out of range, of the wrong type or an unknown field names the file, the field and the range")
    void mistakesAreNamed() throws Exception {
        StudySettings s = settings("{\"kind\": \"x\", \"grid\": 500, \"range\": \"wide\", \"depths\": [2, -1], \"axis\": 3,"
                + " \"gird\": 21}");
        assertThatThrownBy(() -> s.integer("grid", 21, 3, 51)).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("mine.json").hasMessageContaining("\"study.grid\"").hasMessageContaining("3 to 51");
        assertThatThrownBy(() -> s.number("range", 1, 0.01, 10)).hasMessageContaining("\"study.range\"")
                .hasMessageContaining("wide");
        assertThatThrownBy(() -> s.integers("depths", List.of(), 1, 100)).hasMessageContaining("\"study.depths\"")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> s.choice("axis", "layer", Set.of("filter", "layer"))).hasMessageContaining("filter, layer");
        assertThatThrownBy(() -> s.only(Set.of("grid", "range", "depths", "axis"))).hasMessageContaining("\"gird\"")
                .hasMessageContaining("use axis, depths, grid, range");
    }

    @Test
    @DisplayName("settings read from two places are equal when their fields are")
    void equalByContent() throws Exception {
        assertThat(settings("{\"kind\": \"x\", \"grid\": 21}"))
                .isEqualTo(new StudySettings(new ObjectMapper().readTree("{\"grid\": 21, \"kind\": \"x\"}"), "other.json"))
                .isNotEqualTo(settings("{\"kind\": \"x\", \"grid\": 22}"));
    }

    @Test
    @DisplayName("a preset naming an unknown study, or claiming a study's figure without a study, is refused clearly")
    void presetsWithStudiesAreChecked(@TempDir Path folder) throws Exception {
        String good = Experiments.bundledText("degradation");
        Path file = folder.resolve("study.json");
        Files.writeString(file, good.replace("\"claims\":", "\"study\": {\"kind\": \"tea-leaves\"},\n  \"claims\":"));
        assertThatThrownBy(() -> Experiments.load(file)).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("study.json").hasMessageContaining("\"study.kind\"").hasMessageContaining("tea-leaves");
        Files.writeString(file, good.replace("\"claims\":", "\"study\": {\"grid\": 3},\n  \"claims\":"));
        assertThatThrownBy(() -> Experiments.load(file)).hasMessageContaining("\"study.kind\" is missing");
        Files.writeString(file, good.replaceFirst("\"figure\": \"[a-z_]+\"", "\"figure\": \"lesion_increase\""));
        assertThatThrownBy(() -> Experiments.load(file)).hasMessageContaining("has no \"study\"");
    }
}

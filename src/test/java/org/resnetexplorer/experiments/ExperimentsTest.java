package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preset files: the bundled ones read, a user's copy round-trips, and every broken file gets a clear message. */
class ExperimentsTest {
    @Test
    @DisplayName("every bundled preset reads, with both languages, and a saved copy reads the same")
    void bundledPresetsRead(@TempDir Path folder) throws Exception {
        for (String id : Experiments.BUNDLED) {
            Experiment bundled = Experiments.bundled(id);
            assertThat(Experiment.text(bundled.title(), "zh")).isNotBlank().isNotEqualTo(Experiment.text(bundled.title(), "en"));
            Path copy = folder.resolve(id + ".json");
            Files.writeString(copy, Experiments.bundledText(id));
            assertThat(Experiments.load(copy)).isEqualTo(bundled);
        }
        Experiment degradation = Experiments.bundled("degradation");
        assertThat(degradation.settings(false).steps()).isEqualTo(600);
        assertThat(degradation.settings(true).steps()).isEqualTo(600 * degradation.fullFactor());
        assertThat(degradation.run("plain-20").template()).isEqualTo("mlp-plain-20");
        assertThat(Experiments.bundled("bottleneck").trains()).isFalse();
    }

    @Test
    @DisplayName("a broken preset file names the file and what is wrong")
    void brokenFilesAreExplained(@TempDir Path folder) throws Exception {
        String good = Experiments.bundledText("degradation");
        assertThat(message(folder, "{ \"format\": ")).contains("broken.json").contains("not valid JSON");
        assertThat(message(folder, "{\"format\": \"resnet-explorer/graph\"}")).contains("not an experiment preset");
        assertThat(message(folder, good.replace("\"schemaVersion\": 1", "\"schemaVersion\": 9"))).contains("newer");
        assertThat(message(folder, good.replace("\"than\": \"plain-4\"", "\"than\": \"plain-99\""))).contains("plain-99");
        assertThat(message(folder, good.replace("\"relation\": \"above\"", "\"relation\": \"sideways\"")))
                .contains("sideways").contains("above, below, at_most");
        assertThat(message(folder, good.replace("\"steps\": 600", "\"steps\": \"many\""))).contains("\"steps\"")
                .contains("whole number");
        assertThat(message(folder, good.replace("\"title\"", "\"heading\""))).contains("\"heading\"").contains("title");
        assertThatThrownBy(() -> Experiments.load(folder.resolve("nothing.json"))).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("nothing.json").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Experiments.bundled("figure-99")).hasMessageContaining("degradation");
    }

    private static String message(Path folder, String text) throws Exception {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, text);
        try {
            Experiments.load(file);
        } catch (ExperimentFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + text);
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.data.DatasetOptions;

/** A run's settings.json: read back as written, and a damaged or hostile file refused naming the file. */
class RunSettingsFilesTest {
    @TempDir
    Path folder;

    private static RunSettingsFiles.RunSettings settings() {
        TrainingSettings training = TrainingSettings.defaults().withSteps(640).withBatch(32).withOptimizer(Optimizer.ADAM)
                .withSchedule(new LearningRateSchedule(0.003, List.of(400, 200), 0.5, 10)).withMomentum(0.8)
                .withWeightDecay(5e-4).withSeed(-7).withEvalEvery(40).withMetricsEvery(5).withTestLimit(300);
        DatasetOptions data = DatasetOptions.defaults().withNoise(0.25).withTrainSize(300).withClasses(3);
        return new RunSettingsFiles.RunSettings("spiral \"\u87ba\u65cb\"", data, true, training);
    }

    @Test
    @DisplayName("the settings read back equal the settings written")
    void roundTrip() throws Exception {
        RunSettingsFiles.write(settings(), folder);
        assertThat(RunSettingsFiles.read(folder)).isEqualTo(settings());
    }

    @Test
    @DisplayName("a missing file, another format, a value out of range or of the wrong type is refused naming the file")
    void damaged() throws Exception {
        Path file = folder.resolve(RunSettingsFiles.FILE);
        assertThatThrownBy(() -> RunSettingsFiles.read(folder)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(file.toString());
        RunSettingsFiles.write(settings(), folder);
        String good = Files.readString(file);
        for (String[] edit : new String[][] {{"\"steps\" : 640", "\"steps\" : -1"}, {"\"steps\" : 640", "\"steps\" : 1e9"},
                {"\"batch\" : 32", "\"batch\" : \"32\""}, {"training settings", "something else"},
                {"\"momentum\" : 0.8", "\"momentum\" : 1.5"}, {"\"optimizer\" : \"adam\"", "\"optimizer\" : \"rmsprop\""},
                {"\"trainSize\" : 300", "\"trainSize\" : 0"}, {"\"folder\" : true", "\"folder\" : 1"},
                {"\"milestones\" : [ 200, 400 ]", "\"milestones\" : [ 200, \"x\" ]"}, {"{", "["}}) {
            assertThat(good).contains(edit[0]);
            Files.writeString(file, good.replace(edit[0], edit[1]));
            assertThatThrownBy(() -> RunSettingsFiles.read(folder)).as("with %s", edit[1])
                    .isInstanceOf(StateFileException.class).hasMessageContaining(file.toString());
        }
        Files.writeString(file, "{\"format\": \"" + RunSettingsFiles.FORMAT + "\", \"pad\": \"" + "x".repeat(1_100_000)
                + "\"}");
        assertThatThrownBy(() -> RunSettingsFiles.read(folder)).as("a file past the limit")
                .isInstanceOf(StateFileException.class).hasMessageContaining(file.toString());
    }
}

package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-pytorch RUN_DIR}: a run folder exports with its weights, and a damaged one is refused with exit 2. */
class ExportRunFolderTest {
    @TempDir
    Path temp;
    private Path run;

    @BeforeEach
    void train() {
        run = temp.resolve("run");
        Run train = Run.of("train", "mlp-resnet-4", "--dataset", "spiral", "--steps", "20", "--out", run.toString(),
                "--quiet");
        assertThat(train.code()).as("train's exit code; stderr: %s", train.err()).isZero();
    }

    @Test
    @DisplayName("a run folder exports with its trained values embedded and a build() that loads them")
    void withWeights() {
        Run export = Run.of("export-pytorch", run.toString());
        assertThat(export.code()).as("stderr: %s", export.err()).isZero();
        assertThat(export.out()).contains("import numpy").contains("TRAINED_VALUES = (")
                .contains("(\"block1.dense1.weight\", (16, 16)),").contains("(\"dense1.weight\", (16, 2)),")
                .contains("model.load_state_dict(trained_state(), strict=False)")
                .contains("run \\\"mlp-resnet-4@spiral\\\" after 20 steps");
        Run template = Run.of("export-pytorch", "mlp-resnet-4");
        assertThat(template.out()).as("a template still exports untrained").doesNotContain("TRAINED_VALUES")
                .contains("    return Net()\n");
    }

    @Test
    @DisplayName("a values file cut short is refused with exit 2, naming the file")
    void damagedValues() throws Exception {
        Path values = run.resolve("state.bin");
        byte[] bytes = Files.readAllBytes(values);
        Files.write(values, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        Run export = Run.of("export-pytorch", run.toString(), "-o", temp.resolve("model.py").toString());
        assertThat(export.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(export.err()).contains(values.toString()).contains("bytes where the network's state has");
        assertThat(temp.resolve("model.py")).doesNotExist();
    }

    @Test
    @DisplayName("a folder that holds no trained network is refused with exit 2, saying what to give")
    void notARunFolder() throws Exception {
        Files.delete(run.resolve("state.json"));
        Run export = Run.of("export-pytorch", run.toString());
        assertThat(export.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(export.err()).contains("without a trained network (state.json)").contains("train ... --out DIR");
    }

    @Test
    @DisplayName("a network file edited to a network no memory holds (a million units a layer) is refused with exit 2"
            + " before anything is allocated, naming the file")
    void hugeNetworkRefused() throws Exception {
        // a plain net: no shortcut ties the widths to each other, so the edited graph is still valid
        Path plain = temp.resolve("plain");
        assertThat(Run.of("train", "mlp-plain-3", "--dataset", "spiral", "--steps", "5", "--out", plain.toString(),
                "--quiet").code()).isZero();
        Path network = plain.resolve("network.json");
        String text = Files.readString(network);
        // every hidden layer a million units wide: 10^12 weights between two of them
        Files.writeString(network, text.replace("\"units\": 16", "\"units\": 1000000"));
        assertThat(Files.readString(network)).contains("1000000");
        Run export = Run.of("export-pytorch", plain.toString());
        assertThat(export.code()).as("stderr: %s", export.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(export.err()).contains(network.toString()).contains("parameters").doesNotContain("internal error");
    }

    @Test
    @DisplayName("a model option, which would change the trained graph, is refused for a run folder")
    void modelOptionsRefused() {
        Run export = Run.of("export-pytorch", run.toString(), "--width", "8");
        assertThat(export.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(export.err()).contains("--width does not apply to a run folder");
    }
}

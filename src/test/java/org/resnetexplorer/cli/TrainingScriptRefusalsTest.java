package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-pytorch --train}'s refusals: exit 2, one line saying what to give, and nothing written. */
class TrainingScriptRefusalsTest {
    @TempDir
    Path temp;

    private void refused(String expected, String... args) {
        Run run = Run.of(args);
        assertThat(run.code()).as("exit code; stdout: %s stderr: %s", run.out(), run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err()).contains(expected);
        assertThat(temp.resolve("t.py")).doesNotExist();
    }

    @Test
    @DisplayName("a dataset a script cannot train on, a missing --dataset, or a CSV set printed are refused")
    void datasets() throws Exception {
        String out = temp.resolve("t.py").toString();
        refused("a training script trains on spiral", "export-pytorch", "mlp-resnet-4", "--train", "--dataset", "sky",
                "-o", out);
        refused("needs --dataset NAME", "export-pytorch", "mlp-resnet-4", "--train", "-o", out);
        Path csv = temp.resolve("p.csv");
        Files.writeString(csv, "1,2,a\n3,4,b\n5,6,a\n7,8,b\n9,1,a\n");
        refused("needs -o FILE.py", "export-pytorch", "mlp-resnet-4", "--train", "--dataset", csv.toString());
        refused("10 classes", "export-pytorch", "cifar-resnet-8", "--train", "--dataset", "cifar10", "--classes", "3",
                "-o", out);
    }

    @Test
    @DisplayName("training options without --train, and --from-trained without a run folder, are pointed out")
    void options() {
        String out = temp.resolve("t.py").toString();
        refused("applies to a training script: add --train", "export-pytorch", "mlp-resnet-4", "--dataset", "spiral",
                "-o", out);
        refused("--from-trained needs a run folder", "export-pytorch", "mlp-resnet-4", "--train", "--from-trained",
                "--dataset", "spiral", "-o", out);
    }

    @Test
    @DisplayName("a run folder without settings.json, with a damaged one, or given train's options is refused")
    void runFolders() throws Exception {
        Path run = temp.resolve("run");
        assertThat(Run.of("train", "mlp-resnet-4", "--dataset", "xor", "--steps", "5", "--out", run.toString(),
                "--quiet").code()).isZero();
        String out = temp.resolve("t.py").toString();
        refused("does not apply to a run folder", "export-pytorch", run.toString(), "--train", "--lr", "0.3", "-o", out);
        refused("its run trained on 'xor'", "export-pytorch", run.toString(), "--train", "--dataset", "spiral", "-o",
                out);
        Path settings = run.resolve("settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"batch\" : 64", "\"batch\" : 0"));
        refused(settings.toString(), "export-pytorch", run.toString(), "--train", "-o", out);
        Files.delete(settings);
        refused("has no settings.json", "export-pytorch", run.toString(), "--train", "-o", out);
    }
}

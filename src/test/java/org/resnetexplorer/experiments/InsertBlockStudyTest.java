package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.BlockSurgery;
import org.resnetexplorer.engine.BlockSurgery.Insertion;
import org.resnetexplorer.engine.BlockSurgery.Position;

/** The insert-block study as a preset names it: its settings checked when the preset is read, its figures and lines. */
class InsertBlockStudyTest {
    private static String preset() throws Exception {
        return Files.readString(Path.of("assets/presets/insert-block.json"));
    }

    @Test
    @DisplayName("refuses a misspelt setting, a run that is not a ResNet, and a rate out of range, naming file and field")
    void refusals() throws Exception {
        String text = preset();
        assertThatThrownBy(() -> Experiments.fromJson(text.replace("\"evalEvery\": 25}", "\"evalEvry\": 25}"), "p.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("p.json").hasMessageContaining("evalEvry");
        assertThatThrownBy(() -> Experiments.fromJson(text.replace("\"template\": \"mlp-resnet-8\"",
                "\"template\": \"mlp-plain-8\""), "p.json")).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("study.run").hasMessageContaining("no residual block");
        assertThatThrownBy(() -> Experiments.fromJson(text.replace("\"learningRate\": 0.005", "\"learningRate\": 0"),
                "p.json")).isInstanceOf(ExperimentFileException.class).hasMessageContaining("study.learningRate");
        assertThat(Experiments.fromJson(text, "p.json").study().kind()).isEqualTo("insert-block");
    }

    @Test
    @DisplayName("its figures are the largest changes of the named run's insertions, NaN for other runs and figures")
    void figures() {
        BlockSurgery.Findings findings = new BlockSurgery.Findings("resnet", 0.03, List.of(
                insertion(true, Position.MIDDLE, 0.03), insertion(true, Position.END, 0.028),
                insertion(false, Position.MIDDLE, 0.5), insertion(false, Position.END, 0.01)));
        InsertBlockStudy.Result result = new InsertBlockStudy.Result("resnet", findings);
        assertThat(result.figure("resnet", Claim.Figure.INSERTED_RESIDUAL_CHANGE)).isCloseTo(0.002, within());
        assertThat(result.figure("resnet", Claim.Figure.INSERTED_PLAIN_CHANGE)).isCloseTo(0.47, within());
        assertThat(result.figure("other", Claim.Figure.INSERTED_PLAIN_CHANGE)).isNaN();
        assertThat(result.figure("resnet", Claim.Figure.TEST_ERROR)).isNaN();
        assertThat(result.findings()).containsExactly(findings);
        assertThat(result.lines("en")).hasSize(5).element(3).asString().contains("plain middle").contains("50.0%")
                .contains("+47.0 points");
        assertThat(result.lines("zh")).element(3).asString().contains("中间插入普通层").contains("50.0%");
        assertThat(new InsertBlockStudy.Result("resnet", null).figure("resnet", Claim.Figure.INSERTED_PLAIN_CHANGE))
                .as("a run that did not finish measures nothing").isNaN();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    private static Insertion insertion(boolean residual, Position position, double after) {
        return new Insertion(residual, position, "block5", "block2.relu2", after, new int[] {0, 25},
                new double[] {after, 0.03}, null);
    }
}

package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.LesionResult;
import org.resnetexplorer.graph.BlockDeletion;

/** The lesion study as a preset's study: its settings, its figure, its lines, and a whole quick run. */
@DisplayName("Lesion study")
class LesionStudyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bundled preset made quick: 4-layer twins, a few steps, few test examples. */
    private static ObjectNode quick() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Experiments.bundledText("lesion"));
        ((ObjectNode) root.get("dataset")).put("trainSize", 200).put("testSize", 100);
        ((ObjectNode) root.get("settings")).put("steps", 40).put("evalEvery", 20).put("testLimit", 100);
        ArrayNode runs = (ArrayNode) root.get("runs");
        ((ObjectNode) runs.get(0)).put("template", "mlp-resnet-6");
        ((ObjectNode) runs.get(1)).put("template", "mlp-plain-6");
        ((ObjectNode) root.get("study")).put("draws", 2);
        return root;
    }

    @Test
    @DisplayName("a preset's lesion study measures every trained run: its figure is the mean increase over its blocks")
    void measuresTheRuns() throws Exception {
        ObjectNode root = quick();
        Experiment experiment = Experiments.fromJson(root.toString(), "lesion.json");
        String resnet = experiment.runs().get(0).name();

        ExperimentResult result = new ExperimentRunner(experiment, false).run();

        StudyResult study = result.study().orElseThrow(() -> new AssertionError(result.studyFailure().orElse("none")));
        assertThat(study.findings()).hasSize(2).allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(LesionResult.class,
                r -> {
                    assertThat(r.blocks()).hasSize(3);
                    assertThat(r.random()).hasSize(4);
                }));
        LesionResult first = (LesionResult) study.findings().get(0);
        assertThat(first.run()).isEqualTo(resnet);
        assertThat(first.residual()).isTrue();
        assertThat(first.error()).as("nothing deleted: the run's test error")
                .isEqualTo(result.runs().get(0).result().testError());
        assertThat(study.figure(resnet, Claim.Figure.LESION_INCREASE)).isEqualTo(first.meanIncrease()).isFinite();
        assertThat(study.figure(resnet, Claim.Figure.BASIN_WIDTH)).isNaN();
        assertThat(study.lines("en")).hasSize(2).first().asString().startsWith(resnet + ": test error");
    }

    @Test
    @DisplayName("the lines give each run's figures in English and in Chinese")
    void lines() {
        LesionResult r = new LesionResult("resnet-40", true, 10, 0.02, List.of(
                new LesionResult.BlockLesion("block1", BlockDeletion.Kind.SHORTCUT, 0.12),
                new LesionResult.BlockLesion("block2", BlockDeletion.Kind.SHORTCUT, 0.04)),
                List.of(new LesionResult.RandomLesions(2, new double[] {0.3, 0.5})), 500);
        LesionStudy.Findings findings = new LesionStudy.Findings(List.of(r));

        assertThat(findings.figure("resnet-40", Claim.Figure.LESION_INCREASE)).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(findings.figure("plain-40", Claim.Figure.LESION_INCREASE)).isNaN();
        assertThat(findings.lines("en")).containsExactly("resnet-40: test error 2.0%; one block deleted: 8.0% on average"
                + " (+6.0 points), at worst 12.0% (block1); all 2 deleted: 40.0%");
        assertThat(findings.lines("zh")).singleElement().asString().contains("删除一个块").contains("8.0%")
                .contains("block1");
    }

    @Test
    @DisplayName("refuses a setting it does not have, and a run with no block to delete")
    void checks() throws Exception {
        ObjectNode misspelt = quick();
        ((ObjectNode) misspelt.get("study")).put("drawz", 3);
        assertThatThrownBy(() -> Experiments.fromJson(misspelt.toString(), "lesion.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("lesion.json")
                .hasMessageContaining("drawz").hasMessageContaining("draws");
        ObjectNode tooMany = quick();
        ((ObjectNode) tooMany.get("study")).put("draws", 500);
        assertThatThrownBy(() -> Experiments.fromJson(tooMany.toString(), "lesion.json"))
                .hasMessageContaining("\"study.draws\"");
        ObjectNode blockless = quick();
        ((ObjectNode) blockless.get("runs").get(1)).put("template", "mlp-plain-1");
        assertThatThrownBy(() -> Experiments.fromJson(blockless.toString(), "lesion.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("mlp-plain-1");
    }
}

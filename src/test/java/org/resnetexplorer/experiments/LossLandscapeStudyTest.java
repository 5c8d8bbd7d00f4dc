package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;

/** The study "loss-landscape": its settings checked, every trained run measured, its figure, its lines, its stop. */
class LossLandscapeStudyTest {
    /** Two small MLPs on the spiral, a few steps, a 5 x 5 grid: seconds. */
    private static final String PRESET = """
            {"format": "resnet-explorer/experiment", "schemaVersion": 1, "id": "tiny-landscape",
             "title": {"en": "Tiny", "zh": "小"}, "explanation": {"en": "Tiny", "zh": "小"},
             "paper": {"en": "From the paper: none", "zh": "论文原文数据：无"},
             "dataset": {"name": "spiral", "trainSize": 300, "testSize": 100},
             "settings": {"steps": 40, "batch": 32, "optimizer": "sgd", "learningRate": 0.05, "momentum": 0.9,
                          "weightDecay": 0, "seed": 1, "evalEvery": 20, "metricsEvery": 10, "testLimit": 100},
             "defaults": {"width": 8, "batchNorm": true},
             "runs": [{"name": "resnet-4", "template": "mlp-resnet-4"}, {"name": "plain-4", "template": "mlp-plain-4"}],
             "study": {"kind": "loss-landscape", "points": 5, "range": 0.5, "slicePoints": 7, "sample": 32},
             "claims": [{"figure": "basin_width", "run": "resnet-4", "relation": "above", "value": 0,
                         "statement": {"en": "some basin", "zh": "有盆地"}}]}
            """;

    @Test
    @DisplayName("every trained run gets a landscape; the figure is its basin's width along the slice; lines in both languages")
    void measuresEveryRun() throws Exception {
        Experiment experiment = Experiments.fromJson(PRESET, "tiny.json");
        ExperimentRunner runner = new ExperimentRunner(experiment, false);
        List<Double> progress = new ArrayList<>();
        runner.addListener(new ExperimentRunner.Listener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                // the runs' curves are not what this test is about
            }

            @Override
            public void studyProgress(double done, String what) {
                progress.add(done);
            }
        });
        ExperimentResult result = runner.run();
        StudyResult study = result.study().orElseThrow();
        assertThat(study.findings()).hasSize(1).allMatch(Landscapes.class::isInstance);
        Landscapes measured = (Landscapes) study.findings().get(0);
        assertThat(measured.landscapes()).extracting(Landscape::run).containsExactly("resnet-4", "plain-4");
        assertThat(measured.basinFactor()).as("the default").isEqualTo(2);
        for (Landscape landscape : measured.landscapes()) {
            assertThat(landscape.points()).isEqualTo(5);
            assertThat(landscape.slice()).hasSize(7);
            assertThat(landscape.range()).isEqualTo(0.5);
            assertThat(landscape.sampleSize()).isEqualTo(32);
            assertThat(landscape.complete()).isTrue();
            double width = study.figure(landscape.run(), Claim.Figure.BASIN_WIDTH);
            assertThat(width).isEqualTo(landscape.basinWidth(2 * landscape.centreLoss())).isBetween(0.0, 1.0);
        }
        assertThat(study.figure("resnet-4", Claim.Figure.TEST_ERROR)).isNaN();
        assertThat(study.figure("nobody", Claim.Figure.BASIN_WIDTH)).isNaN();
        assertThat(result.outcomes()).singleElement().satisfies(o -> assertThat(o.left())
                .isEqualTo(study.figure("resnet-4", Claim.Figure.BASIN_WIDTH)));
        assertThat(study.lines("en")).hasSize(2).first().asString().startsWith("resnet-4: loss ").contains("basin width")
                .contains("5x5").contains("32 training examples");
        assertThat(study.lines("zh")).hasSize(2).first().asString().contains("盆地宽度");
        assertThat(progress).as("as each run starts, after its slice and after each of its 5 rows").hasSize(14).isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a stop ends the landscape within a row and keeps what it measured; the runs after it are not measured")
    void stopKeepsWhatWasMeasured() throws Exception {
        Experiment experiment = Experiments.fromJson(PRESET, "tiny.json");
        Dataset spiral = Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(300).withTestSize(100));
        List<TrainedRun> runs = new ArrayList<>();
        for (Experiment.RunSpec spec : experiment.runs()) {
            Network network = ExperimentRunner.network(spec, spiral);
            List<NetworkState> states = new ArrayList<>();
            Trainer trainer = new Trainer(spec.name(), network, spiral, experiment.settings(false));
            trainer.addListener(TrainingListener.ofStates(states::add));
            RunResult ran = trainer.run();
            runs.add(new TrainedRun(spec, network, states.get(states.size() - 1), ran));
        }
        StudyMethod method = Studies.method(experiment.study());
        method.check(experiment);
        List<String> reports = new ArrayList<>();
        StudyResult study = method.measure(new StudyInput(experiment, false, spiral, runs, 1,
                (done, what) -> reports.add(what), () -> reports.size() >= 4));
        Landscapes measured = (Landscapes) study.findings().get(0);
        assertThat(measured.landscapes()).as("only the first run").extracting(Landscape::run).containsExactly("resnet-4");
        Landscape first = measured.landscapes().get(0);
        assertThat(first.complete()).isFalse();
        assertThat(first.loss(0, 1)).as("row 2 measured").isFinite();
        assertThat(first.loss(0, 2)).as("row 3 not").isNaN();
        assertThat(reports).containsExactly("resnet-4: the 1-D slice", "resnet-4: the 1-D slice", "resnet-4: row 1 of 5",
                "resnet-4: row 2 of 5");
        assertThat(study.lines("en").get(0)).endsWith("(stopped before the grid was complete)");
    }

    @Test
    @DisplayName("refuses an even grid, an unknown setting and a run that does not train, naming the field")
    void refusesWhatCannotBeMeasured() {
        assertThatThrownBy(() -> Experiments.fromJson(PRESET.replace("\"points\": 5", "\"points\": 6"), "tiny.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("tiny.json")
                .hasMessageContaining("study.points").hasMessageContaining("odd");
        assertThatThrownBy(() -> Experiments.fromJson(PRESET.replace("\"sample\": 32", "\"samples\": 32"), "tiny.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("samples");
        assertThatThrownBy(() -> Experiments.fromJson(PRESET.replace("\"template\": \"mlp-plain-4\"}",
                "\"template\": \"mlp-plain-4\", \"train\": false}"), "tiny.json"))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("plain-4")
                .hasMessageContaining("does not train");
    }
}

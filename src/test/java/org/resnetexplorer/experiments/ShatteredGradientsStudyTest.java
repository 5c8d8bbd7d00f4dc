package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.GradientShattering;
import org.resnetexplorer.engine.InputGradients;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The shattered-gradients study: what it refuses when the preset is read, and that what it measures is each family's
 * mean neighbour correlation over its networks at every depth (the run's own depth among them), read as the runs'
 * figures, printed in both languages, and cut short by a stop.
 */
class ShatteredGradientsStudyTest {
    /** A small preset: width-8 MLPs with BatchNorm, 32 inputs, two networks of each depth (a dataset, for runs that train). */
    private static String preset(String runs, String study) {
        return "{\"format\": \"resnet-explorer/experiment\", \"schemaVersion\": 1, \"id\": \"mine\","
                + " \"title\": {\"en\": \"t\"}, \"explanation\": {\"en\": \"e\"}, \"paper\": {\"en\": \"p\"},"
                + " \"dataset\": {\"name\": \"spiral\"}, \"defaults\": {\"width\": 8, \"batchNorm\": true}, \"runs\": [" + runs + "],"
                + " \"study\": {\"kind\": \"shattered-gradients\"" + study + "},"
                + " \"claims\": [{\"figure\": \"neighbour_correlation\", \"run\": \"plain\", \"relation\": \"below\","
                + " \"value\": 2, \"statement\": {\"en\": \"s\"}}]}";
    }

    private static final String RUNS = "{\"name\": \"plain\", \"template\": \"mlp-plain-6\", \"train\": false},"
            + " {\"name\": \"resnet\", \"template\": \"mlp-resnet-4\", \"train\": false}";
    private static final String SMALL = ", \"depths\": [2, 4], \"points\": 32, \"networks\": 2, \"pictured\": [2]";

    private static Experiment read(String runs, String study) throws ExperimentFileException {
        return Experiments.fromJson(preset(runs, study), "mine.json");
    }

    @Test
    @DisplayName("each run's figure is its family's mean correlation over the networks at the run's own depth")
    void figuresAreTheMeanAtTheRunsDepth() throws Exception {
        Experiment experiment = read(RUNS, SMALL).withSeed(4);
        ExperimentResult result = new ExperimentRunner(experiment, false).run();
        StudyResult study = result.study().orElseThrow();
        GradientShattering shattering = (GradientShattering) study.findings().get(0);

        GradientShattering.Family plain = shattering.families().get(0);
        assertThat(plain.name()).isEqualTo("plain");
        assertThat(plain.residual()).isFalse();
        assertThat(plain.depths()).as("the study's depths and the run's own").containsExactly(2, 4, 6);
        assertThat(shattering.families().get(1).depths()).containsExactly(2, 4);
        assertThat(shattering.families().get(1).residual()).isTrue();
        assertThat(shattering.inputs()).hasSize(32).startsWith(-2.0).endsWith(2.0);

        double[] inputs = InputGradients.evenlySpaced(-2, 2, 32);
        TemplateOptions options = TemplateOptions.defaults().withWidth(8).withBatchNorm(true).withInput(Shape.flat(1));
        List<Double> correlations = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            correlations.add(InputGradients.neighbourCorrelation(InputGradients.of(Templates.build("mlp-plain-6", options),
                    ShatteredGradientsStudy.networkSeed(4, k), inputs)));
        }
        double mean = (correlations.get(0) + correlations.get(1)) / 2;
        assertThat(study.figure("plain", Claim.Figure.NEIGHBOUR_CORRELATION)).isCloseTo(mean, within(1e-12));
        assertThat(result.figure("plain", Claim.Figure.NEIGHBOUR_CORRELATION)).isCloseTo(mean, within(1e-12));
        assertThat(plain.lowest()[2]).isEqualTo(Math.min(correlations.get(0), correlations.get(1)));
        assertThat(plain.highest()[2]).isEqualTo(Math.max(correlations.get(0), correlations.get(1)));
        assertThat(study.figure("resnet", Claim.Figure.NEIGHBOUR_CORRELATION))
                .isEqualTo(shattering.families().get(1).correlationAt(4));
        assertThat(study.figure("resnet", Claim.Figure.BASIN_WIDTH)).isNaN();

        assertThat(plain.gradients()).as("the pictured depth, of the first network").hasSize(1);
        assertThat(plain.gradients().get(0).depth()).isEqualTo(2);
        assertThat(plain.gradients().get(0).values()).hasSize(32);
    }

    @Test
    @DisplayName("the lines give every family's correlation by depth, in English and in Chinese")
    void linesInBothLanguages() throws Exception {
        StudyResult study = new ExperimentRunner(read(RUNS, SMALL), false).run().study().orElseThrow();
        List<String> english = study.lines("en");
        assertThat(english).hasSize(3);
        assertThat(english.get(0)).contains("mean of 2 networks").contains("32 inputs");
        assertThat(english.get(1)).startsWith("plain:").contains("  2: ").contains("  6: ");
        List<String> chinese = study.lines("zh");
        assertThat(chinese.get(0)).contains("相邻相关系数");
        assertThat(chinese.get(2)).startsWith("resnet：");
    }

    @Test
    @DisplayName("the full setting averages fullFactor times as many networks of each depth")
    void fullSettingAveragesMore() throws Exception {
        Experiment experiment = Experiments.fromJson(preset(RUNS, SMALL).replace("\"runs\":", "\"fullFactor\": 2, \"runs\":"),
                "mine.json");
        GradientShattering full = (GradientShattering) new ExperimentRunner(experiment, true).run().study().orElseThrow()
                .findings().get(0);
        assertThat(full.networks()).isEqualTo(4);
    }

    @Test
    @DisplayName("a stop ends the measurement early, leaving the depths not measured as NaN")
    void stopsEarly() throws Exception {
        Experiment experiment = read(RUNS, SMALL);
        ShatteredGradientsStudy study = new ShatteredGradientsStudy();
        study.check(experiment);
        List<TrainedRun> runs = new ArrayList<>();
        for (Experiment.RunSpec spec : experiment.runs()) {
            runs.add(new TrainedRun(spec, Templates.build(spec.template(), spec.options()), null, null));
        }
        List<Double> reported = new ArrayList<>();
        StudyInput input = new StudyInput(experiment, false, null, runs, 1, (done, what) -> reported.add(done),
                () -> !reported.isEmpty());
        StudyResult result = study.measure(input);
        GradientShattering shattering = (GradientShattering) result.findings().get(0);
        assertThat(shattering.families().get(0).correlation()[0]).as("the first depth, measured whole").isFinite();
        assertThat(shattering.families().get(0).correlation()[1]).isNaN();
        assertThat(result.figure("plain", Claim.Figure.NEIGHBOUR_CORRELATION)).isNaN();
    }

    @Test
    @DisplayName("a run that trains, is not a one-input MLP, or a depth the family cannot build is refused by name")
    void refusesWhatItCannotMeasure() {
        assertThatThrownBy(() -> read("{\"name\": \"plain\", \"template\": \"mlp-plain-6\"}", SMALL))
                .isInstanceOf(ExperimentFileException.class).hasMessageContaining("\"train\": false");
        assertThatThrownBy(() -> read("{\"name\": \"plain\", \"template\": \"cifar-plain-8\", \"train\": false}", SMALL))
                .hasMessageContaining("mlp-plain-D or mlp-resnet-D").hasMessageContaining("cifar-plain-8");
        assertThatThrownBy(() -> read(RUNS, ", \"depths\": [2, 5]")).hasMessageContaining("\"study.depths\"")
                .hasMessageContaining("'resnet'").hasMessageContaining("5");
        assertThatThrownBy(() -> read(RUNS, ", \"depths\": [2, 4], \"pictured\": [8]"))
                .hasMessageContaining("\"study.pictured\"").hasMessageContaining("8");
        assertThatThrownBy(() -> read(RUNS, ", \"point\": 32")).hasMessageContaining("\"point\"")
                .hasMessageContaining("depths, networks, pictured, points");
        assertThatThrownBy(() -> read(RUNS, ", \"networks\": 0")).hasMessageContaining("\"study.networks\"");
    }

    @Test
    @DisplayName("the bundled preset is the paper's setting: 256 inputs, 200 units, depths up to 50, claims at 20")
    void bundledPreset() throws Exception {
        Experiment experiment = Experiments.bundled("shattered-gradients");
        assertThat(experiment.trains()).isFalse();
        assertThat(experiment.runs()).extracting(Experiment.RunSpec::template).containsExactly("mlp-plain-20",
                "mlp-resnet-20");
        assertThat(experiment.runs()).allSatisfy(run -> assertThat(run.options().width()).isEqualTo(200));
        assertThat(experiment.claims()).allSatisfy(c -> assertThat(c.figure()).isEqualTo(Claim.Figure.NEIGHBOUR_CORRELATION));
    }
}

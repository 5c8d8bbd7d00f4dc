package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resnetexplorer.engine.RunStatus;

/**
 * Every bundled preset runs end to end headless, with its own fixed seed and default settings, and every claim
 * it makes holds in the result it produces. Nothing is clamped or hard-coded: the figures are the runs' own. The
 * slow presets ({@link SlowPresets}) train with {@code mvn verify -Ppresets}; their texts are checked in every build.
 */
class PresetsTest {
    static java.util.List<String> presets() {
        return Experiments.BUNDLED;
    }

    static java.util.List<String> fast() {
        return Experiments.BUNDLED.stream().filter(id -> !SlowPresets.IDS.contains(id)).toList();
    }

    static java.util.List<String> slow() {
        return Experiments.BUNDLED.stream().filter(SlowPresets.IDS::contains).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    @DisplayName("the preset reads, with its texts in both languages and at least one claim")
    void presetReads(String id) throws Exception {
        Experiment experiment = Experiments.bundled(id);
        assertThat(experiment.id()).isEqualTo(id);
        assertThat(experiment.title()).containsKeys("en", "zh");
        assertThat(experiment.explanation()).containsKeys("en", "zh");
        assertThat(experiment.paper()).containsKeys("en", "zh");
        assertThat(experiment.claims()).isNotEmpty().allSatisfy(c -> assertThat(c.statement()).containsKeys("en", "zh"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fast")
    @DisplayName("the preset runs and its claims hold")
    void presetClaimsHold(String id) throws Exception {
        trainAndCheck(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slow")
    @Tag(SlowPresets.TAG)
    @DisplayName("the slow preset runs and its claims hold (mvn verify -Ppresets)")
    void slowPresetClaimsHold(String id) throws Exception {
        trainAndCheck(id);
    }

    private static void trainAndCheck(String id) throws Exception {
        Experiment experiment = Experiments.bundled(id);
        ExperimentResult result = new ExperimentRunner(experiment, false).run();
        for (ExperimentResult.Run run : result.runs()) {
            if (run.spec().train()) {
                assertThat(run.result().status()).as("%s: %s", run.spec().name(), run.result().message())
                        .isEqualTo(RunStatus.FINISHED);
            }
        }
        String figures = result.outcomes().stream().map(o -> String.format(Locale.ROOT, "%s [%s %s %s: %.4g vs %.4g] %s",
                o.claim().figure(), o.claim().run(), o.claim().relation(), o.claim().than() == null ? "value" : o.claim().than(),
                o.left(), o.right(), o.holds() ? "holds" : "DOES NOT HOLD")).collect(Collectors.joining("; "));
        System.out.println(id + ": " + figures);
        assertThat(result.outcomes()).as(figures).allSatisfy(o -> assertThat(o.holds())
                .as("%s (%s)", Experiment.text(o.claim().statement(), "en"), figures).isTrue());
    }
}

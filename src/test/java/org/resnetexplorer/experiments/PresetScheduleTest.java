package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.TrainingSnapshot;

/**
 * The paper's schedule in a preset ({@code "lrDrops"}: the learning rate divided by 10 at fractions of the steps) and
 * the claim on how many steps a run needs to reach a training error ({@code "steps_to_train_error"} with a
 * {@code "level"}), checked as strictly as every other field (decision 0017).
 */
class PresetScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode base() throws Exception {
        return (ObjectNode) JSON.readTree(Experiments.bundledText("degradation"));
    }

    private static ObjectNode withDrops(Object... drops) throws Exception {
        ObjectNode root = base();
        ArrayNode list = ((ObjectNode) root.get("settings")).putArray("lrDrops");
        for (Object drop : drops) {
            if (drop instanceof Double d) {
                list.add(d);
            } else if (drop instanceof Integer i) {
                list.add(i);
            } else {
                list.add(String.valueOf(drop));
            }
        }
        return root;
    }

    private static String refusal(ObjectNode root) {
        try {
            Experiments.fromJson(root.toString(), "preset.json");
        } catch (ExperimentFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + root.get("settings") + " " + root.get("claims"));
    }

    @Test
    @DisplayName("lrDrops divides the learning rate by 10 at those fractions of the steps, and the full setting keeps the fractions")
    void dropsAtFractions() throws Exception {
        ObjectNode root = withDrops(0.5, 0.75);
        root.put("fullFactor", 5);
        Experiment experiment = Experiments.fromJson(root.toString(), "preset.json");
        LearningRateSchedule schedule = experiment.settings(false).schedule();
        assertThat(experiment.settings(false).steps()).isEqualTo(600);
        assertThat(schedule.milestones()).containsExactly(300, 450);
        assertThat(schedule.at(299)).isEqualTo(0.05);
        assertThat(schedule.at(300)).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(schedule.at(450)).isCloseTo(0.0005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(experiment.settings(true).schedule().milestones()).containsExactly(1500, 2250);
        assertThat(experiment.settings(true).schedule().base()).isEqualTo(0.05);
    }

    @Test
    @DisplayName("without lrDrops the learning rate stays constant, as before")
    void noDrops() throws Exception {
        Experiment experiment = Experiments.fromJson(base().toString(), "preset.json");
        assertThat(experiment.settings(false).schedule().milestones()).isEmpty();
        assertThat(experiment.settings(true).schedule().milestones()).isEmpty();
    }

    @Test
    @DisplayName("lrDrops must be a rising list of fractions strictly between 0 and 1, else the preset is refused naming it")
    void dropsChecked() throws Exception {
        for (ObjectNode wrong : List.of(withDrops(0.0), withDrops(1.0), withDrops(1500), withDrops(-0.5), withDrops("0.5"),
                withDrops(0.75, 0.5), withDrops(0.5, 0.5))) {
            assertThat(refusal(wrong)).as("%s", wrong.get("settings").get("lrDrops")).startsWith("preset.json: ")
                    .contains("\"lrDrops\"");
        }
        ObjectNode notList = base();
        ((ObjectNode) notList.get("settings")).put("lrDrops", 0.5);
        assertThat(refusal(notList)).contains("\"lrDrops\"").contains("list");
    }

    @Test
    @DisplayName("a claim on steps_to_train_error needs a level between 0 and 1; other claims may not have one")
    void levelChecked() throws Exception {
        ObjectNode missing = base();
        ((ObjectNode) missing.get("claims").get(0)).put("figure", "steps_to_train_error");
        assertThat(refusal(missing)).contains("level");

        ObjectNode outside = base();
        ((ObjectNode) outside.get("claims").get(0)).put("figure", "steps_to_train_error").put("level", 20);
        assertThat(refusal(outside)).contains("\"level\"");

        ObjectNode stray = base();
        ((ObjectNode) stray.get("claims").get(0)).put("level", 0.2);
        assertThat(refusal(stray)).contains("level");

        ObjectNode good = base();
        ((ObjectNode) good.get("claims").get(0)).put("figure", "steps_to_train_error").put("relation", "below")
                .put("level", 0.2).remove("margin");
        assertThat(Experiments.fromJson(good.toString(), "preset.json").claims().get(0).level()).isEqualTo(0.2);
    }

    @Test
    @DisplayName("steps to a training error: the first measured step at or below the level, infinity if never reached")
    void stepsToLevel() {
        List<TrainingSnapshot> snapshots = List.of(snapshot(10, 0.6), snapshot(20, 0.25), snapshot(30, 0.19),
                snapshot(40, 0.22), snapshot(50, 0.1));
        assertThat(ExperimentResult.stepsTo(snapshots, 0.2)).isEqualTo(30);
        assertThat(ExperimentResult.stepsTo(snapshots, 0.6)).isEqualTo(10);
        assertThat(ExperimentResult.stepsTo(snapshots, 0.05)).isInfinite();
        assertThat(ExperimentResult.stepsTo(List.of(), 0.2)).isNaN();
    }

    private static TrainingSnapshot snapshot(int step, double error) {
        return new TrainingSnapshot("run", step, 50, 1, error, error, Double.NaN, 0.1, 100, List.of(), List.of(), List.of());
    }
}

package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;

/**
 * A preset is checked whole, strictly, before anything trains (issue 11, class 6): every field has its type (no
 * text read as 0, no "yes" read as false), every run's template and the dataset exist, claims name runs that
 * measure what they compare, and the steps stay within a run's limit, the "full" setting's included.
 */
class PresetValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private enum Type {
        WHOLE, LONG, NUMBER, BOOLEAN, TEXT
    }

    /** Every typed field of the base preset, as a path of names and list indexes, with its type. */
    private static Map<List<Object>, Type> fields() {
        Map<List<Object>, Type> fields = new LinkedHashMap<>();
        fields.put(List.of("schemaVersion"), Type.WHOLE);
        fields.put(List.of("id"), Type.TEXT);
        fields.put(List.of("fullFactor"), Type.WHOLE);
        fields.put(List.of("dataset", "name"), Type.TEXT);
        fields.put(List.of("dataset", "classes"), Type.WHOLE);
        fields.put(List.of("dataset", "noise"), Type.NUMBER);
        fields.put(List.of("dataset", "trainSize"), Type.WHOLE);
        fields.put(List.of("dataset", "testSize"), Type.WHOLE);
        fields.put(List.of("dataset", "seed"), Type.LONG);
        for (String whole : List.of("steps", "batch", "evalEvery", "metricsEvery", "testLimit")) {
            fields.put(List.of("settings", whole), Type.WHOLE);
        }
        for (String number : List.of("learningRate", "momentum", "weightDecay")) {
            fields.put(List.of("settings", number), Type.NUMBER);
        }
        fields.put(List.of("settings", "seed"), Type.LONG);
        fields.put(List.of("settings", "optimizer"), Type.TEXT);
        fields.put(List.of("defaults", "width"), Type.WHOLE);
        fields.put(List.of("defaults", "batchNorm"), Type.BOOLEAN);
        fields.put(List.of("defaults", "activation"), Type.TEXT);
        fields.put(List.of("runs", 1, "name"), Type.TEXT);
        fields.put(List.of("runs", 1, "template"), Type.TEXT);
        fields.put(List.of("runs", 1, "train"), Type.BOOLEAN);
        fields.put(List.of("runs", 1, "width"), Type.WHOLE);
        fields.put(List.of("claims", 0, "figure"), Type.TEXT);
        fields.put(List.of("claims", 0, "margin"), Type.NUMBER);
        fields.put(List.of("claims", 0, "statement", "zh"), Type.TEXT);
        return fields;
    }

    /** Values of every JSON type but {@code type} (and numbers out of its range). */
    private static List<JsonNode> wrong(Type type) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode()));
        if (type != Type.TEXT) {
            values.addAll(List.of(NODES.textNode("1"), NODES.textNode("abc"), NODES.textNode("")));
        }
        if (type != Type.BOOLEAN) {
            values.addAll(List.of(NODES.booleanNode(true), NODES.booleanNode(false)));
        }
        if (type == Type.BOOLEAN) {
            values.addAll(List.of(NODES.textNode("yes"), NODES.textNode("true"), NODES.numberNode(1), NODES.numberNode(0)));
        }
        if (type == Type.WHOLE || type == Type.LONG) {
            values.addAll(List.of(NODES.numberNode(1.5), NODES.numberNode(1.0), NODES.numberNode(1e30),
                    NODES.numberNode(new BigInteger("9223372036854775808"))));
        }
        if (type == Type.WHOLE) {
            values.addAll(List.of(NODES.numberNode(2147483648L), NODES.numberNode(-2147483649L)));
        }
        if (type == Type.TEXT) {
            values.addAll(List.of(NODES.numberNode(5), NODES.numberNode(0.5)));
        }
        return values;
    }

    private static ObjectNode base() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Experiments.bundledText("degradation"));
        ((ObjectNode) root.get("dataset")).put("testSize", 100);
        ((ObjectNode) root.get("settings")).put("testLimit", 100);
        ((ObjectNode) root.get("runs").get(1)).put("train", true).put("width", 8);
        return root;
    }

    private static void set(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static String refusal(String text) {
        return refusal(text, text.length() <= 200 ? text : "..." + text.substring(text.length() - 200));
    }

    /** The message refusing {@code text}; {@code what} says in the failure what was accepted. */
    private static String refusal(String text, String what) {
        try {
            Experiments.fromJson(text, "preset.json");
        } catch (ExperimentFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted a preset with " + what);
    }

    @Test
    @DisplayName("the base preset of these tests reads")
    void baseReads() throws Exception {
        Experiment experiment = Experiments.fromJson(base().toString(), "preset.json");
        assertThat(experiment.run("plain-20").options().width()).isEqualTo(8);
    }

    @Test
    @DisplayName("a value of the wrong type in any field is refused, naming the field, never read as 0 or false")
    void everyFieldHasItsType() throws Exception {
        int checked = 0;
        for (Map.Entry<List<Object>, Type> field : fields().entrySet()) {
            String name = (String) field.getKey().get(field.getKey().size() - 1);
            for (JsonNode value : wrong(field.getValue())) {
                ObjectNode root = base();
                set(root, field.getKey(), value);
                String message = refusal(root.toString(), field.getKey() + " = " + value);
                assertThat(message).as("%s = %s", field.getKey(), value).startsWith("preset.json: ")
                        .contains("\"" + name + "\"").doesNotContain("\n", "Exception");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    @DisplayName("the JSON itself is strict: nothing after the preset, no field twice, no nesting past the parser's limit")
    void strictJson() throws Exception {
        String good = base().toString();
        assertThat(refusal(good + " junk")).contains("not valid JSON");
        assertThat(refusal(good + " {}")).contains("not valid JSON");
        assertThat(refusal(good.replaceFirst("\"id\":", "\"id\":\"x\",\"id\":"))).contains("not valid JSON").contains("id");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(refusal(good.replaceFirst("\\{", "{\"deep\":" + deep + ","))).contains("not valid JSON")
                .contains("nesting");
        assertThat(refusal(good.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""))).contains("schemaVersion");
        assertThat(refusal(good.replace("\"schemaVersion\":1", "\"schemaVersion\":1.9"))).contains("schemaVersion");
    }

    @Test
    @DisplayName("half a character (a lone surrogate) anywhere in the preset is refused when it is read, naming where")
    void loneSurrogates() throws Exception {
        ObjectNode root = base();
        ((ObjectNode) root.get("runs").get(1)).put("name", "plain\ud800-20");
        assertThat(refusal(root.toString())).contains("runs[2].name").contains("\\ud800");
        ObjectNode title = base();
        ((ObjectNode) title.get("title")).put("zh", "\udfff");
        assertThat(refusal(title.toString())).contains("title.zh");
    }

    @Test
    @DisplayName("a misspelt field is refused with the fields that exist, wherever it is")
    void unknownFields() throws Exception {
        for (List<Object> parent : List.<List<Object>>of(List.of(), List.of("dataset"), List.of("settings"),
                List.of("defaults"), List.of("runs", 0), List.of("claims", 0))) {
            ObjectNode root = base();
            List<Object> path = new ArrayList<>(parent);
            path.add("stpes");
            set(root, path, NODES.numberNode(600));
            assertThat(refusal(root.toString())).as("stpes in %s", parent).contains("\"stpes\"").contains("do not have");
        }
    }

    @Test
    @DisplayName("every run's template and the dataset are checked when the preset is read, before any run trains")
    void templatesAndDatasetsChecked() throws Exception {
        ObjectNode second = base();
        ((ObjectNode) second.get("runs").get(1)).put("template", "mlp-nope-20");
        assertThat(refusal(second.toString())).contains("plain-20").contains("mlp-nope-20");

        ObjectNode oddDepth = base();
        ((ObjectNode) oddDepth.get("runs").get(1)).put("template", "cifar-resnet-21");
        assertThat(refusal(oddDepth.toString())).contains("cifar-resnet-21");

        ObjectNode unknown = base();
        ((ObjectNode) unknown.get("dataset")).put("name", "nope");
        assertThat(refusal(unknown.toString())).contains("\"dataset\"").contains("nope").contains("spiral");

        ObjectNode file = base();
        ((ObjectNode) file.get("dataset")).put("name", "../../etc/points.csv");
        assertThat(refusal(file.toString())).contains("cannot name a file");

        ObjectNode mnist = base();
        ((ObjectNode) mnist.get("dataset")).put("name", "mnist");
        assertThat(refusal(mnist.toString())).contains("mnist").contains("--data-dir");

        ObjectNode twice = base();
        ((ObjectNode) twice.get("runs").get(1)).put("name", "plain-4");
        assertThat(refusal(twice.toString())).contains("plain-4").contains("twice");
    }

    @Test
    @DisplayName("claims compare runs that measure the figure, against a run or a value, not both")
    void claimsChecked() throws Exception {
        ObjectNode counting = base();
        ((ObjectNode) counting.get("runs").get(0)).put("train", false);
        assertThat(refusal(counting.toString())).contains("plain-4").contains("does not train");

        ObjectNode both = base();
        ((ObjectNode) both.get("claims").get(0)).put("value", 0.1);
        assertThat(refusal(both.toString())).contains("not both");

        ObjectNode params = base();
        ((ObjectNode) params.get("runs").get(0)).put("train", false);
        ((ObjectNode) params.get("claims").get(0)).put("figure", "params");
        assertThat(Experiments.fromJson(params.toString(), "preset.json").claims()).hasSize(1);
    }

    @Test
    @DisplayName("steps have an upper limit, and the full setting's steps may not pass it either (nor overflow)")
    void stepLimits() throws Exception {
        ObjectNode billion = base();
        ((ObjectNode) billion.get("settings")).put("steps", 1_000_000_000);
        assertThat(refusal(billion.toString())).contains("steps").contains("at most 1,000,000");

        ObjectNode full = base();
        ((ObjectNode) full.get("settings")).put("steps", 100_000);
        full.put("fullFactor", 100);
        assertThat(refusal(full.toString())).contains("fullFactor");

        ObjectNode wrap = base();
        ((ObjectNode) wrap.get("settings")).put("steps", TrainingSettings.MAX_STEPS);
        wrap.put("fullFactor", Integer.MAX_VALUE);
        assertThat(refusal(wrap.toString())).contains("fullFactor");

        ObjectNode limit = base();
        ((ObjectNode) limit.get("settings")).put("steps", 10_000).put("evalEvery", Integer.MAX_VALUE);
        limit.put("fullFactor", 100);
        Experiment experiment = Experiments.fromJson(limit.toString(), "preset.json");
        assertThat(experiment.settings(true).steps()).isEqualTo(TrainingSettings.MAX_STEPS);
        assertThat(experiment.settings(true).evalEvery()).isPositive();
    }

    @Test
    @DisplayName("options the dataset cannot honour, and nets that do not fit it, stop the experiment before its first run")
    void preparedBeforeTheFirstRun() throws Exception {
        ObjectNode conflict = base();
        ((ObjectNode) conflict.get("dataset")).put("downscale", true);
        List<String> started = new ArrayList<>();
        ExperimentRunner runner = new ExperimentRunner(Experiments.fromJson(conflict.toString(), "preset.json"), false);
        noteStarts(runner, started);
        assertThatThrownBy(runner::run).isInstanceOf(DatasetException.class).hasMessageContaining("spiral");
        assertThat(started).as("runs started before the dataset was refused").isEmpty();

        ObjectNode images = base();
        ((ObjectNode) images.get("runs").get(1)).put("template", "cifar-resnet-8");
        ExperimentRunner imageRunner = new ExperimentRunner(Experiments.fromJson(images.toString(), "preset.json"), false);
        noteStarts(imageRunner, started);
        assertThatThrownBy(imageRunner::run).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("plain-20").hasMessageContaining("degradation");
        assertThat(started).as("runs started before the second run's net was refused").isEmpty();
    }

    private static void noteStarts(ExperimentRunner runner, List<String> started) {
        runner.addListener(new ExperimentRunner.Listener() {
            @Override
            public void runStarted(String run, Network network, int index, int count) {
                started.add(run);
            }

            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                // only the starts count here
            }
        });
    }
}

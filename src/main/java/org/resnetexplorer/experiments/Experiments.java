package org.resnetexplorer.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;

/**
 * Reads experiment presets: the bundled ones (files in {@code assets/presets/}, shipped in the jar) and any
 * file a user saved. JSON, {@code "format": "resnet-explorer/experiment"}, {@code "schemaVersion": 1}; every
 * problem is an {@link ExperimentFileException} naming the file and the field.
 */
public final class Experiments {
    public static final String FORMAT = "resnet-explorer/experiment";
    public static final int SCHEMA_VERSION = 1;
    /** The bundled presets, in the order of the Experiments menu. */
    public static final List<String> BUNDLED = List.of("degradation", "plain-vs-resnet", "vanishing-gradients",
            "residual-responses", "bottleneck", "very-deep");
    private static final String FOLDER = "/assets/presets/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Experiments() {
    }

    /** A bundled preset by id. */
    public static Experiment bundled(String id) throws ExperimentFileException {
        String resource = FOLDER + id + ".json";
        try (InputStream in = Experiments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ExperimentFileException("no bundled experiment '" + id + "': use one of " + String.join(", ", BUNDLED));
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json");
        } catch (IOException e) {
            throw new ExperimentFileException(resource + ": cannot be read: " + e.getMessage());
        }
    }

    /** The text of a bundled preset, to save as the user's own copy. */
    public static String bundledText(String id) throws ExperimentFileException {
        try (InputStream in = Experiments.class.getResourceAsStream(FOLDER + id + ".json")) {
            if (in == null) {
                throw new ExperimentFileException("no bundled experiment '" + id + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExperimentFileException(id + ".json: cannot be read: " + e.getMessage());
        }
    }

    public static Experiment load(Path file) throws ExperimentFileException {
        if (!Files.isRegularFile(file)) {
            throw new ExperimentFileException(file + ": no such file: check the name, or save a preset first");
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ExperimentFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static Experiment fromJson(String text, String where) throws ExperimentFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ExperimentFileException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ": fix the file or take the bundled preset again");
        }
        Reader r = new Reader(where);
        if (root == null || !root.isObject()) {
            throw r.problem("", "is not an experiment (a JSON object is expected)");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw r.problem("format", "is not \"" + FORMAT + "\": this is not an experiment preset");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw r.problem("schemaVersion", version > SCHEMA_VERSION
                    ? "is " + version + ", newer than this app reads (" + SCHEMA_VERSION + "): update ResNet Explorer"
                    : "is missing or not " + SCHEMA_VERSION);
        }
        try {
            String id = r.text(root, "id");
            JsonNode dataset = root.path("dataset");
            String datasetName = dataset.isObject() ? r.text(dataset, "name") : null;
            DatasetOptions datasetOptions = dataset.isObject() ? datasetOptions(r, dataset) : DatasetOptions.defaults();
            TrainingSettings settings = settings(r, root.path("settings"));
            TemplateOptions defaults = templateOptions(r, root.path("defaults"), TemplateOptions.defaults());
            List<Experiment.RunSpec> runs = new ArrayList<>();
            for (JsonNode run : r.array(root, "runs")) {
                runs.add(new Experiment.RunSpec(r.text(run, "name"), r.text(run, "template"), templateOptions(r, run, defaults),
                        !run.has("train") || run.get("train").asBoolean(true)));
            }
            if (runs.stream().anyMatch(Experiment.RunSpec::train) && datasetName == null) {
                throw r.problem("dataset", "is missing: runs that train need a dataset");
            }
            List<Claim> claims = new ArrayList<>();
            for (JsonNode claim : r.array(root, "claims")) {
                claims.add(claim(r, claim, runs));
            }
            return new Experiment(id, r.texts(root, "title"), r.texts(root, "explanation"), r.texts(root, "paper"),
                    datasetName, datasetOptions, settings, root.path("fullFactor").asInt(1), runs, claims);
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(where + ": " + e.getMessage());
        }
    }

    private static DatasetOptions datasetOptions(Reader r, JsonNode node) throws ExperimentFileException {
        DatasetOptions options = DatasetOptions.defaults();
        if (node.has("seed")) {
            options = options.withSeed(node.get("seed").asLong());
        }
        if (node.has("trainSize")) {
            options = options.withTrainSize(r.integer(node, "trainSize"));
        }
        if (node.has("testSize")) {
            options = options.withTestSize(r.integer(node, "testSize"));
        }
        if (node.has("noise")) {
            options = options.withNoise(r.number(node, "noise"));
        }
        if (node.has("classes")) {
            options = options.withClasses(r.integer(node, "classes"));
        }
        if (node.has("downscale")) {
            options = options.withDownscale(node.get("downscale").asBoolean());
        }
        return options;
    }

    private static TrainingSettings settings(Reader r, JsonNode node) throws ExperimentFileException {
        TrainingSettings settings = TrainingSettings.defaults().withMetricsEvery(TrainingSettings.DEFAULT_METRICS_EVERY);
        if (!node.isObject()) {
            return settings;
        }
        if (node.has("steps")) {
            settings = settings.withSteps(r.integer(node, "steps"));
        }
        if (node.has("batch")) {
            settings = settings.withBatch(r.integer(node, "batch"));
        }
        if (node.has("optimizer")) {
            settings = settings.withOptimizer(Optimizer.parse(r.text(node, "optimizer")));
        }
        if (node.has("learningRate")) {
            settings = settings.withSchedule(LearningRateSchedule.constant(r.number(node, "learningRate")));
        }
        if (node.has("momentum")) {
            settings = settings.withMomentum(r.number(node, "momentum"));
        }
        if (node.has("weightDecay")) {
            settings = settings.withWeightDecay(r.number(node, "weightDecay"));
        }
        if (node.has("seed")) {
            settings = settings.withSeed(node.get("seed").asLong());
        }
        if (node.has("evalEvery")) {
            settings = settings.withEvalEvery(r.integer(node, "evalEvery"));
        }
        if (node.has("metricsEvery")) {
            settings = settings.withMetricsEvery(r.integer(node, "metricsEvery"));
        }
        if (node.has("testLimit")) {
            settings = settings.withTestLimit(r.integer(node, "testLimit"));
        }
        return settings;
    }

    private static TemplateOptions templateOptions(Reader r, JsonNode node, TemplateOptions base) throws ExperimentFileException {
        TemplateOptions options = base;
        if (!node.isObject()) {
            return options;
        }
        if (node.has("width")) {
            options = options.withWidth(r.integer(node, "width"));
        }
        if (node.has("batchNorm")) {
            options = options.withBatchNorm(node.get("batchNorm").asBoolean());
        }
        if (node.has("activation")) {
            options = options.withActivation(ActivationFunction.parse(r.text(node, "activation")));
        }
        if (node.has("shortcut")) {
            options = options.withShortcut(ShortcutOption.parse(r.text(node, "shortcut")));
        }
        return options;
    }

    private static Claim claim(Reader r, JsonNode node, List<Experiment.RunSpec> runs) throws ExperimentFileException {
        Claim.Figure figure = r.choice(node, "figure", Claim.Figure.class);
        String run = r.text(node, "run");
        String than = node.has("than") ? r.text(node, "than") : null;
        for (String name : than == null ? List.of(run) : List.of(run, than)) {
            if (runs.stream().noneMatch(s -> s.name().equals(name))) {
                throw r.problem("claims", "name a run '" + name + "' that the experiment does not have");
            }
        }
        if (than == null && !node.has("value")) {
            throw r.problem("claims", "need \"than\" (a run) or \"value\" (a number)");
        }
        Claim.Figure other = node.has("thanFigure") ? r.choice(node, "thanFigure", Claim.Figure.class) : figure;
        return new Claim(figure, run, r.choice(node, "relation", Claim.Relation.class), than, other,
                node.path("value").asDouble(Double.NaN), node.path("factor").asDouble(1), node.path("margin").asDouble(0),
                r.texts(node, "statement"));
    }

    /** Field access with errors that name the file and the field. */
    private record Reader(String where) {
        ExperimentFileException problem(String field, String message) {
            return new ExperimentFileException(where + ": " + (field.isEmpty() ? "it " : "\"" + field + "\" ") + message);
        }

        String text(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw problem(field, "is missing or not a text");
            }
            return value.asText();
        }

        int integer(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
                throw problem(field, "is missing or not a whole number");
            }
            return value.asInt();
        }

        double number(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber()) {
                throw problem(field, "is missing or not a number");
            }
            return value.asDouble();
        }

        List<JsonNode> array(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw problem(field, "is missing or not a list");
            }
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            return items;
        }

        Map<String, String> texts(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject() || !value.has("en")) {
                throw problem(field, "is missing or has no English (\"en\") text");
            }
            Map<String, String> texts = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
            return texts;
        }

        <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type) throws ExperimentFileException {
            String text = text(node, field);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (E constant : type.getEnumConstants()) {
                    names.add(constant.name().toLowerCase(Locale.ROOT));
                }
                throw problem(field, "is '" + text + "', not one of " + String.join(", ", names));
            }
        }
    }
}

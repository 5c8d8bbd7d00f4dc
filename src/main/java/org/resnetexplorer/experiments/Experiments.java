package org.resnetexplorer.experiments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.files.JsonTexts;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

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
            "residual-responses", "bottleneck", "very-deep", "degradation-images", "converges-faster", "shortcut-options",
            "pre-activation", "lesion", "insert-block", "loss-landscape", "shattered-gradients");
    /** What the learning rate is multiplied by at each of a preset's {@code lrDrops}, as in the paper. */
    public static final double LR_DROP_FACTOR = 0.1;
    /** The largest preset file read: the bundled ones have 2-4 kB, so a megabyte is surely something else. */
    public static final long MAX_BYTES = 1 << 20;
    private static final String FOLDER = "/assets/presets/";
    private static final String WHAT = Texts.get("experiments.what");
    /** Strict JSON: a second value after the preset, or a field given twice, is a mistake, not something to ignore. */
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    /**
     * Reads the preset saved in {@code file}.
     *
     * @throws ExperimentFileException if the file is missing, not a file, too large, not text, or not a valid preset
     */
    public static Experiment load(Path file) throws ExperimentFileException {
        return read(text(file), file);
    }

    /**
     * The text of a preset file, checked before it is read: a regular file of at most {@link #MAX_BYTES} (decision
     * 0018), UTF-8. Clears first what a killed save left beside it (presets are saved whole or not at all).
     *
     * @throws ExperimentFileException naming the file and what is wrong with it
     */
    public static String text(Path file) throws ExperimentFileException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            AtomicFiles.removeStale(folder);
        }
        try {
            return InputFiles.readText(file, MAX_BYTES, WHAT);
        } catch (InputFileException e) {
            throw new ExperimentFileException(e.getMessage());
        }
    }

    /** The preset in {@code text}, read from {@code file} ({@link #text}); messages name the file. */
    public static Experiment read(String text, Path file) throws ExperimentFileException {
        return fromJson(text, file.toString());
    }

    static Experiment fromJson(String text, String where) throws ExperimentFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ExperimentFileException(where + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + ": fix the file or take the bundled"
                    + " preset again");
        }
        Reader r = new Reader(where);
        if (root == null || !root.isObject()) {
            throw r.problem("", "is not an experiment (a JSON object is expected)");
        }
        Optional<JsonTexts.LoneSurrogate> broken = JsonTexts.firstLoneSurrogate(root);
        if (broken.isPresent()) {
            throw r.problem(broken.get().path(), "holds half a character (a lone UTF-16 surrogate, " + broken.get().escape()
                    + "), which no file can store: retype that text");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw r.problem("format", "is not \"" + FORMAT + "\": this is not an experiment preset");
        }
        JsonNode versionNode = root.path("schemaVersion");
        int version = versionNode.isIntegralNumber() && versionNode.canConvertToInt() ? versionNode.asInt() : -1;
        if (version != SCHEMA_VERSION) {
            throw r.problem("schemaVersion", version > SCHEMA_VERSION
                    ? "is " + version + ", newer than this app reads (" + SCHEMA_VERSION + "): update ResNet Explorer"
                    : "is missing or not " + SCHEMA_VERSION);
        }
        r.only(root, "", "format", "schemaVersion", "id", "title", "explanation", "paper", "dataset", "settings",
                "fullFactor", "defaults", "runs", "claims", "study");
        try {
            String id = r.text(root, "id");
            String datasetName = null;
            DatasetOptions datasetOptions = DatasetOptions.defaults();
            if (root.has("dataset")) {
                JsonNode dataset = r.object(root, "dataset");
                r.only(dataset, "dataset", "name", "seed", "trainSize", "testSize", "noise", "classes", "downscale");
                datasetName = dataset(r, dataset);
                datasetOptions = datasetOptions(r, dataset);
            }
            TrainingSettings settings = settings(r, root);
            TemplateOptions defaults = templateOptions(r, root.has("defaults") ? r.object(root, "defaults") : null,
                    TemplateOptions.defaults(), "defaults", "width", "batchNorm", "activation", "shortcut");
            List<Experiment.RunSpec> runs = new ArrayList<>();
            for (JsonNode run : r.objects(root, "runs")) {
                Experiment.RunSpec spec = new Experiment.RunSpec(r.text(run, "name"), r.text(run, "template"),
                        templateOptions(r, run, defaults, "runs", "name", "template", "train", "width", "batchNorm",
                                "activation", "shortcut"),
                        !run.has("train") || r.bool(run, "train"));
                if (runs.stream().anyMatch(other -> other.name().equals(spec.name()))) {
                    throw r.problem("runs", "name the run '" + spec.name() + "' twice: give each run its own name");
                }
                template(r, spec);
                runs.add(spec);
            }
            if (runs.stream().anyMatch(Experiment.RunSpec::train) && datasetName == null) {
                throw r.problem("dataset", "is missing: runs that train need a dataset");
            }
            List<Claim> claims = new ArrayList<>();
            for (JsonNode claim : r.objects(root, "claims")) {
                claims.add(claim(r, claim, runs));
            }
            int fullFactor = root.has("fullFactor") ? r.integer(root, "fullFactor") : 1;
            Study study = root.has("study") ? study(r, root, where) : null;
            if (study == null && claims.stream().anyMatch(c -> c.figure().study() || c.otherFigure().study())) {
                throw r.problem("claims", "compare a figure a study measures, but the preset has no \"study\"");
            }
            Experiment experiment = new Experiment(id, r.texts(root, "title"), r.texts(root, "explanation"),
                    r.texts(root, "paper"), datasetName, datasetOptions, settings, fullFactor, runs, claims, study);
            if (study != null) {
                Studies.method(study).check(experiment);
            }
            return experiment;
        } catch (IllegalArgumentException e) {
            throw new ExperimentFileException(where + ": " + e.getMessage());
        }
    }

    /** The preset's study: its kind, and the object's other fields as the kind's settings (checked by the kind). */
    private static Study study(Reader r, JsonNode root, String where) throws ExperimentFileException {
        JsonNode node = r.object(root, "study");
        StudySettings settings = new StudySettings(node, where);
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw settings.problem("kind", "is missing or not a text: name one of the studies ("
                    + String.join(", ", Studies.KINDS) + ")");
        }
        return new Study(kind.asText(), settings);
    }

    /**
     * The dataset's name: one of the datasets the app has (a preset names no files: it travels without them), and
     * not one that needs a folder of the user's own files, which a preset cannot give.
     */
    private static String dataset(Reader r, JsonNode node) throws ExperimentFileException {
        String name = r.text(node, "name");
        if (!Datasets.names().contains(name)) {
            throw r.problem("dataset", "names '" + name + "', which is not one of " + String.join(", ", Datasets.namesWithoutFolder())
                    + " (a preset cannot name a file; train your own data with the 'train' command)");
        }
        if (!Datasets.namesWithoutFolder().contains(name)) {
            throw r.problem("dataset", "names '" + name + "', which needs a folder of your own files that a preset cannot"
                    + " give: use one of " + String.join(", ", Datasets.namesWithoutFolder()) + ", or 'train' with --data-dir");
        }
        return name;
    }

    /** The run's template must exist and take the run's options, found now rather than after the runs before it trained. */
    private static void template(Reader r, Experiment.RunSpec spec) throws ExperimentFileException {
        try {
            Templates.build(spec.template(), spec.options());
        } catch (IllegalArgumentException e) {
            throw r.problem("runs", "has a run '" + spec.name() + "' that cannot be built: " + e.getMessage());
        }
    }

    private static DatasetOptions datasetOptions(Reader r, JsonNode node) throws ExperimentFileException {
        DatasetOptions options = DatasetOptions.defaults();
        if (node.has("seed")) {
            options = options.withSeed(r.longInteger(node, "seed"));
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
            options = options.withDownscale(r.bool(node, "downscale"));
        }
        return options;
    }

    private static TrainingSettings settings(Reader r, JsonNode root) throws ExperimentFileException {
        TrainingSettings settings = TrainingSettings.defaults().withMetricsEvery(TrainingSettings.DEFAULT_METRICS_EVERY);
        if (!root.has("settings")) {
            return settings;
        }
        JsonNode node = r.object(root, "settings");
        r.only(node, "settings", "steps", "batch", "optimizer", "learningRate", "momentum", "weightDecay", "seed",
                "evalEvery", "metricsEvery", "testLimit", "lrDrops");
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
            settings = settings.withSeed(r.longInteger(node, "seed"));
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
        if (node.has("lrDrops")) {
            settings = settings.withSchedule(schedule(settings.schedule().base(), r.fractions(node, "lrDrops"),
                    settings.steps()));
        }
        return settings;
    }

    /**
     * The learning rate divided by 10 at each fraction of the steps (the paper's shape: 32k and 48k of 64k are
     * 0.5 and 0.75). Fractions, not steps, so that {@link Experiment#settings(boolean)} can scale the drops with
     * the steps of the "full" setting.
     */
    private static LearningRateSchedule schedule(double base, List<Double> fractions, int steps) {
        List<Integer> milestones = fractions.stream().map(f -> (int) Math.round(f * steps)).toList();
        return new LearningRateSchedule(base, milestones, LR_DROP_FACTOR, 0);
    }

    /** The template options of {@code node} (null: none) over {@code base}; {@code fields} are the fields it may have. */
    private static TemplateOptions templateOptions(Reader r, JsonNode node, TemplateOptions base, String where,
            String... fields) throws ExperimentFileException {
        if (node == null) {
            return base;
        }
        r.only(node, where, fields);
        TemplateOptions options = base;
        if (node.has("width")) {
            options = options.withWidth(r.integer(node, "width"));
        }
        if (node.has("batchNorm")) {
            options = options.withBatchNorm(r.bool(node, "batchNorm"));
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
        r.only(node, "claims", "figure", "run", "relation", "than", "thanFigure", "value", "factor", "margin", "level",
                "statement");
        Claim.Figure figure = r.choice(node, "figure", Claim.Figure.class);
        Claim.Figure other = node.has("thanFigure") ? r.choice(node, "thanFigure", Claim.Figure.class) : figure;
        String run = r.text(node, "run");
        String than = node.has("than") ? r.text(node, "than") : null;
        if ((than == null) == !node.has("value")) {
            throw r.problem("claims", "need either \"than\" (a run) or \"value\" (a number), not "
                    + (than == null ? "neither" : "both"));
        }
        checkRun(r, runs, run, figure);
        if (than != null) {
            checkRun(r, runs, than, other);
        }
        boolean counts = figure == Claim.Figure.STEPS_TO_TRAIN_ERROR || other == Claim.Figure.STEPS_TO_TRAIN_ERROR;
        if (counts != node.has("level")) {
            throw r.problem("claims", counts ? "on steps_to_train_error need a \"level\": the training error to reach"
                    + " (e.g. 0.2)" : "have a \"level\" only with steps_to_train_error");
        }
        double level = counts ? r.number(node, "level") : Double.NaN;
        if (counts && !(level > 0 && level < 1)) {
            throw r.problem("level", "is " + level + ": a training error above 0 and below 1 is expected (0.2 is 20%)");
        }
        return new Claim(figure, run, r.choice(node, "relation", Claim.Relation.class), than, other,
                node.has("value") ? r.number(node, "value") : Double.NaN,
                node.has("factor") ? r.number(node, "factor") : 1, node.has("margin") ? r.number(node, "margin") : 0,
                level, r.texts(node, "statement"));
    }

    /** A claim's run must exist, and train when the figure is one that training measures (a study may measure it untrained). */
    private static void checkRun(Reader r, List<Experiment.RunSpec> runs, String name, Claim.Figure figure)
            throws ExperimentFileException {
        Experiment.RunSpec spec = runs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> r.problem("claims", "name a run '" + name + "' that the experiment does not have"));
        if (!spec.train() && figure != Claim.Figure.PARAMS && figure != Claim.Figure.MACS && !figure.study()) {
            throw r.problem("claims", "compare the " + figure.name().toLowerCase(Locale.ROOT) + " of run '" + name
                    + "', which does not train: only params, macs and a study's figures are known without training");
        }
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
            if (value == null || !value.isIntegralNumber()) {
                throw problem(field, "is missing or not a whole number");
            }
            if (!value.canConvertToInt()) {
                throw problem(field, "is " + value.asText() + ", too large: at most " + Integer.MAX_VALUE);
            }
            return value.asInt();
        }

        long longInteger(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isIntegralNumber()) {
                throw problem(field, "is missing or not a whole number");
            }
            if (!value.canConvertToLong()) {
                throw problem(field, "is " + value.asText() + ", too large: at most " + Long.MAX_VALUE);
            }
            return value.asLong();
        }

        double number(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw problem(field, "is missing or not a number");
            }
            return value.asDouble();
        }

        boolean bool(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isBoolean()) {
                throw problem(field, "is missing or not true or false");
            }
            return value.asBoolean();
        }

        JsonNode object(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw problem(field, "is missing or not an object ({...})");
            }
            return value;
        }

        /**
         * A list of fractions of the steps, each strictly between 0 and 1 and each larger than the one before:
         * a drop at 0 or 1, or given twice, is surely a mistake.
         */
        List<Double> fractions(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw problem(field, "is missing or not a list of fractions of the steps (e.g. [0.5, 0.75])");
            }
            List<Double> fractions = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isNumber() || !(item.asDouble() > 0 && item.asDouble() < 1)) {
                    throw problem(field, "holds " + shown(item.toString()) + " where a fraction of the steps above 0"
                            + " and below 1 is expected (0.5 drops the learning rate half way)");
                }
                if (!fractions.isEmpty() && item.asDouble() <= fractions.get(fractions.size() - 1)) {
                    throw problem(field, "must rise: " + item.asDouble() + " comes after "
                            + fractions.get(fractions.size() - 1));
                }
                fractions.add(item.asDouble());
            }
            return fractions;
        }

        /** The list's items, each an object. */
        List<JsonNode> objects(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw problem(field, "is missing or not a list");
            }
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isObject()) {
                    throw problem(field, "holds " + item.getNodeType().name().toLowerCase(Locale.ROOT)
                            + " where an object ({...}) is expected");
                }
                items.add(item);
            }
            return items;
        }

        /** Refuses a field the preset format does not have: a misspelt setting would otherwise be ignored. */
        void only(JsonNode node, String where, String... fields) throws ExperimentFileException {
            List<String> known = List.of(fields);
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw problem(where, "has a field \"" + shown(name)
                            + "\" that presets do not have: use " + String.join(", ", known));
                }
            }
        }

        Map<String, String> texts(JsonNode node, String field) throws ExperimentFileException {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject() || !value.has("en")) {
                throw problem(field, "is missing or has no English (\"en\") text");
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isTextual()) {
                    throw problem(field, "has a \"" + shown(entry.getKey()) + "\" that is not a text");
                }
                texts.put(entry.getKey(), entry.getValue().asText());
            }
            return texts;
        }

        /** A name from the file, short and on one line, for a message. */
        private static String shown(String name) {
            String line = name.replaceAll("\\p{Cntrl}", "?");
            return line.length() <= 40 ? line : line.substring(0, 37) + "...";
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

package org.resnetexplorer.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.files.JsonTexts;

/**
 * What a run was trained with, in its folder as {@value #FILE} (decision 0038): the dataset's name and the options
 * it was loaded with (sizes, noise, classes, downscaling; never a folder: a path read from a file would open what
 * the file names), and every training setting. {@code export-pytorch RUN_DIR --train} reads it back to write a
 * training script with the run's settings.
 *
 * <p>Read with a size limit, every value checked by type and by the records' own rules; anything else is one line
 * naming the file and the problem.
 */
public final class RunSettingsFiles {
    /** The file in a run folder. */
    public static final String FILE = "settings.json";
    static final String FORMAT = "resnet-explorer training settings";
    static final int VERSION = 1;
    /** Largest file read: a few hundred bytes, a list of milestones at most some kilobytes. */
    static final long MAX_BYTES = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A run's settings.
     *
     * @param dataset the dataset's name as the run gave it (a generated, bundled or downloaded set, or a CSV file's
     *                path as typed), only ever shown or compared
     * @param data    its options; the data folder and seed stay unset (the seed is the loader's default)
     * @param folder  whether the data came from a folder of the user's files ({@code --data-dir}) rather than the
     *                app's own (generated, bundled) or Debian's: Fashion-MNIST is a subset of 6,000 / 1,000 when
     *                bundled, the whole set from a folder
     */
    public record RunSettings(String dataset, DatasetOptions data, boolean folder, TrainingSettings training) {
        public RunSettings {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(training, "training");
        }
    }

    private RunSettingsFiles() {
    }

    /** Writes {@value #FILE} into {@code folder} (which exists), whole or not at all. */
    public static void write(RunSettings run, Path folder) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode data = root.putObject("dataset");
        data.put("name", run.dataset());
        DatasetOptions o = run.data();
        putOrNull(data, "trainSize", o.trainSize());
        putOrNull(data, "testSize", o.testSize());
        putOrNull(data, "classes", o.classes());
        if (o.noise() != null) {
            data.put("noise", o.noise());
        } else {
            data.putNull("noise");
        }
        data.put("downscale", o.downscale());
        data.put("folder", run.folder());
        TrainingSettings s = run.training();
        ObjectNode t = root.putObject("training");
        t.put("steps", s.steps());
        t.put("batch", s.batch());
        t.put("optimizer", s.optimizer().id());
        t.put("learningRate", s.schedule().base());
        s.schedule().milestones().forEach(t.putArray("milestones")::add);
        t.put("decayFactor", s.schedule().factor());
        t.put("warmupSteps", s.schedule().warmupSteps());
        t.put("momentum", s.momentum());
        t.put("weightDecay", s.weightDecay());
        t.put("seed", s.seed());
        t.put("evalEvery", s.evalEvery());
        t.put("metricsEvery", s.metricsEvery());
        t.put("testLimit", s.testLimit());
        AtomicFiles.writeText(JSON.writeValueAsString(root) + "\n", folder.resolve(FILE));
    }

    /**
     * The settings in {@code folder}'s {@value #FILE}.
     *
     * @throws StateFileException if the file is missing, too large, not this format, or holds a value out of range
     */
    public static RunSettings read(Path folder) throws StateFileException {
        Path file = folder.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(InputFiles.readText(file, MAX_BYTES, "a run's settings"));
        } catch (InputFileException e) {
            throw new StateFileException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw damaged(file, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText(null))) {
            throw damaged(file, "not a run's settings (no \"format\": \"" + FORMAT + "\")");
        }
        if (!root.path("version").isInt() || root.get("version").asInt() != VERSION) {
            throw damaged(file, "version " + root.path("version") + ", where this version reads " + VERSION);
        }
        if (JsonTexts.firstLoneSurrogate(root).isPresent()) {
            throw damaged(file, "a text holds half a character");
        }
        JsonNode data = root.path("dataset");
        JsonNode t = root.path("training");
        if (!data.path("name").isTextual() || data.get("name").asText().isBlank()) {
            throw damaged(file, "the dataset's name is missing");
        }
        try {
            DatasetOptions options = DatasetOptions.defaults()
                    .withTrainSize(optionalInt(file, data, "trainSize"))
                    .withTestSize(optionalInt(file, data, "testSize"))
                    .withClasses(optionalInt(file, data, "classes"))
                    .withNoise(data.path("noise").isNull() ? null : number(file, data, "noise"))
                    .withDownscale(bool(file, data, "downscale"));
            List<Integer> milestones = new ArrayList<>();
            if (!t.path("milestones").isArray()) {
                throw damaged(file, "training.milestones is not a list");
            }
            for (JsonNode milestone : t.get("milestones")) {
                if (!milestone.isInt() || milestone.asInt() < 1) {
                    throw damaged(file, "a milestone is not a whole number of at least 1");
                }
                milestones.add(milestone.asInt());
            }
            Optimizer optimizer = Optimizer.parse(text(file, t, "optimizer"));
            TrainingSettings training = new TrainingSettings(integer(file, t, "steps"), integer(file, t, "batch"),
                    optimizer, new LearningRateSchedule(number(file, t, "learningRate"), milestones,
                            number(file, t, "decayFactor"), integer(file, t, "warmupSteps")),
                    number(file, t, "momentum"), number(file, t, "weightDecay"), whole(file, t, "seed"),
                    integer(file, t, "evalEvery"), integer(file, t, "metricsEvery"), integer(file, t, "testLimit"),
                    TrainingSettings.defaults().histogramBins());
            return new RunSettings(data.get("name").asText(), options, bool(file, data, "folder"), training);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static void putOrNull(ObjectNode node, String key, Integer value) {
        if (value != null) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static Integer optionalInt(Path file, JsonNode node, String key) throws StateFileException {
        return node.path(key).isNull() ? null : integer(file, node, key);
    }

    private static int integer(Path file, JsonNode node, String key) throws StateFileException {
        if (!node.path(key).isInt()) {
            throw damaged(file, key + " is missing or not a whole number");
        }
        return node.get(key).asInt();
    }

    private static long whole(Path file, JsonNode node, String key) throws StateFileException {
        if (!node.path(key).isIntegralNumber() || !node.get(key).canConvertToLong()) {
            throw damaged(file, key + " is missing or not a whole number");
        }
        return node.get(key).asLong();
    }

    private static double number(Path file, JsonNode node, String key) throws StateFileException {
        if (!node.path(key).isNumber()) {
            throw damaged(file, key + " is missing or not a number");
        }
        return node.get(key).asDouble();
    }

    private static boolean bool(Path file, JsonNode node, String key) throws StateFileException {
        if (!node.path(key).isBoolean()) {
            throw damaged(file, key + " is missing or not true or false");
        }
        return node.get(key).asBoolean();
    }

    private static String text(Path file, JsonNode node, String key) throws StateFileException {
        if (!node.path(key).isTextual()) {
            throw damaged(file, key + " is missing or not a text");
        }
        return node.get(key).asText();
    }

    private static StateFileException damaged(Path file, String problem) {
        return new StateFileException(file + ": " + problem + "; write the run again with 'train ... --out DIR'", null);
    }
}

package org.resnetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.InitialValues;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunSettingsFiles;
import org.resnetexplorer.engine.StateFileException;
import org.resnetexplorer.engine.TrainedNetworkFiles;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TrainedValues;

/**
 * {@code export-pytorch MODEL --train}: the training script ({@link TrainingScript}) of a template or graph file with
 * train's options, or of a run folder with the settings it was trained with ({@value RunSettingsFiles#FILE}),
 * starting from the run's trained weights with {@code --from-trained}.
 */
final class ScriptExport {
    /** The switches of export-pytorch that only a script takes. */
    static final Set<String> FLAGS = Set.of("--train", "--from-trained");
    /** The sizes of the bundled Fashion-MNIST subset, which a script takes from the whole set downloaded. */
    private static final int BUNDLED_TRAIN = 6000;
    private static final int BUNDLED_TEST = 1000;

    /**
     * A script to write.
     *
     * @param dataFile where its examples go ({@link TrainingScript.Source#FILE}), else null
     * @param examples their text, else null
     */
    record Script(Network network, String code, Path dataFile, String examples) {
    }

    /** What a script trains on, the shape and classes the network must fit, and the examples to write beside it. */
    private record Prepared(TrainingScript.Data data, Shape shape, int classes, String examples) {
    }

    private ScriptExport() {
    }

    /**
     * The script of MODEL; {@code output} is the script's file (null: printed), beside which a CSV dataset's
     * examples go.
     */
    static Script of(String model, Arguments parsed, Path output) throws UsageException {
        Path folder = Arguments.path(model, "MODEL");
        if (Files.isDirectory(folder)) {
            return ofRun(folder, parsed, output);
        }
        if (parsed.flag("--from-trained")) {
            throw new UsageException("--from-trained needs a run folder as MODEL ('train ... --out DIR' writes one):"
                    + " a template or graph file has no trained weights");
        }
        if (parsed.option("--input") != null) {
            throw new UsageException("--input does not apply with --train: the dataset decides the network's input");
        }
        String name = parsed.option("--dataset");
        if (name == null) {
            throw new UsageException("'export-pytorch --train' needs --dataset NAME: one of "
                    + String.join(", ", TrainingScript.KNOWN));
        }
        DatasetOptions options = TrainingOptions.dataset(parsed);
        TrainingSettings settings = TrainingOptions.settings(parsed);
        Prepared prepared = prepare(name, options, options.dataDir() != null, output);
        Network network = Models.resolve(model, ModelOptions.from(parsed).withInput(prepared.shape())
                .withClasses(prepared.classes()));
        return script(model, network, InitialValues.of(requireFits(model, network, prepared), settings.seed()),
                prepared, settings, output);
    }

    /** A run folder's script: its network, its settings, and with --from-trained its trained values. */
    private static Script ofRun(Path folder, Arguments parsed, Path output) throws UsageException {
        for (String option : ModelOptions.OPTIONS) {
            refuseForRun(parsed.option(option) != null, option);
        }
        for (String option : TrainingOptions.OPTIONS) {
            refuseForRun(!option.equals("--dataset") && parsed.option(option) != null, option);
        }
        for (String flag : ModelOptions.FLAGS) {
            refuseForRun(parsed.flag(flag), flag);
        }
        for (String flag : TrainingOptions.FLAGS) {
            refuseForRun(parsed.flag(flag), flag);
        }
        if (!TrainedNetworkFiles.isRunFolder(folder)) {
            throw new UsageException(folder + " is a folder without a trained network (" + TrainedNetworkFiles.INDEX
                    + "): give a run folder as 'train ... --out DIR' writes it, a template name or a graph file");
        }
        if (!Files.exists(folder.resolve(RunSettingsFiles.FILE))) {
            throw new UsageException(folder + " has no " + RunSettingsFiles.FILE + " (the settings of its run, which"
                    + " newer versions of 'train --out' write): train it again, or export a template with --train");
        }
        RunSettingsFiles.RunSettings run;
        NetworkState state;
        try {
            run = RunSettingsFiles.read(folder);
            state = TrainedNetworkFiles.read(folder);
        } catch (StateFileException e) {
            throw new UsageException(e.getMessage());
        }
        String name = run.dataset();
        String given = parsed.option("--dataset");
        if (isCsv(name)) {
            // a path read from a file is never opened: the user names the CSV file again
            if (given == null || !isCsv(given)) {
                throw new UsageException("the run trained on the CSV file " + display(name)
                        + ": give it again with --dataset FILE.csv");
            }
            name = given;
        } else if (given != null) {
            throw new UsageException("--dataset does not apply to this run folder: its run trained on " + display(name));
        }
        Prepared prepared = prepare(name, run.data(), run.folder(), output);
        Network network = state.network();
        requireFits(folder.toString(), network, prepared);
        TrainedValues start = parsed.flag("--from-trained") ? state.trainedValues()
                : InitialValues.of(network, run.training().seed());
        return script(folder.toString(), network, start, prepared, run.training(), output);
    }

    private static Script script(String model, Network network, TrainedValues start, Prepared prepared,
            TrainingSettings settings, Path output) throws UsageException {
        String code;
        try {
            code = TrainingScript.code(network, start, prepared.data(), settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(model + ": " + e.getMessage());
        }
        Path dataFile = prepared.examples() == null ? null : output.resolveSibling(prepared.data().file());
        return new Script(network, code, dataFile, prepared.examples());
    }

    private static void refuseForRun(boolean given, String option) throws UsageException {
        if (given) {
            throw new UsageException(option + " does not apply to a run folder: its script takes the run's network and"
                    + " settings (" + RunSettingsFiles.FILE + ")");
        }
    }

    /** The data of a script from the dataset's name and options, checked as the engine checks them. */
    private static Prepared prepare(String name, DatasetOptions options, boolean folder, Path output)
            throws UsageException {
        String key = name.trim();
        String torchvision = TrainingScript.torchvision(key);
        if (torchvision != null) {
            // not loaded: the script downloads the images through torchvision; the options are checked here
            if (options.noise() != null) {
                throw new UsageException("--noise applies to the generated sets, not to " + key);
            }
            if (options.classes() != null && options.classes() != 10) {
                throw new UsageException(key + " has 10 classes, not " + options.classes());
            }
            boolean bundled = key.equals("fashion-mnist") && !folder;
            Integer train = options.trainSize() == null && bundled ? Integer.valueOf(BUNDLED_TRAIN) : options.trainSize();
            Integer test = options.testSize() == null && bundled ? Integer.valueOf(BUNDLED_TEST) : options.testSize();
            return new Prepared(new TrainingScript.Data(key, TrainingScript.Source.TORCHVISION, torchvision, 10, null,
                    train, test, options.downscale(), null), Datasets.shape(key, options.downscale()).orElseThrow(), 10,
                    null);
        }
        if (Datasets.isGenerated(key)) {
            Dataset dataset = load(key, options);
            double noise = options.noise() != null ? options.noise() : Datasets.DEFAULT_NOISE;
            return new Prepared(new TrainingScript.Data(key, TrainingScript.Source.GENERATED, null, dataset.classes(),
                    noise, dataset.train().size(), dataset.test().size(), false, null), dataset.shape(),
                    dataset.classes(), null);
        }
        if (isCsv(key)) {
            if (output == null) {
                throw new UsageException("a script of a CSV dataset needs -o FILE.py: its examples go in a file beside it");
            }
            Dataset dataset = load(key, options);
            String stem = output.getFileName().toString().replaceFirst("(?i)\\.py$", "");
            String file = stem + "-data.csv";
            return new Prepared(new TrainingScript.Data(dataset.name(), TrainingScript.Source.FILE, null,
                    dataset.classes(), null, dataset.train().size(), dataset.test().size(), false, file),
                    dataset.shape(), dataset.classes(), TrainingScript.examples(dataset));
        }
        throw new UsageException("a training script trains on " + String.join(", ", TrainingScript.KNOWN) + "; not "
                + display(key));
    }

    private static Dataset load(String name, DatasetOptions options) throws UsageException {
        try {
            return Datasets.load(name, options);
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The network's analysis, if it is valid and takes the data's examples and classes. */
    private static Network requireFits(String model, Network network, Prepared prepared) throws UsageException {
        Analysis analysis = Models.requireValid(model, network);
        Shape input = analysis.inputShape().orElseThrow();
        int classes = analysis.classes().orElseThrow();
        if (!input.equals(prepared.shape()) || classes != prepared.classes()) {
            throw new UsageException(model + " takes " + input + " and predicts " + classes + " classes, where "
                    + display(prepared.data().name()) + " has examples of " + prepared.shape() + " in "
                    + prepared.classes() + " classes");
        }
        return network;
    }

    private static boolean isCsv(String name) {
        return name.trim().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** A name from a file or the user, quoted on one line for a message. */
    private static String display(String name) {
        return "'" + name.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}

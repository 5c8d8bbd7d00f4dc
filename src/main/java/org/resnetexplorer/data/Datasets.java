package org.resnetexplorer.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * Loads a dataset by name:
 *
 * <ul>
 * <li>{@code spiral}, {@code circles}, {@code xor}, {@code gauss}, {@code moons}: 2-D points generated in code
 * (see {@link DatasetOptions} for sizes, noise, classes), features in [-1, 1], stored as they are.
 * <li>{@code fashion-mnist}: the bundled subset (6,000 train / 1,000 test, 600 / 100 per class), read from the
 * classpath folder {@value #BUNDLED_FASHION_MNIST}; with {@code dataDir}, the full set in that folder instead.
 * <li>{@code fashion-mnist-full}: the full set (60,000 / 10,000) from {@code dataDir}, or from Debian's
 * {@code /usr/share/datasets/fashion-mnist} (package {@code dataset-fashion-mnist}) when no folder is given.
 * <li>{@code mnist}: the IDX files in {@code dataDir}.
 * <li>{@code cifar10}: the binary batches in {@code dataDir} or in its {@code cifar-10-batches-bin} folder.
 * <li>a path ending in {@code .csv}: see {@link #CSV_HELP}.
 * </ul>
 *
 * Images are scaled to [0, 1] and then standardised per channel with the mean and standard deviation of the
 * training split (recorded in {@link Dataset#normalization()}); CSV features are standardised per column the
 * same way. An option the dataset cannot honour (noise for a file, downscaling points, a folder for a generated
 * set, another number of classes than a fixed set has) is refused, not ignored.
 */
public final class Datasets {

    /** The seed used when the options give none. */
    public static final long DEFAULT_SEED = 1;

    /** The classpath folder of the bundled Fashion-MNIST subset (the repository's assets/datasets/...). */
    public static final String BUNDLED_FASHION_MNIST = "/assets/datasets/fashion-mnist-subset/";

    /** Where Debian's package dataset-fashion-mnist puts the full set. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** The noise of the generated sets when the options give none. */
    public static final double DEFAULT_NOISE = ToySets.DEFAULT_NOISE;

    /** A help line for CSV files, which have no fixed name. */
    public static final String CSV_HELP = Texts.get("datasets.csv.help");
    static final String NOT_BUNDLED = Texts.get("datasets.not.bundled");
    static final String FULL_NOT_INSTALLED = Texts.get("datasets.full.not.installed");

    private static final Map<String, String> DESCRIPTIONS = descriptions0();

    /** Where the loader looks for files; tests point it elsewhere. */
    record Locations(String bundledFashionMnist, Path debianFashionMnist) {
        static final Locations DEFAULT = new Locations(BUNDLED_FASHION_MNIST, DEBIAN_FASHION_MNIST);
    }

    private Datasets() {
    }

    private static Map<String, String> descriptions0() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("spiral", Texts.get("datasets.spiral"));
        d.put("circles", Texts.get("datasets.circles"));
        d.put("xor", Texts.get("datasets.xor"));
        d.put("gauss", Texts.get("datasets.gauss"));
        d.put("moons", Texts.get("datasets.moons"));
        d.put("fashion-mnist", Texts.get("datasets.fashion.mnist"));
        d.put("fashion-mnist-full", Texts.get("datasets.fashion.mnist.full"));
        d.put("mnist", Texts.get("datasets.mnist"));
        d.put("cifar10", Texts.get("datasets.cifar10"));
        return Collections.unmodifiableMap(d);
    }

    /** The dataset names, in the order of a help text; any path ending in {@code .csv} is loadable too. */
    public static List<String> names() {
        return List.copyOf(DESCRIPTIONS.keySet());
    }

    /**
     * The datasets that load without a folder of the user's own files (generated in code, bundled, or from Debian's
     * package): the ones an experiment preset may name, since a preset travels without files.
     */
    public static List<String> namesWithoutFolder() {
        return names().stream().filter(name -> !name.equals("mnist") && !name.equals("cifar10")).toList();
    }

    /**
     * One line describing {@code name} for help texts ({@link #CSV_HELP} for a {@code .csv} path).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static String description(String name) {
        if (isCsv(name)) {
            return CSV_HELP;
        }
        String d = DESCRIPTIONS.get(name);
        if (d == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        return d;
    }

    /** True for the sets generated in code, which take noise and (spiral, gauss) a number of classes. */
    public static boolean isGenerated(String name) {
        return ToySets.Kind.of(name) != null;
    }

    /**
     * The shape of one example of {@code name}, known without loading it: a 2-D point for the generated sets and
     * the drawn points ({@value DrawnData#NAME}, which the window builds with {@link DrawnData}), 1x28x28 for (Fashion-)MNIST and 3x32x32 for CIFAR-10, their height and width halved with {@code downscale}.
     * Empty for a CSV file (its columns decide) and an unknown name.
     */
    public static Optional<Shape> shape(String name, boolean downscale) {
        if (name == null || isCsv(name)) {
            return Optional.empty();
        }
        if (isGenerated(name) || DrawnData.NAME.equals(name.trim())) {
            return Optional.of(Shape.flat(2));
        }
        int halve = downscale ? 2 : 1;
        return switch (name.trim()) {
            case "fashion-mnist", "fashion-mnist-full", "mnist" -> Optional.of(Shape.image(1, 28 / halve, 28 / halve));
            case "cifar10" -> Optional.of(Shape.image(3, 32 / halve, 32 / halve));
            default -> Optional.empty();
        };
    }

    /**
     * The number of classes {@code name} always has (10 for the image sets, 2 for circles, xor and moons); empty
     * where the options choose it (spiral, gauss), a CSV file's labels decide, or the name is unknown.
     */
    public static OptionalInt fixedClasses(String name) {
        if (name == null || isCsv(name)) {
            return OptionalInt.empty();
        }
        ToySets.Kind kind = ToySets.Kind.of(name.trim());
        if (kind != null) {
            return kind.minClasses == kind.maxClasses ? OptionalInt.of(kind.minClasses) : OptionalInt.empty();
        }
        return DESCRIPTIONS.containsKey(name.trim()) ? OptionalInt.of(10) : OptionalInt.empty();
    }

    /**
     * Loads the dataset {@code name} (one of {@link #names()} or a path ending in {@code .csv}).
     *
     * @param options null settings keep the dataset's defaults; {@code null} means {@link DatasetOptions#defaults()}
     * @throws DatasetException naming the file and the problem when the data cannot be loaded
     */
    public static Dataset load(String name, DatasetOptions options) throws DatasetException {
        return load(name, options, Locations.DEFAULT);
    }

    static Dataset load(String name, DatasetOptions options, Locations locations) throws DatasetException {
        Objects.requireNonNull(name, "name");
        DatasetOptions o = options != null ? options : DatasetOptions.defaults();
        long seed = o.seed() != null ? o.seed() : DEFAULT_SEED;
        String key = name.trim();
        if (isCsv(key)) {
            Path file;
            try {
                file = Path.of(key);
            } catch (InvalidPathException e) {
                throw new DatasetException(key, key, Texts.format("datasets.bad.path", key, e.getReason()), e);
            }
            String display = file.getFileName() != null ? file.getFileName().toString() : key;
            refuse(display, o, false, false, Texts.get("datasets.csv.no.dir"));
            return Csv.load(file, o, seed);
        }
        ToySets.Kind kind = ToySets.Kind.of(key);
        if (kind != null) {
            refuse(key, o, true, false, Texts.format("datasets.generated.no.dir", key));
            return ToySets.generate(kind, o, seed);
        }
        switch (key) {
            case "fashion-mnist" -> {
                refuse(key, o, false, true, null);
                fixedClasses(key, o, 10);
                return o.dataDir() != null
                        ? IdxSets.fromFolder(key, o.dataDir(), "FashionMNIST", IdxSets.FASHION_CLASSES, o, seed)
                        : IdxSets.bundled(key, locations.bundledFashionMnist(), IdxSets.FASHION_CLASSES, o, seed);
            }
            case "fashion-mnist-full" -> {
                refuse(key, o, false, true, null);
                fixedClasses(key, o, 10);
                Path dir = o.dataDir();
                if (dir == null) {
                    dir = locations.debianFashionMnist();
                    if (!Files.isDirectory(dir)) {
                        throw new DatasetException(key, dir.toString(), String.format(FULL_NOT_INSTALLED, dir,
                                IdxSets.EXPECTED));
                    }
                }
                return IdxSets.fromFolder(key, dir, "FashionMNIST", IdxSets.FASHION_CLASSES, o, seed);
            }
            case "mnist" -> {
                refuse(key, o, false, true, null);
                fixedClasses(key, o, 10);
                requireDataDir(key, o, IdxSets.EXPECTED);
                return IdxSets.fromFolder(key, o.dataDir(), "MNIST", IdxSets.DIGITS, o, seed);
            }
            case "cifar10" -> {
                refuse(key, o, false, true, null);
                fixedClasses(key, o, 10);
                requireDataDir(key, o, Texts.format("datasets.cifar10.files", Cifar10.expected()));
                return Cifar10.load(key, o.dataDir(), o, seed);
            }
            default -> throw new DatasetException(key, unknown(key));
        }
    }

    private static boolean isCsv(String name) {
        return name != null && name.trim().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String unknown(String name) {
        return Texts.format("datasets.unknown", name, String.join(", ", DESCRIPTIONS.keySet()));
    }

    /** Refuses the options that {@code name} cannot honour; {@code noDataDir} says why it takes no folder (null: it does). */
    private static void refuse(String name, DatasetOptions o, boolean noise, boolean downscale, String noDataDir)
            throws DatasetException {
        if (!noise && o.noise() != null) {
            throw new DatasetException(name, Texts.format("datasets.noise", "spiral, circles, xor, gauss, moons", name));
        }
        if (!downscale && o.downscale()) {
            throw new DatasetException(name, Texts.format("datasets.downscale", "fashion-mnist, mnist, cifar10", name));
        }
        if (noDataDir != null && o.dataDir() != null) {
            throw new DatasetException(name, noDataDir);
        }
    }

    private static void fixedClasses(String name, DatasetOptions o, int classes) throws DatasetException {
        if (o.classes() != null && o.classes() != classes) {
            throw new DatasetException(name, Texts.format("datasets.fixed.classes", name, classes, o.classes()));
        }
    }

    private static void requireDataDir(String name, DatasetOptions o, String files) throws DatasetException {
        if (o.dataDir() == null) {
            throw new DatasetException(name, String.format(NOT_BUNDLED, name, files));
        }
    }
}

package org.resnetexplorer.ui.training;

import java.util.Optional;
import java.util.OptionalInt;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;


/**
 * Whether a network and a dataset agree (decision 0022): the network fitted to a dataset (its Input set to the
 * dataset's example shape, its classes to the dataset's), the dataset that suits a network the chosen one does
 * not fit (a network reading images: the bundled {@value #IMAGE_DATASET}; one reading 2-D points:
 * {@value #POINTS_DATASET}), and the refusal that names the kind of dataset a network needs.
 */
public final class DatasetMatch {
    /** The image dataset chosen for a network that reads images: bundled, so it always loads. */
    public static final String IMAGE_DATASET = "fashion-mnist";
    /** The dataset chosen for a network that reads 2-D points: the first-start example's. */
    public static final String POINTS_DATASET = "spiral";
    static final String NEEDS_IMAGES = Texts.get("datasetMatch.needs.images");
    static final String NEEDS_POINTS = Texts.get("datasetMatch.needs.points");
    static final String NEEDS_VECTORS = Texts.get("datasetMatch.needs.vectors");

    /** What a network reads, judged by its Input: images, 2-D points, or vectors of another length. */
    public enum Reads {
        IMAGES, POINTS, VECTORS, UNKNOWN;

        /** What {@code network} reads; UNKNOWN without exactly one Input. */
        public static Reads of(Network network) {
            Optional<Shape> input = Analysis.of(network).inputShape();
            if (input.isEmpty()) {
                return UNKNOWN;
            }
            if (input.get() instanceof Shape.Image) {
                return IMAGES;
            }
            return input.get().elementCount() == 2 ? POINTS : VECTORS;
        }
    }

    private DatasetMatch() {
    }

    /**
     * {@code network} with its Input and classes set to those of {@code dataset} loaded with {@code options}
     * (the classes of {@code options} where the dataset takes a number of classes); the network itself where
     * they already agree or the dataset's shape is not known before loading (a CSV file). A graph that has
     * problems of its own is fitted anyway (the editor shows its problems).
     *
     * @return empty if the network cannot train on the dataset
     */
    public static Optional<Network> fit(Network network, String dataset, DatasetOptions options) {
        Optional<Shape> shape = Datasets.shape(dataset, options.downscale());
        if (shape.isEmpty()) {
            return Optional.of(network);
        }
        Analysis before = Analysis.of(network);
        Network fitted = network;
        if (before.inputShape().isPresent() && !before.inputShape().get().equals(shape.get())) {
            fitted = fitted.withInputShape(shape.get());
        }
        OptionalInt fixed = Datasets.fixedClasses(dataset);
        Integer classes = fixed.isPresent() ? Integer.valueOf(fixed.getAsInt()) : options.classes();
        if (classes != null && before.classes().isPresent() && before.classes().get().intValue() != classes) {
            fitted = fitted.withClasses(classes);
        }
        return Analysis.of(fitted).isValid() || !before.isValid() ? Optional.of(fitted) : Optional.empty();
    }

    /** Whether {@code network} trains on {@code dataset} as it is: its input and classes are the dataset's. */
    public static boolean agrees(Network network, String dataset, DatasetOptions options) {
        return dataset != null && fit(network, dataset, options).filter(network::equals).isPresent();
    }

    /**
     * The dataset to switch to because {@code network} does not fit {@code current}: {@value #IMAGE_DATASET} for
     * a network reading images, {@value #POINTS_DATASET} for one reading 2-D points (with {@code options}'
     * classes); empty when it fits {@code current}, or when neither suits it.
     */
    public static Optional<String> better(Network network, String current, DatasetOptions options) {
        if (current != null && fit(network, current, options).isPresent()) {
            return Optional.empty();
        }
        String candidate = switch (Reads.of(network)) {
            case IMAGES -> IMAGE_DATASET;
            case POINTS -> POINTS_DATASET;
            default -> null;
        };
        if (candidate == null || candidate.equals(current)) {
            return Optional.empty();
        }
        DatasetOptions candidateOptions = candidate.equals(IMAGE_DATASET) ? options.withDownscale(true) : options;
        return fit(network, candidate, candidateOptions).isPresent() ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * Why {@code network} cannot train on {@code dataset} of examples shaped {@code shape}: the kind of dataset it
     * needs when it reads another kind of example ("choose an image dataset", "choose a 2-D dataset or put a
     * Flatten after the input"), otherwise the first problem of {@code fitted}, the network fitted to it.
     */
    public static String refusal(Network network, String dataset, Shape shape, Network fitted) {
        Reads reads = Reads.of(network);
        boolean images = shape instanceof Shape.Image;
        if (reads == Reads.IMAGES && !images) {
            return String.format(NEEDS_IMAGES, dataset, shape, IMAGE_DATASET);
        }
        if ((reads == Reads.POINTS || reads == Reads.VECTORS) && images) {
            return String.format(reads == Reads.POINTS ? NEEDS_POINTS : NEEDS_VECTORS, dataset, shape, POINTS_DATASET);
        }
        Analysis after = Analysis.of(fitted);
        String problem = after.errors().isEmpty() ? "" : firstError(after);
        return String.format(TrainingController.NOT_FITTING, dataset, problem);
    }

    private static String firstError(Analysis analysis) {
        Problem first = analysis.errors().get(0);
        return first.nodeName().map(n -> n + ": ").orElse("") + first.message();
    }
}

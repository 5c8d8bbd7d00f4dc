package org.resnetexplorer.ui.training;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;


/**
 * Keeps the graph being edited and the Training panel's dataset in agreement (decision 0022). A network opened
 * from the example, a template or an experiment picks a dataset it fits when the chosen one does not (with the
 * training settings of its kind) and opens fitted to it; a graph file that does not fit is offered the switch in
 * one click rather than changed; choosing another dataset (or number of classes, or image size) fits the graph's
 * input and classes to it as an edit Undo takes back, or says which kind of dataset the graph needs. Use on the
 * FX thread.
 */
public final class DatasetFollower {
    static final String SET_IMAGES = Texts.get("datasetFollower.set.images");
    static final String SET_POINTS = Texts.get("datasetFollower.set.points");
    static final String FIT_EDIT = Texts.get("datasetFollower.fit.edit");
    static final String FITTED = Texts.get("datasetFollower.fitted");
    static final String OFFER_SWITCH = Texts.get("datasetFollower.offer.switch");
    static final String OFFER_SWITCH_TIP = Texts.get("datasetFollower.offer.switch.tip");
    static final String OFFER_FIT = Texts.get("datasetFollower.offer.fit");
    static final String OFFER_FIT_TIP = Texts.get("datasetFollower.offer.fit.tip");
    static final String FILE_UNFIT = Texts.get("datasetFollower.file.unfit");

    /** Shows a one-click action beside the status message, or (a null label) takes the last one away. */
    public interface Offer {
        void offer(String label, String tip, Runnable action);
    }

    private final TrainingPanel panel;
    private final Supplier<Network> graph;
    private final BiConsumer<String, Network> edit;
    private final Consumer<String> tell;
    private final Offer offer;
    /** True while this class changes the panel itself: the change is not the user's and makes no edit. */
    private boolean adjusting;

    /**
     * @param graph the network being edited
     * @param edit  applies an undoable edit of that name to it
     * @param tell  shows a message in the status bar
     */
    public DatasetFollower(TrainingPanel panel, Supplier<Network> graph, BiConsumer<String, Network> edit,
            Consumer<String> tell, Offer offer) {
        this.panel = Objects.requireNonNull(panel, "panel");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.edit = Objects.requireNonNull(edit, "edit");
        this.tell = Objects.requireNonNull(tell, "tell");
        this.offer = Objects.requireNonNull(offer, "offer");
        panel.setOnDatasetChange(this::datasetChanged);
    }

    /**
     * The window starts with {@code example} open: unless the dataset kept from the last session agrees with it
     * as it is (input and classes), the dataset follows it (after a Fashion-MNIST session, back to the spiral),
     * and its classes too, so that Run trains what the graph shows.
     */
    public void started(Network example) {
        if (DatasetMatch.agrees(example, panel.datasetProperty().get(), panel.datasetOptions())) {
            return;
        }
        String own = DatasetMatch.Reads.of(example) == DatasetMatch.Reads.IMAGES ? DatasetMatch.IMAGE_DATASET
                : DatasetMatch.POINTS_DATASET;
        if (!own.equals(panel.datasetProperty().get())) {
            switchTo(own);
        }
        Optional<Integer> classes = Analysis.of(example).classes();
        if (classes.isPresent()) {
            adjusting = true;
            try {
                panel.chooseClasses(classes.get());
            } finally {
                adjusting = false;
            }
        }
    }

    /**
     * {@code network} (a template, an experiment's run, New's empty graph) is about to open as a new graph: takes
     * away an offer made for the graph before, switches the dataset when the chosen one does not fit it, and
     * returns it fitted to the dataset.
     */
    public Network opening(Network network) {
        offer.offer(null, null, null);
        switchIfNeeded(network);
        return DatasetMatch.fit(network, panel.datasetProperty().get(), panel.datasetOptions()).orElse(network);
    }

    /**
     * {@code network} has been opened from a file: if it does not fit the chosen dataset, or its input or classes
     * differ from the dataset's, says so and offers the one click that makes them agree; the graph stays as saved.
     */
    public void fileOpened(Network network) {
        offer.offer(null, null, null);
        String current = panel.datasetProperty().get();
        DatasetOptions options = panel.datasetOptions();
        Optional<Network> fitted = DatasetMatch.fit(network, current, options);
        if (fitted.isPresent()) {
            if (!fitted.get().equals(network)) {
                Analysis after = Analysis.of(fitted.get());
                String shape = after.inputShape().map(Shape::toString).orElse("");
                int classes = after.classes().orElse(0);
                offer.offer(String.format(OFFER_FIT, current), String.format(OFFER_FIT_TIP, shape, classes, current),
                        this::fitGraph);
            }
            return;
        }
        Optional<Shape> shape = Datasets.shape(current, options.downscale());
        shape.ifPresent(s -> tell.accept(String.format(FILE_UNFIT, network.name(),
                DatasetMatch.refusal(network, current, s, network.withInputShape(s)))));
        DatasetMatch.better(network, current, options).ifPresent(better -> offer.offer(String.format(OFFER_SWITCH,
                better), String.format(OFFER_SWITCH_TIP, current, better), () -> {
                    offer.offer(null, null, null);
                    switchTo(better);
                    fitGraph();
                }));
    }

    /** Switches to the dataset {@code network} fits, with its kind's settings, if the chosen one does not. */
    private void switchIfNeeded(Network network) {
        DatasetMatch.better(network, panel.datasetProperty().get(), panel.datasetOptions()).ifPresent(this::switchTo);
    }

    private void switchTo(String dataset) {
        boolean images = Datasets.shape(dataset, false).map(Shape.Image.class::isInstance).orElse(false);
        adjusting = true;
        try {
            panel.chooseDataset(dataset);
            panel.useDefaultsFor(images);
        } finally {
            adjusting = false;
        }
        tell.accept(images ? String.format(SET_IMAGES, dataset, TrainingSetup.IMAGE_STEPS)
                : String.format(SET_POINTS, dataset));
    }

    /** The user chose another dataset, number of classes or image size: the graph follows, or the reason it cannot. */
    private void datasetChanged() {
        if (adjusting) {
            return;
        }
        offer.offer(null, null, null);
        fitGraph();
    }

    /** Fits the graph being edited to the chosen dataset as one undoable edit, or says why it cannot train on it. */
    private void fitGraph() {
        Network network = graph.get();
        String dataset = panel.datasetProperty().get();
        DatasetOptions options = panel.datasetOptions();
        Optional<Network> fitted = DatasetMatch.fit(network, dataset, options);
        if (fitted.isEmpty()) {
            Datasets.shape(dataset, options.downscale()).ifPresent(shape -> tell.accept(
                    DatasetMatch.refusal(network, dataset, shape, network.withInputShape(shape))));
            return;
        }
        if (!fitted.get().equals(network)) {
            edit.accept(String.format(FIT_EDIT, dataset), fitted.get());
            Analysis after = Analysis.of(fitted.get());
            tell.accept(String.format(FITTED, after.inputShape().map(Shape::toString).orElse(""),
                    after.classes().orElse(0), dataset));
        }
    }
}

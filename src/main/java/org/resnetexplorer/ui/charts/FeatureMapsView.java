package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.FeatureMapPicture;
import org.resnetexplorer.charts.FilterPicture;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * The feature maps of a chosen test image in a chosen block of a run's network, from its latest state: x, F(x) and
 * x + F(x), and its plain twin's layer outputs at the same place when the run has one; or, with "First-layer
 * filters", the first convolution's filters. The networks run off the FX thread ({@link FeatureMapsWork}); up and
 * down on the chart step through the blocks, left and right through the images.
 */
public final class FeatureMapsView extends ChartView {
    static final String TITLE = Texts.get("featureMapsView.title");
    static final String FILE = "feature-maps.png";
    static final String FILTERS_FILE = "first-filters.png";
    static final String RUN = Texts.get("featureMapsView.run");
    static final String RUN_TIP = Texts.get("featureMapsView.run.tip");
    static final String BLOCK = Texts.get("featureMapsView.block");
    static final String BLOCK_TIP = Texts.get("featureMapsView.block.tip");
    static final String BLOCK_ITEM = Texts.get("featureMapsView.block.item");
    static final String IMAGE = Texts.get("featureMapsView.image");
    static final String IMAGE_TIP = Texts.get("featureMapsView.image.tip");
    static final String FILTERS = Texts.get("featureMapsView.filters");
    static final String FILTERS_TIP = Texts.get("featureMapsView.filters.tip");
    static final String NO_IMAGES = Texts.get("featureMapsView.no.images");
    static final String NO_DATA_KEPT = Texts.get("featureMapsView.no.data");
    static final String COMPUTING = Texts.get("featureMapsView.computing");

    /** What the chart shows now, for a test to read: the block, the image and the rows (run and row name). */
    public record Shown(String block, int image, List<String> rows) {
    }

    final ComboBox<String> run = Choosers.runCombo("feature-maps-run", RUN_TIP, pane.store(), this::chosen);
    final ComboBox<String> block = Choosers.combo("feature-maps-block", BLOCK_TIP, this::changed);
    final Spinner<Integer> image = new Spinner<>(0, 0, 0);
    private final Label imageClass = new Label();
    final ToggleButton filters = new ToggleButton(FILTERS);
    private final FeatureMapsWork work = new FeatureMapsWork(pane.work(), this::computed);
    /** The names of the blocks the block chooser lists, in its order. */
    private List<String> blockNames = List.of();
    /** The network whose plain twin {@link #plain} is, and that twin. */
    /** What the chart asked for when it was last built (empty: no run with data chosen). */
    private Optional<FeatureMapsWork.Request> wanted = Optional.empty();

    FeatureMapsView(ChartsPane pane) {
        super(pane, ChartKind.FEATURE_MAPS);
        image.setId("feature-maps-image");
        image.setEditable(true);
        image.setPrefWidth(96);
        image.setTooltip(new Tooltip(IMAGE_TIP));
        image.valueProperty().addListener((o, a, b) -> chosen());
        imageClass.setId("feature-maps-image-class");
        imageClass.getStyleClass().add("chart-value");
        filters.setId("feature-maps-filters");
        filters.setTooltip(new Tooltip(FILTERS_TIP));
        filters.selectedProperty().addListener((o, a, b) -> {
            block.setDisable(b);
            image.setDisable(b);
            changed();
        });
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run, Choosers.labelFor(BLOCK, block), block,
                Choosers.labelFor(IMAGE, image), image, imageClass, filters);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::stepWithKeys);
        // a click on the chart gives it the keyboard, for the arrow keys (after the tab pane took it on the press)
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> canvas.requestFocus());
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String fileName() {
        return FILE;
    }

    @Override
    void runsChanged() {
        List<String> eligible = Choosers.runNames(store).stream().filter(this::looksIntoImages).toList();
        String newestResidual = eligible.stream().filter(r -> store.run(r).residual()).reduce((a, b) -> b).orElse(null);
        String before = run.getValue();
        Choosers.setItems(run, eligible, newestResidual);
        if (run.getValue() == null && !eligible.isEmpty()) {
            // replacing the items can clear the choice: keep the run chosen before, else the newest residual one
            run.setValue(eligible.contains(before) ? before : newestResidual != null ? newestResidual : eligible.get(0));
        }
        chosen();
    }

    /** It draws the trained states: new snapshots alone change nothing in it. */
    @Override
    boolean drawsSnapshots() {
        return false;
    }

    @Override
    void statesChanged() {
        runsChangedWhile(pane.selectedChart() == this);
        changed();
    }

    /** Whether a run's network has blocks and reads images (as its latest state tells). */
    private boolean looksIntoImages(String name) {
        return pane.states().latest(name).map(NetworkState::network).filter(n -> !n.blocks().isEmpty())
                .filter(n -> n.nodes().stream().anyMatch(node -> node.layer() instanceof Input input
                        && input.shape() instanceof Shape.Image)).isPresent();
    }

    /** The run or the image changed: the choosers follow the run's blocks and test images, the chart redraws. */
    private void chosen() {
        String name = run.getValue();
        Optional<NetworkState> state = name == null ? Optional.empty() : pane.states().latest(name);
        List<Block> blocks = state.map(s -> s.network().blocks()).orElse(List.of());
        List<String> names = blocks.stream().map(Block::name).toList();
        if (!names.equals(blockNames)) {
            int chosen = Math.max(0, block.getSelectionModel().getSelectedIndex());
            blockNames = names;
            List<String> items = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                items.add(String.format(BLOCK_ITEM, i + 1, names.size(), names.get(i)));
            }
            block.getItems().setAll(items);
            if (!items.isEmpty()) {
                block.getSelectionModel().select(Math.min(chosen, items.size() - 1));
            }
        }
        Optional<Dataset> data = name == null ? Optional.empty() : pane.runData().of(name);
        int count = data.map(d -> d.test().size()).orElse(0);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) image.getValueFactory();
        if (factory.getMax() != Math.max(0, count - 1)) {
            factory.setMax(Math.max(0, count - 1));
        }
        image.setDisable(count == 0 || filters.isSelected());
        imageClass.setText(data.filter(d -> image.getValue() < d.test().size())
                .map(d -> d.classNames().get(d.test().label(image.getValue()))).orElse(""));
        changed();
    }

    private void stepWithKeys(KeyEvent e) {
        switch (e.getCode()) {
            case UP -> block.getSelectionModel().selectPrevious();
            case DOWN -> block.getSelectionModel().selectNext();
            case LEFT -> image.decrement();
            case RIGHT -> image.increment();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The plain twin of a residual run ({@link TwinRuns}); none for a plain run. */
    private Optional<String> twinOf(String name, Network network) {
        if (!TwinRuns.residual(network)) {
            return Optional.empty();
        }
        return TwinRuns.of(name, Choosers.runNames(store), r -> pane.states().latest(r).map(NetworkState::network));
    }

    /** What the choices ask for now, if a run with data is chosen. */
    private Optional<FeatureMapsWork.Request> request() {
        String name = run.getValue();
        if (name == null) {
            return Optional.empty();
        }
        Optional<NetworkState> state = pane.states().latest(name);
        Optional<Dataset> data = pane.runData().of(name);
        if (state.isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> twin = twinOf(name, state.get().network());
        List<FeatureMapsWork.Subject> subjects = new ArrayList<>();
        subjects.add(new FeatureMapsWork.Subject(label(name), state.get()));
        twin.flatMap(t -> pane.states().latest(t)).ifPresent(s -> subjects.add(new FeatureMapsWork.Subject(
                label(twin.get()), s)));
        int index = Math.min(image.getValue(), data.get().test().size() - 1);
        return Optional.of(new FeatureMapsWork.Request(subjects, data.get(), index));
    }

    private String label(String name) {
        RunStore.Run r = store.run(name);
        return r == null ? name : r.label();
    }

    /** A result arrived (on the FX thread): draw it. */
    private void computed() {
        showEmptyHint(!store.hasSnapshots());
        changed();
    }

    @Override
    String blankReason() {
        if (run.getItems().isEmpty()) {
            return NO_IMAGES;
        }
        String name = run.getValue();
        if (name != null && pane.runData().of(name).isEmpty()) {
            return NO_DATA_KEPT;
        }
        if (work.failure().isPresent()) {
            return work.failure().get();
        }
        boolean shows = wanted.isPresent() && work.result().filter(r -> r.request().sameRun(wanted.get())).isPresent();
        return wanted.isPresent() && !shows ? COMPUTING : null;
    }

    @Override
    Chart chart() {
        wanted = request();
        wanted.ifPresent(work::ask);
        showEmptyHint(!store.hasSnapshots());
        Optional<FeatureMapsWork.Result> result = work.result().filter(r -> wanted.isPresent()
                && r.request().sameRun(wanted.get()));
        if (result.isEmpty()) {
            return blank();
        }
        if (filters.isSelected()) {
            return filtersChart(result.get().filters());
        }
        int chosen = block.getSelectionModel().getSelectedIndex();
        String blockName = chosen >= 0 && chosen < blockNames.size() ? blockNames.get(chosen) : null;
        return result.get().content(blockName).<Chart>map(MapsChart::new).orElseGet(FeatureMapsView::blank);
    }

    @Override
    List<Export> exports() {
        Optional<FeatureMapsWork.Result> result = work.result();
        if (result.isEmpty()) {
            return List.of();
        }
        List<Export> exports = new ArrayList<>();
        int chosen = block.getSelectionModel().getSelectedIndex();
        String blockName = chosen >= 0 && chosen < blockNames.size() ? blockNames.get(chosen) : null;
        result.get().content(blockName).ifPresent(c -> exports.add(new Export(FILE, new MapsChart(c))));
        if (!result.get().filters().isEmpty()) {
            exports.add(new Export(FILTERS_FILE, filtersChart(result.get().filters())));
        }
        return exports;
    }

    /** The maps or filters the chart shows now (after it was painted), for a test. */
    public Optional<Shown> shown() {
        return canvas.chart() instanceof MapsChart maps ? maps.shown() : Optional.empty();
    }

    private static Chart blank() {
        return (g, width, height, style) -> {
            g.setColor(style.background());
            g.fillRect(0, 0, width, height);
        };
    }

    private static Chart filtersChart(List<FilterPicture.Panel> panels) {
        return new Chart() {
            private volatile FilterPicture.Layout layout;

            @Override
            public void paint(java.awt.Graphics2D g, int width, int height, ChartStyle style) {
                layout = FilterPicture.draw(g, panels, width, height, style);
            }

            @Override
            public Optional<String> describeAt(double x, double y) {
                FilterPicture.Layout l = layout;
                return l == null ? Optional.empty() : l.describeAt(x, y);
            }
        };
    }

    /** The maps of one block, and where the last painting put them. */
    private static final class MapsChart implements Chart {
        private final FeatureMapPicture.Content content;
        private volatile FeatureMapPicture.Layout layout;

        MapsChart(FeatureMapPicture.Content content) {
            this.content = content;
        }

        @Override
        public void paint(java.awt.Graphics2D g, int width, int height, ChartStyle style) {
            layout = FeatureMapPicture.draw(g, content, width, height, style);
        }

        @Override
        public Optional<String> describeAt(double x, double y) {
            FeatureMapPicture.Layout l = layout;
            return l == null ? Optional.empty() : l.describeAt(x, y);
        }

        Optional<Shown> shown() {
            FeatureMapPicture.Layout l = layout;
            return l == null ? Optional.empty() : Optional.of(new Shown(content.panels().get(0).maps().block().name(),
                    content.image().index(), l.rows().stream().map(r -> r.run() + ": " + r.name()).toList()));
        }
    }
}

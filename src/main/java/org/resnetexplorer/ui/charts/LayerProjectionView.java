package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.LayerProjectionChart;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.LayerProjection;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Projection;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;

/**
 * What a network of 2-D data makes of the plane, stage by stage (decision 0028): the chosen run's grid and points
 * at one stage (the input, each block's output, the class scores), projected to 2-D, and its plain twin's beside
 * it at the same stage. The stage steps block by block (its slider, Left/Right on the chart, Page Up/Page Down
 * anywhere in the view); the step follows the latest state while training. The pictures are computed off the FX
 * thread ({@link LayerPictures}); stepping through the stages only redraws.
 */
final class LayerProjectionView extends ChartView {
    static final String TITLE = Texts.get("layerProjectionView.title");
    static final String FILE = "layer-projection.png";
    static final String RUN = Texts.get("layerProjectionView.run");
    static final String RUN_TIP = Texts.get("layerProjectionView.run.tip");
    static final String PROJECTION = Texts.get("layerProjectionView.projection");
    static final String PROJECTION_TIP = Texts.get("layerProjectionView.projection.tip");
    static final String FIRST_TWO_UNITS = Texts.get("layerProjectionView.first.two.units");
    static final String RANDOM = Texts.get("layerProjectionView.random");
    static final String STAGE = Texts.get("layerProjectionView.stage");
    static final String STAGE_TIP = Texts.get("layerProjectionView.stage.tip");
    static final String HEADING = Texts.get("layerProjectionView.heading");
    static final String NO_2D = Texts.get("layerProjectionView.no.2d");
    static final String NO_STATE = Texts.get("layerProjectionView.no.state");
    static final String FAILED = Texts.get("layerProjectionView.failed");
    static final String HOVER = Texts.get("layerProjectionView.hover");

    final ComboBox<String> run = Choosers.runCombo("layers-run", RUN_TIP, pane.store(), this::runChosen);
    final ComboBox<String> projection = Choosers.combo("layers-projection", PROJECTION_TIP, this::changed);
    final Slider stage = new Slider(0, 0, 0);
    final Label stageName = new Label();
    final Choosers.StepChooser step = new Choosers.StepChooser("layers", this::changed);
    private final LayerPictures pictures;
    /** The pictures shown: the last computed (kept while newer ones are computed, so nothing flickers). */
    private LayerPictures.Result shown;
    /** Why the view is blank, or null. */
    private String reason;

    LayerProjectionView(ChartsPane pane) {
        super(pane, ChartKind.LAYER_PROJECTION);
        pictures = new LayerPictures(pane.work().inOrder("layer-pictures"), this::received);
        projection.getItems().setAll(FIRST_TWO_UNITS, RANDOM);
        // the random projection by default: after a ReLU the first two units are often zero for many points, which
        // then pile up on the axes; the random directions see every unit
        projection.setValue(RANDOM);
        stage.setId("layers-stage");
        stage.setTooltip(new Tooltip(STAGE_TIP));
        stage.setMajorTickUnit(1);
        stage.setMinorTickCount(0);
        stage.setBlockIncrement(1);
        stage.setSnapToTicks(true);
        stage.setPrefWidth(130);
        stage.valueProperty().addListener((o, a, b) -> {
            showStageName();
            changed();
        });
        stageName.setId("layers-stage-name");
        // room for "Block 10 of 10 · block10.relu2" from the start, so the controls do not jump as the stage changes
        stageName.setMinWidth(200);
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run, Choosers.labelFor(PROJECTION, projection),
                projection, Choosers.labelFor(STAGE, stage), stage, stageName, step);
        // Page Up/Down anywhere in the view (before a focused control takes them), Left/Right on the chart: one
        // stage back or on; a click on the chart gives it the keyboard (on the click: the tab pane takes the focus
        // on every press inside it)
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                stepStage(e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1);
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> canvas.requestFocus());
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) {
                stepStage(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                e.consume();
            }
        });
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
    public void chooseStep(int chosen) {
        step.choose(chosen);
    }

    /** Shows the stage {@code delta} places on (or back), within the network's stages. */
    void stepStage(int delta) {
        stage.setValue(Math.max(stage.getMin(), Math.min(stage.getMax(), stageIndex() + delta)));
    }

    int stageIndex() {
        return (int) Math.round(stage.getValue());
    }

    @Override
    void runsChanged() {
        refreshRuns();
    }

    /** It draws the trained states: new snapshots alone change nothing in it. */
    @Override
    boolean drawsSnapshots() {
        return false;
    }

    @Override
    void statesChanged() {
        refreshRuns();
        changed();
    }

    private void runChosen() {
        refreshSteps();
        changed();
    }

    /** Lists the runs on 2-D data of the dataset shown, a ResNet chosen first; brings the step range up to date. */
    private void refreshRuns() {
        List<String> runs = runs();
        String residual = runs.stream().filter(r -> network(r).map(TwinRuns::residual).orElse(false)).findFirst()
                .orElse(null);
        Choosers.setItems(run, runs, residual);
        refreshSteps();
    }

    private void refreshSteps() {
        List<Integer> steps = run.getValue() == null ? List.of() : pane.states().steps(run.getValue());
        if (!steps.isEmpty()) {
            step.setRange(steps.get(0), steps.get(steps.size() - 1));
        }
    }

    /** The runs of the dataset shown that trained on 2-D data. */
    private List<String> runs() {
        return Choosers.runNames(store).stream().filter(r -> pane.runData().of(r)
                .map(d -> LayerProjection.drawable(d.shape())).orElse(false)).toList();
    }

    private Optional<Network> network(String run) {
        return pane.states().latest(run).map(NetworkState::network);
    }

    private Projection chosenProjection() {
        return RANDOM.equals(projection.getValue()) ? Projection.RANDOM : Projection.FIRST_TWO_UNITS;
    }

    /** Asks for the pictures of the chosen run, step and projection (nothing if they are shown or under way). */
    private void requestPictures() {
        String chosen = run.getValue();
        Optional<NetworkState> state = chosen == null ? Optional.empty() : pane.states().at(chosen, step.step());
        Optional<Dataset> data = chosen == null ? Optional.empty() : pane.runData().of(chosen);
        if (chosen == null || data.isEmpty()) {
            reason = store.inDataset().isEmpty() ? null : NO_2D;
            shown = null;
            return;
        }
        if (state.isEmpty()) {
            reason = NO_STATE;
            shown = null;
            return;
        }
        Optional<NetworkState> twin = TwinRuns.of(chosen, runs(), this::network)
                .flatMap(t -> pane.states().at(t, step.step()));
        // the ResNet on the left, its plain twin on the right, whichever of them is chosen
        boolean chosenIsResidual = TwinRuns.residual(state.get().network());
        NetworkState left = twin.isEmpty() || chosenIsResidual ? state.get() : twin.get();
        NetworkState right = twin.isEmpty() ? null : chosenIsResidual ? twin.get() : state.get();
        if (shown != null && shown.error() != null) {
            reason = String.format(FAILED, shown.error());
        } else {
            reason = null;
        }
        pictures.request(new LayerPictures.Request(left, right, data.get().train(), chosenProjection()));
    }

    private void received(LayerPictures.Result result) {
        shown = result;
        int stages = result.run().size();
        stage.setMax(Math.max(0, stages - 1));
        stage.setDisable(stages < 2);
        showStageName();
        changed();
    }

    private void showStageName() {
        List<LayerProjection.Picture> run = shown == null ? List.of() : shown.run();
        int index = stageIndex();
        stageName.setText(index < run.size() ? LayerProjectionChart.stageLabel(run.get(index).stage()) : "");
    }

    @Override
    String blankReason() {
        return reason;
    }

    /** Whether pictures are being computed or wait to be. */
    boolean computing() {
        return pictures.busy();
    }

    /** The panels of the stage chosen: the run's (the ResNet's), then its twin's. */
    List<LayerProjectionChart.Panel> panels() {
        List<LayerProjectionChart.Panel> panels = new ArrayList<>();
        int index = stageIndex();
        if (shown != null && index < shown.run().size()) {
            panels.add(new LayerProjectionChart.Panel(heading(shown.request().state()), shown.run().get(index)));
            if (shown.request().twin() != null && index < shown.twin().size()) {
                panels.add(new LayerProjectionChart.Panel(heading(shown.request().twin()), shown.twin().get(index)));
            }
        }
        return panels;
    }

    private String heading(NetworkState state) {
        RunStore.Run r = store.run(state.run());
        return String.format(HEADING, r == null ? state.run() : r.label(), state.step());
    }

    @Override
    List<Export> exports() {
        // "export all" writes this picture only when there is one: a blank file says nothing
        return panels().isEmpty() ? List.of() : super.exports();
    }

    @Override
    Chart chart() {
        // drawing follows the controls; the pictures they ask for are computed meanwhile and redrawn when ready
        requestPictures();
        showEmptyHint(!store.hasSnapshots());
        List<LayerProjectionChart.Panel> panels = panels();
        Projection projected = shown == null ? chosenProjection() : shown.request().projection();
        List<String> classes = Optional.ofNullable(run.getValue()).flatMap(r -> pane.runData().of(r))
                .map(Dataset::classNames).orElse(List.of());
        return new Chart() {
            private volatile LayerProjectionChart.Layout layout;

            @Override
            public void paint(Graphics2D g, int width, int height, ChartStyle style) {
                layout = LayerProjectionChart.draw(g, width, height, style, panels, projected, classes, null);
            }

            @Override
            public Optional<String> describeAt(double x, double y) {
                LayerProjectionChart.Layout l = layout;
                return l == null ? Optional.empty() : l.pointAt(x, y, 6).map(hit -> String.format(HOVER,
                        hit.label() < classes.size() ? classes.get(hit.label()) : String.valueOf(hit.label()),
                        panels.get(hit.panel()).heading(), number(hit.x()), number(hit.y())));
            }
        };
    }
}

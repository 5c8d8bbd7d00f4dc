package org.resnetexplorer.ui.charts;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.DecisionRegionsChart;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;

/**
 * The decision regions of a run on 2-D data at a step, and beside them another run's on the same grid (by default
 * the session's ResNet and its plain twin): computed off the FX thread by {@link RegionsWork} while this tab shows,
 * live while the runs train.
 */
public final class DecisionRegionsView extends ChartView {
    static final String TITLE = Texts.get("decisionRegionsView.title");
    static final String RUN = Texts.get("decisionRegionsView.run");
    static final String RUN_TIP = Texts.get("decisionRegionsView.run.tip");
    static final String BESIDE = Texts.get("decisionRegionsView.beside");
    static final String BESIDE_TIP = Texts.get("decisionRegionsView.beside.tip");
    static final String NONE = Texts.get("decisionRegionsView.beside.none");
    static final String TEST = Texts.get("decisionRegionsView.test");
    static final String TEST_TIP = Texts.get("decisionRegionsView.test.tip");
    static final String DISCRETISE = Texts.get("decisionRegionsView.discretise");
    static final String DISCRETISE_TIP = Texts.get("decisionRegionsView.discretise.tip");
    static final String COST = Texts.get("decisionRegionsView.cost");
    static final String COST_TIP = Texts.get("decisionRegionsView.cost.tip");
    static final String HOVER = Texts.get("decisionRegionsView.hover");
    static final String PANEL = Texts.get("decisionRegionsView.panel");
    static final String PANEL_ERROR = Texts.get("decisionRegionsView.panel.error");
    static final String NEED_2D = Texts.get("decisionRegionsView.need.2d");
    static final String NO_STATE = Texts.get("decisionRegionsView.no.state");
    static final String DRAWN_PANEL = Texts.get("decisionRegionsView.drawn.panel");

    final ComboBox<String> run = Choosers.runCombo("regions-run", RUN_TIP, store, this::runChosen);
    /** The run drawn beside; "" for none. */
    final ComboBox<String> beside = Choosers.runCombo("regions-beside", BESIDE_TIP, store, this::besideChosen);
    final CheckBox testPoints = new CheckBox(TEST);
    final CheckBox discretise = new CheckBox(DISCRETISE);
    final Choosers.StepChooser step = new Choosers.StepChooser("regions", this::changed);
    final Label cost = new Label();
    private final RegionsWork work;
    /** Clicks that draw points to train on, while Draw points is on. */
    final PointDrawing drawing;
    /** The regions computed last per run shown, and the state each is of. */
    private final Map<String, DecisionRegions> regions = new HashMap<>();
    private final Map<String, NetworkState> regionStates = new HashMap<>();
    /** The run chosen by default last (the newest session's ResNet): a newer one replaces the user's choice. */
    private String lastDefault;
    /** Set while the view changes the choices, not the user. */
    private boolean choosing;
    /** Whether the user chose what shows beside the run (kept until the run changes), rather than its partner. */
    private boolean besideByUser;

    DecisionRegionsView(ChartsPane pane) {
        super(pane, ChartKind.DECISION_REGIONS);
        work = new RegionsWork(pane.work().inOrder("decision-regions"), this::computed, System::nanoTime);
        beside.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                RunStore.Run r = name == null || name.isEmpty() ? null : store.run(name);
                return r == null ? NONE : r.label();
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        testPoints.setId("regions-test-points");
        testPoints.setTooltip(new Tooltip(TEST_TIP));
        testPoints.selectedProperty().addListener((o, a, b) -> changed());
        discretise.setId("regions-discretise");
        discretise.setTooltip(new Tooltip(DISCRETISE_TIP));
        discretise.selectedProperty().addListener((o, a, b) -> changed());
        cost.setId("regions-cost");
        cost.getStyleClass().add("chart-value");
        cost.setTooltip(new Tooltip(COST_TIP));
        controls.getChildren().addAll(Choosers.labelFor(RUN, run), run, Choosers.labelFor(BESIDE, beside), beside,
                testPoints, discretise, step, cost);
        drawing = new PointDrawing(canvas, this::planes, pane.drawing());
        controls.getChildren().addAll(new DrawingControls(drawing, pane.drawing()).nodes());
        pane.drawing().pointsProperty().addListener((o, a, b) -> {
            if (drawing.drawingProperty().get()) {
                changed();
            }
        });
        drawing.drawingProperty().addListener((o, a, on) -> {
            tip.setText(on ? DrawingControls.DRAW_TIP : EXPORT_TIP);
            showEmptyHint(!store.hasSnapshots());
            changed();
        });
    }

    /** Where the chart shown last put the plane, panel by panel (none before it is drawn), for the clicks and a test. */
    public List<org.resnetexplorer.charts.PlaneMapping> planes() {
        return canvas.chart() instanceof RegionsChart c && c.layout != null ? DrawingPlane.mappings(c.layout) : List.of();
    }

    @Override
    boolean showsWithoutRuns() {
        return drawing.drawingProperty().get();
    }

    @Override
    public void chooseStep(int chosen) {
        step.choose(chosen);
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public String fileName() {
        return DecisionRegionsChart.FILE;
    }

    /** The runs of the dataset shown whose data are 2-D points, in the order added. */
    private List<String> candidates() {
        return Choosers.runNames(store).stream().filter(r -> pane.runData().of(r).filter(
                DecisionRegions.Grid::fits).isPresent()).toList();
    }

    @Override
    void runsChanged() {
        List<String> names = candidates();
        // the newest ResNet (a session's network) by default, else the newest run
        String preferred = names.stream().filter(r -> store.run(r).residual()).reduce((a, b) -> b)
                .orElse(names.isEmpty() ? null : names.get(names.size() - 1));
        String before = run.getValue();
        choosing = true;
        try {
            Choosers.setItems(run, names, preferred);
            // a new default (a new session) wins; else the run shown stays (replacing the items may clear it)
            String keep = preferred != null && !preferred.equals(lastDefault) || before == null
                    || !names.contains(before) ? preferred : before;
            if (!java.util.Objects.equals(run.getValue(), keep)) {
                run.setValue(keep);
            }
            lastDefault = preferred;
        } finally {
            choosing = false;
        }
        if (!java.util.Objects.equals(before, run.getValue())) {
            besideByUser = false;
        }
        updateBeside();
        updateSteps();
        showEmptyHint(!store.hasSnapshots());
    }

    private void runChosen() {
        if (!choosing) {
            besideByUser = false;
            updateBeside();
            updateSteps();
            showEmptyHint(!store.hasSnapshots());
        }
        changed();
    }

    private void besideChosen() {
        if (!choosing) {
            besideByUser = true;
            updateSteps();
        }
        changed();
    }

    /**
     * Lists the runs that may show beside the chosen one (same dataset) and, unless the user chose one that is still
     * there, picks its partner: its plain twin (or a ResNet's, for a plain run), which may be added just after it.
     */
    private void updateBeside() {
        String chosen = run.getValue();
        List<String> items = new ArrayList<>();
        items.add("");
        String partner = null;
        if (chosen != null) {
            List<String> names = candidates();
            String dataset = store.run(chosen).dataset();
            names.stream().filter(r -> !r.equals(chosen) && store.run(r).dataset().equals(dataset)).forEach(items::add);
            partner = partner(names, chosen);
        }
        String current = beside.getValue();
        String wanted = besideByUser && items.contains(current) ? current : partner == null ? "" : partner;
        choosing = true;
        try {
            if (!beside.getItems().equals(items)) {
                beside.getItems().setAll(items);
            }
            beside.setValue(wanted);
        } finally {
            choosing = false;
        }
    }

    /**
     * The run trained alongside {@code chosen}, of the other kind (plain or residual) on the same dataset: its twin
     * ({@link TwinRuns}: a session's plain twin, or an experiment's plain-20 beside resnet-20), else the nearest run
     * of the other kind, the next added after it first (a session adds its ResNet, then its twin). Null if there is
     * none.
     */
    private String partner(List<String> names, String chosen) {
        RunStore.Run c = store.run(chosen);
        List<String> sameData = names.stream().filter(r -> store.run(r).dataset().equals(c.dataset())).toList();
        Optional<String> twin = TwinRuns.of(chosen, sameData,
                r -> pane.states().latest(r).map(NetworkState::network));
        if (twin.isPresent()) {
            return twin.get();
        }
        int at = names.indexOf(chosen);
        for (int distance = 1; distance < names.size(); distance++) {
            for (int i : new int[] {at + distance, at - distance}) {
                if (i >= 0 && i < names.size()) {
                    RunStore.Run r = store.run(names.get(i));
                    if (r.residual() != c.residual() && r.dataset().equals(c.dataset())) {
                        return r.name();
                    }
                }
            }
        }
        return null;
    }

    /** It draws the trained states: new snapshots alone change nothing in it. */
    @Override
    boolean drawsSnapshots() {
        return false;
    }

    @Override
    void statesChanged() {
        updateSteps();
        showEmptyHint(!store.hasSnapshots());
        // a new state while the view shows the runs' regions: ask for its regions, and repaint when they come
        // (repainting the older regions at every state doubled the tab's painting for nothing)
        if (!target().map(this::requestStale).orElse(false)) {
            changed();
        }
    }

    /** The slider spans the steps the shown runs have states of. */
    private void updateSteps() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String r : shownRuns()) {
            List<Integer> steps = pane.states().steps(r);
            if (!steps.isEmpty()) {
                min = Math.min(min, steps.get(0));
                max = Math.max(max, steps.get(steps.size() - 1));
            }
        }
        step.setRange(min == Integer.MAX_VALUE ? 0 : min, max);
    }

    private List<String> shownRuns() {
        List<String> runs = new ArrayList<>();
        if (run.getValue() != null) {
            runs.add(run.getValue());
            String other = beside.getValue();
            if (other != null && !other.isEmpty() && !other.equals(run.getValue())) {
                runs.add(other);
            }
        }
        return runs;
    }

    @Override
    String blankReason() {
        if (drawing.drawingProperty().get()) {
            return null;
        }
        if (run.getValue() == null) {
            return store.inDataset().isEmpty() ? null : NEED_2D;
        }
        return pane.states().latest(run.getValue()).isPresent() ? null : String.format(NO_STATE, store.run(
                run.getValue()).label());
    }

    @Override
    List<Export> exports() {
        return run.getValue() == null ? List.of() : super.exports();
    }

    /** On the FX thread: keeps what was computed and shows it. */
    private void computed(RegionsWork.Result result) {
        List<String> shown = shownRuns();
        regions.keySet().retainAll(shown);
        regionStates.keySet().retainAll(shown);
        result.states().forEach((r, state) -> {
            if (shown.contains(r)) {
                // a state that could not run keeps none, and is not asked for again
                regionStates.put(r, state);
                if (result.regions().containsKey(r)) {
                    regions.put(r, result.regions().get(r));
                } else {
                    regions.remove(r);
                }
            }
        });
        if (!result.regions().isEmpty()) {
            cost.setText(String.format(COST, Math.round(result.nanosPerGrid() / 1e6)));
        }
        changed();
    }

    @Override
    Chart chart() {
        Optional<Target> target = target();
        if (target.isEmpty()) {
            return new RegionsChart(List.of(), null, null);
        }
        DecisionRegions.Grid grid = target.get().grid();
        List<NetworkState> wanted = target.get().wanted();
        requestStale(target.get());
        boolean showing = pane.selectedChart() == this;
        List<Shown> panels = new ArrayList<>();
        for (NetworkState s : wanted) {
            DecisionRegions r = regions.get(s.run());
            boolean current = r != null && r.grid().equals(grid);
            // shown, a run's older regions stay until the newer ones come; exported, they are computed if missing
            panels.add(new Shown(s, current ? r : null, !showing && (!current || regionStates.get(s.run()) != s)));
        }
        if (target.get().drawn()) {
            int classes = panels.stream().filter(p -> p.regions() != null).mapToInt(p -> p.regions().classes()).max()
                    .orElse(0);
            return new RegionsChart(panels, DrawingPlane.dataset(pane.drawing().points(), classes), grid);
        }
        return new RegionsChart(panels, target.get().data(), grid);
    }

    /** What the view shows: the grid, each run's state wanted (at the step chosen, or its latest), and the data. */
    private record Target(DecisionRegions.Grid grid, List<NetworkState> wanted, Dataset data, boolean drawn) {
    }

    /** What the view shows now; empty when the run chosen has no 2-D data and no points are being drawn. */
    private Optional<Target> target() {
        Optional<Dataset> data = Optional.ofNullable(run.getValue()).flatMap(r -> pane.runData().of(r))
                .filter(DecisionRegions.Grid::fits);
        boolean drawn = drawing.drawingProperty().get();
        if (data.isEmpty() && !drawn) {
            return Optional.empty();
        }
        // while drawing, the runs' regions over a plane that stays put, under the points drawn
        DecisionRegions.Grid grid = drawn ? DrawingPlane.grid(pane.drawing().points())
                : DecisionRegions.Grid.over(data.get());
        List<NetworkState> wanted = new ArrayList<>();
        for (String r : shownRuns()) {
            (step.latest.isSelected() ? pane.states().latest(r) : pane.states().at(r, step.step())).ifPresent(wanted::add);
        }
        return Optional.of(new Target(grid, wanted, data.orElse(null), drawn));
    }

    /**
     * While the view shows, asks for the regions of the wanted states it has not computed; true if it asked and
     * every run shown already has regions on the grid (the picture then changes only when the new ones come).
     */
    private boolean requestStale(Target target) {
        DecisionRegions.Grid grid = target.grid();
        List<NetworkState> wanted = target.wanted();
        boolean stale = wanted.stream().anyMatch(s -> regionStates.get(s.run()) != s
                || regions.containsKey(s.run()) && !regions.get(s.run()).grid().equals(grid));
        if (!stale || pane.selectedChart() != this) {
            return false;
        }
        // following the latest step of runs still training is throttled; a step or run chosen by hand is not
        boolean live = step.latest.isSelected() && wanted.stream().anyMatch(s -> training(s.run()));
        work.request(new RegionsWork.Request(wanted, grid, live));
        return wanted.stream().allMatch(s -> regions.containsKey(s.run()) && regions.get(s.run()).grid().equals(grid));
    }

    /** Whether a run has not reached its last step (it trains, or was paused or stopped on the way). */
    private boolean training(String name) {
        var history = store.history(name);
        if (history == null || history.snapshots().isEmpty()) {
            return true;
        }
        TrainingSnapshot last = history.snapshots().get(history.snapshots().size() - 1);
        return last.step() < last.totalSteps();
    }

    /** A panel to draw: the state wanted, the regions at hand (null if none), whether to compute them in the painting. */
    private record Shown(NetworkState state, DecisionRegions regions, boolean compute) {
    }

    /** The title over a run's panel: its name, the step of its regions and its test error at that step if measured. */
    private String panelTitle(String name, int at) {
        RunStore.Run r = store.run(name);
        String label = r == null ? name : r.label();
        var history = store.history(name);
        Optional<TrainingSnapshot> measured = history == null ? Optional.empty() : history.snapshots().stream()
                .filter(s -> s.step() == at && s.hasTestError()).reduce((a, b) -> b);
        return measured.map(s -> String.format(PANEL_ERROR, label, at, Counts.percent(s.testError())))
                .orElse(String.format(PANEL, label, at));
    }

    /**
     * The runs shown and the step of the regions drawn for each in the chart shown last (-1 while not computed),
     * for a test to see the regions arrive and follow the training.
     */
    public Map<String, Integer> shownRegions() {
        Map<String, Integer> steps = new LinkedHashMap<>();
        if (canvas.chart() instanceof RegionsChart c) {
            c.panels.forEach(p -> steps.put(p.title(), p.regions() == null ? -1 : p.regions().step()));
        }
        return steps;
    }

    /** The painting of the panels; titles and hover text are made on the FX thread, the drawing off it. */
    private final class RegionsChart implements Chart {
        private final List<DecisionRegionsChart.Panel> panels = new ArrayList<>();
        /** Per panel, the state to compute the regions of while painting (an export), or null. */
        private final List<NetworkState> toCompute = new ArrayList<>();
        private final Dataset data;
        private final DecisionRegions.Grid grid;
        private final DecisionRegionsChart.Options options;
        private volatile DecisionRegionsChart.Layout layout;

        RegionsChart(List<Shown> shown, Dataset data, DecisionRegions.Grid grid) {
            this.data = data;
            this.grid = grid;
            this.options = new DecisionRegionsChart.Options(testPoints.isSelected(), discretise.isSelected());
            if (shown.isEmpty() && data != null) {
                // points drawn before any run: a plane with no regions yet
                panels.add(new DecisionRegionsChart.Panel(DRAWN_PANEL, DrawingPlane.blank(grid)));
                toCompute.add(null);
            }
            for (Shown s : shown) {
                int at = s.regions() != null ? s.regions().step() : s.state().step();
                panels.add(new DecisionRegionsChart.Panel(panelTitle(s.state().run(), s.compute() ? s.state().step()
                        : at), s.regions()));
                toCompute.add(s.compute() ? s.state() : null);
            }
        }

        @Override
        public void paint(Graphics2D g, int width, int height, ChartStyle style) {
            if (data == null) {
                g.setColor(style.background());
                g.fillRect(0, 0, width, height);
                return;
            }
            List<DecisionRegionsChart.Panel> drawn = new ArrayList<>(panels);
            for (int i = 0; i < drawn.size(); i++) {
                if (toCompute.get(i) == null) {
                    continue;
                }
                // an export of a tab not shown: this painting's own probe, on the export's thread
                try {
                    drawn.set(i, new DecisionRegionsChart.Panel(drawn.get(i).title(),
                            DecisionRegions.compute(NetworkProbe.of(toCompute.get(i)), grid)));
                } catch (EngineException e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
            layout = DecisionRegionsChart.draw(g, width, height, style, DecisionRegionsChart.TITLE, data, grid, drawn,
                    options);
        }

        @Override
        public Optional<String> describeAt(double x, double y) {
            DecisionRegionsChart.Layout l = layout;
            // a plane with no run has no prediction to tell
            boolean blank = panels.size() == 1 && panels.get(0).title().equals(DRAWN_PANEL);
            return l == null || blank ? Optional.empty() : l.hitAt(x, y).map(h -> String.format(HOVER, h.panel(),
                    h.predicted(), Counts.percent(h.confidence())));
        }
    }
}

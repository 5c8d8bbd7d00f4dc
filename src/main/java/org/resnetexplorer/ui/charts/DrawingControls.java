package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.resnetexplorer.charts.ClassColours;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.i18n.Texts;

/**
 * The controls of a {@link PointDrawing}, for a view's control row: "Draw points" (on or off), and while it is
 * on, a swatch per class to choose the class of the next point (one more than the classes drawn, so the next class
 * is a click away), "Clear points", and a menu to import or export the points as CSV.
 */
final class DrawingControls {
    static final String DRAW = Texts.get("drawingControls.draw");
    static final String DRAW_TIP = Texts.format("drawingControls.draw.tip", org.resnetexplorer.data.DrawnData.NAME);
    static final String CLASS_TIP = Texts.get("drawingControls.class.tip");
    static final String CLEAR = Texts.get("drawingControls.clear");
    static final String CLEAR_TIP = Texts.get("drawingControls.clear.tip");
    static final String FILE = Texts.get("drawingControls.file");
    static final String IMPORT = Texts.get("drawingControls.import");
    static final String EXPORT = Texts.get("drawingControls.export");
    /** Swatches shown with no points drawn: classes 1 to 3. */
    static final int FIRST_SWATCHES = 3;

    private final PointDrawing drawing;
    private final Drawing points;
    private final ToggleButton draw = new ToggleButton(DRAW);
    private final HBox swatches = new HBox(2);
    private final ToggleGroup classes = new ToggleGroup();
    private final Button clear = new Button(CLEAR);
    private final MenuButton file = new MenuButton(FILE);
    private final MenuItem exportItem = new MenuItem(EXPORT);
    private final List<Node> nodes;

    DrawingControls(PointDrawing drawing, Drawing points) {
        this.drawing = drawing;
        this.points = points;
        draw.setId("draw-points");
        draw.setTooltip(new Tooltip(DRAW_TIP));
        draw.selectedProperty().bindBidirectional(drawing.drawingProperty());
        swatches.setId("draw-classes");
        swatches.setAlignment(Pos.CENTER_LEFT);
        clear.setId("draw-clear");
        clear.setTooltip(new Tooltip(CLEAR_TIP));
        clear.setOnAction(e -> drawing.clear());
        MenuItem importItem = new MenuItem(IMPORT);
        importItem.setId("draw-import");
        importItem.setOnAction(e -> drawing.askImport());
        exportItem.setId("draw-export");
        exportItem.setOnAction(e -> drawing.askExport());
        file.setId("draw-file");
        file.getItems().setAll(importItem, exportItem);
        for (Node n : List.of(swatches, clear, file)) {
            n.visibleProperty().bind(draw.selectedProperty());
            n.managedProperty().bind(draw.selectedProperty());
        }
        classes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true); // one class is always chosen
            } else if (now != null) {
                drawing.chosenClassProperty().set((Integer) now.getUserData());
            }
        });
        drawing.chosenClassProperty().addListener((o, a, b) -> refresh());
        points.pointsProperty().addListener((o, a, b) -> refresh());
        nodes = List.of(draw, swatches, clear, file);
        refresh();
    }

    /** The controls, in order, for the view's control row. */
    List<Node> nodes() {
        return nodes;
    }

    /** How many swatches show: one more than the classes drawn or chosen, at least {@value #FIRST_SWATCHES}. */
    static int swatchCount(DrawnPoints drawn, int chosen) {
        int used = Math.max(drawn.classes(), chosen + 1);
        return Math.min(DrawnPoints.MAX_CLASSES, Math.max(FIRST_SWATCHES, used + 1));
    }

    private void refresh() {
        DrawnPoints drawn = points.points();
        int chosen = drawing.chosenClassProperty().get();
        int count = swatchCount(drawn, chosen);
        if (swatches.getChildren().size() != count) {
            List<Node> made = new ArrayList<>();
            classes.getToggles().clear();
            for (int c = 0; c < count; c++) {
                made.add(swatch(c));
            }
            swatches.getChildren().setAll(made);
        }
        classes.getToggles().stream().filter(t -> (Integer) t.getUserData() == chosen).findFirst()
                .ifPresent(t -> t.setSelected(true));
        clear.setDisable(drawn.isEmpty());
        exportItem.setDisable(drawn.isEmpty());
    }

    private ToggleButton swatch(int label) {
        java.awt.Color c = ClassColours.of(label);
        Rectangle colour = new Rectangle(12, 12, Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
        colour.setStroke(Color.rgb(20, 20, 20));
        ToggleButton swatch = new ToggleButton(Integer.toString(label + 1), colour);
        swatch.setId("draw-class-" + (label + 1));
        swatch.setUserData(label);
        swatch.setToggleGroup(classes);
        swatch.getStyleClass().add("class-swatch");
        swatch.setTooltip(new Tooltip(String.format(CLASS_TIP, label + 1, label == 9 ? 0 : label + 1)));
        return swatch;
    }
}

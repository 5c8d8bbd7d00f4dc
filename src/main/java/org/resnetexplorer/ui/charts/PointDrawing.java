package org.resnetexplorer.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Cursor;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.resnetexplorer.charts.PlaneMapping;
import org.resnetexplorer.data.DatasetException;
import org.resnetexplorer.data.PointsCsv;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.i18n.Texts;

/**
 * Drawing points on a picture of the plane: while {@link #drawingProperty() drawing} is on, a click adds a point
 * of the {@link #chosenClassProperty() chosen class} where it lands, a right-click or Shift+click removes the
 * nearest point within {@value #REMOVE_RADIUS} points of the pointer, and the keys 1 to 9 and 0 choose classes 1
 * to 10. Each change is one undoable edit of the {@link Drawing}; the picture draws the points. The picture says
 * where it drew the plane ({@code planes}: one per panel, from its last layout); a click off every plane (or
 * before anything is drawn) does what it does in the picture otherwise. Use on the FX thread.
 */
final class PointDrawing {
    /** How near the pointer, in points, a point must be for a right-click to remove it. */
    static final double REMOVE_RADIUS = 8;
    static final String ADD_EDIT = Texts.get("pointDrawing.add.edit");
    static final String REMOVE_EDIT = Texts.get("pointDrawing.remove.edit");
    static final String CLEAR_EDIT = Texts.get("pointDrawing.clear.edit");
    static final String IMPORT_EDIT = Texts.get("pointDrawing.import.edit");
    static final String FULL = Texts.get("pointDrawing.full");
    static final String OUTSIDE = Texts.get("pointDrawing.outside");
    static final String IMPORTED = Texts.get("pointDrawing.imported");
    static final String EXPORTED = Texts.get("pointDrawing.exported");
    static final String IMPORT_FAILED = Texts.get("pointDrawing.import.failed");
    static final String EXPORT_FAILED = Texts.get("pointDrawing.export.failed");
    static final String DEFAULT_FILE = "points.csv";

    private final Region surface;
    private final Supplier<List<PlaneMapping>> planes;
    private final Drawing drawing;
    private final BooleanProperty drawingOn = new SimpleBooleanProperty(false);
    private final IntegerProperty chosenClass = new SimpleIntegerProperty(0);
    private Path lastFolder;

    /**
     * @param surface where the plane is drawn: it gets the clicks and keys
     * @param planes  where the surface last drew the plane: one mapping per panel, none before it drew
     * @param drawing the points, and where their edits go
     */
    PointDrawing(Region surface, Supplier<List<PlaneMapping>> planes, Drawing drawing) {
        this.surface = Objects.requireNonNull(surface, "surface");
        this.planes = Objects.requireNonNull(planes, "planes");
        this.drawing = Objects.requireNonNull(drawing, "drawing");
        surface.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        surface.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        drawingOn.addListener((o, was, on) -> {
            surface.setCursor(on ? Cursor.CROSSHAIR : null);
            if (on) {
                drawing.started();
            }
        });
    }

    /** Whether clicks draw (on) or do what they do in the picture otherwise (off, the default). */
    BooleanProperty drawingProperty() {
        return drawingOn;
    }

    /** The class a click adds, from 0 (shown as class 1). */
    IntegerProperty chosenClassProperty() {
        return chosenClass;
    }

    private void pressed(MouseEvent e) {
        if (!drawingOn.get()) {
            return;
        }
        Optional<PlaneMapping> mapping = planes.get().stream().filter(p -> p.contains(e.getX(), e.getY())).findFirst();
        if (mapping.isEmpty()) {
            return;
        }
        e.consume();
        surface.requestFocus();
        boolean remove = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.PRIMARY && e.isShiftDown();
        if (remove) {
            removeNear(mapping.get(), e.getX(), e.getY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            add(mapping.get().dataX(e.getX()), mapping.get().dataY(e.getY()));
        }
    }

    /** Adds a point of the chosen class at data coordinates ({@code x}, {@code y}), if there is room. */
    void add(double x, double y) {
        DrawnPoints points = drawing.points();
        if (points.isFull()) {
            drawing.tell(String.format(FULL, DrawnPoints.MAX_POINTS));
            return;
        }
        if (!DrawnPoint.inPlane(x) || !DrawnPoint.inPlane(y)) {
            drawing.tell(String.format(OUTSIDE, DrawnPoints.LIMIT));
            return;
        }
        int label = chosenClass.get();
        drawing.edit(String.format(ADD_EDIT, label + 1), points.with(new DrawnPoint(x, y, label)));
    }

    private void removeNear(PlaneMapping mapping, double px, double py) {
        DrawnPoints points = drawing.points();
        nearest(points, mapping, px, py).ifPresent(i -> drawing.edit(
                String.format(REMOVE_EDIT, points.points().get(i).label() + 1), points.without(i)));
    }

    /** The index of the point nearest drawing position ({@code px}, {@code py}) within the remove radius. */
    static OptionalInt nearest(DrawnPoints points, PlaneMapping mapping, double px, double py) {
        int best = -1;
        double bestDistance = REMOVE_RADIUS * REMOVE_RADIUS;
        for (int i = 0; i < points.size(); i++) {
            DrawnPoint p = points.points().get(i);
            double dx = mapping.pixelX(p.x()) - px;
            double dy = mapping.pixelY(p.y()) - py;
            double distance = dx * dx + dy * dy;
            // the last drawn wins a tie: it is the one on top
            if (distance <= bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private void keyPressed(KeyEvent e) {
        if (!drawingOn.get() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        int label = classOfKey(e.getCode());
        if (label >= 0) {
            chosenClass.set(label);
            e.consume();
        }
    }

    /** The class a key chooses: 1 to 9 the classes 0 to 8, 0 the tenth; -1 for any other key. */
    static int classOfKey(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            int digit = name.charAt(name.length() - 1) - '0';
            return digit == 0 ? DrawnPoints.MAX_CLASSES - 1 : digit - 1;
        }
        return -1;
    }

    /** Removes every point, as one edit. */
    void clear() {
        if (!drawing.points().isEmpty()) {
            drawing.edit(CLEAR_EDIT, DrawnPoints.NONE);
        }
    }

    /** Replaces the points with those of a CSV file, as one edit; says what it read or why it could not. */
    void importFrom(Path file) {
        try {
            DrawnPoints read = PointsCsv.read(file);
            drawing.edit(IMPORT_EDIT, read);
            drawing.tell(String.format(IMPORTED, Texts.count("count.points", read.size()), file.getFileName()));
        } catch (DatasetException e) {
            failed(IMPORT_FAILED, e.getMessage());
        }
    }

    /** Writes the points as CSV ({@code x,y,label}), the layout {@code train FILE.csv} reads. */
    void exportTo(Path file) {
        try {
            PointsCsv.write(drawing.points(), file);
            drawing.tell(String.format(EXPORTED, Texts.count("count.points", drawing.points().size()), file));
        } catch (IOException e) {
            failed(EXPORT_FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** Says why a file could not be read or written, in the status bar and an alert. */
    private void failed(String header, String message) {
        drawing.tell(message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.show();
    }

    private Window window() {
        return surface.getScene() == null ? null : surface.getScene().getWindow();
    }

    /** Asks for a CSV file to import (when the host gave file dialogs). */
    void askImport() {
        drawing.opener().flatMap(open -> open.open(window(), lastFolder)).ifPresent(file -> {
            lastFolder = file.toAbsolutePath().getParent();
            importFrom(file);
        });
    }

    /** Asks where to export the points (when the host gave file dialogs). */
    void askExport() {
        drawing.saver().flatMap(save -> save.save(window(), lastFolder, DEFAULT_FILE)).ifPresent(file -> {
            lastFolder = file.toAbsolutePath().getParent();
            exportTo(file);
        });
    }
}

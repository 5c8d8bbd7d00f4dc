package org.resnetexplorer.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Network;

/**
 * A drag from an output port: a wire follows the pointer and snaps to the input it aims at, green when
 * {@link Connections} allows it, red with the reason beside the pointer when it would close a cycle or join
 * shapes that do not fit. The release on an allowed input is one edit ("Connect conv1 to add1").
 */
final class WireDrag {
    private final Region view;
    private final GraphCanvas canvas;
    private final CubicCurve pending = new CubicCurve();
    private final Label reason = new Label();
    /** What each input aimed at during this drag was judged: the analysis of a candidate network is not free. */
    private final Map<PortSkin, Connections.Result> checked = new HashMap<>();
    private ShownDocument shown;
    private PortSkin source;
    private PortSkin target;
    private Connections.Result result;

    /** A wire drawn on {@code canvas}, its refusals shown over {@code view}. */
    WireDrag(Region view, GraphCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        pending.getStyleClass().addAll("graph-wire", "pending");
        pending.setFill(null);
        pending.setMouseTransparent(true);
        reason.getStyleClass().add("graph-connect-reason");
        reason.setId("graph-connect-reason");
        reason.setManaged(false);
        reason.setVisible(false);
        reason.setMouseTransparent(true);
        reason.setWrapText(true);
        reason.setMaxWidth(420);
    }

    /** Why the wire would be refused, shown over the view beside the pointer while it aims at that input. */
    Label reason() {
        return reason;
    }

    /** The press on an output port of {@code shown}'s drawing. */
    void start(PortSkin port, ShownDocument drawing) {
        shown = drawing;
        source = port;
        target = null;
        result = null;
        checked.clear();
        Point2D local = canvas.sceneToLocal(port.localToScene(port.getCenterX(), port.getCenterY()));
        pending.setStartX(local.getX());
        pending.setStartY(local.getY());
        pending.setControlX1(local.getX());
        pending.setControlY1(local.getY());
        pending.setControlX2(local.getX());
        pending.setControlY2(local.getY());
        pending.setEndX(local.getX());
        pending.setEndY(local.getY());
        pending.getStyleClass().removeAll("valid", "refused");
        canvas.dragLayer().getChildren().setAll(pending);
    }

    /** The pointer moved: the wire follows it, or snaps to the input it aims at and shows whether it fits. */
    void drag(MouseEvent e) {
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        PortSkin aimed = canvas.inputPortNear(p, source.item());
        Point2D end = aimed == null ? p : canvas.sceneToLocal(aimed.localToScene(aimed.getCenterX(), aimed.getCenterY()));
        double x1 = pending.getStartX();
        double y1 = pending.getStartY();
        double bend = Math.max(30, Math.abs(end.getY() - y1) / 2);
        pending.setControlX1(x1);
        pending.setControlY1(y1 + bend);
        boolean side = aimed != null && Add.SHORTCUT.equals(aimed.port());
        pending.setControlX2(side ? end.getX() + 60 : end.getX());
        pending.setControlY2(side ? end.getY() : end.getY() - bend);
        pending.setEndX(end.getX());
        pending.setEndY(end.getY());
        if (aimed != target) {
            if (target != null) {
                target.mark(null);
            }
            target = aimed;
            result = aimed == null ? null : checked.computeIfAbsent(aimed, this::check);
            pending.getStyleClass().removeAll("valid", "refused");
            if (result != null) {
                pending.getStyleClass().add(result.allowed() ? "valid" : "refused");
                aimed.mark(result.allowed() ? "target-ok" : "target-refused");
            }
        }
        if (result != null && !result.allowed()) {
            Point2D inView = view.sceneToLocal(e.getSceneX(), e.getSceneY());
            reason.setText(result.refusal());
            reason.autosize();
            reason.relocate(Math.min(inView.getX() + 16, Math.max(0, view.getWidth() - reason.getWidth() - 4)),
                    inView.getY() + 18);
            reason.setVisible(true);
        } else {
            reason.setVisible(false);
        }
    }

    private Connections.Result check(PortSkin input) {
        Network network = shown.network();
        List<Connections.Target> targets = input.node() != null
                ? List.of(new Connections.Target(input.node(), input.port()))
                : Connections.blockEntries(network, network.block(input.item()).orElseThrow());
        return Connections.check(network, shown.analysis(), source.node(), targets);
    }

    /** The release: the wire as an edit (or why not), or nothing when it was dropped away from any input. */
    Optional<Outcome> finish() {
        if (target == null || result == null) {
            return Optional.empty();
        }
        String to = target.node() != null ? target.node() : target.item();
        return Optional.of(EditCommands.connect(shown, source.node(), to, result));
    }

    /** Takes the wire, the marks and the reason away. */
    void cancel() {
        if (target != null) {
            target.mark(null);
        }
        target = null;
        source = null;
        result = null;
        canvas.dragLayer().getChildren().clear();
        reason.setVisible(false);
    }
}

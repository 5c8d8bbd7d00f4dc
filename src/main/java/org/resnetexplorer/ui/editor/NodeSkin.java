package org.resnetexplorer.ui.editor;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shortcut;

/** One layer on the canvas: its name, what it is with its main settings, and its parameter count. */
final class NodeSkin extends VBox {
    static final double WIDTH = 220;
    static final double HEIGHT = 52;

    NodeSkin(String name, LayerSpec layer, long params, String problem) {
        getStyleClass().addAll("graph-node", "kind-" + layer.kind().toLowerCase(java.util.Locale.ROOT));
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        Label title = new Label(name);
        title.getStyleClass().add("graph-node-title");
        Label detail = new Label(describe(layer) + (params > 0 ? "  ·  " + Counts.abbreviated(params) + " params" : ""));
        detail.getStyleClass().add("graph-node-detail");
        getChildren().addAll(title, detail);
        setId("node-" + name);
        if (problem != null) {
            getStyleClass().add("invalid");
            Tooltip.install(this, new Tooltip(problem));
        }
    }

    /** "Conv2D 3x3/2, 32", "Dense 64", "ReLU": the kind and the settings a student looks for first. */
    static String describe(LayerSpec layer) {
        if (layer instanceof Conv2D c) {
            return "Conv " + c.kernel() + "x" + c.kernel() + (c.stride() > 1 ? "/" + c.stride() : "") + ", " + c.filters();
        }
        if (layer instanceof Dense d) {
            return "Dense " + d.units();
        }
        if (layer instanceof MaxPool p) {
            return "MaxPool " + p.kernel() + "x" + p.kernel() + "/" + p.stride();
        }
        if (layer instanceof AvgPool p) {
            return "AvgPool " + p.kernel() + "x" + p.kernel() + "/" + p.stride();
        }
        if (layer instanceof Dropout d) {
            return "Dropout " + d.rate();
        }
        if (layer instanceof Output o) {
            return "Softmax, " + o.classes() + " classes";
        }
        if (layer instanceof Shortcut s) {
            return "Shortcut " + s.option() + (s.stride() > 1 ? ", /" + s.stride() : "");
        }
        return layer.label();
    }
}

package org.resnetexplorer.ui.editor;

import java.util.Locale;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.i18n.Texts;

/** One layer on the canvas: its name, what it is with its main settings, its parameter count, and its ports. */
final class NodeSkin extends ItemSkin {
    private static final String PARAMS = Texts.get("graphView.params");
    private static final String CONV = "Conv %dx%d%s, %d";
    private static final String DENSE = "Dense %d";
    private static final String POOL = "%s %dx%d/%d";
    private static final String DROPOUT = "Dropout %s";
    private static final String SOFTMAX = Texts.get("nodeSkin.softmax");
    private static final String SHORTCUT = "Shortcut %s%s";

    NodeSkin(String name, LayerSpec layer, long params, String tip, String problem) {
        super(name, name, describe(layer) + (params > 0 ? String.format(PARAMS, Counts.abbreviated(params))
                : ""),
                problem == null ? tip : tip + "\n" + problem);
        getStyleClass().add("kind-" + layer.kind().toLowerCase(Locale.ROOT));
        setId("node-" + name);
        for (String port : layer.inputPorts()) {
            boolean side = layer instanceof Add && port.equals(Add.SHORTCUT);
            addPort(new PortSkin(name, name, port, true, side ? WIDTH : WIDTH / 2, side ? HEIGHT / 2 : 0));
        }
        if (!(layer instanceof Output)) {
            addPort(new PortSkin(name, name, null, false, WIDTH / 2, HEIGHT));
        }
        markInvalid(problem != null);
    }

    /** "Conv 3x3/2, 32", "Dense 64", "ReLU": the kind and the settings a student looks for first. */
    static String describe(LayerSpec layer) {
        if (layer instanceof Conv2D c) {
            return String.format(CONV, c.kernel(), c.kernel(), c.stride() > 1 ? "/" + c.stride() : "", c.filters());
        }
        if (layer instanceof Dense d) {
            return String.format(DENSE, d.units());
        }
        if (layer instanceof MaxPool p) {
            return String.format(POOL, p.kind(), p.kernel(), p.kernel(), p.stride());
        }
        if (layer instanceof AvgPool p) {
            return String.format(POOL, p.kind(), p.kernel(), p.kernel(), p.stride());
        }
        if (layer instanceof Dropout d) {
            return String.format(DROPOUT, d.rate());
        }
        if (layer instanceof Output o) {
            return String.format(SOFTMAX, o.classes());
        }
        if (layer instanceof Shortcut s) {
            return String.format(SHORTCUT, s.option(), s.stride() > 1 ? ", /" + s.stride() : "");
        }
        return layer.label();
    }
}

package org.resnetexplorer.ui.templates;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;


/** The list of {@link ModelTemplates#QUICK} on the left: a click (or Enter) opens one as a new graph. */
public final class TemplateList extends ListView<String> {
    public static final String HEADING = Texts.get("main.template.list");
    static final String TIP = Texts.get("main.template.list.tip");

    /** @param open opens the built template as a new graph (asking about unsaved changes first) */
    public TemplateList(Consumer<Network> open) {
        Objects.requireNonNull(open, "open");
        getItems().setAll(ModelTemplates.QUICK);
        setId("templates");
        setTooltip(new Tooltip(TIP));
        setOnMouseClicked(e -> {
            String name = getSelectionModel().getSelectedItem();
            if (name != null && onFilledCell(e.getPickResult().getIntersectedNode())) {
                open.accept(Templates.build(name));
            }
        });
        setOnKeyPressed(e -> {
            String name = getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && name != null) {
                open.accept(Templates.build(name));
            }
        });
    }

    /** Whether a click on {@code target} hit a template, not the empty space below the last one. */
    private static boolean onFilledCell(Node target) {
        for (Node n = target; n != null; n = n.getParent()) {
            if (n instanceof ListCell<?> cell) {
                return !cell.isEmpty();
            }
        }
        return false;
    }
}

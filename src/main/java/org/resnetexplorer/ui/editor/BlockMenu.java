package org.resnetexplorer.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;

/**
 * A block's context menu in the editor: right-click a collapsed block, a layer of a block or an expanded block's
 * title. What it offers comes from the window (the editor knows nothing of runs): e.g. "Delete at test time" for a
 * block of a trained run. Nothing opens where the window offers nothing.
 */
final class BlockMenu {
    private final GraphView view;
    private final GraphCanvas canvas;
    private Function<String, List<MenuItem>> items = block -> List.of();
    private ContextMenu open;

    BlockMenu(GraphView view, GraphCanvas canvas) {
        this.view = view;
        this.canvas = canvas;
        // the mouse opens it on a right press; the keyboard (context-menu key, Shift+F10) on the one selected block
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY || e.isPopupTrigger()) {
                show(blockAt(canvas.sceneToLocal(e.getSceneX(), e.getSceneY())), e.getScreenX(), e.getScreenY());
                e.consume();
            } else if (open != null) {
                open.hide();
            }
        });
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                show(selectedBlock(), e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    /** What a block's menu offers, given the block's name (no items: no menu). */
    void setItems(Function<String, List<MenuItem>> items) {
        this.items = Objects.requireNonNull(items, "items");
    }

    private void show(Optional<String> block, double screenX, double screenY) {
        if (open != null) {
            open.hide();
        }
        List<MenuItem> offered = block.map(items).orElse(List.of());
        if (offered.isEmpty()) {
            return;
        }
        open = new ContextMenu(offered.toArray(MenuItem[]::new));
        open.setId("block-menu");
        open.show(view, screenX, screenY);
    }

    /** The block selected, when the selection is one block or layers of one block. */
    private Optional<String> selectedBlock() {
        Network network = view.shown().network();
        List<String> blocks = view.selectionProperty().get().stream()
                .map(item -> network.block(item).or(() -> network.blockOf(item)).map(Block::name).orElse(""))
                .distinct().toList();
        return blocks.size() == 1 && !blocks.get(0).isEmpty() ? Optional.of(blocks.get(0)) : Optional.empty();
    }

    /** The block under canvas point {@code p}: a collapsed block's box, a member's box, or a frame's title. */
    Optional<String> blockAt(Point2D p) {
        Network network = view.shown().network();
        Optional<String> item = canvas.itemAt(p);
        if (item.isPresent()) {
            String name = item.get();
            return network.block(name).or(() -> network.blockOf(name)).map(Block::name);
        }
        for (Map.Entry<String, BlockFrame> frame : canvas.frames().entrySet()) {
            if (frame.getValue().title().getBoundsInParent().contains(p)) {
                return Optional.of(frame.getKey());
            }
        }
        return Optional.empty();
    }
}

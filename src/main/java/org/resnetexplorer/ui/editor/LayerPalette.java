package org.resnetexplorer.ui.editor;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resnetexplorer.i18n.Texts;

/**
 * The layers and residual blocks a student builds from, to drag onto a {@link GraphView} (JavaFX drag and drop
 * with {@link #FORMAT}). Double-click or Enter on an entry also adds it, through {@link #setOnChoose}.
 */
public final class LayerPalette extends VBox {
    /** What a palette drag carries: the {@link PaletteItem} name. */
    public static final DataFormat FORMAT = new DataFormat("application/x-resnet-explorer-palette-item");
    static final String LAYERS = Texts.get("layerPalette.layers");
    static final String BLOCKS = Texts.get("layerPalette.blocks");
    static final String HOW = Texts.get("layerPalette.how");

    private Consumer<PaletteItem> onChoose = item -> { };

    public LayerPalette() {
        getStyleClass().add("layer-palette");
        getStylesheets().add(GraphView.STYLESHEET);
        setPadding(new Insets(6));
        setSpacing(1);
        getChildren().add(heading(LAYERS));
        for (PaletteItem item : PaletteItem.values()) {
            if (item == PaletteItem.BASIC_BLOCK) {
                getChildren().add(heading(BLOCKS));
            }
            getChildren().add(entry(item));
        }
    }

    /** Called when the user double-clicks an entry or presses Enter on it. */
    public void setOnChoose(Consumer<PaletteItem> handler) {
        onChoose = handler == null ? item -> { } : handler;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("layer-palette-heading");
        return label;
    }

    private Label entry(PaletteItem item) {
        FontIcon icon = new FontIcon(item.icon());
        icon.getStyleClass().add("layer-palette-icon");
        Label label = new Label(item.label(), icon);
        label.getStyleClass().addAll("layer-palette-item", item.isBlock() ? "block" : "layer");
        label.setId("palette-" + item.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        label.setMaxWidth(Double.MAX_VALUE);
        label.setFocusTraversable(true);
        Tooltip tooltip = new Tooltip(item.description() + "\n" + HOW);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        label.setTooltip(tooltip);
        label.setOnDragDetected(e -> {
            Dragboard board = label.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(FORMAT, item.name());
            board.setContent(content);
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(Color.TRANSPARENT);
            board.setDragView(label.snapshot(parameters, null));
            e.consume();
        });
        label.setOnMouseClicked(e -> {
            label.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                onChoose.accept(item);
            }
        });
        label.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onChoose.accept(item);
                e.consume();
            }
        });
        return label;
    }
}

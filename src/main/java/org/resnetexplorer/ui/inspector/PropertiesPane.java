package org.resnetexplorer.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;
import org.resnetexplorer.i18n.Texts;


/**
 * The right-hand pane: a ControlsFX {@link PropertySheet} for the selected node or block. A node shows its name
 * and kind, its layer settings (editable: each change becomes a new network, an undoable edit), and what follows
 * from them (output shape, parameters, multiply-adds, read-only); a block its members and its shortcut, which
 * can be switched off (the plain twin) and on. A refused value leaves the network as it was and says why.
 */
public final class PropertiesPane extends VBox {
    static final String HEADING = Texts.get("propertiesPane.heading");
    static final String NOTHING_SELECTED = Texts.get("propertiesPane.nothing.selected");
    static final String MANY_SELECTED = Texts.get("propertiesPane.many.selected");
    static final String NODE = Texts.get("propertiesPane.node");
    static final String SETTINGS = Texts.get("propertiesPane.settings");
    static final String COMPUTED = Texts.get("propertiesPane.computed");
    static final String BLOCK = Texts.get("propertiesPane.block");
    static final String NAME = Texts.get("propertiesPane.name");
    static final String KIND = Texts.get("propertiesPane.kind");
    static final String OUTPUT_SHAPE = Texts.get("propertiesPane.output.shape");
    static final String PARAMETERS = Texts.get("propertiesPane.parameters");
    static final String MACS = Texts.get("propertiesPane.macs");
    static final String MEMBERS = Texts.get("propertiesPane.members");
    static final String BLOCK_NAME = Texts.get("propertiesPane.block.name");
    static final String BLOCK_KIND = Texts.get("propertiesPane.block.kind");
    static final String BLOCK_PARAMETERS = Texts.get("propertiesPane.block.parameters");
    static final String SHORTCUT = Texts.get("propertiesPane.shortcut");
    static final String SHORTCUT_TIP = Texts.get("propertiesPane.shortcut.tip");
    static final String TOGGLE_SHORTCUT = Texts.get("propertiesPane.toggle.shortcut");
    static final String CHANGE = Texts.get("propertiesPane.change");
    static final String REFUSED = Texts.get("propertiesPane.refused");
    static final String UNKNOWN_SHAPE = Texts.get("propertiesPane.unknown.shape");
    static final String EDIT_TIP = Texts.get("propertiesPane.edit.tip");
    static final String KIND_OPTION = Texts.get("propertiesPane.kind.option");

    private final PropertySheet sheet = new PropertySheet();
    private final Label hint = new Label(NOTHING_SELECTED);
    private final BiConsumer<String, Network> edits;
    private final Consumer<String> refusals;
    private Network network;
    private Analysis analysis;
    private Set<String> selection = Set.of();

    /**
     * @param edits    receives each edit as (name for the Undo menu, the new network)
     * @param refusals receives the message of a refused value
     */
    public PropertiesPane(BiConsumer<String, Network> edits, Consumer<String> refusals) {
        this.edits = edits;
        this.refusals = refusals;
        setId("properties");
        sheet.setId("property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        // one flat list in our order (by category, the sheet would show one section at a time)
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item.isEditable() && (item.getType() == Integer.class
                || item.getType() == Double.class || item.getType() == String.class)
                ? new CommitOnEnter(item) : defaults.call(item));
        hint.setWrapText(true);
        hint.setPadding(new Insets(4, 8, 4, 8));
        hint.setId("properties-hint");
        Label heading = new Label(HEADING);
        heading.getStyleClass().add("pane-heading");
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(heading, hint, sheet);
    }

    /** Shows the properties of the single selected item of {@code shown}, whose analysis is {@code analysis}. */
    public void show(Network shown, Analysis analysis, Set<String> selected) {
        network = shown;
        this.analysis = analysis;
        selection = selected;
        List<PropertySheet.Item> items = new ArrayList<>();
        if (selected.size() == 1) {
            String item = selected.iterator().next();
            shown.node(item).ifPresent(node -> nodeItems(node, analysis, items));
            shown.block(item).ifPresent(block -> blockItems(block, analysis, items, true));
        }
        hint.setText(selected.size() > 1 ? String.format(MANY_SELECTED, selected.size()) : NOTHING_SELECTED);
        hint.setVisible(items.isEmpty());
        hint.setManaged(items.isEmpty());
        sheet.getItems().setAll(items);
    }

    private void nodeItems(Node node, Analysis analysis, List<PropertySheet.Item> items) {
        items.add(new Fixed(NODE, NAME, node.name()));
        items.add(new Fixed(NODE, KIND, node.layer().label()));
        for (LayerSettings.Setting setting : LayerSettings.of(node.layer())) {
            items.add(new Editable(SETTINGS, setting.label(), setting.type(), setting.value(), value -> {
                Node now = network.node(node.name()).orElse(null);
                if (now == null) {
                    return null;
                }
                return network.withLayer(node.name(), LayerSettings.with(now.layer(), setting.name(), value));
            }, String.format(CHANGE, setting.name(), node.name())));
        }
        items.add(new Fixed(COMPUTED, OUTPUT_SHAPE, analysis.outputShape(node.name()).map(Object::toString)
                .orElse(UNKNOWN_SHAPE)));
        items.add(new Fixed(COMPUTED, PARAMETERS, Counts.grouped(analysis.params(node.name()))));
        items.add(new Fixed(COMPUTED, MACS, Counts.grouped(analysis.macs(node.name()))));
        network.blockOf(node.name()).ifPresent(block -> blockItems(block, analysis, items, false));
    }

    private void blockItems(Block block, Analysis analysis, List<PropertySheet.Item> items, boolean selected) {
        items.add(new Fixed(BLOCK, BLOCK_NAME, block.name()));
        items.add(new Fixed(BLOCK, BLOCK_KIND, String.format(KIND_OPTION,
                block.kind().toString().toLowerCase(java.util.Locale.ROOT), block.shortcutOption())));
        items.add(new Fixed(BLOCK, MEMBERS, String.join(", ", block.members())));
        if (selected) {
            long params = block.members().stream().mapToLong(analysis::params).sum();
            items.add(new Fixed(BLOCK, BLOCK_PARAMETERS, Counts.grouped(params)));
        }
        Editable shortcut = new Editable(BLOCK, SHORTCUT, Boolean.class, network.hasShortcut(block.name()),
                value -> network.withShortcut(block.name(), (Boolean) value), TOGGLE_SHORTCUT);
        shortcut.description = SHORTCUT_TIP;
        items.add(shortcut);
    }

    /** Applies an edit later, outside the editor's event handler (the sheet is rebuilt by the edit). */
    private void apply(Editable item, Object value) {
        Platform.runLater(() -> {
            try {
                Network next = item.change.apply(value);
                if (next != null && !next.equals(network)) {
                    edits.accept(item.editName, next);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                refusals.accept(String.format(REFUSED, item.name, e.getMessage()));
                show(network, analysis, selection);
            }
        });
    }

    /** A read-only line. */
    private static final class Fixed implements PropertySheet.Item {
        private final String category;
        private final String name;
        private final String value;

        Fixed(String category, String name, String value) {
            this.category = category;
            this.name = name;
            this.value = value;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return name + ": " + value;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object ignored) {
            // read-only
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }

        @Override
        public boolean isEditable() {
            return false;
        }
    }

    /** A setting that makes a new network when it changes. */
    private final class Editable implements PropertySheet.Item {
        private final String category;
        private final String name;
        private final Class<?> type;
        private final Object value;
        private final Function<Object, Network> change;
        private final String editName;
        private String description;

        Editable(String category, String name, Class<?> type, Object value, Function<Object, Network> change,
                String editName) {
            this.category = category;
            this.name = name;
            this.type = type;
            this.value = value;
            this.change = change;
            this.editName = editName;
            this.description = name + ". " + EDIT_TIP;
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object next) {
            if (next != null && !next.toString().equals(String.valueOf(value))) {
                apply(this, next);
            }
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }

    /** A text field that commits its value on Enter or when it loses focus, not at every keystroke. */
    private static final class CommitOnEnter implements PropertyEditor<Object> {
        private final TextField field = new TextField();

        CommitOnEnter(PropertySheet.Item item) {
            field.setTooltip(new Tooltip(item.getDescription()));
            field.setOnAction(e -> item.setValue(field.getText()));
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused) {
                    item.setValue(field.getText());
                }
            });
        }

        @Override
        public javafx.scene.Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return field.getText();
        }

        @Override
        public void setValue(Object value) {
            field.setText(value == null ? "" : value.toString());
        }
    }
}

package org.resnetexplorer.ui.templates;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.i18n.Texts;


/**
 * The Templates dialog (Ctrl+T): family, depth, width, shortcut option, residual or plain, pre-activation,
 * BatchNorm and activation, with a live preview of the parameters and multiply-adds. Its result is the network.
 */
public final class TemplateDialog extends Dialog<Network> {
    static final String CHOOSE = Texts.get("templateDialog.choose");
    static final String TITLE = Texts.get("templateDialog.title");
    static final String HEADER = Texts.get("templateDialog.header");
    public static final String OPEN = Texts.get("templateDialog.open");
    static final String FAMILY = Texts.get("templateDialog.family");
    static final String DEPTH = Texts.get("templateDialog.depth");
    static final String WIDTH = Texts.get("templateDialog.width");
    static final String WIDTH_TIP = Texts.get("templateDialog.width.tip");
    static final String SHORTCUT = Texts.get("templateDialog.shortcut");
    static final String SHORTCUT_TIP = Texts.get("templateDialog.shortcut.tip");
    static final String RESIDUAL = Texts.get("templateDialog.residual");
    static final String PLAIN = Texts.get("templateDialog.plain");
    static final String PRE_ACTIVATION = Texts.get("templateDialog.pre.activation");
    static final String BATCH_NORM = Texts.get("templateDialog.batch.norm");
    static final String ACTIVATION = Texts.get("templateDialog.activation");
    static final String PREVIEW = Texts.get("templateDialog.preview");
    static final String INVALID = Texts.get("templateDialog.invalid");

    private final ComboBox<TemplateChoice.Family> family = new ComboBox<>();
    private final ComboBox<Integer> depth = new ComboBox<>();
    private final Spinner<Integer> width = new Spinner<>(1, 1024, 16);
    private final ComboBox<ShortcutOption> shortcut = new ComboBox<>();
    private final RadioButton residual = new RadioButton(RESIDUAL);
    private final RadioButton plain = new RadioButton(PLAIN);
    private final CheckBox preActivation = new CheckBox(PRE_ACTIVATION);
    private final CheckBox batchNorm = new CheckBox(BATCH_NORM);
    private final ComboBox<ActivationFunction> activation = new ComboBox<>();
    private final Label preview = new Label();
    private final javafx.beans.property.BooleanProperty invalid = new javafx.beans.property.SimpleBooleanProperty();
    private Network built;

    public TemplateDialog(Window owner) {
        initOwner(owner);
        setTitle(TITLE);
        setHeaderText(HEADER);
        ButtonType open = new ButtonType(OPEN, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        getDialogPane().setId("template-dialog");

        family.getItems().setAll(TemplateChoice.Family.values());
        family.setId("template-family");
        depth.setId("template-depth");
        width.setId("template-width");
        width.setEditable(true);
        width.setTooltip(new Tooltip(WIDTH_TIP));
        shortcut.getItems().setAll(ShortcutOption.values());
        shortcut.setId("template-shortcut");
        shortcut.setTooltip(new Tooltip(SHORTCUT_TIP));
        ToggleGroup kind = new ToggleGroup();
        residual.setToggleGroup(kind);
        plain.setToggleGroup(kind);
        residual.setId("template-residual");
        plain.setId("template-plain");
        residual.setSelected(true);
        preActivation.setId("template-preactivation");
        batchNorm.setId("template-bn");
        activation.getItems().setAll(ActivationFunction.values());
        activation.setId("template-activation");
        activation.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActivationFunction f) {
                return f == null ? "" : f.label();
            }

            @Override
            public ActivationFunction fromString(String text) {
                return ActivationFunction.parse(text);
            }
        });
        preview.setId("template-preview");
        preview.setWrapText(true);
        preview.setMaxWidth(460);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.addRow(row++, new Label(FAMILY), family);
        grid.addRow(row++, new Label(DEPTH), depth);
        grid.addRow(row++, new Label(WIDTH), width);
        grid.addRow(row++, new Label(), new HBox(12, residual, plain));
        grid.addRow(row++, new Label(SHORTCUT), shortcut);
        grid.addRow(row++, new Label(), preActivation);
        grid.addRow(row++, new Label(), batchNorm);
        grid.addRow(row++, new Label(ACTIVATION), activation);
        grid.add(preview, 0, row, 2, 1);
        getDialogPane().setContent(grid);

        family.valueProperty().addListener((obs, old, now) -> setFamily(now));
        depth.valueProperty().addListener((obs, old, now) -> update());
        width.valueProperty().addListener((obs, old, now) -> update());
        shortcut.valueProperty().addListener((obs, old, now) -> update());
        kind.selectedToggleProperty().addListener((obs, old, now) -> update());
        preActivation.selectedProperty().addListener((obs, old, now) -> update());
        batchNorm.selectedProperty().addListener((obs, old, now) -> update());
        activation.valueProperty().addListener((obs, old, now) -> update());
        family.setValue(TemplateChoice.Family.MLP);

        getDialogPane().lookupButton(open).disableProperty().bind(invalid);
        setResultConverter(button -> button == open ? built : null);
    }

    private boolean settingFamily;

    private void setFamily(TemplateChoice.Family f) {
        TemplateChoice d = TemplateChoice.defaults(f);
        settingFamily = true;
        depth.getItems().setAll(f.depths());
        depth.setValue(d.depth());
        width.getValueFactory().setValue(d.width());
        shortcut.setValue(d.shortcut());
        batchNorm.setSelected(d.batchNorm());
        activation.setValue(d.activation());
        preActivation.setSelected(false);
        settingFamily = false;
        update();
    }

    /** The choices as they stand. */
    Optional<TemplateChoice> choice() {
        if (family.getValue() == null || depth.getValue() == null || width.getValue() == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateChoice(family.getValue(), depth.getValue(), width.getValue(), shortcut.getValue(),
                residual.isSelected(), preActivation.isSelected(), batchNorm.isSelected(), activation.getValue()));
    }

    private void update() {
        if (settingFamily) {
            return;
        }
        Optional<TemplateChoice> choice = choice();
        preActivation.setDisable(choice.map(c -> !c.preActivationApplies()).orElse(true));
        built = null;
        try {
            if (choice.isEmpty()) {
                throw new IllegalArgumentException(CHOOSE);
            }
            built = choice.get().build();
            Analysis analysis = Analysis.of(built);
            preview.setText(String.format(PREVIEW, built.name(), Counts.grouped(analysis.totalParams()),
                    Counts.abbreviated(analysis.totalParams()), Counts.abbreviated(analysis.totalMacs()),
                    Texts.count("count.layers", analysis.summary().size())));
            preview.setStyle("");
            invalid.set(false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            preview.setText(String.format(INVALID, e.getMessage()));
            preview.setStyle("-fx-text-fill: #d1242f;");
            invalid.set(true);
        }
    }
}

package org.resnetexplorer.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.ui.editor.GraphView;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.LayerSummary;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Templates;

/**
 * Pick a template, read its layers: name, kind, output shape, parameters and multiply-adds, with the totals.
 * The first window of the app, until the graph editor takes the centre.
 */
final class ModelBrowser extends BorderPane {
    /** Templates offered, the paper's ImageNet and CIFAR nets and the small MLPs, each with its plain twin. */
    static final List<String> TEMPLATES = List.of("mlp-resnet-8", "mlp-plain-8", "cifar-resnet-20", "cifar-plain-20",
            "cifar-resnet-56", "cifar-plain-56", "cifar-resnet-110", "cifar-preact-resnet-20", "resnet-18", "plain-18",
            "resnet-34", "plain-34", "resnet-50", "resnet-101", "resnet-152");

    private final ListView<String> templates = new ListView<>();
    private final TableView<LayerSummary> layers = new TableView<>();
    private final Label totals = new Label();
    private final GraphView graph = new GraphView();

    ModelBrowser() {
        templates.getItems().setAll(TEMPLATES);
        templates.setId("templates");
        templates.setPrefWidth(220);
        layers.setId("layers");
        layers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        layers.getColumns().setAll(List.of(
                column("Layer", LayerSummary::name),
                column("Kind", LayerSummary::kind),
                column("Output shape", row -> row.shape().map(Shape::toString).orElse("?")),
                numberColumn("Params", LayerSummary::params),
                numberColumn("Mult-adds", LayerSummary::macs)));
        totals.setId("totals");
        totals.setPadding(new Insets(6, 8, 6, 8));
        Label heading = new Label("Templates");
        heading.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(templates, Priority.ALWAYS);
        setLeft(new VBox(heading, templates));
        graph.setId("graph");
        SplitPane centre = new SplitPane(graph, layers);
        centre.setDividerPositions(0.55);
        setCenter(centre);
        setBottom(totals);
        templates.getSelectionModel().selectedItemProperty().addListener((obs, old, name) -> show(name));
        templates.getSelectionModel().select(0);
    }

    private void show(String template) {
        if (template == null) {
            return;
        }
        Network network = Templates.build(template);
        Analysis analysis = Analysis.of(network);
        layers.getItems().setAll(analysis.summary());
        // deep nets open with their blocks collapsed, small ones show every layer
        Set<String> collapsed = network.nodes().size() > 60
                ? network.blocks().stream().map(Block::name).collect(Collectors.toSet()) : Set.of();
        graph.show(network, collapsed);
        Platform.runLater(graph::showTop);
        totals.setText(template + ":  " + Counts.grouped(analysis.totalParams()) + " parameters ("
                + Counts.abbreviated(analysis.totalParams()) + "),  " + Counts.abbreviated(analysis.totalMacs())
                + " multiply-adds per example,  " + analysis.summary().size() + " layers");
    }

    private static TableColumn<LayerSummary, String> numberColumn(String title, ToLongFunction<LayerSummary> value) {
        TableColumn<LayerSummary, String> column = column(title, row -> Counts.grouped(value.applyAsLong(row)));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static TableColumn<LayerSummary, String> column(String title, Function<LayerSummary, String> value) {
        TableColumn<LayerSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}

package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.graph.LayerSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ModelBrowserTest {

    @Start
    void start(Stage stage) {
        new ExplorerApp().start(stage);
    }

    @Test
    @DisplayName("opens a window titled ResNet Explorer with the first template's layers shown")
    void opensWithFirstTemplate(FxRobot robot) {
        assertThat(robot.listWindows()).anySatisfy(w -> assertThat(((Stage) w).getTitle()).isEqualTo("ResNet Explorer"));
        TableView<LayerSummary> layers = robot.lookup("#layers").queryTableView();
        assertThat(layers.getItems()).extracting(LayerSummary::name).startsWith("input", "dense1");
    }

    @Test
    @DisplayName("clicking resnet-18 shows its 11,689,512 parameters")
    void clickingTemplateShowsItsCounts(FxRobot robot) {
        ListView<String> templates = robot.lookup("#templates").queryListView();
        robot.interact(() -> templates.scrollTo("resnet-18"));
        robot.clickOn("resnet-18");
        Label totals = robot.lookup("#totals").queryAs(Label.class);
        assertThat(totals.getText()).startsWith("resnet-18:").contains("11,689,512 parameters");
        TableView<LayerSummary> layers = robot.lookup("#layers").queryTableView();
        assertThat(layers.getItems()).extracting(LayerSummary::name).contains("conv5_2.add");
    }
}

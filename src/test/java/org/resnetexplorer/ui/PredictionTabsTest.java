package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Predictions and Confusion matrix tabs after a short CNN run on Fashion-MNIST (issue 15, part 2): both show
 * the run's first test images, the class filter narrows the gallery, the matrix counts as many images as the
 * gallery and its error is the test error the run measured.
 */
@ExtendWith(ApplicationExtension.class)
class PredictionTabsTest {
    /** "1-24 of 1,000": the images on the page and how many the filter keeps. */
    private static final Pattern SHOWING = Pattern.compile("\\d[\\d,]*-\\d[\\d,]* of (\\d[\\d,]*)");

    @TempDir
    Path temp;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), new MainWindowTest.ScriptedFiles()));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    @Test
    @DisplayName("after a CNN run on Fashion-MNIST the gallery filters by class and the matrix counts the images shown")
    void galleryAndMatrix(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#templates").queryListView().scrollTo("cifar-resnet-20"));
        robot.clickOn("cifar-resnet-20");
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> {
            steps.setText("30");
            robot.lookup("#training-twin").queryAs(CheckBox.class).setSelected(false);
        });
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<RunRecord> runs = window.training().sessionRuns();
            return runs.size() == 1 && runs.get(0).status() == RunStatus.FINISHED;
        }).get(5, TimeUnit.SECONDS));

        show(robot, ChartKind.PREDICTIONS);
        Label showing = robot.lookup("#predictions-showing").queryAs(Label.class);
        Node gallery = robot.lookup("#predictions-canvas").query();
        // the predictions of the run's last state (those of an earlier one may show while they are computed)
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> String.valueOf(gallery.getAccessibleText())
                .contains(" at step 30."));
        // read once the last state's predictions show: the last snapshot may reach the run list after the run ends
        double testError = window.training().sessionRuns().get(0).testErrorProperty().get();
        int all = total(showing);
        assertThat(all).as("the first 1,000 test images").isEqualTo(1000);
        assertThat(gallery.getAccessibleText()).contains("of the first 1,000 test images predicted wrong ("
                + Counts.percent(testError) + ")");

        @SuppressWarnings("unchecked")
        ComboBox<String> classes = robot.lookup("#predictions-class").queryAs(ComboBox.class);
        assertThat(classes.getItems()).hasSize(11).startsWith("All").contains("Shirt", "Ankle boot");
        int sum = 0;
        for (int c = 1; c < classes.getItems().size(); c++) {
            int index = c;
            robot.interact(() -> classes.getSelectionModel().select(index));
            int ofClass = total(showing);
            assertThat(ofClass).as("images of %s", classes.getItems().get(c)).isPositive().isLessThan(all);
            sum += ofClass;
        }
        assertThat(sum).as("the classes' images together are all the images").isEqualTo(all);
        robot.interact(() -> classes.getSelectionModel().select(0));
        robot.clickOn("#predictions-errors-only");
        int errors = total(showing);
        assertThat(errors).as("errors only: the run's test error of the images").isEqualTo((int) Math.round(testError * all));

        show(robot, ChartKind.CONFUSION_MATRIX);
        Node matrix = robot.lookup("#confusion-matrix-canvas").query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> String.valueOf(matrix.getAccessibleText())
                .contains(" at step 30."));
        assertThat(matrix.getAccessibleText()).as("the matrix counts the images the gallery shows")
                .contains("The first " + Counts.grouped(all) + " test images, test error " + Counts.percent(testError));
    }

    /** Shows the chart's tab (with the window's size its header may sit in the tabs' overflow menu). */
    private void show(FxRobot robot, ChartKind kind) {
        robot.interact(() -> window.charts().select(window.charts().charts().stream().filter(c -> c.kind() == kind)
                .findFirst().orElseThrow()));
    }

    private static int total(Label showing) {
        Matcher m = SHOWING.matcher(showing.getText());
        assertThat(m.matches()).as("paging label '%s'", showing.getText()).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }
}

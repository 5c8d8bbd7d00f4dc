package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
import org.resnetexplorer.ui.charts.ChartKind;
import org.resnetexplorer.ui.charts.FeatureMapsView;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15's acceptance: the feature maps of a CIFAR-style net trained on Fashion-MNIST, for a chosen block and image. */
@ExtendWith(ApplicationExtension.class)
class FeatureMapsWindowTest {
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
    @DisplayName("the feature-map view of a CIFAR-style net on Fashion-MNIST shows x, F(x) and x + F(x) for a chosen block and image")
    void showsBlockAndImage(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#templates").queryListView().scrollTo("cifar-resnet-20"));
        robot.clickOn("cifar-resnet-20");
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("20"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<RunRecord> runs = window.training().sessionRuns();
            return runs.size() == 2 && runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED);
        }).get(5, TimeUnit.SECONDS));

        FeatureMapsView view = (FeatureMapsView) window.charts().charts().stream()
                .filter(v -> v.kind() == ChartKind.FEATURE_MAPS).findFirst().orElseThrow();
        robot.interact(() -> window.charts().select(view));
        @SuppressWarnings("unchecked")
        ComboBox<String> run = robot.lookup("#feature-maps-run").queryAs(ComboBox.class);
        assertThat(run.getItems()).as("both runs look into images").hasSize(2);
        assertThat(run.getValue()).as("the residual net is chosen").isEqualTo("#1 cifar-resnet-20");
        @SuppressWarnings("unchecked")
        ComboBox<String> block = robot.lookup("#feature-maps-block").queryAs(ComboBox.class);
        assertThat(block.getItems()).hasSize(9).first().isEqualTo("Block 1 of 9: block1");
        robot.clickOn("#feature-maps-canvas");
        robot.push(KeyCode.DOWN);
        assertThat(block.getValue()).as("Down on the chart steps to the next block").isEqualTo("Block 2 of 9: block2");
        @SuppressWarnings("unchecked")
        Spinner<Integer> image = robot.lookup("#feature-maps-image").queryAs(Spinner.class);
        robot.interact(() -> image.getValueFactory().setValue(5));
        String imageClass = robot.lookup("#feature-maps-image-class").queryAs(Label.class).getText();
        assertThat(imageClass).as("the chosen image's class").isNotEmpty();

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> view.shown()
                .filter(s -> s.block().equals("block2") && s.image() == 5).isPresent()).get(5, TimeUnit.SECONDS));
        Optional<FeatureMapsView.Shown> shown = WaitForAsyncUtils.asyncFx(view::shown).get(5, TimeUnit.SECONDS);
        assertThat(shown.orElseThrow().rows()).containsExactly("#1 cifar-resnet-20: x", "#1 cifar-resnet-20: F(x)",
                "#1 cifar-resnet-20: x + F(x)", "#1 plain twin: Block input", "#1 plain twin: Layer output");
    }
}

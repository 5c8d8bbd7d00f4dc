package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.ui.training.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Graph and dataset agree in the window (issue 13, item 5): a template picks a dataset it fits, the graph's input
 * and classes follow the dataset chosen, a file that does not fit is offered the switch, refusals name the kind of
 * dataset needed; and the status bar after a session.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetAgreementTest {
    @TempDir
    Path temp;

    private MainWindow window;
    private final MainWindowTest.ScriptedFiles files = new MainWindowTest.ScriptedFiles();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WindowConfig(new MemoryPreferences(), temp.resolve("recovery"),
                Duration.seconds(3), files));
        window.show();
    }

    @AfterEach
    void stopTraining(FxRobot robot) {
        robot.interact(() -> window.training().shutdown());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
    }

    private static String dataset(FxRobot robot) {
        return (String) robot.lookup("#training-dataset").queryAs(ComboBox.class).getValue();
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> classesField(FxRobot robot) {
        return robot.lookup("#training-classes").queryAs(Spinner.class);
    }

    private static void choose(FxRobot robot, String dataset) {
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#training-dataset").queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(dataset));
    }

    private void openQuickTemplate(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#templates").queryListView().scrollTo(name));
        robot.clickOn(name);
    }

    private Analysis graph() {
        return Analysis.of(window.document().network());
    }

    @Test
    @DisplayName("a CNN template picks Fashion-MNIST at 14x14 with settings for images and opens fitted to it; an MLP picks the spiral again")
    void templatePicksDataset(FxRobot robot) {
        openQuickTemplate(robot, "cifar-resnet-20");
        assertThat(dataset(robot)).isEqualTo("fashion-mnist");
        assertThat(status(robot)).isEqualTo("Dataset set to fashion-mnist for this convolutional network, with"
                + " settings for images (halved to 14x14, 600 steps)");
        assertThat(robot.lookup("#training-downscale").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#training-batch").queryAs(TextField.class).getText()).isEqualTo("32");
        assertThat(graph().inputShape()).contains(Shape.image(1, 14, 14));
        assertThat(graph().classes()).contains(10);
        assertThat(classesField(robot).getValue()).isEqualTo(10);
        assertThat(classesField(robot).isDisabled()).as("Fashion-MNIST fixes its classes").isTrue();
        assertThat(window.document().isModified()).as("fitting is part of opening, not an edit").isFalse();

        openQuickTemplate(robot, "mlp-plain-8");
        assertThat(dataset(robot)).isEqualTo("spiral");
        assertThat(status(robot)).isEqualTo("Dataset set to spiral for this network on 2-D points");
        assertThat(classesField(robot).getValue()).isEqualTo(3);
        assertThat(classesField(robot).isDisabled()).isFalse();
        assertThat(graph().classes()).as("the template predicts the spiral's classes").contains(3);
        assertThat(robot.lookup("#training-batch").queryAs(TextField.class).getText()).isEqualTo("64");
    }

    @Test
    @DisplayName("choosing another image size or number of classes fits the graph as one edit Undo takes back")
    void graphFollowsDataset(FxRobot robot) {
        openQuickTemplate(robot, "cifar-resnet-20");
        robot.clickOn("#training-downscale");
        assertThat(graph().inputShape()).contains(Shape.image(1, 28, 28));
        assertThat(status(robot)).isEqualTo("Input set to 1x28x28 and classes to 10 for fashion-mnist (Undo puts them back)");
        assertThat(robot.lookup("#undo-button").queryButton().getTooltip().getText())
                .isEqualTo("Undo Fit to fashion-mnist (Ctrl+Z)");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(graph().inputShape()).contains(Shape.image(1, 14, 14));

        openQuickTemplate(robot, "mlp-resnet-8");
        robot.interact(() -> classesField(robot).getValueFactory().setValue(5));
        assertThat(graph().classes()).contains(5);
        assertThat(window.document().isModified()).isTrue();
    }

    @Test
    @DisplayName("a dataset the graph cannot read is refused with the kind it needs; the Classes field follows the dataset")
    void refusalsAndClasses(FxRobot robot) throws Exception {
        Network example = window.document().network();
        assertThat(classesField(robot).getValue()).isEqualTo(3);
        choose(robot, "fashion-mnist");
        assertThat(status(robot)).isEqualTo("The graph reads 2-D points and fashion-mnist has 1x28x28 images: choose"
                + " a 2-D dataset such as spiral, or put a Flatten after the input");
        assertThat(window.document().network()).as("the graph stays").isEqualTo(example);
        assertThat(classesField(robot).getValue()).isEqualTo(10);
        assertThat(classesField(robot).isDisabled()).isTrue();
        choose(robot, "moons");
        assertThat(classesField(robot).getValue()).isEqualTo(2);
        assertThat(graph().classes()).contains(2);
        choose(robot, "spiral");
        assertThat(classesField(robot).getValue()).as("the classes chosen for the spiral come back").isEqualTo(3);
        assertThat(classesField(robot).isDisabled()).isFalse();

        openQuickTemplate(robot, "cifar-plain-20");
        choose(robot, "spiral");
        String refusal = "The graph reads images and spiral has points of 2 values: choose an image dataset such as"
                + " fashion-mnist";
        assertThat(status(robot)).isEqualTo(refusal);
        robot.interact(() -> robot.lookup("#status-bar").queryAs(StatusBar.class).setText(""));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> status(robot)
                .equals(refusal) && !window.training().activeProperty().get()).get(5, TimeUnit.SECONDS));
        assertThat(window.training().runs()).as("Run refuses with the same words").isEmpty();
    }

    @Test
    @DisplayName("a graph file that does not fit the dataset is opened as saved, with the switch offered in one click")
    void fileOffersSwitch(FxRobot robot) throws Exception {
        Network cnn = Templates.build("cifar-plain-8");
        Path file = temp.resolve("cnn.json");
        GraphFiles.save(cnn, file);
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        assertThat(window.document().network()).isEqualTo(cnn);
        assertThat(dataset(robot)).as("not changed silently").isEqualTo("spiral");
        assertThat(status(robot)).contains("choose an image dataset such as fashion-mnist");
        Button offer = robot.lookup("#status-offer").queryButton();
        assertThat(offer.isVisible()).isTrue();
        assertThat(offer.getText()).isEqualTo("Train on fashion-mnist");
        robot.clickOn(offer);
        assertThat(dataset(robot)).isEqualTo("fashion-mnist");
        assertThat(graph().inputShape()).contains(Shape.image(1, 14, 14));
        assertThat(graph().classes()).contains(10);
        assertThat(offer.isVisible()).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(window.document().network()).as("the fit is an edit").isEqualTo(cnn);

        choose(robot, "spiral");
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        assertThat(offer.isVisible()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.N);
        assertThat(offer.isVisible()).as("the offer was for the graph before").isFalse();
    }

    @Test
    @DisplayName("a graph file that fits the dataset but shows another input is offered the fit in one click")
    void fileOffersFit(FxRobot robot) throws Exception {
        openQuickTemplate(robot, "cifar-resnet-20");
        Network saved = Templates.build("cifar-plain-8");
        Path file = temp.resolve("cifar.json");
        GraphFiles.save(saved, file);
        files.answers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.O);
        assertThat(window.document().network()).as("opened as saved").isEqualTo(saved);
        assertThat(dataset(robot)).isEqualTo("fashion-mnist");
        Button offer = robot.lookup("#status-offer").queryButton();
        assertThat(offer.isVisible()).isTrue();
        assertThat(offer.getText()).isEqualTo("Fit to fashion-mnist");
        robot.clickOn(offer);
        assertThat(graph().inputShape()).contains(Shape.image(1, 14, 14));
        assertThat(window.document().isModified()).isTrue();
    }

    @Test
    @DisplayName("after a twin session the status bar shows how the network's run ended, with no speed and no bar")
    void statusAfterTwin(FxRobot robot) throws Exception {
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("30"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<RunRecord> runs = window.training().sessionRuns();
            return runs.size() == 2 && runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED)
                    && !window.training().activeProperty().get();
        }).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-step").queryAs(Label.class).getText()).isEqualTo("Finished: step 30 / 30");
        assertThat(robot.lookup("#status-speed").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#status-dataset").queryAs(Label.class).getText()).isEqualTo("Dataset: spiral");
        assertThat(robot.lookup("#status-bar").queryAs(StatusBar.class).getProgress()).isZero();
    }

    @Test
    @DisplayName("while a session trains, the status bar shows the step, the speed and the time left of both runs")
    void statusWhileTraining(FxRobot robot) throws Exception {
        TextField steps = robot.lookup("#training-steps").queryAs(TextField.class);
        robot.interact(() -> steps.setText("5000"));
        robot.push(KeyCode.F5);
        Label step = robot.lookup("#status-step").queryAs(Label.class);
        Label speed = robot.lookup("#status-speed").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> speed.getText()
                .matches("\\d+ steps/s, \\d+:\\d\\d left")).get(5, TimeUnit.SECONDS));
        assertThat(step.getText()).matches("Step \\d+ / 5000");
        assertThat(robot.lookup("#status-bar").queryAs(StatusBar.class).getProgress()).isBetween(0.0, 1.0);
        robot.push(KeyCode.F6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> speed.getText()
                .isEmpty()).get(5, TimeUnit.SECONDS));
        assertThat(step.getText()).as("paused: the step stays, the speed goes").matches("Step \\d+ / 5000");
    }
}

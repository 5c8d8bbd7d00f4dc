package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** bench/memory.sh's start hook: the app opens the template and Training fields the system properties name. */
@ExtendWith(ApplicationExtension.class)
class StartHookWindowTest {
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        System.setProperty(StartOptions.OPEN_PROPERTY, "cifar-resnet-20");
        System.setProperty(StartOptions.TRAINING_PROPERTY, "dataset=fashion-mnist,downscale=true,steps=120,plainTwin=true");
        new ExplorerApp().start(primary);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(StartOptions.OPEN_PROPERTY);
        System.clearProperty(StartOptions.TRAINING_PROPERTY);
    }

    @Test
    @DisplayName("-Dresnetexplorer.open and -Dresnetexplorer.training open cifar-resnet-20 set for Fashion-MNIST at 14x14")
    void opensTemplateWithFields(FxRobot robot) {
        assertThat(stage.getTitle()).contains("(cifar-resnet-20)");
        assertThat(robot.lookup("#training-dataset").queryAs(ComboBox.class).getValue()).isEqualTo("fashion-mnist");
        assertThat(robot.lookup("#training-downscale").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#training-steps").queryAs(TextField.class).getText()).isEqualTo("120");
        assertThat(robot.lookup("#training-twin").queryAs(CheckBox.class).isSelected()).isTrue();
    }
}

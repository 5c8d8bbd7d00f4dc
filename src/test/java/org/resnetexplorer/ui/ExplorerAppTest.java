package org.resnetexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application as launched: its settings come from system properties (the build points them into target/). */
@ExtendWith(ApplicationExtension.class)
class ExplorerAppTest {
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        new ExplorerApp().start(primary);
    }

    @Test
    @DisplayName("opens the main window titled ResNet Explorer, its recovery folder and preferences kept out of the home folder")
    void opensMainWindow(FxRobot robot) {
        assertThat(stage.getTitle()).endsWith(" - ResNet Explorer");
        assertThat(robot.lookup("#graph").tryQuery()).isPresent();
        assertThat(robot.lookup("#runs").tryQuery()).isPresent();
        WindowConfig config = WindowConfig.fromSystemProperties();
        assertThat(config.recoveryFolder().startsWith(Path.of(System.getProperty(WindowConfig.HOME_PROPERTY))))
                .as("%s is under -D%s", config.recoveryFolder(), WindowConfig.HOME_PROPERTY).isTrue();
        assertThat(config.recoveryFolder().toString()).doesNotStartWith(System.getProperty("user.home") + "/.resnet");
        assertThat(config.preferences()).isInstanceOf(MemoryPreferences.class);
    }
}

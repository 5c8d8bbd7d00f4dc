package org.resnetexplorer.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScreenshotTmpTest {
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage s) {
        stage = s;
        FileDialogs none = new FileDialogs() {
            public Optional<Path> openGraph(Window o, Path f) { return Optional.empty(); }
            public Optional<Path> saveGraph(Window o, Path f, String x) { return Optional.empty(); }
            public Optional<Path> savePng(Window o, Path f, String x) { return Optional.empty(); }
        };
        window = new MainWindow(s, new WindowConfig(new MemoryPreferences(), Path.of("/tmp/rx-shot"), Duration.seconds(3), none));
        window.show();
    }

    @Test
    void shot(FxRobot robot) throws Exception {
        String mode = System.getProperty("shot", "run");
        if (mode.equals("dark")) {
            robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        }
        robot.push(KeyCode.F5);
        Thread.sleep(Long.getLong("wait", 8000));
        if (mode.equals("select")) {
            robot.clickOn("#node-dense1");
        }
        Thread.sleep(500);
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        new java.io.File("/tmp/shot-" + mode + ".png"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        robot.interact(() -> window.training().shutdown());
    }
}

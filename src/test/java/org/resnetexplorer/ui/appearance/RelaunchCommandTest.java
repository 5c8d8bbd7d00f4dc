package org.resnetexplorer.ui.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command that starts the app again after a language change, where the platform does not tell it. */
class RelaunchCommandTest {
    @Test
    @DisplayName("under mvn javafx:run (a command line too long for Linux to report) it is rebuilt from the JVM's"
            + " options, class path and main class, without a forced language")
    void fromTheJvm() {
        List<String> options = List.of("-Xmn32m", "--module-path=/m/javafx-base.jar:/m/javafx-graphics.jar",
                "--add-modules=javafx.base,javafx.graphics", "-Dresnetexplorer.language=zh");
        assertThat(Languages.relaunchCommand("/jdk/bin/java", options, "target/classes:/m/nd4j.jar",
                "org.resnetexplorer.Launcher --flag")).contains(List.of("/jdk/bin/java", "-Xmn32m",
                "--module-path=/m/javafx-base.jar:/m/javafx-graphics.jar", "--add-modules=javafx.base,javafx.graphics",
                "-classpath", "target/classes:/m/nd4j.jar", "org.resnetexplorer.Launcher", "--flag"));
    }

    @Test
    @DisplayName("a jar started with -jar starts again with -jar; without a main command there is no command")
    void jarAndNothing() {
        assertThat(Languages.relaunchCommand("java", List.of(), "app.jar", "target/resnet-explorer.jar"))
                .contains(List.of("java", "-jar", "target/resnet-explorer.jar"));
        assertThat(Languages.relaunchCommand("java", List.of(), "app.jar", null)).isEmpty();
    }

    @Test
    @DisplayName("this JVM knows how it was started")
    void thisJvm() {
        assertThat(Languages.relaunchCommand()).hasValueSatisfying(command -> assertThat(command).isNotEmpty());
    }
}

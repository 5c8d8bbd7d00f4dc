package org.resnetexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The window's collector (decision 0013) and memory limits (decision 0021) are set where the app is launched:
 * `mvn javafx:run`, the self-contained folder's launcher, and the window benchmarks, which measure what users get.
 */
class LaunchOptionsTest {
    static final List<String> GC_OPTIONS = List.of("-XX:+UseParallelGC", "-Xmn32m", "-XX:MetaspaceSize=128m",
            "-XX:-UseAdaptiveSizePolicy", "-Xms256m", "-XX:MinHeapFreeRatio=60");
    static final String HEAP_LIMIT = "-Xmx640m";
    /** glibc's malloc arenas: an environment variable, which the scripts set and javafx:run's options cannot. */
    static final String ARENAS = "MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-2}\"";
    /** The benchmarks that start the app as the launcher does: the window ones, and the presets headless. */
    static final List<String> BENCHES = List.of("bench/ui.sh", "bench/ui-runs.sh", "bench/memory.sh", "bench/presets.sh");

    @Test
    @DisplayName("mvn javafx:run, the launcher script and bench/ui.sh start the JVM with the same collector options")
    void sameCollectorEverywhere() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String option : GC_OPTIONS) {
            assertThat(pom).as("javafx-maven-plugin's options").contains("<option>" + option + "</option>");
        }
        String launcher = Files.readString(Path.of("src/dist/bin/resnet-explorer"));
        String line = String.join(" ", GC_OPTIONS);
        assertThat(launcher).as("the launcher").contains(line);
        for (String bench : BENCHES) {
            assertThat(Files.readString(Path.of(bench))).as("the window benchmark's default in " + bench).contains(line);
        }
    }

    @Test
    @DisplayName("mvn javafx:run, the launcher script and the window benchmarks limit the heap alike, the scripts the arenas")
    void sameMemoryLimitsEverywhere() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml"))).as("javafx-maven-plugin's options")
                .contains("<option>-Xmx${window.heap}</option>")
                .contains("<window.heap>" + HEAP_LIMIT.substring("-Xmx".length()) + "</window.heap>");
        String launcher = Files.readString(Path.of("src/dist/bin/resnet-explorer"));
        assertThat(launcher).as("the launcher").contains("mem=\"" + HEAP_LIMIT + "\"").contains("export " + ARENAS);
        for (String bench : BENCHES) {
            assertThat(Files.readString(Path.of(bench))).as("the window benchmark's default in " + bench)
                    .contains(HEAP_LIMIT + "}").contains(ARENAS);
        }
    }
}

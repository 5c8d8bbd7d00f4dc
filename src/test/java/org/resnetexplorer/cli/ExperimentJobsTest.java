package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.experiments.Experiments;

/**
 * {@code experiment --jobs N --seed S} (decision 0025): several runs at once print the lines and write the files
 * of a one-by-one run; a seed retrains every run from it; bad values exit 2 with one clear line.
 */
class ExperimentJobsTest {
    /** plain-vs-resnet (six MLPs on the spiral), shortened to a second or two. */
    private static Path preset(Path dir) throws Exception {
        String text = Experiments.bundledText("plain-vs-resnet").replace("\"steps\": 600", "\"steps\": 60")
                .replace("\"evalEvery\": 100", "\"evalEvery\": 30");
        assertThat(text).contains("\"steps\": 60,").contains("\"evalEvery\": 30");
        return Files.writeString(dir.resolve("short.json"), text);
    }

    /** The output without the speeds, which depend on the machine's load. */
    private static String withoutSpeeds(String out) {
        return out.replaceAll(", [0-9]+ steps/s", ", N steps/s");
    }

    @Test
    @DisplayName("--jobs 3 prints the same lines and writes the same metrics.csv and histograms.csv as --jobs 1")
    void jobsKeepTheOutput(@TempDir Path dir) throws Exception {
        Path preset = preset(dir);
        Run one = Run.of("experiment", preset.toString(), "--jobs", "1", "--out", dir.resolve("one").toString());
        Run three = Run.of("experiment", preset.toString(), "--jobs", "3", "--out", dir.resolve("three").toString());
        assertThat(one.code()).as(one.err()).isIn(Cli.OK, ExperimentCommand.CLAIM_DOES_NOT_HOLD);
        assertThat(three.code()).as(three.err()).isEqualTo(one.code());
        assertThat(withoutSpeeds(three.out()).replace("three", "one")).isEqualTo(withoutSpeeds(one.out()));
        assertThat(one.out()).contains("run 1/6  plain-6", "run 6/6  resnet-20");
        for (String file : new String[] {"metrics.csv", "histograms.csv"}) {
            assertThat(Files.readString(dir.resolve("three").resolve(file))).as(file)
                    .isEqualTo(Files.readString(dir.resolve("one").resolve(file)));
        }
    }

    @Test
    @DisplayName("--seed 2 trains other weights on the same data; --seed 1 is the preset's own seed")
    void seedShiftsEveryRun(@TempDir Path dir) throws Exception {
        Path preset = preset(dir);
        Run own = Run.of("experiment", preset.toString(), "--out", dir.resolve("own").toString());
        Run one = Run.of("experiment", preset.toString(), "--seed", "1", "--out", dir.resolve("one").toString());
        Run two = Run.of("experiment", preset.toString(), "--seed", "2", "--out", dir.resolve("two").toString());
        String metrics = Files.readString(dir.resolve("own").resolve("metrics.csv"));
        assertThat(Files.readString(dir.resolve("one").resolve("metrics.csv"))).isEqualTo(metrics);
        assertThat(Files.readString(dir.resolve("two").resolve("metrics.csv"))).isNotEqualTo(metrics);
        assertThat(withoutSpeeds(one.out()).replace("/one", "/own")).isEqualTo(withoutSpeeds(own.out()));
        assertThat(two.code()).as(two.err()).isIn(Cli.OK, ExperimentCommand.CLAIM_DOES_NOT_HOLD);
    }

    @Test
    @DisplayName("--jobs below 1 or not a number, and --seed not a whole number, exit 2 with one line saying so")
    void badValues() {
        String[][] bad = {
            {"--jobs", "0", "--jobs must be at least 1, not 0"},
            {"--jobs", "-2", "--jobs must be at least 1, not -2"},
            {"--jobs", "two", "--jobs needs a whole number, not 'two'"},
            {"--jobs", "99999999999", "--jobs must be at most 2147483647"},
            {"--seed", "1.5", "--seed needs a whole number, not '1.5'"},
            {"--seed", "99999999999999999999", "--seed must be from"},
        };
        for (String[] b : bad) {
            Run run = Run.of("experiment", "degradation", b[0], b[1]);
            assertThat(run.code()).as("%s %s: %s", b[0], b[1], run.err()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.err()).as("%s %s", b[0], b[1]).startsWith("error: ").contains(b[2]);
            assertThat(run.err().lines().toList()).hasSize(1);
            assertThat(run.out()).as("nothing trained").doesNotContain("run 1/");
        }
    }

    @Test
    @DisplayName("the usage names --jobs and --seed")
    void usage() {
        Run help = Run.of("experiment", "--help");
        assertThat(help.out()).contains("[--jobs N] [--seed S]", "--jobs N trains up to N runs at once",
                "--seed S trains every run from seed S");
    }
}

package org.resnetexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.RunStatus;

/** The time left of a training session, as the status bar shows it. */
class SessionProgressTest {

    private static RunRecord run(int step, int total, double rate) {
        RunRecord record = new RunRecord("r", "m", "spiral", false, total);
        record.stepProperty().set(step);
        record.stepsPerSecondProperty().set(rate);
        record.statusProperty().set(RunStatus.RUNNING);
        return record;
    }

    @Test
    @DisplayName("the time left is the slower run's: a net and its twin finish when both have")
    void timeLeftOfTwins() {
        RunRecord net = run(100, 600, 10);
        RunRecord twin = run(100, 600, 5);
        assertThat(SessionProgress.secondsLeft(List.of(net, twin))).isEqualTo(100.0);
        twin.statusProperty().set(RunStatus.DIVERGED);
        assertThat(SessionProgress.secondsLeft(List.of(net, twin))).as("an ended run waits for nothing").isEqualTo(50.0);
        assertThat(SessionProgress.secondsLeft(List.of(run(0, 600, 0)))).as("no speed yet").isNaN();
    }

    @Test
    @DisplayName("durations show as minutes and seconds, rounded up")
    void duration() {
        assertThat(SessionProgress.duration(6.2)).isEqualTo("0:07");
        assertThat(SessionProgress.duration(150)).isEqualTo("2:30");
        assertThat(SessionProgress.duration(3665)).isEqualTo("61:05");
    }
}

package org.resnetexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The time left of a training session, as the status bar shows it. */
class SessionProgressTest {

    @Test
    @DisplayName("the speed counts the steps of all runs on the wall clock, and is not known under a second")
    void speed() {
        long second = 1_000_000_000L;
        assertThat(SessionProgress.stepsPerSecond(100, 0, 300, 10 * second)).isEqualTo(20.0);
        assertThat(SessionProgress.stepsPerSecond(100, 0, 110, second / 2)).as("too soon").isNaN();
        assertThat(SessionProgress.stepsPerSecond(100, 0, 100, 5 * second)).as("no step yet").isNaN();
    }

    @Test
    @DisplayName("durations show as minutes and seconds, rounded up")
    void duration() {
        assertThat(SessionProgress.duration(6.2)).isEqualTo("0:07");
        assertThat(SessionProgress.duration(150)).isEqualTo("2:30");
        assertThat(SessionProgress.duration(3665)).isEqualTo("61:05");
    }
}

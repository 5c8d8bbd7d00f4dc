package org.resnetexplorer.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The experiment's progress while several runs train at once (decision 0025), as the status bar and panel show it. */
class ExperimentProgressTest {
    @Test
    @DisplayName("one run in progress reads as before: its place, its step of its total, the share of all runs done")
    void oneRunAtATime() {
        ExperimentProgress progress = new ExperimentProgress();
        progress.reset(4);
        progress.started("plain-6", 0, 600, true);
        progress.stepped("plain-6", 300, 120);
        assertThat(progress.statusText()).isEqualTo("Run 1 of 4, step 300 / 600");
        assertThat(progress.panelText()).isEqualTo("Run 1 of 4: plain-6, step 300 / 600");
        assertThat(progress.fraction()).isCloseTo(0.125, within(1e-9));
        assertThat(progress.stepsPerSecond()).isEqualTo(120);
    }

    @Test
    @DisplayName("two runs at once: both named, the share done counts both, their speeds add up; then the one left")
    void twoRunsAtOnce() {
        ExperimentProgress progress = new ExperimentProgress();
        progress.reset(4);
        progress.started("resnet-6", 1, 600, true);
        progress.started("plain-6", 0, 600, true);
        progress.stepped("plain-6", 600, 100);
        progress.stepped("resnet-6", 300, 80);
        assertThat(progress.statusText()).isEqualTo("Runs 1, 2 of 4 at once, 38% done");
        assertThat(progress.panelText()).isEqualTo("Runs 1, 2 of 4 at once: plain-6, resnet-6");
        assertThat(progress.fraction()).isCloseTo((1 + 0.5) / 4, within(1e-9));
        assertThat(progress.stepsPerSecond()).isEqualTo(180);

        progress.ended("plain-6", 600);
        assertThat(progress.statusText()).isEqualTo("Run 2 of 4, step 300 / 600");
        assertThat(progress.stepsPerSecond()).isEqualTo(80);
        progress.stepped("resnet-6", 590, 80);
        progress.ended("resnet-6", 600);
        progress.stepped("resnet-6", 590, 80); // the queue's last batch after the run's end
        assertThat(progress.inProgress()).isFalse();
        assertThat(progress.fraction()).isCloseTo(0.5, within(1e-9));
        assertThat(progress.statusText()).as("after the runs: the last one at its last step")
                .isEqualTo("Run 2 of 4, step 600 / 600");
        assertThat(progress.panelText()).isEqualTo("Run 2 of 4: resnet-6, step 600 / 600");
    }

    @Test
    @DisplayName("a run stopped early counts as done, a run that only counts is done as it starts")
    void stoppedAndCountedRuns() {
        ExperimentProgress progress = new ExperimentProgress();
        progress.reset(2);
        progress.started("a", 0, 600, true);
        progress.stepped("a", 10, 50);
        assertThat(new ExperimentProgress().statusText()).as("before any run").isEmpty();
        progress.ended("a", 10);
        progress.started("b", 1, 0, false);
        assertThat(progress.fraction()).isEqualTo(1);
        assertThat(progress.statusText()).isEqualTo("Run 1 of 2, step 10 / 600");

        progress.reset(3);
        progress.started("a", 0, 600, true);
        progress.stepped("a", 10, 50);
        progress.ended("a", 12);
        progress.started("b", 1, 600, true); // skipped after a stop: it starts and never runs
        progress.started("c", 2, 600, true);
        assertThat(progress.statusText()).isEqualTo("Runs 2, 3 of 3 at once, 33% done");
        progress.over();
        assertThat(progress.statusText()).as("once the experiment is over").isEqualTo("Run 1 of 3, step 12 / 600");
    }
}

package org.resnetexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The window keeps a core for itself (decision 0025). */
class WindowCoresTest {
    @Test
    @DisplayName("an experiment trains cores - 1 runs at once, at least one")
    void experimentJobs() {
        assertThat(WindowCores.experimentJobs(1)).isEqualTo(1);
        assertThat(WindowCores.experimentJobs(2)).isEqualTo(1);
        assertThat(WindowCores.experimentJobs(3)).isEqualTo(2);
        assertThat(WindowCores.experimentJobs(8)).isEqualTo(7);
    }

    @Test
    @DisplayName("a network and its plain twin take turns on one or two cores, and each has a core from three on")
    void twin() {
        assertThat(WindowCores.twinOnItsOwnCore(1)).isFalse();
        assertThat(WindowCores.twinOnItsOwnCore(2)).isFalse();
        assertThat(WindowCores.twinOnItsOwnCore(3)).isTrue();
    }
}

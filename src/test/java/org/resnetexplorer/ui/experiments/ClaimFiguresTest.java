package org.resnetexplorer.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.experiments.Claim;

/** How the experiment panel writes the figures a claim was checked on. */
class ClaimFiguresTest {
    @Test
    @DisplayName("steps to a training error read as steps, a level never reached as 'not reached', never as a percentage")
    void stepsToTrainError() {
        assertThat(ExperimentPanel.figure(Claim.Figure.STEPS_TO_TRAIN_ERROR, 1125)).isEqualTo("1,125 steps");
        assertThat(ExperimentPanel.figure(Claim.Figure.STEPS_TO_TRAIN_ERROR, Double.POSITIVE_INFINITY))
                .isEqualTo("not reached");
        assertThat(ExperimentPanel.figure(Claim.Figure.STEPS_TO_TRAIN_ERROR, Double.NaN)).isEqualTo("-");
        assertThat(ExperimentPanel.figure(Claim.Figure.TRAIN_ERROR, 0.25)).contains("%");
    }
}

package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    @DisplayName("bench runs a workload through its warm-up and prints steps/s for metrics on and off as JSON")
    void benchPrintsJson() {
        Run run = Run.of("bench", "--workload", "mlp-plain-8", "--seconds", "0.2", "--warmup", "0.2", "--json");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"workload\": \"mlp-plain-8\", \"metrics\": true, \"stepsPerSecond\": ")
                .contains("\"workload\": \"mlp-plain-8\", \"metrics\": false, \"stepsPerSecond\": ");
    }
}

package org.resnetexplorer.ui.diagnostics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.within;

import static org.assertj.core.api.Assertions.assertThat;



class FrameTimerTest {

    @Test
    @DisplayName("statistics in milliseconds: nearest-rank percentiles, mean and max")
    void stats() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        FrameTimer.Stats stats = FrameTimer.Stats.of(nanos, 100);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50()).isEqualTo(50.0);
        assertThat(stats.p95()).isEqualTo(95.0);
        assertThat(stats.p99()).isEqualTo(99.0);
        assertThat(stats.max()).isEqualTo(100.0);
        assertThat(stats.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(FrameTimer.Stats.of(nanos, 0).count()).isZero();
    }

    @Test
    @DisplayName("redraws are recorded and forgotten on reset")
    void recordsRedraws() {
        FrameTimer timer = new FrameTimer();
        timer.recordRedraw(2_000_000);
        timer.recordRedraw(4_000_000);
        assertThat(timer.redraws().max()).isEqualTo(4.0);
        assertThat(timer.redraws().mean()).isEqualTo(3.0);
        timer.reset();
        assertThat(timer.redraws().count()).isZero();
    }
}

package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.charts.Palette;
import org.resnetexplorer.engine.TrainingSnapshot;

class RunStoreTest {

    @Test
    @DisplayName("a long run keeps every step's scalars but thins the per-layer detail, spread over the run, the latest kept")
    void thinsDetailOfLongRuns() {
        RunStore store = new RunStore(100);
        store.add("plain", "cifar-plain-56", false);
        for (int from = 1; from <= 3000; from += 50) {
            store.append(SyntheticRuns.steps("plain", false, 4, from, from + 49, 3000));
        }
        List<TrainingSnapshot> kept = store.history("plain").snapshots();
        assertThat(kept).hasSize(3000);
        assertThat(kept).extracting(TrainingSnapshot::step).startsWith(1, 2, 3).endsWith(2999, 3000);
        List<TrainingSnapshot> detailed = kept.stream().filter(s -> !s.gradNorms().isEmpty()).toList();
        assertThat(detailed.size()).isBetween(50, 100).isEqualTo(store.detailedCount("plain"));
        assertThat(detailed.get(0).step()).as("the first step keeps its detail").isEqualTo(1);
        assertThat(detailed.get(detailed.size() - 1).step()).as("so does the latest").isEqualTo(3000);
        long firstHalf = detailed.stream().filter(s -> s.step() <= 1500).count();
        assertThat(firstHalf).as("evenly spread: as many in each half").isBetween(detailed.size() / 2L - 2, detailed.size() / 2L + 2);
        assertThat(kept.stream().filter(TrainingSnapshot::hasTestError).count()).as("every test error is kept").isEqualTo(300);
        assertThat(store.lastDetailed("plain").step()).isEqualTo(3000);
    }

    @Test
    @DisplayName("runs keep their colour; a removed run's colour goes to the next; unknown runs are added; a restart starts afresh")
    void coloursAndRestarts() {
        RunStore store = new RunStore();
        store.add("a", "m", false);
        store.add("b", "m", true);
        store.add("c", "m", true);
        assertThat(store.colours()).containsExactly(Palette.run(0), Palette.run(1), Palette.run(2));
        store.remove("b");
        store.add("d", "m", false);
        assertThat(store.run("d").colour()).isEqualTo(Palette.run(1));
        store.append(SyntheticRuns.steps("e", false, 2, 1, 10, 10));
        assertThat(store.names()).containsExactly("a", "c", "d", "e");
        assertThat(store.maxStep()).isEqualTo(10);
        store.append(SyntheticRuns.steps("e", false, 2, 1, 3, 10));
        assertThat(store.history("e").snapshots()).extracting(TrainingSnapshot::step).containsExactly(1, 2, 3);
        int version = store.version();
        store.clear();
        assertThat(store.runs()).isEmpty();
        assertThat(store.version()).isGreaterThan(version);
        assertThat(store.hasSnapshots()).isFalse();
    }
}

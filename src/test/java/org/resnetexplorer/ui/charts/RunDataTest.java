package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Shape;

/** Which runs' datasets the window keeps for its views: every small one, the last two large loads. */
class RunDataTest {

    @Test
    @DisplayName("small datasets stay with their runs; of large ones only the two loaded last stay")
    void keepsTheLastLargeLoads() {
        RunData data = new RunData();
        Dataset points = dataset(10);
        Dataset first = dataset(RunData.LARGE + 2);
        Dataset second = dataset(RunData.LARGE + 2);
        Dataset third = dataset(RunData.LARGE + 2);
        data.put("points", points);
        data.put("a", first);
        data.put("a twin", first);
        data.put("b", second);
        data.put("c", third);
        assertThat(data.of("a")).as("the oldest large load is dropped").isEmpty();
        assertThat(data.of("a twin")).isEmpty();
        assertThat(data.of("b")).containsSame(second);
        assertThat(data.of("c")).containsSame(third);
        assertThat(data.of("points")).containsSame(points);
        data.remove("c");
        data.put("d", first);
        assertThat(data.of("b")).as("c's data went with it: room for another").containsSame(second);
        assertThat(data.of("d")).containsSame(first);
    }

    private static Dataset dataset(long values) {
        int count = (int) Math.max(1, values / 2);
        Examples examples = new Examples(Shape.flat(1), 2, new float[count], new int[count]);
        return new Dataset("d", examples, examples, List.of("a", "b"));
    }
}

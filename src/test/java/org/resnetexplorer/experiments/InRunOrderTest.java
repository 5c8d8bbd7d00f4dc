package org.resnetexplorer.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;

/** The events of runs that train at once, handed on in the order of a one-by-one run (decision 0025). */
class InRunOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes each event as a word: "a+" started, "a:1" a status change with message "1" (a snapshot takes the same
     * way), "a." finished.
     */
    private static final class Words implements ExperimentRunner.Listener {
        final List<String> words = new ArrayList<>();

        @Override
        public void runStarted(String run, Network network, int index, int count) {
            words.add(run + "+");
        }

        @Override
        public void snapshot(TrainingSnapshot s) {
            words.add(s.run() + "@" + s.step());
        }

        @Override
        public void status(String run, RunStatus status, String message) {
            words.add(run + ":" + message);
        }

        @Override
        public void runFinished(String run, RunResult result) {
            words.add(run + ".");
        }
    }

    /** plain-vs-resnet's runs, as many as {@code train} says, named a, b, c...; each trains or only counts. */
    private static Experiment experiment(boolean... train) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Experiments.bundledText("plain-vs-resnet"));
        ArrayNode runs = (ArrayNode) root.get("runs");
        while (runs.size() > train.length) {
            runs.remove(runs.size() - 1);
        }
        for (int i = 0; i < train.length; i++) {
            ((ObjectNode) runs.get(i)).put("name", String.valueOf((char) ('a' + i))).put("train", train[i]);
        }
        root.set("claims", JSON.createArrayNode());
        return Experiments.fromJson(root.toString(), "preset.json");
    }

    @Test
    @DisplayName("a later run's events wait until every run before it has ended, then come out in order")
    void laterRunsWait() throws Exception {
        Words words = new Words();
        InRunOrder order = new InRunOrder(experiment(true, true, true), words);
        order.runStarted("a", null, 0, 3);
        order.runStarted("b", null, 1, 3);
        order.status("b", RunStatus.RUNNING, "1");
        order.status("a", RunStatus.RUNNING, "1");
        order.runFinished("b", null);
        order.runStarted("c", null, 2, 3);
        order.status("c", RunStatus.RUNNING, "1");
        assertThat(words.words).containsExactly("a+", "a:1");
        order.runFinished("a", null);
        assertThat(words.words).containsExactly("a+", "a:1", "a.", "b+", "b:1", "b.", "c+", "c:1");
        order.status("c", RunStatus.RUNNING, "2");
        order.runFinished("c", null);
        order.flush();
        assertThat(words.words).endsWith("c:1", "c:2", "c.");
    }

    @Test
    @DisplayName("a run that only counts ends as it starts; runs skipped after a stop let flush() hand on the rest")
    void countedAndSkippedRuns() throws Exception {
        Words words = new Words();
        InRunOrder order = new InRunOrder(experiment(false, true, true, true), words);
        order.runStarted("b", null, 1, 4);
        order.runStarted("a", null, 0, 4);
        assertThat(words.words).containsExactly("a+", "b+");
        order.runStarted("c", null, 2, 4); // skipped after a stop: no snapshot, no end
        order.runStarted("d", null, 3, 4);
        order.status("d", RunStatus.RUNNING, "1");
        order.runFinished("d", null);
        order.runFinished("b", null);
        assertThat(words.words).containsExactly("a+", "b+", "b.", "c+");
        order.flush();
        assertThat(words.words).containsExactly("a+", "b+", "b.", "c+", "d+", "d:1", "d.");
    }
}

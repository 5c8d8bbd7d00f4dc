package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The window's store of trained states: spread over the run within its room, the first and the latest kept. */
class NetworkStatesTest {

    @Test
    @DisplayName("a small net keeps states spread over the whole run within its room; a step finds the closest before")
    void thinsAndFinds() throws Exception {
        List<NetworkState> states = states(400, 2);
        long room = NetworkStates.BYTES_PER_RUN / states.get(0).bytes();
        NetworkStates store = new NetworkStates();
        states.forEach(store::add);
        List<Integer> kept = store.steps("run");
        assertThat(kept.size()).isLessThanOrEqualTo((int) room).isGreaterThan((int) room / 2 - 1);
        assertThat(kept).first().isEqualTo(0);
        assertThat(kept).last().isEqualTo(400);
        assertThat(kept).isSorted();
        assertThat(store.latest("run").orElseThrow().step()).isEqualTo(400);
        int middle = kept.get(kept.size() / 2);
        assertThat(store.at("run", middle + 1).orElseThrow().step()).isEqualTo(middle);
        store.remove("run");
        assertThat(store.latest("run")).isEmpty();
    }

    /** The states of a run of the example's net on the spiral, one every {@code every} steps. */
    private static List<NetworkState> states(int steps, int every) throws Exception {
        Network network = Templates.build("mlp-resnet-20", TemplateOptions.defaults().withInput(Shape.flat(2)));
        Dataset data = Datasets.load("spiral", DatasetOptions.defaults().withClasses(2));
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("run", network, data, TrainingSettings.defaults().withSteps(steps)
                .withEvalEvery(every).withTestLimit(20));
        trainer.addListener(TrainingListener.ofStates(states::add));
        assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        return states;
    }
}

package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A run's trained state: taken at every evaluation when asked, put back exactly, and run by a probe. */
class NetworkStateTest {
    private static final Network NETWORK = Templates.build("mlp-resnet-4",
            TemplateOptions.defaults().withInput(Shape.flat(2)));

    @Test
    @DisplayName("a listener that wants states gets the initial one and one per evaluation, in step order")
    void publishedAtEvaluations() {
        List<NetworkState> states = new ArrayList<>();
        RunResult result = train(TrainerTest.quick(40).withEvalEvery(10).withTestLimit(50), states, true);
        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(states).extracting(NetworkState::step).containsExactly(0, 10, 20, 30, 40);
        assertThat(states).allSatisfy(s -> assertThat(s.network()).isEqualTo(NETWORK));
        assertThat(states.get(0).values()).as("the weights change as it trains").isNotEqualTo(states.get(4).values());
        List<NetworkState> none = new ArrayList<>();
        train(TrainerTest.quick(40).withEvalEvery(10).withTestLimit(50), none, false);
        assertThat(none).as("nobody asked: no copies taken").isEmpty();
    }

    @Test
    @DisplayName("the final state, run by a probe on the test examples, makes exactly the errors the run measured")
    void probeMatchesTheRun() throws EngineException {
        List<NetworkState> states = new ArrayList<>();
        RunResult result = train(TrainerTest.quick(60).withEvalEvery(20).withTestLimit(200), states, true);
        Examples test = TrainerTest.spiral().test();
        int count = Math.min(200, test.size());
        float[] features = new float[count * test.featureCount()];
        System.arraycopy(test.features(), 0, features, 0, features.length);
        NetworkProbe probe = NetworkProbe.of(states.get(states.size() - 1));
        NetworkProbe.Pass pass = probe.run(features, count);
        int errors = 0;
        for (int i = 0; i < count; i++) {
            errors += pass.predicted(i) == test.labels()[i] ? 0 : 1;
            assertThat(pass.confidence(i)).isBetween(1f / pass.classes(), 1f);
        }
        assertThat((double) errors / count).isEqualTo(result.testError());
        assertThat(probe.step()).isEqualTo(60);
    }

    @Test
    @DisplayName("a state loaded into another compile of the network computes bit for bit the same, BatchNorm too")
    void loadRestores() throws EngineException {
        Network withBn = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2))
                .withBatchNorm(true));
        Nd4jRuntime.start();
        CompiledNetwork trained = CompiledNetwork.compile(withBn, DataType.FLOAT, 1);
        Examples train = TrainerTest.spiral().train();
        float[] batch = new float[64 * 2];
        System.arraycopy(train.features(), 0, batch, 0, batch.length);
        var input = org.nd4j.linalg.factory.Nd4j.create(batch, new long[] {64, 2}, 'c');
        trained.forward(input, true); // moves the running statistics off their initial values
        trained.values().muli(1.5);
        float[] expected = trained.forward(input, false).dup().reshape(-1).toFloatVector();
        CompiledNetwork other = CompiledNetwork.compile(withBn, DataType.FLOAT, 2);
        assertThat(other.forward(input, false).dup().reshape(-1).toFloatVector()).isNotEqualTo(expected);
        other.load(trained.state("run", 7));
        assertThat(other.forward(input, false).dup().reshape(-1).toFloatVector()).isEqualTo(expected);
        assertThatThrownBy(() -> other.load(CompiledNetwork.compile(NETWORK, DataType.FLOAT, 1).state("run", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a state under another run name keeps its step, network and values")
    void renamed() throws EngineException {
        NetworkState state = CompiledNetwork.compile(NETWORK, DataType.FLOAT, 3).state("plain-20", 40);
        NetworkState listed = state.withRun("plain-vs-resnet \u00b7 plain-20");
        assertThat(listed.run()).isEqualTo("plain-vs-resnet \u00b7 plain-20");
        assertThat(listed.step()).isEqualTo(40);
        assertThat(listed.network()).isSameAs(state.network());
        assertThat(listed.values()).isEqualTo(state.values());
        assertThat(listed.runningStatistics()).isEqualTo(state.runningStatistics());
        assertThat(state.withRun("plain-20")).isSameAs(state);
    }

    private static RunResult train(TrainingSettings settings, List<NetworkState> states, boolean wanted) {
        Dataset data = TrainerTest.spiral();
        Trainer trainer = new Trainer("run", NETWORK, data, settings);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
            }

            @Override
            public boolean wantsStates() {
                return wanted;
            }

            @Override
            public void state(NetworkState state) {
                states.add(state);
            }
        });
        return trainer.run();
    }
}

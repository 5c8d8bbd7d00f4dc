package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The predictions the two tabs share: one pass in flight, the newest state waiting, nothing for 2-D data. */
@ExtendWith(ApplicationExtension.class)
class RunPredictionsTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);

    /** Passes handed to the worker, run when the test says so. */
    private final List<Runnable> worker = new ArrayList<>();
    private final NetworkStates states = new NetworkStates();
    private final RunData data = new RunData();
    private final RunPredictions predictions = new RunPredictions(worker::add, states, data);

    @Test
    @DisplayName("states arriving during a pass wait as one, the newest; the one in between is never predicted")
    void newestWins(FxRobot robot) throws Exception {
        Network network = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(IMAGE).withClasses(3)
                .withWidth(4));
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, 1);
        AtomicInteger heard = new AtomicInteger();
        robot.interact(() -> {
            predictions.addListener(heard::incrementAndGet);
            data.put("run", images(3, 40));
            states.add(compiled.state("run", 10));
            assertThat(predictions.of("run").computing()).isTrue();
            states.add(compiled.state("run", 20));
            predictions.of("run");
            states.add(compiled.state("run", 30));
            predictions.of("run");
        });
        assertThat(worker).as("one pass in flight").hasSize(1);
        worker.get(0).run();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(predictions.peek("run").predictions().orElseThrow().step()).isEqualTo(10);
            assertThat(predictions.peek("run").computing()).as("the newest state's pass started").isTrue();
        });
        assertThat(worker).as("the state of step 20 was skipped").hasSize(2);
        worker.get(1).run();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            RunPredictions.Answer answer = predictions.of("run");
            assertThat(answer.predictions().orElseThrow().step()).isEqualTo(30);
            assertThat(answer.predictions().orElseThrow().count()).isEqualTo(40);
            assertThat(answer.computing()).isFalse();
        });
        assertThat(worker).as("nothing new to predict").hasSize(2);
        assertThat(heard).hasValue(2);
    }

    @Test
    @DisplayName("a run on 2-D points or without its data starts no pass and has no predictions")
    void onlyImages(FxRobot robot) throws Exception {
        Network mlp = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2)));
        NetworkState state = CompiledNetwork.compile(mlp, DataType.FLOAT, 1).state("points", 5);
        robot.interact(() -> {
            states.add(state);
            assertThat(predictions.of("points").predictions()).as("no data held").isEmpty();
            Examples points = new Examples(Shape.flat(2), 3, new float[20], new int[10]);
            data.put("points", new Dataset("spiral", points, points, List.of("a", "b", "c")));
            assertThat(predictions.hasImages("points")).isFalse();
            assertThat(predictions.of("points").computing()).isFalse();
        });
        assertThat(worker).isEmpty();
    }

    private static Dataset images(int classes, int count) {
        Random random = new Random(3);
        float[] features = new float[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        Examples examples = new Examples(IMAGE, classes, features, labels);
        return new Dataset("tiny", examples, examples, List.of("a", "b", "c"));
    }
}

package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Projection;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The layer pictures' computations: one at a time, the newest request next, those in between dropped. */
@ExtendWith(ApplicationExtension.class)
class LayerPicturesTest {

    @Test
    @DisplayName("while one computation runs, only the newest of the requests after it is computed next; asking again"
            + " for what was computed computes nothing")
    void newestWins(FxRobot robot) throws Exception {
        Dataset data = Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(100).withTestSize(50));
        List<NetworkState> states = new ArrayList<>();
        Trainer trainer = new Trainer("run", Templates.build("mlp-resnet-4", TemplateOptions.defaults()
                .withInput(Shape.flat(2))), data, TrainingSettings.defaults().withSteps(30).withEvalEvery(10)
                .withTestLimit(20));
        trainer.addListener(TrainingListener.ofStates(states::add));
        trainer.run();
        List<Runnable> tasks = new CopyOnWriteArrayList<>();
        List<LayerPictures.Result> results = new CopyOnWriteArrayList<>();
        LayerPictures pictures = new LayerPictures(tasks::add, results::add);
        List<LayerPictures.Request> requests = states.stream()
                .map(s -> new LayerPictures.Request(s, null, data.train(), Projection.RANDOM)).toList();
        robot.interact(() -> requests.forEach(pictures::request));
        assertThat(tasks).as("one computation at a time").hasSize(1);
        tasks.remove(0).run();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tasks.size() == 1);
        tasks.remove(0).run();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.size() == 2);
        assertThat(results).extracting(r -> r.request().state().step()).as("the first, then the newest")
                .containsExactly(0, states.get(states.size() - 1).step());
        assertThat(results.get(1).run()).isNotEmpty();
        assertThat(results.get(1).error()).isNull();
        robot.interact(() -> pictures.request(requests.get(requests.size() - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tasks).as("the same request again: nothing to compute").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(pictures::busy).get(10, TimeUnit.SECONDS)).isFalse();
    }
}

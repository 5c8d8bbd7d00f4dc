package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.Nd4jRuntime;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Feature maps tab fed as the window feeds it: which runs it offers, the twin below, the filters, the exports. */
@ExtendWith(ApplicationExtension.class)
class FeatureMapsViewTest {
    private static final Shape IMAGE = Shape.image(1, 8, 8);

    private ChartsPane pane;
    private FeatureMapsView view;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        view = (FeatureMapsView) pane.charts().stream().filter(v -> v.kind() == ChartKind.FEATURE_MAPS).findFirst()
                .orElseThrow();
        stage.setScene(new Scene(pane, 1000, 640));
        stage.show();
        pane.select(view);
    }

    private static NetworkState state(Network network, String run) throws EngineException {
        Nd4jRuntime.start();
        return CompiledNetwork.compile(network, DataType.FLOAT, 4).state(run, 30);
    }

    private static Dataset images() {
        Random random = new Random(1);
        float[] features = new float[10 * 64];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        int[] labels = {0, 1, 2, 0, 2, 1, 0, 1, 2, 0};
        Examples examples = new Examples(IMAGE, 3, features, labels);
        return new Dataset("tiny", examples, examples, List.of("shirt", "boot", "bag"));
    }

    private void feed(FxRobot robot, String run, String model, boolean residual, NetworkState state, Dataset data) {
        robot.interact(() -> {
            pane.addRun(run, model, residual, data.name());
            pane.append(SyntheticRuns.steps(run, residual, 8, 1, 30, 30));
            pane.putRunData(run, data);
            pane.appendStates(List.of(state));
        });
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a residual CNN and its plain twin: x, F(x), x + F(x) above, the twin's layer outputs below; the filters; both exported")
    void residualAndTwin(FxRobot robot) throws Exception {
        Network resnet = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(IMAGE).withWidth(4)
                .withClasses(3));
        Dataset data = images();
        feed(robot, "#1 cifar-resnet-8", "cifar-resnet-8", true, state(resnet, "#1 cifar-resnet-8"), data);
        feed(robot, "#1 plain twin", "cifar-resnet-8 (plain twin)", false,
                state(resnet.withAllShortcuts(false), "#1 plain twin"), data);
        assertThat(onFx(() -> view.run.getItems())).containsExactly("#1 cifar-resnet-8", "#1 plain twin");
        assertThat(onFx(() -> view.run.getValue())).isEqualTo("#1 cifar-resnet-8");
        robot.interact(() -> {
            view.block.getSelectionModel().select(2);
            view.image.getValueFactory().setValue(4);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> view.shown()
                .filter(s -> s.block().equals("block3") && s.image() == 4).isPresent()));
        Optional<FeatureMapsView.Shown> shown = onFx(view::shown);
        assertThat(shown.orElseThrow().rows()).containsExactly("#1 cifar-resnet-8: x", "#1 cifar-resnet-8: F(x)",
                "#1 cifar-resnet-8: x + F(x)", "#1 plain twin: Block input", "#1 plain twin: Layer output");
        assertThat(onFx(() -> robot.lookup("#feature-maps-image-class").queryLabeled().getText()))
                .as("test image 4's class").isEqualTo("bag");

        robot.interact(() -> view.filters.setSelected(true));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> view.shown().isEmpty() && view.settled()));
        assertThat(onFx(() -> view.block.isDisabled())).as("the block does not matter for the filters").isTrue();
        List<Path> written = onFx(() -> pane.exportAll(folder));
        assertThat(written).extracting(p -> p.getFileName().toString()).contains("feature-maps.png", "first-filters.png");
    }

    @Test
    @DisplayName("runs on 2-D points leave the tab blank, saying what it needs; a plain run alone shows its layer outputs")
    void pointsAndPlain(FxRobot robot) throws Exception {
        Network mlp = Templates.build("mlp-resnet-8", TemplateOptions.defaults().withInput(Shape.flat(2)));
        Dataset spiral = org.resnetexplorer.data.Datasets.load("spiral",
                org.resnetexplorer.data.DatasetOptions.defaults().withTrainSize(200).withTestSize(100));
        feed(robot, "#1 mlp-resnet-8", "mlp-resnet-8", true, state(mlp, "#1 mlp-resnet-8"), spiral);
        robot.interact(() -> pane.showDataset(spiral.name()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.run.getItems())).isEmpty();
        assertThat(onFx(() -> view.canvas.emptyLabel().getText())).isEqualTo(FeatureMapsView.NO_IMAGES);

        Network plain = Templates.build("cifar-plain-8", TemplateOptions.defaults().withInput(IMAGE).withWidth(4)
                .withClasses(3));
        Dataset data = images();
        feed(robot, "#2 cifar-plain-8", "cifar-plain-8", false, state(plain, "#2 cifar-plain-8"), data);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> view.shown().isPresent()));
        assertThat(onFx(view::shown).orElseThrow().rows()).containsExactly("#2 cifar-plain-8: Block input",
                "#2 cifar-plain-8: Layer output");
        assertThat(onFx(() -> view.canvas.emptyLabel().isVisible())).isFalse();
    }
}

package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resnetexplorer.charts.ClassColours;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.ui.training.TrainingSetup;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Layers (2-D) tab after a short run of the first-start example and its plain twin. */
@ExtendWith(ApplicationExtension.class)
class LayerProjectionViewTest {
    private static final String RESNET = "#1 mlp-resnet-20";
    private static final String TWIN = "#1 plain twin";
    private static Dataset data;
    private static final List<TrainingSnapshot> SNAPSHOTS = new ArrayList<>();
    private static final List<NetworkState> STATES = new ArrayList<>();

    private ChartsPane pane;
    private LayerProjectionView view;

    /** The example (as the window builds it) and its twin, trained for 60 steps each, a state every 30. */
    @BeforeAll
    static void train() throws Exception {
        TrainingSetup setup = TrainingSetup.defaults();
        data = Datasets.load(setup.dataset(), setup.datasetOptions());
        Network example = Templates.build("mlp-resnet-20", TemplateOptions.defaults().withWidth(16).withBatchNorm(true)
                .withClasses(TrainingSetup.DEFAULT_CLASSES).withInput(Shape.flat(2)));
        for (Network network : List.of(example, example.withAllShortcuts(false))) {
            Trainer trainer = new Trainer(network == example ? RESNET : TWIN, network, data,
                    setup.settings().withSteps(60).withEvalEvery(30).withTestLimit(100));
            trainer.addListener(new TrainingListener() {
                @Override
                public void snapshot(TrainingSnapshot snapshot) {
                    SNAPSHOTS.add(snapshot);
                }

                @Override
                public boolean wantsStates() {
                    return true;
                }

                @Override
                public void state(NetworkState state) {
                    STATES.add(state);
                }
            });
            assertThat(trainer.run().status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        view = pane.charts().stream().filter(LayerProjectionView.class::isInstance).map(LayerProjectionView.class::cast)
                .findFirst().orElseThrow();
        stage.setScene(new Scene(pane, 1100, 700));
        stage.show();
    }

    private void feed(FxRobot robot) {
        robot.interact(() -> {
            pane.addRun(RESNET, "mlp-resnet-20", true, data.name());
            pane.putRunData(RESNET, data);
            pane.addRun(TWIN, "mlp-resnet-20 (plain twin)", false, data.name());
            pane.putRunData(TWIN, data);
            pane.append(SNAPSHOTS);
            pane.appendStates(STATES);
            pane.select(view);
        });
        settle();
    }

    /** Waits until the pictures are computed and the chart is painted with them. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !view.computing() && view.settled()
                    && !view.panels().isEmpty()));
        } catch (TimeoutException e) {
            throw new AssertionError("the layer pictures were not drawn within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private int[] pixels() throws Exception {
        return onFx(() -> {
            Image image = ((ImageView) view.canvas.getChildrenUnmodifiable().get(0)).getImage();
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            return argb;
        });
    }

    /** Pixels of a class's colour in the left or right half of the shown chart. */
    private int classPixels(int[] argb, int cls, boolean left) throws Exception {
        int w = onFx(() -> (int) ((ImageView) view.canvas.getChildrenUnmodifiable().get(0)).getImage().getWidth());
        int colour = ClassColours.of(cls).getRGB() & 0xFFFFFF;
        int n = 0;
        for (int i = 0; i < argb.length; i++) {
            boolean inLeft = i % w < w / 2;
            n += inLeft == left && (argb[i] & 0xFFFFFF) == colour ? 1 : 0;
        }
        return n;
    }

    @Test
    @DisplayName("the view shows the ResNet at a stage with its plain twin beside it; Page Down and Right step to the"
            + " next stages and the drawing changes")
    void stepsThroughTheStages(FxRobot robot) throws Exception {
        feed(robot);
        assertThat(onFx(() -> view.run.getItems())).containsExactly(RESNET, TWIN);
        assertThat(onFx(() -> view.run.getValue())).isEqualTo(RESNET);
        assertThat(onFx(() -> view.projection.getValue())).isEqualTo(LayerProjectionView.RANDOM);
        assertThat(onFx(() -> view.stageName.getText())).isEqualTo("Input · input");
        List<String> headings = onFx(() -> view.panels().stream().map(p -> p.heading()).toList());
        assertThat(headings).containsExactly(RESNET + " · step 60", TWIN + " · step 60");
        int[] input = pixels();
        for (int c = 0; c < 3; c++) {
            assertThat(classPixels(input, c, true)).as("class %d in the ResNet's panel", c).isGreaterThan(30);
            assertThat(classPixels(input, c, false)).as("class %d in the twin's panel", c).isGreaterThan(30);
        }

        robot.clickOn(view.canvas).type(KeyCode.PAGE_DOWN);
        settle();
        assertThat(onFx(() -> view.stageName.getText())).isEqualTo("Before the blocks · relu1");
        robot.type(KeyCode.RIGHT);
        settle();
        assertThat(onFx(() -> view.stageName.getText())).isEqualTo("Block 1 of 10 · block1.relu2");
        assertThat(onFx(() -> view.panels().get(1).picture().stage().node())).as("the twin at the same stage")
                .isEqualTo("block1.relu2");
        assertThat(pixels()).as("the drawing of block 1 differs from the input's").isNotEqualTo(input);
        robot.type(KeyCode.PAGE_UP);
        settle();
        assertThat(onFx(() -> view.stageIndex())).isEqualTo(1);
    }

    @Test
    @DisplayName("choosing the plain twin still draws the ResNet on the left; an earlier step shows that step's states")
    void twinChosenAndEarlierStep(FxRobot robot) throws Exception {
        feed(robot);
        robot.interact(() -> {
            view.run.setValue(TWIN);
            view.chooseStep(30);
        });
        settle();
        List<String> headings = onFx(() -> view.panels().stream().map(p -> p.heading()).toList());
        assertThat(headings).containsExactly(RESNET + " · step 30", TWIN + " · step 30");
    }

    @Test
    @DisplayName("runs on images are not listed, and the view says it needs 2-D data")
    void blankForImages(FxRobot robot) {
        Examples images = new Examples(Shape.image(1, 4, 4), 2, new float[2 * 16], new int[] {0, 1});
        robot.interact(() -> {
            pane.addRun("cnn", "cifar-resnet-8", true, "tiny images");
            pane.putRunData("cnn", new Dataset("tiny images", images, images, List.of("a", "b")));
            pane.append(SNAPSHOTS.stream().filter(s -> s.run().equals(RESNET)).map(s -> new TrainingSnapshot("cnn",
                    s.step(), s.totalSteps(), s.loss(), s.batchError(), s.trainError(), s.testError(), s.learningRate(),
                    s.stepsPerSecond(), s.gradNorms(), s.responseStd(), s.residuals())).toList());
            pane.select(view);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane::redrawSelected);
        assertThat(view.run.getItems()).isEmpty();
        assertThat(view.canvas.emptyLabel().getText()).isEqualTo(LayerProjectionView.NO_2D);
        assertThat(view.exports()).as("nothing to export").isEmpty();
    }
}

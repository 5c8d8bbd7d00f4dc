package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.resnetexplorer.data.DatasetOptions;
import org.resnetexplorer.data.Datasets;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Decision regions tab in a charts pane: which runs it pairs, its steps, its blank reason and its export. */
@ExtendWith(ApplicationExtension.class)
class DecisionRegionsViewTest {
    private ChartsPane pane;
    private DecisionRegionsView view;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        view = (DecisionRegionsView) pane.charts().stream().filter(v -> v.kind() == ChartKind.DECISION_REGIONS)
                .findFirst().orElseThrow();
        stage.setScene(new Scene(pane, 1000, 640));
        stage.show();
    }

    /** An experiment's pair on the spiral, plain first: states at steps 0, 10 and 20, snapshots up to 20. */
    private void feedPair(FxRobot robot) throws Exception {
        Dataset data = Datasets.load("spiral", DatasetOptions.defaults().withTrainSize(200).withTestSize(100));
        Network resnet = Templates.build("mlp-resnet-4", TemplateOptions.defaults().withInput(Shape.flat(2))
                .withClasses(data.classes()));
        List<NetworkState> states = new ArrayList<>();
        for (String run : List.of("plain-4", "resnet-4")) {
            CompiledNetwork net = CompiledNetwork.compile(run.startsWith("plain") ? resnet.withAllShortcuts(false)
                    : resnet, DataType.FLOAT, run.length());
            for (int step : new int[] {0, 10, 20}) {
                net.values().addi(0.3); // a different state each step
                states.add(net.state(run, step));
            }
        }
        robot.interact(() -> {
            pane.addRun("plain-4", "mlp-plain-4", false, "spiral");
            pane.putRunData("plain-4", data);
            pane.addRun("resnet-4", "mlp-resnet-4", true, "spiral");
            pane.putRunData("resnet-4", data);
            pane.append(SyntheticRuns.steps("plain-4", false, 4, 1, 20, 20));
            pane.append(SyntheticRuns.steps("resnet-4", true, 4, 1, 20, 20));
            pane.appendStates(states);
        });
    }

    @Test
    @DisplayName("shows the ResNet with the plain run trained beside it (an experiment's, added first), at the latest"
            + " step or any chosen one")
    void pairsAndSteps(FxRobot robot) throws Exception {
        feedPair(robot);
        robot.interact(() -> pane.select(view));
        waitFor(() -> fx(view::shownRegions).values().stream().filter(s -> s == 20).count() == 2);
        assertThat(fx(() -> view.run.getValue())).isEqualTo("resnet-4");
        assertThat(fx(() -> view.beside.getValue())).isEqualTo("plain-4");
        Map<String, Integer> shown = fx(view::shownRegions);
        assertThat(shown.keySet()).satisfiesExactly(a -> assertThat(a).startsWith("resnet-4"),
                b -> assertThat(b).startsWith("plain-4"));

        robot.interact(() -> view.chooseStep(10));
        waitFor(() -> fx(view::shownRegions).values().stream().filter(s -> s == 10).count() == 2);
        robot.interact(() -> view.beside.setValue(""));
        waitFor(() -> fx(view::shownRegions).size() == 1);
        robot.interact(() -> pane.append(SyntheticRuns.steps("resnet-4", true, 4, 21, 30, 30)));
        assertThat(fx(() -> view.beside.getValue())).as("the user's 'nothing' stays as the runs go on").isEmpty();

        // a new session: its ResNet replaces the choice, and its plain twin, added just after, shows beside it
        Dataset data = fx(() -> pane.runData().of("resnet-4").orElseThrow());
        robot.interact(() -> {
            pane.addRun("#2 net", "mlp-resnet-4", true, "spiral");
            pane.putRunData("#2 net", data);
            pane.addRun("#2 plain twin", "mlp-resnet-4 (plain twin)", false, "spiral");
            pane.putRunData("#2 plain twin", data);
            pane.append(SyntheticRuns.steps("#2 net", true, 4, 1, 2, 30));
        });
        assertThat(fx(() -> view.run.getValue())).isEqualTo("#2 net");
        assertThat(fx(() -> view.beside.getValue())).isEqualTo("#2 plain twin");
        assertThat(fx(() -> view.beside.getItems())).containsExactly("", "plain-4", "resnet-4", "#2 plain twin");
    }

    @Test
    @DisplayName("Export all while another tab shows writes decision-regions.png with the regions computed for it")
    void exportsWhileHidden(FxRobot robot) throws Exception {
        feedPair(robot);
        robot.interact(() -> view.refreshControls());
        List<Path> files = fx(() -> pane.exportAll(folder));
        Path regions = folder.resolve("decision-regions.png");
        assertThat(files).contains(regions.toAbsolutePath());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(regions.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("regions shaded by confidence, not an empty plane").isGreaterThan(200);
    }

    @Test
    @DisplayName("runs of images leave the tab blank, saying it needs 2-D data, and Export all leaves it out")
    void imagesHaveNoRegions(FxRobot robot) throws Exception {
        Dataset images = new Dataset("tiny", new Examples(Shape.image(1, 2, 2), 2, new float[4], new int[] {0}),
                new Examples(Shape.image(1, 2, 2), 2, new float[4], new int[] {1}), List.of("a", "b"));
        robot.interact(() -> {
            pane.addRun("cnn", "cifar-resnet-8", true, "tiny");
            pane.putRunData("cnn", images);
            pane.append(SyntheticRuns.steps("cnn", true, 4, 1, 20, 20));
            pane.select(view);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.canvas.emptyLabel().getText())).isEqualTo(DecisionRegionsView.NEED_2D);
        assertThat(fx(() -> view.run.getItems())).isEmpty();
        assertThat(fx(() -> pane.exportAll(folder))).noneMatch(p -> p.getFileName().toString().equals(
                "decision-regions.png"));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}

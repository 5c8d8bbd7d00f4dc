package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.StudyCharts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Study tab: blank with its reason until a study measured, then its pictures, one at a time, each exported. */
@ExtendWith(ApplicationExtension.class)
class StudyViewTest {
    private ChartsPane pane;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        pane = new ChartsPane();
        stage.setScene(new Scene(pane, 1000, 640));
        stage.show();
    }

    /** A picture painted all in one colour, to tell which one shows. */
    private static StudyCharts.Picture filled(String file, String title, Color colour) {
        return new StudyCharts.Picture(file, title, (g, width, height, style) -> {
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
        });
    }

    private StudyView study() {
        return pane.charts().stream().filter(StudyView.class::isInstance).map(StudyView.class::cast).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a study's pictures show in the Study tab, chosen one at a time, and export under their own names")
    void showsAndExportsEachPicture(FxRobot robot) throws Exception {
        StudyView view = study();
        assertThat(view.exports()).as("nothing to export before a study").isEmpty();
        assertThat(view.canvas.emptyLabel().getText()).isEqualTo(StudyView.NONE);
        robot.interact(() -> pane.showStudy(List.of(filled("lesion.png", "Bars", Color.RED),
                filled("lesion-random.png", "Random deletions", Color.BLUE))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(view::settled).get());
        assertThat(pane.selectedChart()).as("the Study tab is shown").isSameAs(view);
        assertThat(view.picture.getItems()).containsExactly("Bars", "Random deletions");
        assertThat(view.controls.isVisible()).as("a chooser for several pictures").isTrue();
        assertThat(view.fileName()).isEqualTo("lesion.png");
        Path first = folder.resolve(view.fileName());
        robot.interact(() -> call(() -> view.exportPng(first, 1)));
        assertThat(ImageIO.read(first.toFile()).getRGB(10, 10) & 0xFFFFFF).isEqualTo(Color.RED.getRGB() & 0xFFFFFF);

        robot.interact(() -> view.picture.getSelectionModel().select(1));
        assertThat(view.fileName()).isEqualTo("lesion-random.png");
        Path second = folder.resolve(view.fileName());
        robot.interact(() -> call(() -> view.exportPng(second, 1)));
        assertThat(ImageIO.read(second.toFile()).getRGB(10, 10) & 0xFFFFFF).isEqualTo(Color.BLUE.getRGB() & 0xFFFFFF);

        robot.interact(() -> pane.showStudy(List.of(filled("shattered-gradients.png", "Gradients", Color.GREEN))));
        assertThat(view.controls.isVisible()).as("no chooser for a single picture").isFalse();
        assertThat(view.fileName()).isEqualTo("shattered-gradients.png");
    }

    private static void call(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.charts.ErrorCurves;
import org.resnetexplorer.charts.RunHistory;
import org.resnetexplorer.engine.TrainingSnapshot;

class ChartExportTest {
    @TempDir
    Path folder;

    private static RunHistory run() {
        return new RunHistory("res", SyntheticRuns.steps("res", true, 6, 1, 200, 200));
    }

    @Test
    @DisplayName("a chart exported at 2x is a PNG of 2400 x 1600 pixels, not blank; the folder is made")
    void pngAtTwiceTheSize() throws IOException {
        Path file = folder.resolve("sub/errors.png");
        ChartExport.png(Chart.of(ErrorCurves.plot(List.of(run()), 0.5, false)), file, 2);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2400);
        assertThat(image.getHeight()).isEqualTo(1600);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("not blank").isGreaterThan(10);
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList()).containsExactly("errors.png");
    }

    @Test
    @DisplayName("a folder that cannot be made gives a message naming it, the reason and what to do")
    void unwritableFolder() throws IOException {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> ChartExport.png(Chart.of(ErrorCurves.plot(List.of(run()), 0, false)),
                blocker.resolve("charts/errors.png"), 1))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot write " + blocker.resolve("charts"))
                .hasMessageContaining("not a folder")
                .hasMessageEndingWith("Choose a folder you can write to.");
        assertThatThrownBy(() -> ChartExport.png(Chart.of(ErrorCurves.plot(List.of(run()), 0, false)),
                folder.resolve("x.png"), 0)).hasMessageContaining("choose 1x or 2x");
    }

    @Test
    @DisplayName("metrics export as the engine's tidy CSV, histograms beside them, no temporary folder left")
    void csv() throws IOException {
        List<TrainingSnapshot> snapshots = new ArrayList<>(run().snapshots());
        List<Path> files = ChartExport.csv(snapshots, folder.resolve("runs.csv"));
        assertThat(files).containsExactly(folder.resolve("runs.csv").toAbsolutePath(),
                folder.resolve("runs-histograms.csv").toAbsolutePath());
        List<String> metrics = Files.readAllLines(files.get(0));
        assertThat(metrics.get(0)).isEqualTo("run,step,metric,layer,value");
        assertThat(metrics).anyMatch(l -> l.startsWith("res,200,test_error,,"));
        assertThat(metrics).anyMatch(l -> l.startsWith("res,1,grad_norm,conv1,"));
        assertThat(Files.readAllLines(files.get(1)).get(0)).isEqualTo("run,step,layer,bin_lo,bin_hi,count");
        assertThat(Files.readAllLines(files.get(1))).hasSize(1 + 200 * 3 * 24);
        try (var list = Files.list(folder)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("runs.csv",
                    "runs-histograms.csv");
        }
    }
}

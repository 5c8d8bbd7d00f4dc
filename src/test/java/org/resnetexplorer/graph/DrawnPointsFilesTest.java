package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrawnPointsFilesTest {
    @TempDir
    Path dir;

    private static final DrawnPoints THREE = new DrawnPoints(List.of(new DrawnPoint(0.25, -0.5, 0),
            new DrawnPoint(-1, 1, 2), new DrawnPoint(0.1, 0.3333333333333333, 1)));

    private static GraphDocument withPoints() {
        return GraphDocument.opened(Templates.build("mlp-resnet-8")).withPoints(THREE);
    }

    /** A saved document's text with {@code points} in place of its drawn points. */
    private static String withPointsText(String points) {
        String text = GraphFiles.documentToJson(withPoints());
        int start = text.indexOf("\"points\": [");
        return text.substring(0, start) + "\"points\": " + points + "\n}\n";
    }

    @Test
    @DisplayName("a document saved with drawn points loads back with the same points, one point a line")
    void roundTrip() throws Exception {
        Path file = dir.resolve("drawn.json");

        GraphFiles.saveDocument(withPoints(), file);
        GraphDocument loaded = GraphFiles.loadDocument(file);

        assertThat(loaded.points()).isEqualTo(THREE);
        assertThat(loaded).isEqualTo(withPoints());
        assertThat(Files.readString(file)).contains("\"points\": [\n    [0.25, -0.5, 0],\n    [-1, 1, 2],\n");
    }

    @Test
    @DisplayName("a file without points (as older versions save) opens with none, and a document without points writes no key")
    void optional() throws Exception {
        GraphDocument plain = GraphDocument.opened(Templates.build("mlp-resnet-8"));
        String text = GraphFiles.documentToJson(plain);

        assertThat(text).doesNotContain("\"points\"");
        assertThat(GraphFiles.documentFromJson(text, Path.of("old.json")).points()).isEqualTo(DrawnPoints.NONE);
        assertThat(GraphFiles.fromJson(GraphFiles.documentToJson(withPoints()), Path.of("new.json")))
                .as("the network alone, as an older reader takes it").isEqualTo(plain.network());
    }

    @Test
    @DisplayName("refuses a file with more points than a drawing may hold, before making any")
    void tooMany() {
        StringBuilder points = new StringBuilder("[");
        for (int i = 0; i <= DrawnPoints.MAX_POINTS; i++) {
            points.append(i == 0 ? "" : ", ").append("[0, 0, 0]");
        }
        String text = withPointsText(points + "]");

        assertThatThrownBy(() -> GraphFiles.documentFromJson(text, Path.of("many.json")))
                .isInstanceOf(GraphFileException.class)
                .hasMessage("many.json: 'points' holds 2,001 points, more than the 2,000 a drawing may hold: train on"
                        + " them as a CSV file instead");
    }

    @Test
    @DisplayName("refuses a point that is not a number, lies outside the plane or has a class out of range, naming it")
    void hostilePoints() {
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[0, 0, 0], [\"NaN\", 0, 1]]"), Path.of("a.json")))
                .hasMessage("a.json: 'points': point #2 must be [x, y, class] (two numbers and a whole number), not [\"NaN\",0,1]");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[1e400, 0, 0]]"), Path.of("b.json")))
                .isInstanceOf(GraphFileException.class).hasMessageStartingWith("b.json: 'points': point #1: a point must lie within +-2.0");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[0.5, 2.5, 0]]"), Path.of("c.json")))
                .hasMessage("c.json: 'points': point #1: a point must lie within +-2.0 on both axes, not at (0.5, 2.5)");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[0, 0, 10]]"), Path.of("d.json")))
                .hasMessage("d.json: 'points': point #1: a point's class must be a whole number from 0 to 9, not 10");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[0, 0, -1]]"), Path.of("e.json")))
                .hasMessageContaining("not -1");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("[[0, 0, 1.5]]"), Path.of("f.json")))
                .hasMessageContaining("point #1 must be [x, y, class]");
        assertThatThrownBy(() -> GraphFiles.documentFromJson(withPointsText("{\"x\": 1}"), Path.of("g.json")))
                .hasMessage("g.json: 'points' must be a list of points ([[x, y, class], ...]), not {\"x\":1}");
    }

    @Test
    @DisplayName("a drawing counts its classes up to the highest drawn, and holds at most 2,000 points")
    void model() {
        assertThat(THREE.classes()).isEqualTo(3);
        assertThat(THREE.classesDrawn()).isEqualTo(3);
        assertThat(new DrawnPoints(List.of(new DrawnPoint(0, 0, 4))).classes()).as("class 5 alone").isEqualTo(5);
        assertThat(DrawnPoints.NONE.classes()).isZero();
        assertThat(THREE.without(1).points()).containsExactly(THREE.points().get(0), THREE.points().get(2));
        List<DrawnPoint> many = new ArrayList<>();
        for (int i = 0; i < DrawnPoints.MAX_POINTS; i++) {
            many.add(new DrawnPoint(0, 0, 0));
        }
        DrawnPoints full = new DrawnPoints(many);
        assertThat(full.isFull()).isTrue();
        assertThatThrownBy(() -> full.with(new DrawnPoint(0, 0, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2,000 points are drawn already");
    }
}

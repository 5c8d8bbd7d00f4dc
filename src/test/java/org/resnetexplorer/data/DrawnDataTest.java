package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.DrawnPoint;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.graph.Shape;

class DrawnDataTest {
    @TempDir
    Path dir;

    /** Ten points: five of class 1 left, five of class 3 right (class 2 left out). */
    private static DrawnPoints ten() {
        List<DrawnPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(new DrawnPoint(-0.5 - 0.1 * i, 0.2 * i, 0));
            points.add(new DrawnPoint(0.5 + 0.1 * i, 0.1 - 0.2 * i, 2));
        }
        return new DrawnPoints(points);
    }

    @Test
    @DisplayName("the drawn points become the dataset 'custom': the points as they are, a class up to the highest drawn, tested on the same points")
    void dataset() throws Exception {
        Dataset data = DrawnData.of(ten());

        assertThat(data.name()).isEqualTo("custom");
        assertThat(data.shape()).isEqualTo(Shape.flat(2));
        assertThat(data.classes()).isEqualTo(3);
        assertThat(data.classNames()).containsExactly("class 1", "class 2", "class 3");
        assertThat(data.train().size()).isEqualTo(10);
        assertThat(data.train().example(1)).containsExactly(0.5f, 0.1f);
        assertThat(data.train().label(1)).isEqualTo(2);
        assertThat(data.train().classCounts()).containsExactly(5, 0, 5);
        assertThat(data.test()).isEqualTo(data.train());
        assertThat(new DrawnPoint(-0.0, 0, 0)).as("no negative zero").isEqualTo(new DrawnPoint(0, 0, 0));
        assertThat(Datasets.shape("custom", false)).contains(Shape.flat(2));
    }

    @Test
    @DisplayName("refuses to make a dataset of no points, or of points of one class, saying what to draw")
    void tooFewClasses() {
        assertThatThrownBy(() -> DrawnData.of(DrawnPoints.NONE)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no points drawn yet");
        DrawnPoints one = new DrawnPoints(List.of(new DrawnPoint(0, 0, 1), new DrawnPoint(0.5, 0, 1)));
        assertThatThrownBy(() -> DrawnData.of(one)).isInstanceOf(DatasetException.class)
                .hasMessage("custom: the 2 points drawn are all of class 2: draw points of at least two classes"
                        + " (keys 1 to 9 choose the class)");
    }

    @Test
    @DisplayName("exported points read back with train FILE.csv's reader, and import as they were drawn")
    void csvRoundTrip() throws Exception {
        Path file = dir.resolve("points.csv");
        PointsCsv.write(ten(), file);

        assertThat(Files.readString(file)).startsWith("x,y,label\n-0.5,0,0\n0.5,0.1,2\n-0.6,0.2,0\n");
        Dataset trained = Datasets.load(file.toString(), DatasetOptions.defaults().withTestSize(2));
        assertThat(trained.train().size() + trained.test().size()).isEqualTo(10);
        assertThat(trained.classNames()).as("the labels as written").containsExactly("0", "2");
        assertThat(PointsCsv.read(file)).isEqualTo(ten());
    }

    @Test
    @DisplayName("imports a CSV file of two features and text labels as train numbers them, and refuses one it cannot draw")
    void importOther() throws Exception {
        Path named = dir.resolve("named.csv");
        Files.writeString(named, "a;b;kind\n0.1;0.2;cat\n-0.3;0.4;dog\n0.5;0.6;cat\n");
        assertThat(PointsCsv.read(named).points()).containsExactly(new DrawnPoint(0.1, 0.2, 0),
                new DrawnPoint(-0.3, 0.4, 1), new DrawnPoint(0.5, 0.6, 0));

        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "x,y,z,label\n1,2,3,0\n");
        assertThatThrownBy(() -> PointsCsv.read(wide)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("line 1 has 4 cells, not 3");
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "x,y,label\n0,0,0\n5.1,3.5,1\n");
        assertThatThrownBy(() -> PointsCsv.read(far)).hasMessageContaining("line 3: '5.1' is not a number within +-2.0");
    }
}

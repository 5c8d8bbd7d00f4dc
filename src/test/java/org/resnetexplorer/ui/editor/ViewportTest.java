package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pan and zoom of the canvas, checked through the transforms it puts on the canvas. */
class ViewportTest {
    private final Group canvas = new Group();
    private final Viewport viewport = new Viewport(canvas);

    private Point2D inView(double x, double y) {
        return canvas.localToParent(x, y);
    }

    @Test
    @DisplayName("zooming keeps the canvas point under the pointer where it is, within 5% and 300%")
    void zoomAt() {
        viewport.panTo(40, -30);
        Point2D before = inView(100, 200);
        viewport.zoomAt(before.getX(), before.getY(), 1.7);
        assertThat(viewport.zoom()).isCloseTo(1.7, within(1e-12));
        assertThat(inView(100, 200).distance(before)).isLessThan(1e-9);
        viewport.zoomAt(0, 0, 1000);
        assertThat(viewport.zoom()).isEqualTo(3);
        viewport.zoomAt(0, 0, 1e-6);
        assertThat(viewport.zoom()).isEqualTo(0.05);
    }

    @Test
    @DisplayName("the text scale zooms about the middle and moves the bounds with it; it stays within 0.5 and 3")
    void textScale() {
        viewport.setTextScale(1.5, 400, 300);
        assertThat(viewport.zoom()).isCloseTo(1.5, within(1e-12));
        assertThat(inView(400, 300)).isEqualTo(new Point2D(400, 300));
        viewport.zoomAt(0, 0, 10);
        assertThat(viewport.zoom()).isEqualTo(4.5);
        assertThatThrownBy(() -> viewport.setTextScale(4, 0, 0)).hasMessage("text scale 4.0 outside 0.5 to 3");
    }

    @Test
    @DisplayName("fit shows the whole drawing centred across, 30 pixels from the top, never above 100%")
    void fit() {
        viewport.fit(new BoundingBox(100, 50, 1000, 900), 800, 600);
        double scale = (600 - 60) / 900.0;
        assertThat(viewport.zoom()).isCloseTo(scale, within(1e-12));
        assertThat(inView(100, 50).getY()).isCloseTo(30, within(1e-9));
        assertThat(inView(100, 50).getX() + inView(1100, 50).getX()).isCloseTo(800, within(1e-9));
        assertThat(viewport.levelProperty().get()).as("the zoom shown").isCloseTo(scale, within(1e-12));
        viewport.fit(new BoundingBox(0, 0, 100, 100), 800, 600);
        assertThat(viewport.zoom()).as("a small drawing at 100%").isEqualTo(1);
        viewport.showTop(new BoundingBox(0, 10, 300, 5000), 800);
        assertThat(inView(0, 10)).isEqualTo(new Point2D(250, 30));
    }

    @Test
    @DisplayName("fit never goes below a readable 50%: a network too deep for that shows its top, centred across")
    void fitStaysReadable() {
        viewport.setTextScale(1.5, 0, 0);
        viewport.fit(new BoundingBox(0, 0, 300, 40_000), 800, 600);
        assertThat(viewport.zoom()).isCloseTo(Viewport.READABLE * 1.5, within(1e-12));
        assertThat(viewport.levelProperty().get()).as("50% of the size at 100%").isCloseTo(0.5, within(1e-12));
        assertThat(inView(0, 0).getY()).as("its top in view").isCloseTo(30, within(1e-9));
        assertThat(inView(0, 0).getX() + inView(300, 0).getX()).isCloseTo(800, within(1e-9));
    }

    @Test
    @DisplayName("showing a part (the selection) centres it, as large as fits up to 100%")
    void showPart() {
        viewport.show(new BoundingBox(1000, 2000, 200, 100), 800, 600);
        assertThat(viewport.zoom()).isEqualTo(1);
        assertThat(inView(1100, 2050)).isEqualTo(new Point2D(400, 300));
        viewport.show(new BoundingBox(0, 0, 1480, 100), 800, 600);
        assertThat(viewport.zoom()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    @DisplayName("Actual Size zooms to 100% of the text scale about a point; the level reads the zoom over the text"
            + " scale")
    void actualSize() {
        viewport.setTextScale(2, 0, 0);
        viewport.zoomAt(0, 0, 0.3);
        Point2D before = inView(50, 60);
        viewport.zoomToLevel(1, before.getX(), before.getY());
        assertThat(viewport.zoom()).isCloseTo(2, within(1e-12));
        assertThat(viewport.levelProperty().get()).isCloseTo(1, within(1e-12));
        assertThat(inView(50, 60).distance(before)).isLessThan(1e-9);
    }

    @Test
    @DisplayName("one wheel notch zooms by 1.25 and a trackpad's small scrolls by their share of it: from a fitted"
            + " 50% past 100% takes 4 notches, not 36")
    void wheel() {
        assertThat(Gestures.wheelFactor(40, 40)).isCloseTo(1.25, within(1e-12));
        assertThat(Gestures.wheelFactor(-40, 40)).isCloseTo(0.8, within(1e-12));
        assertThat(Gestures.wheelFactor(4, 40)).isCloseTo(Math.pow(1.25, 0.1), within(1e-12));
        assertThat(Gestures.wheelFactor(40, 0)).as("no notch size reported").isCloseTo(1.25, within(1e-12));
        viewport.fit(new BoundingBox(0, 0, 300, 40_000), 800, 600);
        int notches = 0;
        while (viewport.zoom() < 1) {
            viewport.zoomAt(0, 0, Gestures.wheelFactor(40, 40));
            notches++;
        }
        assertThat(notches).isEqualTo(4);
    }
}

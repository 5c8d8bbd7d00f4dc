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
        viewport.fit(new BoundingBox(100, 50, 2000, 4000), 800, 600);
        double scale = (600 - 60) / 4000.0;
        assertThat(viewport.zoom()).isCloseTo(scale, within(1e-12));
        assertThat(inView(100, 50).getY()).isCloseTo(30, within(1e-9));
        assertThat(inView(100, 50).getX() + inView(2100, 50).getX()).isCloseTo(800, within(1e-9));
        viewport.fit(new BoundingBox(0, 0, 100, 100), 800, 600);
        assertThat(viewport.zoom()).as("a small drawing at 100%").isEqualTo(1);
        viewport.showTop(new BoundingBox(0, 10, 300, 5000), 800);
        assertThat(inView(0, 10)).isEqualTo(new Point2D(250, 30));
    }
}

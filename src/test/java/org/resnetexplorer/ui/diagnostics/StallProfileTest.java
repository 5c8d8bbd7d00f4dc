package org.resnetexplorer.ui.diagnostics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;



class StallProfileTest {
    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    @Test
    @DisplayName("a stalled FX thread waiting for the renderer: the place names the pulse, no control or app code on"
            + " the way, and the JavaFX frame it waits in")
    void waitingForTheRenderer() {
        StackTraceElement[] waiting = {
            frame("jdk.internal.misc.Unsafe", "park"),
            frame("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete"),
            frame("javafx.scene.Scene$ScenePulseListener", "pulse"),
            frame("com.sun.glass.ui.gtk.GtkApplication", "_runLoop"),
        };
        StallProfile.Place place = StallProfile.place(waiting);
        assertThat(place.inner()).as("the innermost frame of the scene").isEqualTo("Scene$ScenePulseListener.pulse");
        assertThat(place.control()).as("no control was busy").isNull();
        assertThat(place.app()).as("none of the app's code was running").isNull();
        assertThat(place.waiting()).as("what it waits for").isEqualTo("PaintCollector.waitForRenderingToComplete");
    }

    @Test
    @DisplayName("a stalled FX thread building a table cell for the app: the place names the cell's skin, the control"
            + " it belongs to, and the app's outermost frame that led there; the report line lists them in that order")
    void buildingForTheApp() {
        StackTraceElement[] building = {
            frame("javafx.scene.control.skin.TableCellSkin", "<init>"),
            frame("javafx.scene.control.TableCell", "createDefaultSkin"),
            frame("javafx.scene.control.Control", "doProcessCSS"),
            frame("org.resnetexplorer.ui.training.RunsTable", "layoutChildren"),
            frame("org.resnetexplorer.ui.MainWindow", "run"),
            frame("com.sun.glass.ui.InvokeLaterDispatcher", "run"),
        };
        StallProfile.Place place = StallProfile.place(building);
        assertThat(place.inner()).as("the innermost control frame").isEqualTo("TableCellSkin.<init>");
        assertThat(place.control()).as("the control, not its skin nor Control itself").isEqualTo("TableCell");
        assertThat(place.app()).as("the app's outermost frame, not its innermost").isEqualTo("MainWindow.run");
        assertThat(place.waiting()).as("the innermost JavaFX frame").isEqualTo("TableCellSkin.<init>");
        assertThat(place).hasToString("TableCellSkin.<init> <- TableCell <- MainWindow.run [TableCellSkin.<init>]");
    }

    @Test
    @DisplayName("a stall in the app's own code names that code as the innermost frame, before any JavaFX frame")
    void stalledInTheApp() {
        StackTraceElement[] computing = {
            frame("java.util.ArrayList", "sort"),
            frame("org.resnetexplorer.ui.charts.RunStore", "append"),
            frame("org.resnetexplorer.ui.charts.ChartsPane", "append"),
            frame("javafx.animation.AnimationTimer$1", "handle"),
        };
        StallProfile.Place place = StallProfile.place(computing);
        assertThat(place.inner()).isEqualTo("RunStore.append");
        assertThat(place.app()).isEqualTo("ChartsPane.append");
        assertThat(place.control()).isNull();
        assertThat(place.waiting()).isEqualTo("AnimationTimer$1.handle");
    }

    @Test
    @DisplayName("the render thread's place is its innermost frames, innermost first")
    void innermostFrames() {
        StackTraceElement[] rendering = {
            frame("com.sun.pisces.PiscesRenderer", "drawImageImpl"),
            frame("com.sun.pisces.PiscesRenderer", "drawImage"),
            frame("com.sun.prism.sw.SWGraphics", "drawTexture"),
        };
        assertThat(StallProfile.innermost(rendering, 2)).isEqualTo("PiscesRenderer.drawImageImpl <- PiscesRenderer.drawImage");
        assertThat(StallProfile.innermost(rendering, 9)).endsWith("<- SWGraphics.drawTexture");
    }
}

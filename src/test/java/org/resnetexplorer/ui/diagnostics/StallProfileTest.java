package org.resnetexplorer.ui.diagnostics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;



class StallProfileTest {
    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    @Test
    @DisplayName("a stalled FX thread waiting for the renderer names the pulse and the JavaFX frame it waits in")
    void placeNamesTheInnermostJavaFxFrame() {
        StackTraceElement[] waiting = {
            frame("jdk.internal.misc.Unsafe", "park"),
            frame("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete"),
            frame("javafx.scene.Scene$ScenePulseListener", "pulse"),
            frame("com.sun.glass.ui.gtk.GtkApplication", "_runLoop"),
        };
        assertThat(StallProfile.place(waiting))
                .isEqualTo("Scene$ScenePulseListener.pulse <- null <- null [PaintCollector.waitForRenderingToComplete]");

        StackTraceElement[] building = {
            frame("javafx.scene.control.skin.TableCellSkin", "<init>"),
            frame("javafx.scene.control.TableCell", "createDefaultSkin"),
            frame("org.resnetexplorer.ui.training.RunsTable", "layoutChildren"),
            frame("org.resnetexplorer.ui.MainWindow", "run"),
        };
        assertThat(StallProfile.place(building)).isEqualTo("TableCellSkin.<init> <- TableCell <- MainWindow.run [TableCellSkin.<init>]");
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

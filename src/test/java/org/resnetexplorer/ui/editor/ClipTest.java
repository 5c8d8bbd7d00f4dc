package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resnetexplorer.ui.editor.EditCommandsTest.edit;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.Wire;

/** Copy keeps the selected layers; each paste adds them under fresh names, one offset further, selected. */
class ClipTest {
    @Test
    @DisplayName("copying nothing keeps nothing")
    void copyNothing() {
        assertThat(Clip.copy(ShownDocument.of(EditCommandsTest.twoConvs()), Selection.NONE)).isEmpty();
    }

    @Test
    @DisplayName("a paste adds the copied layers and the wires among them under fresh names, offset, selected")
    void copyAndPaste() {
        ShownDocument shown = ShownDocument.of(EditCommandsTest.twoConvs());
        Clip clip = Clip.copy(shown, Selection.of(Set.of("conv1", "conv2"))).orElseThrow();
        Outcome.Edit first = edit(clip.paste(shown, 1));
        Network pasted = first.document().network();
        assertThat(first.name()).isEqualTo("Paste 2 nodes");
        assertThat(pasted.wires()).contains(Wire.of("conv1_2", "conv2_2"));
        assertThat(pasted.source("conv1_2", LayerSpec.IN)).as("the input was not copied").isEmpty();
        assertThat(first.selection()).containsExactlyInAnyOrder("conv1_2", "conv2_2");
        Point conv1 = shown.places().get("conv1");
        assertThat(first.document().positions()).containsEntry("conv1_2", conv1.plus(40, 40))
                .containsEntry("conv1", conv1);
        assertThat(edit(clip.paste(shown, 2)).document().positions()).as("the second paste lands further on")
                .containsEntry("conv1_2", conv1.plus(80, 80));
        Clip one = Clip.copy(shown, Selection.of(Set.of("conv3"))).orElseThrow();
        assertThat(edit(one.paste(shown, 1)).name()).isEqualTo("Paste conv3");
    }

    @Test
    @DisplayName("a copied collapsed block pastes as a collapsed block of its own, selected")
    void collapsedBlock() {
        Network resnet = Templates.build("mlp-resnet-2");
        ShownDocument shown = ShownDocument.of(new GraphDocument(resnet, Map.of(), Set.of("block1")));
        Outcome.Edit pasted = edit(Clip.copy(shown, Selection.of(Set.of("block1"))).orElseThrow().paste(shown, 1));
        assertThat(pasted.document().network().blocks()).hasSize(2);
        String copy = pasted.document().network().blocks().get(1).name();
        assertThat(pasted.document().collapsed()).containsExactlyInAnyOrder("block1", copy);
        assertThat(pasted.selection()).containsExactly(copy);
        assertThat(pasted.document().positions()).containsEntry(copy, shown.places().get("block1").plus(40, 40));
    }
}

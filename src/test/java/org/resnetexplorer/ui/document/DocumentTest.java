package org.resnetexplorer.ui.document;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;

import static org.assertj.core.api.Assertions.assertThat;



class DocumentTest {
    private final Network resnet = Templates.build("mlp-resnet-4");
    private final Network plain = resnet.withShortcut("block1", false);

    @Test
    @DisplayName("the title names the file or the untitled network, with * while unsaved; undoing to the saved state clears it")
    void titleAndModified() {
        Document doc = new Document(resnet);
        assertThat(doc.title("App").get()).isEqualTo("Untitled (mlp-resnet-4) - App");
        doc.edit("Toggle shortcut", plain);
        assertThat(doc.isModified()).isTrue();
        assertThat(doc.title("App").get()).isEqualTo("Untitled (mlp-resnet-4)* - App");
        doc.markSaved(Path.of("/tmp/x/net.json"));
        assertThat(doc.title("App").get()).isEqualTo("net.json - App");
        doc.history().undo();
        assertThat(doc.isModified()).isTrue();
        doc.history().redo();
        assertThat(doc.isModified()).isFalse();
    }

    @Test
    @DisplayName("a recovered graph is unsaved; with its file's contents, Undo goes back to them")
    void recovered() {
        Document doc = new Document(resnet);
        doc.recover(plain, resnet, Path.of("net.json"), "Recover autosaved graph");
        assertThat(doc.isModified()).isTrue();
        assertThat(doc.history().undoNameProperty().get()).isEqualTo("Recover autosaved graph");
        doc.history().undo();
        assertThat(doc.network()).isEqualTo(resnet);
        assertThat(doc.isModified()).isFalse();

        Document fresh = new Document(resnet);
        fresh.recover(plain, null, null, "Recover autosaved graph");
        assertThat(fresh.isModified()).as("never saved").isTrue();
        assertThat(fresh.history().canUndoProperty().get()).isFalse();
        fresh.replace(resnet, null);
        assertThat(fresh.isModified()).isFalse();
    }

    @Test
    @DisplayName("collapsing or expanding a block is a view change: nothing unsaved, nothing to undo; after an edit it"
            + " stays unsaved, and the collapsed blocks are saved with the next save")
    void collapsingIsNoEdit() {
        Document doc = new Document(resnet);
        doc.markSaved(Path.of("/tmp/x/net.json"));
        org.resnetexplorer.graph.GraphDocument collapsed = doc.state().withCollapsed(java.util.Set.of("block1"));
        doc.view(collapsed);
        assertThat(doc.state().collapsed()).containsExactly("block1");
        assertThat(doc.isModified()).as("a view change leaves nothing unsaved").isFalse();
        assertThat(doc.title("App").get()).isEqualTo("net.json - App");
        assertThat(doc.history().canUndoProperty().get()).as("nothing to undo").isFalse();

        doc.edit("Toggle shortcut", plain);
        doc.view(doc.state().withCollapsed(java.util.Set.of()));
        assertThat(doc.isModified()).as("an edit stays unsaved").isTrue();
        assertThat(doc.history().undoNameProperty().get()).isEqualTo("Toggle shortcut");
        doc.history().undo();
        assertThat(doc.state()).as("undo goes back to the state before the edit, as it was viewed").isEqualTo(collapsed);
        assertThat(doc.isModified()).isFalse();
    }
}

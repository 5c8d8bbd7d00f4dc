package org.resnetexplorer.ui.document;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;

import static org.assertj.core.api.Assertions.assertThat;



class EditHistoryTest {

    @Test
    @DisplayName("undo and redo walk back and forth through the edits, with their names")
    void undoRedo() {
        Network plain = Templates.build("mlp-plain-4");
        Network one = plain.withShortcut("block1", true);
        Network both = one.withShortcut("block2", true);
        EditHistory<Network> history = new EditHistory<>(plain);
        history.apply("Toggle shortcut block1", one);
        history.apply("Toggle shortcut block2", both);
        assertThat(history.undoNameProperty().get()).isEqualTo("Toggle shortcut block2");
        history.undo();
        assertThat(history.current()).isEqualTo(one);
        history.undo();
        assertThat(history.current()).isEqualTo(plain);
        assertThat(history.canUndoProperty().get()).isFalse();
        assertThat(history.redoNameProperty().get()).isEqualTo("Toggle shortcut block1");
        history.redo();
        history.redo();
        assertThat(history.current()).isEqualTo(both);
        assertThat(history.canRedoProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a new edit after undo drops the redo branch; an edit that changes nothing is not recorded")
    void newEditDropsRedo() {
        Network plain = Templates.build("mlp-plain-4");
        EditHistory<Network> history = new EditHistory<>(plain);
        history.apply("same", plain);
        assertThat(history.canUndoProperty().get()).as("an unchanged state is no edit").isFalse();
        history.apply("a", plain.withShortcut("block1", true));
        history.undo();
        history.apply("b", plain.withShortcut("block2", true));
        assertThat(history.canRedoProperty().get()).isFalse();
        assertThat(history.undoNameProperty().get()).isEqualTo("b");
    }

    @Test
    @DisplayName("the document is modified exactly when it differs from what was saved, also after undo")
    void modified() {
        Network plain = Templates.build("mlp-plain-4");
        EditHistory<Network> history = new EditHistory<>(plain);
        assertThat(history.isModified()).isFalse();
        history.apply("a", plain.withShortcut("block1", true));
        assertThat(history.isModified()).isTrue();
        history.markSaved();
        assertThat(history.isModified()).isFalse();
        history.undo();
        assertThat(history.isModified()).as("undo past the save point").isTrue();
        history.redo();
        assertThat(history.isModified()).isFalse();
    }

    @Test
    @DisplayName("hundreds of edits of resnet-152 can all be undone")
    void manyEdits() {
        Network resnet = Templates.build("resnet-152");
        EditHistory<Network> history = new EditHistory<>(resnet);
        String block = resnet.blocks().get(0).name();
        for (int i = 0; i < 400; i++) {
            history.apply("toggle", history.current().withShortcut(block, i % 2 == 1));
        }
        for (int i = 0; i < 400; i++) {
            history.undo();
        }
        assertThat(history.current()).isEqualTo(resnet);
    }
}

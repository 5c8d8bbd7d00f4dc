package org.resnetexplorer.ui.document;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Block;
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
    @DisplayName("hundreds of edits of resnet-152 can all be undone, each back to the state before it, redone and"
            + " undone again")
    void manyEdits() {
        Network resnet = Templates.build("resnet-152");
        EditHistory<Network> history = new EditHistory<>(resnet);
        List<Block> blocks = resnet.blocks();
        // states.get(i) is the network after i edits; each edit toggles the next block's shortcut, so consecutive
        // states differ, and with nine rounds over the 50 blocks every shortcut ends the other way round
        int edits = 9 * blocks.size();
        List<Network> states = new ArrayList<>(List.of(resnet));
        for (int i = 0; i < edits; i++) {
            String block = blocks.get(i % blocks.size()).name();
            Network next = history.current().withShortcut(block, !history.current().hasShortcut(block));
            history.apply("toggle " + block, next);
            states.add(next);
        }
        assertThat(history.current()).as("after the edits").isEqualTo(states.get(edits));
        assertThat(history.current().blocks()).allSatisfy(b -> assertThat(history.current().hasShortcut(b.name()))
                .as("shortcut of %s after the edits", b.name()).isNotEqualTo(resnet.hasShortcut(b.name())));
        for (int i = edits - 1; i >= 0; i--) {
            history.undo();
            assertThat(history.current()).as("after undoing edit %d", i + 1).isEqualTo(states.get(i));
        }
        assertThat(history.canUndoProperty().get()).as("nothing left to undo").isFalse();
        for (int i = 1; i <= edits; i++) {
            history.redo();
            assertThat(history.current()).as("after redoing edit %d", i).isEqualTo(states.get(i));
        }
        assertThat(history.canRedoProperty().get()).as("nothing left to redo").isFalse();
        history.undo();
        assertThat(history.current()).as("a redone edit undone again").isEqualTo(states.get(edits - 1));
    }
}

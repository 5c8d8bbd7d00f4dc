package org.resnetexplorer.ui.editor;

import java.util.Objects;
import java.util.Set;
import org.resnetexplorer.graph.GraphDocument;

/** What an editing command comes to: the next document under the name the Undo menu shows, or a refusal. */
sealed interface Outcome {
    /**
     * An edit for the host's history.
     *
     * @param name      what the Undo menu calls it: "Delete conv1", "Turn shortcut off"
     * @param document  the document the edit leads to
     * @param selection the boxes to select once it is shown, or null to keep the selection (as far as it exists)
     */
    record Edit(String name, GraphDocument document, Set<String> selection) implements Outcome {
        public Edit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(document, "document");
        }

        /** An edit that keeps the selection. */
        public Edit(String name, GraphDocument document) {
            this(name, document, null);
        }
    }

    /** A command that cannot be done here, with the reason shown to the user (a student can act on it). */
    record Refused(String reason) implements Outcome {
    }
}

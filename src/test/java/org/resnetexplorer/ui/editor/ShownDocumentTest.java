package org.resnetexplorer.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Point;
import org.resnetexplorer.graph.Templates;

/** What the editor works out from a document it shows: once per document, the analysis once per network. */
class ShownDocumentTest {
    @Test
    @DisplayName("a move or a collapse keeps the network's analysis; another network is analysed anew")
    void analysisOncePerNetwork() {
        Network resnet = Templates.build("mlp-resnet-2");
        ShownDocument shown = ShownDocument.of(GraphDocument.of(resnet));
        ShownDocument moved = shown.next(shown.document().withPositions(Map.of("input", new Point(5, 5))));
        assertThat(moved.analysis()).isSameAs(shown.analysis());
        assertThat(moved.places()).containsEntry("input", new Point(5, 5));
        ShownDocument collapsed = moved.next(moved.document().withCollapsed(Set.of("block1")));
        assertThat(collapsed.analysis()).isSameAs(shown.analysis());
        assertThat(collapsed.items()).containsEntry("block1.add", "block1");
        assertThat(collapsed.places()).containsKey("block1").doesNotContainKey("block1.add");
        ShownDocument twin = collapsed.next(GraphDocument.of(resnet.withAllShortcuts(false)));
        assertThat(twin.analysis()).isNotSameAs(shown.analysis());
        assertThat(twin.analysis().network()).isEqualTo(resnet.withAllShortcuts(false));
    }

    @Test
    @DisplayName("freezing gives every visible box its place, so that nothing moves by itself after an edit")
    void frozen() {
        ShownDocument shown = ShownDocument.of(GraphDocument.of(Templates.build("mlp-resnet-2")));
        assertThat(shown.document().positions()).isEmpty();
        assertThat(shown.frozen()).isEqualTo(shown.places());
    }
}

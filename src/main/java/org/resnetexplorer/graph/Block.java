package org.resnetexplorer.graph;

import java.util.List;
import java.util.Objects;
import org.resnetexplorer.i18n.Texts;

/**
 * A residual block as a unit: the nodes it groups ({@code members}, in network order), the node whose
 * output is the residual branch F(x) ({@code branchEnd}), and the kind of shortcut it gets when its shortcut
 * is on. Whether the shortcut is on is not stored: it is on when the block holds an {@link Add}. With the
 * shortcut off, the same layers form the block's plain twin.
 */
public record Block(String name, BlockKind kind, ShortcutOption shortcutOption, String branchEnd, List<String> members) {
    public Block {
        Checks.name(name, "block");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shortcutOption, "shortcutOption");
        Checks.name(branchEnd, "branch.end", name);
        members = List.copyOf(members);
        if (!members.contains(branchEnd)) {
            throw new IllegalArgumentException(Texts.format("block.branch.end", name, branchEnd));
        }
    }

    public boolean contains(String node) {
        return members.contains(node);
    }
}

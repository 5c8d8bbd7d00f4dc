package org.resnetexplorer.graph;

import java.util.Locale;
import org.resnetexplorer.i18n.Texts;

/** The paper's three kinds of shortcut (section 3.3 and Table 3). */
public enum ShortcutOption {
    /** Identity; where the shape changes, subsample by the stride and pad the new channels with zeros. */
    A,
    /** Identity; a 1x1 projection (conv + BN) only where the shape changes. */
    B,
    /** A 1x1 projection (conv + BN) on every shortcut. */
    C;

    /** Reads {@code A}, {@code B} or {@code C}, in any case. */
    public static ShortcutOption parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Texts.format("shortcutOption.unknown", text));
        }
    }
}

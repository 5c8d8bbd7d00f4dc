package org.resnetexplorer.graph;

import java.util.Locale;
import org.resnetexplorer.i18n.Texts;

/** The composite blocks a network can be built from. */
public enum BlockKind {
    /** Two 3x3 convolutions (or two dense layers): the paper's building block for ResNet-18/34 and CIFAR. */
    BASIC,
    /** 1x1 reduce, 3x3, 1x1 restore (x4 channels): the building block of ResNet-50/101/152. */
    BOTTLENECK,
    /** BN-ReLU-conv twice, a pure identity path and no ReLU after the addition (He et al., 1603.05027). */
    PREACT,
    /** Any layers a user wrapped in a skip connection. */
    CUSTOM;

    /** How files write it: {@code "basic"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BlockKind parse(String text) {
        for (BlockKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException(Texts.format("blockKind.unknown", text, "basic, bottleneck, preact", "custom"));
    }
}

package org.resnetexplorer.experiments;

import java.util.Objects;

/**
 * What a preset measures on its networks once the runs have trained (or, for runs that do not train, on their
 * initial weights): a kind ({@link Studies#KINDS}) and its settings. The preset's {@code "study"} object.
 */
public record Study(String kind, StudySettings settings) {
    public Study {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
    }
}

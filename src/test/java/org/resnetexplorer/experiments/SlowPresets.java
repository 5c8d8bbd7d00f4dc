package org.resnetexplorer.experiments;

import java.util.Set;

/**
 * The bundled presets too slow to train in every build (measured headless on the 2-core machine: tens of seconds to
 * minutes each; docs/PERFORMANCE.md): the tests that train them carry the JUnit tag {@value #TAG}, which runs with
 * {@code mvn verify -Ppresets} (decision 0025). A preset not named here trains in every build.
 */
public final class SlowPresets {
    /** The tag of the tests that train the slow presets. */
    public static final String TAG = "presets";
    public static final Set<String> IDS = Set.of("residual-responses", "degradation-images", "converges-faster",
            "shortcut-options", "pre-activation", "loss-landscape");

    private SlowPresets() {
    }
}

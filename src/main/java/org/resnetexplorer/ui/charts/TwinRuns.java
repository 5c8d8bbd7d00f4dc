package org.resnetexplorer.ui.charts;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resnetexplorer.graph.Network;

/**
 * Finds a run's twin among the window's runs: the ResNet of a plain run, the plain twin of a ResNet, by their
 * networks (the plain one is the ResNet with every shortcut off, whatever either is called), so a session's
 * "plain twin" and an experiment's plain net of the same depth are both found. Of several, the one nearest in
 * the order the runs were added (a session adds a twin right after its net, so on a tie the side it is on).
 */
final class TwinRuns {
    private TwinRuns() {
    }

    /** Whether a network has at least one shortcut on. */
    static boolean residual(Network network) {
        return network.blocks().stream().anyMatch(b -> network.hasShortcut(b.name()));
    }

    /**
     * The twin of {@code run} among {@code runs} (in the order added), given each run's network (empty for a run
     * with none yet); empty if it has none.
     */
    static Optional<String> of(String run, List<String> runs, Function<String, Optional<Network>> networks) {
        Network own = networks.apply(run).orElse(null);
        int at = runs.indexOf(run);
        if (own == null || at < 0) {
            return Optional.empty();
        }
        boolean residual = residual(own);
        Network plain = residual ? own.withAllShortcuts(false) : own;
        String best = null;
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < runs.size(); i++) {
            String other = runs.get(i);
            Network network = networks.apply(other).orElse(null);
            if (i == at || network == null || residual(network) == residual) {
                continue;
            }
            Network otherPlain = residual ? network : network.withAllShortcuts(false);
            // a twin is added after its ResNet: on a tie, the one on that side
            boolean expectedSide = residual ? i > at : i < at;
            double distance = Math.abs(i - at) + (expectedSide ? 0 : 0.5);
            if (otherPlain.withName(plain.name()).equals(plain) && distance < nearest) {
                best = other;
                nearest = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}

package org.resnetexplorer.ui.charts;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Each network's plain form met so far, by identity: the views ask for a run's twin at every pulse of snapshots,
     * and turning 20 shortcuts off rebuilt the network 20 times each time (a tenth of the FX thread's allocation while
     * the first-start example trained with the Decision regions tab open). A run's network is one object for the whole
     * run; the map forgets everything once it holds {@link #REMEMBERED} (a session of many runs).
     */
    private static final Map<Network, Network> PLAIN = new IdentityHashMap<>();
    private static final int REMEMBERED = 64;

    /** The network with every shortcut off under one name, to compare by structure alone. */
    private static synchronized Network plainForm(Network network) {
        Network plain = PLAIN.get(network);
        if (plain == null) {
            if (PLAIN.size() >= REMEMBERED) {
                PLAIN.clear();
            }
            plain = (residual(network) ? network.withAllShortcuts(false) : network).withName("plain");
            PLAIN.put(network, plain);
        }
        return plain;
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
        Network plain = plainForm(own);
        String best = null;
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < runs.size(); i++) {
            String other = runs.get(i);
            Network network = networks.apply(other).orElse(null);
            if (i == at || network == null || residual(network) == residual) {
                continue;
            }
            Network otherPlain = plainForm(network);
            // a twin is added after its ResNet: on a tie, the one on that side
            boolean expectedSide = residual ? i > at : i < at;
            double distance = Math.abs(i - at) + (expectedSide ? 0 : 0.5);
            if (otherPlain.equals(plain) && distance < nearest) {
                best = other;
                nearest = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}

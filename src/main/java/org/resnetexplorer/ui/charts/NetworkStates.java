package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resnetexplorer.engine.NetworkState;

/**
 * The trained states of the window's runs, by run, oldest step first: what the views of what a network computes
 * (its decision regions, predictions, inner outputs) run for a chosen step. Each run keeps states within
 * {@link #BYTES_PER_RUN}: a small network (the MLPs of the 2-D data) every evaluation, thinned to every other one
 * when it has no room left, so the steps stay spread over the whole run; a large one (a CNN on images) only its
 * latest. The first state (step 0) and the latest always stay. Use on the FX thread.
 */
final class NetworkStates {
    /** What one run's states may take: about 50 states of an MLP of 10,000 weights, or one of a 500,000-weight CNN. */
    static final long BYTES_PER_RUN = 2L << 20;

    private final Map<String, List<NetworkState>> byRun = new LinkedHashMap<>();

    /** Keeps a state of its run (a state of an earlier step than the latest kept starts the run's list anew). */
    void add(NetworkState state) {
        List<NetworkState> states = byRun.computeIfAbsent(state.run(), r -> new ArrayList<>());
        if (!states.isEmpty() && states.get(states.size() - 1).step() >= state.step()) {
            states.clear(); // the run was started again under its name
        }
        states.add(state);
        long room = Math.max(1, BYTES_PER_RUN / state.bytes());
        if (room < 2) {
            states.subList(0, states.size() - 1).clear();
        } else {
            while (states.size() > room) {
                thin(states);
            }
        }
    }

    /** Drops every other state between the first and the latest. */
    private static void thin(List<NetworkState> states) {
        List<NetworkState> kept = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            if (i % 2 == 0 || i == states.size() - 1) {
                kept.add(states.get(i));
            }
        }
        states.clear();
        states.addAll(kept);
    }

    /** The latest state of a run, if it has one. */
    Optional<NetworkState> latest(String run) {
        List<NetworkState> states = byRun.get(run);
        return states == null || states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }

    /** The state of a run at {@code step}, or the closest before it (the first if none is before). */
    Optional<NetworkState> at(String run, int step) {
        List<NetworkState> states = byRun.get(run);
        if (states == null || states.isEmpty()) {
            return Optional.empty();
        }
        NetworkState found = states.get(0);
        for (NetworkState s : states) {
            if (s.step() <= step) {
                found = s;
            }
        }
        return Optional.of(found);
    }

    /** The steps a run has a state of, oldest first. */
    List<Integer> steps(String run) {
        return byRun.getOrDefault(run, List.of()).stream().map(NetworkState::step).toList();
    }

    void remove(String run) {
        byRun.remove(run);
    }

    void clear() {
        byRun.clear();
    }
}

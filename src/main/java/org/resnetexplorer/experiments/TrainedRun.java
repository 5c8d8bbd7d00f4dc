package org.resnetexplorer.experiments;

import java.util.Objects;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.graph.Network;

/**
 * One run of an experiment as a study sees it.
 *
 * @param network the network it trained (adapted to the dataset), or only counted
 * @param state   its trained weights at the last step; null for a run that does not train or did not finish
 * @param result  how its training ended; null for a run that does not train
 */
public record TrainedRun(Experiment.RunSpec spec, Network network, NetworkState state, RunResult result) {
    public TrainedRun {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(network, "network");
    }
}

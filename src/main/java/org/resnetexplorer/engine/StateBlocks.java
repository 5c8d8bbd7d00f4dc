package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.TrainedValues.Part;

/**
 * The blocks of values a trained state of a network holds, in its order: every parameter as a compile lays them
 * out (network order, each node's weight, bias, gamma, beta), then each BatchNorm's running means and running
 * variances (a projection shortcut's BatchNorm under the shortcut's node). A function of the graph alone, so a
 * reader takes every size from the graph and none from the file.
 */
final class StateBlocks {
    /**
     * One block: its node and part, its shape in the engine's layout, its first value among the parameters (or
     * among the running statistics), and for running statistics the engine's name of its BatchNorm.
     */
    record Block(String node, Part part, long[] shape, int offset, String norm) {
        int length() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }

        boolean statistics() {
            return part == Part.RUNNING_MEAN || part == Part.RUNNING_VAR;
        }
    }

    private StateBlocks() {
    }

    /** The blocks of a valid network's state: the parameters', then the running statistics'. */
    static List<Block> of(Analysis analysis) {
        List<Block> parameters = new ArrayList<>();
        List<Block> statistics = new ArrayList<>();
        int offset = 0;
        int statisticsOffset = 0;
        for (Parameters.Spec spec : new Initialiser(analysis, 0).specs()) {
            Part part = Part.valueOf(spec.role().name());
            parameters.add(new Block(spec.node(), part, spec.shape().clone(), offset, null));
            offset += spec.initial().length;
            if (part == Part.GAMMA) {
                // the engine names a projection's BatchNorm after its shortcut (CompiledNetwork.shortcut)
                String norm = analysis.network().requireNode(spec.node()).layer() instanceof BatchNorm ? spec.node()
                        : spec.node() + "#bn";
                long[] shape = {spec.initial().length};
                statistics.add(new Block(spec.node(), Part.RUNNING_MEAN, shape, statisticsOffset, norm));
                statistics.add(new Block(spec.node(), Part.RUNNING_VAR, shape, statisticsOffset + (int) shape[0], norm));
                statisticsOffset += 2 * (int) shape[0];
            }
        }
        parameters.addAll(statistics);
        return List.copyOf(parameters);
    }
}

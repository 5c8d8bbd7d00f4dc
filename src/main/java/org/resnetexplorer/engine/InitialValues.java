package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TrainedValues;

/**
 * The values a run of a network starts from with a seed, without ND4J: what {@link Initialiser} draws (as the
 * floats a compile holds), and each BatchNorm's running means 0 and variances 1. A training script exported to
 * PyTorch starts from them, so it starts where the engine's run starts (decision 0038).
 */
public final class InitialValues {
    private InitialValues() {
    }

    /**
     * The starting values of a run of {@code network} with {@code seed}, in the blocks of its state ({@link
     * StateBlocks}), at step 0.
     *
     * @throws IllegalArgumentException if the network is not valid (its first problem)
     */
    public static TrainedValues of(Network network, long seed) {
        Analysis analysis = Analysis.of(network);
        if (!analysis.errors().isEmpty()) {
            throw new IllegalArgumentException(analysis.errors().get(0).message());
        }
        Iterator<Parameters.Spec> specs = new Initialiser(analysis, seed).specs().iterator();
        List<TrainedValues.Tensor> tensors = new ArrayList<>();
        for (StateBlocks.Block block : StateBlocks.of(analysis)) {
            float[] values = new float[block.length()];
            if (block.statistics()) {
                Arrays.fill(values, block.part() == TrainedValues.Part.RUNNING_VAR ? 1 : 0);
            } else {
                double[] initial = specs.next().initial();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) initial[i]; // as a float compile casts them
                }
            }
            tensors.add(new TrainedValues.Tensor(block.node(), block.part(), block.shape(), values));
        }
        return new TrainedValues(network.name() + ", initial values of seed " + seed, 0, tensors);
    }
}

package org.resnetexplorer.graph;

import java.util.Objects;
import org.resnetexplorer.i18n.Texts;

/**
 * Surgery on a network: one more block of two weighted layers right after an existing block, as wide as that
 * block's output and in its style (BatchNorm or not, its activation, its shortcut option), either as a residual
 * block (shortcut on) or as a plain pair (the same layers, no shortcut). What the notes' argument is about: a
 * residual block added to a trained network can start as the identity, a plain pair cannot.
 *
 * @param network the network with the block inserted
 * @param block   the new block's name (unique in the network: {@code blockN})
 * @param after   the node the new block reads from (the output of the block it follows)
 */
public record BlockInsertion(Network network, String block, String after) {
    public BlockInsertion {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Inserts a basic block after block {@code previous}: whatever read that block's output now reads the new
     * block's, so the network keeps its shapes.
     *
     * @param residual true for a residual block, false for its plain twin (a pair of layers)
     * @throws IllegalArgumentException if there is no such block
     * @throws IllegalStateException    if the block's output shape is not known (the network has problems)
     */
    public static BlockInsertion after(Network network, String previous, boolean residual) {
        Block block = network.block(previous).orElseThrow(() -> new IllegalArgumentException(
                Texts.format("networkEdits.no.block", previous)));
        String output = network.blockOutput(block);
        boolean batchNorm = block.members().stream().anyMatch(m -> network.requireNode(m).layer() instanceof BatchNorm);
        ActivationFunction activation = block.members().stream().map(m -> network.requireNode(m).layer())
                .filter(Activation.class::isInstance).map(a -> ((Activation) a).function()).findFirst()
                .orElse(ActivationFunction.RELU);
        String name = NetworkEdits.freeBlockName(network);
        Network inserted = NetworkEdits.addResidualBlock(network, output, BlockKind.BASIC, block.shortcutOption(),
                batchNorm, activation);
        return new BlockInsertion(residual ? inserted : inserted.withShortcut(name, false), name, output);
    }
}

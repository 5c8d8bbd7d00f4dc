package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One node of a compiled network: its forward computation and, beside it, its backward. A forward keeps what
 * its backward needs in fields, valid for the current step only. The arrays it returns are valid until its next
 * call: they live in the step's workspace, or (small ones) in an array the layer reuses ({@link ReusedArray}).
 */
abstract class Layer {
    final String name;

    Layer(String name) {
        this.name = name;
    }

    /** The output for these inputs (one per input port); {@code training} selects batch statistics and dropout. */
    abstract INDArray forward(INDArray[] inputs, boolean training);

    /**
     * Given dL/d(output), writes the gradients of this layer's parameters into their views and returns dL/d(input)
     * for each input port. Called once per step, after {@link #forward} with {@code training} true; after an
     * inference pass it back-propagates through that pass (BatchNorm's statistics held constant).
     */
    abstract INDArray[] backward(INDArray gradOutput);

    /** The parameters this layer owns (none for most kinds). */
    List<Parameters.Parameter> parameters() {
        return List.of();
    }
}

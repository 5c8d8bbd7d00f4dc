package org.resnetexplorer.engine;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One array a layer writes its output (or its dL/dx) into at every pass, made once per shape outside the step's
 * workspace: a new ND4J array costs 3-7 us and a handful of objects (buffers, shape, deallocator reference), and
 * the small 2-D networks made about a hundred per step, the bulk of their garbage. The layer's output of a pass
 * therefore stays valid until the same layer's next pass, which is the contract of {@link Layer} (every reader
 * copies what it keeps). Only small arrays are kept ({@link #MAX_KEPT}).
 */
final class ReusedArray {
    /**
     * The most values kept (256 KB in float). A larger array is made in the step's workspace at each call, as
     * before: its making costs little beside the work on it, and keeping the large tensors of an image network
     * outside the workspace (for every batch size it meets) would add to its memory.
     */
    static final long MAX_KEPT = 1 << 16;

    private INDArray array;

    /** The array of this type and shape: the one of the previous call if it matches, else a new one. */
    INDArray of(DataType type, long[] shape) {
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        if (length > MAX_KEPT) {
            array = null;
            return Nd4j.createUninitialized(type, shape, 'c');
        }
        if (array == null || array.dataType() != type || !Arrays.equals(array.shape(), shape)) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                array = Nd4j.createUninitialized(type, shape, 'c');
            }
        }
        return array;
    }

    /** {@link #of(DataType, long[])} for a matrix, without making a shape array at every call. */
    INDArray of(DataType type, long rows, long columns) {
        if (array == null || array.dataType() != type || array.rank() != 2 || array.size(0) != rows
                || array.size(1) != columns) {
            return of(type, new long[] {rows, columns});
        }
        return array;
    }
}

package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shortcut of a residual block. As an identity (option A, or B where the shape stays) it passes x on, taking
 * every stride-th pixel and padding new channels with zeros where the shape changes; as a projection it is a
 * 1x1 convolution (a dense layer for flat input) followed by BatchNorm.
 */
final class ShortcutLayer extends Layer {
    private final int filters;
    private final int stride;
    private final Layer projection;
    private final Layer projectionNorm;
    private long[] inputShape;

    /** An identity shortcut, subsampling and zero-padding to {@code filters} channels. */
    ShortcutLayer(String name, int filters, int stride) {
        super(name);
        this.filters = filters;
        this.stride = stride;
        this.projection = null;
        this.projectionNorm = null;
    }

    /** A projection shortcut: {@code projection} (1x1 conv or dense), then {@code norm}. */
    ShortcutLayer(String name, Layer projection, Layer norm) {
        super(name);
        this.filters = 0;
        this.stride = 1;
        this.projection = projection;
        this.projectionNorm = norm;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        INDArray x = inputs[0];
        if (projection != null) {
            return projectionNorm.forward(new INDArray[] {projection.forward(inputs, training)}, training);
        }
        inputShape = x.shape();
        if (stride == 1 && x.size(1) == filters) {
            return x;
        }
        INDArray sampled = x.rank() == 4 ? x.get(subsampling(x)) : x;
        long[] shape = sampled.shape().clone();
        shape[1] = filters;
        INDArray out = Nd4j.zeros(x.dataType(), shape);
        out.get(channels(out.rank(), x.size(1))).assign(sampled);
        return out;
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (projection != null) {
            return projection.backward(projectionNorm.backward(gradOutput)[0]);
        }
        if (stride == 1 && inputShape[1] == filters) {
            return new INDArray[] {gradOutput};
        }
        INDArray gx = Nd4j.zeros(gradOutput.dataType(), inputShape);
        INDArray kept = gradOutput.get(channels(gradOutput.rank(), inputShape[1]));
        (gx.rank() == 4 ? gx.get(subsampling(gx)) : gx).assign(kept);
        return new INDArray[] {gx};
    }

    /** Every stride-th row and column of an image batch. */
    private INDArrayIndex[] subsampling(INDArray x) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, stride, x.size(2)),
            NDArrayIndex.interval(0, stride, x.size(3))};
    }

    /** The first {@code count} channels (features). */
    private static INDArrayIndex[] channels(int rank, long count) {
        INDArrayIndex[] index = new INDArrayIndex[rank];
        index[0] = NDArrayIndex.all();
        index[1] = NDArrayIndex.interval(0, count);
        for (int i = 2; i < rank; i++) {
            index[i] = NDArrayIndex.all();
        }
        return index;
    }

    @Override
    List<Parameters.Parameter> parameters() {
        List<Parameters.Parameter> all = new ArrayList<>();
        if (projection != null) {
            all.addAll(projection.parameters());
            all.addAll(projectionNorm.parameters());
        }
        return all;
    }
}

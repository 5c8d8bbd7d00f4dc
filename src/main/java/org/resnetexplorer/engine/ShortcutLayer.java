package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.resnetexplorer.graph.Shape;

/**
 * The shortcut of a residual block. As an identity (option A, or B where the shape stays) it passes x on, taking
 * every stride-th pixel and padding new channels with zeros where the shape changes; as a projection it is a
 * 1x1 convolution (a dense layer for flat input) followed by BatchNorm.
 *
 * <p>The subsampling identity copies value by value on the Java side (host copies of the tensors, its output and
 * dL/dx reused like the other Java-side layers'), into the output shape the graph model inferred
 * ({@link org.resnetexplorer.graph.Shortcut#outputShape}: {@code (n - 1) / stride + 1} along each
 * axis), so the engine agrees with {@code summary} and the PyTorch export ({@code x[:, :, ::s, ::s]}) for every
 * size: a stride-2 shortcut on a 1x1 map gives a 1x1 map. (ND4J's strided interval index refused an axis
 * shorter than the stride.)
 */
final class ShortcutLayer extends Layer {
    private final Layer projection;
    private final Layer projectionNorm;
    /** For an identity: whether it passes x on unchanged (the same shape out as in, so every value stays). */
    private final boolean passes;
    /**
     * For an identity: each kept value of one example's output ({@code targetOf[k]}, channels last) and where it
     * comes from in its input ({@code sourceOf[k]}). The kept values are the output's first channels (as many as
     * the input has) at every pixel; the new channels after them are 0.
     */
    private final int[] sourceOf;
    private final int[] targetOf;
    private final int inputSize;
    private final int outputSize;
    private final long[] outputDims;
    private long[] inputShape;
    private final ReusedArray output = new ReusedArray();
    private final ReusedArray inputGrad = new ReusedArray();
    /** Host copies of x and y (forward), then of dL/dy and dL/dx (backward, in the same arrays swapped). */
    private float[] inF = new float[0];
    private float[] outF = new float[0];
    private double[] inD = new double[0];
    private double[] outD = new double[0];

    /** An identity shortcut from {@code input} to {@code output} (the graph's shapes), subsampling by {@code stride}. */
    ShortcutLayer(String name, Shape input, Shape output, int stride) {
        super(name);
        this.projection = null;
        this.projectionNorm = null;
        this.passes = input.equals(output);
        this.inputSize = Math.toIntExact(input.elementCount());
        this.outputSize = Math.toIntExact(output.elementCount());
        this.outputDims = output instanceof Shape.Image image
                ? new long[] {image.height(), image.width(), image.channels()}
                : output.dims().stream().mapToLong(Integer::longValue).toArray();
        this.sourceOf = indices(image(input), image(output), stride, true);
        this.targetOf = indices(image(input), image(output), stride, false);
    }

    /** A projection shortcut: {@code projection} (1x1 conv or dense), then {@code norm}. */
    ShortcutLayer(String name, Layer projection, Layer norm) {
        super(name);
        this.projection = projection;
        this.projectionNorm = norm;
        this.passes = false;
        this.sourceOf = new int[0];
        this.targetOf = new int[0];
        this.inputSize = 0;
        this.outputSize = 0;
        this.outputDims = new long[0];
    }

    /** The projection's BatchNorm (none for an identity or a zero-padding shortcut). */
    java.util.Optional<Layer> projectionNorm() {
        return java.util.Optional.ofNullable(projectionNorm);
    }

    /** A flat vector as an image of 1x1 pixels, one per feature. */
    private static Shape.Image image(Shape shape) {
        return shape instanceof Shape.Image image ? image : Shape.image((int) shape.elementCount(), 1, 1);
    }

    /**
     * For each kept value of the output (pixel after pixel, the input's channels at each), the index of its input
     * value ({@code source}) or its own index in the output (else), both in an example's NHWC values.
     */
    private static int[] indices(Shape.Image in, Shape.Image out, int stride, boolean source) {
        int[] at = new int[in.channels() * out.height() * out.width()];
        int k = 0;
        for (int i = 0; i < out.height(); i++) {
            for (int j = 0; j < out.width(); j++) {
                for (int c = 0; c < in.channels(); c++) {
                    at[k++] = source ? ((i * stride) * in.width() + j * stride) * in.channels() + c
                            : (i * out.width() + j) * out.channels() + c;
                }
            }
        }
        return at;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        if (projection != null) {
            return projectionNorm.forward(new INDArray[] {projection.forward(inputs, training)}, training);
        }
        INDArray x = inputs[0];
        inputShape = x.shape();
        if (passes) {
            return x;
        }
        int batch = (int) x.size(0);
        // only the kept values are copied (a stride of 2 keeps a quarter of them); the new channels are 0
        return copy(x, output.of(x.dataType(), batchOf(batch, outputDims)), batch, true);
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (projection != null) {
            return projection.backward(projectionNorm.backward(gradOutput)[0]);
        }
        if (passes) {
            return new INDArray[] {gradOutput};
        }
        // each input value feeds at most one output value: its gradient is that value's, or 0 where it was skipped
        // or where the output value was a new channel
        INDArray gx = inputGrad.of(gradOutput.dataType(), inputShape);
        return new INDArray[] {copy(gradOutput, gx, (int) inputShape[0], false)};
    }

    /**
     * For every example of the batch, copies input value {@code sourceOf[k]} to output value {@code targetOf[k]}
     * ({@code gather}, the forward), or back (the backward's scatter); every other value of {@code to} is 0. Returns
     * {@code to}.
     */
    private INDArray copy(INDArray from, INDArray to, int batch, boolean gather) {
        int fromSize = gather ? inputSize : outputSize;
        int toSize = gather ? outputSize : inputSize;
        if (HostArrays.floats(from.dataType())) {
            // x has the size of dL/dx, y of dL/dy: the backward reads into the array y was in, and so on
            float[] read = HostArrays.read(from, gather ? inF : outF);
            float[] write = gather ? outF : inF;
            write = HostArrays.sized(write, batch * toSize);
            Arrays.fill(write, 0f);
            for (int n = 0; n < batch; n++) {
                int fromAt = n * fromSize;
                int toAt = n * toSize;
                for (int k = 0; k < sourceOf.length; k++) {
                    if (gather) {
                        write[toAt + targetOf[k]] = read[fromAt + sourceOf[k]];
                    } else {
                        write[toAt + sourceOf[k]] = read[fromAt + targetOf[k]];
                    }
                }
            }
            inF = gather ? read : write;
            outF = gather ? write : read;
            return HostArrays.write(write, to);
        }
        double[] read = HostArrays.read(from, gather ? inD : outD);
        double[] write = gather ? outD : inD;
        write = HostArrays.sized(write, batch * toSize);
        Arrays.fill(write, 0);
        for (int n = 0; n < batch; n++) {
            int fromAt = n * fromSize;
            int toAt = n * toSize;
            for (int k = 0; k < sourceOf.length; k++) {
                if (gather) {
                    write[toAt + targetOf[k]] = read[fromAt + sourceOf[k]];
                } else {
                    write[toAt + sourceOf[k]] = read[fromAt + targetOf[k]];
                }
            }
        }
        inD = gather ? read : write;
        outD = gather ? write : read;
        return HostArrays.write(write, to);
    }

    private static long[] batchOf(int batch, long[] dims) {
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return shape;
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

package org.resnetexplorer.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y = x W + b for a batch of flat vectors x [B, in]; W is [in, out]. A small call (the 2-D networks' layers)
 * runs in Java loops ({@link HostDense}); a larger one in libnd4j: with a bias as one fused op each
 * way ({@code xw_plus_b}, {@code xw_plus_b_bp}); {@link CompiledNetwork} may also fuse the ReLU that follows,
 * and then this layer's output is relu(x W + b): the ReLU runs on the Java side over the op's output
 * ({@link HostArrays}), which the backward's mask then reads without another copy.
 */
final class DenseLayer extends Layer {
    private final Parameters.Parameter weight;
    private final Parameters.Parameter bias;
    private final boolean relu;
    private final HostDense host;
    /** Whether this step's forward ran in {@link #host} (then so does its backward). */
    private boolean onHost;
    private INDArray x;
    private INDArray y;
    private float[] yf = new float[0];
    private float[] gf = new float[0];
    private double[] yd = new double[0];
    private double[] gd = new double[0];

    DenseLayer(String name, Parameters.Parameter weight, Parameters.Parameter bias) {
        this(name, weight, bias, false);
    }

    /** With {@code relu} (only with a bias), the layer computes relu(x W + b). */
    DenseLayer(String name, Parameters.Parameter weight, Parameters.Parameter bias, boolean relu) {
        super(name);
        if (relu && bias == null) {
            throw new IllegalArgumentException("a fused ReLU needs a bias");
        }
        this.weight = weight;
        this.bias = bias;
        this.relu = relu;
        this.host = new HostDense(weight, bias, relu);
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        x = inputs[0];
        onHost = host.suits(x.size(0));
        if (onHost) {
            return host.forward(x);
        }
        y = bias == null ? x.mmul(weight.value()) : Kernels.dense(x, weight.value(), bias.value());
        if (relu) {
            reluInPlace();
        }
        return y;
    }

    /**
     * y = max(y, 0) through a Java copy of y, kept for the backward's mask. Cheaper than a native ReLU call
     * on these small outputs, and libnd4j's fused {@code relu_layer} refuses a batch of one (see
     * {@link Kernels#dense}).
     */
    private void reluInPlace() {
        int length = (int) y.length();
        if (HostArrays.floats(y.dataType())) {
            yf = HostArrays.read(y, yf);
            HostArrays.relu(yf, yf, 0, length);
            y.data().asNioFloat().put(yf, 0, length);
        } else {
            yd = HostArrays.read(y, yd);
            HostArrays.relu(yd, yd, 0, length);
            y.data().asNioDouble().put(yd, 0, length);
        }
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        if (onHost) {
            return new INDArray[] {host.backward(gradOutput)};
        }
        if (bias == null) {
            Nd4j.gemm(x, gradOutput, weight.grad(), true, false, 1.0, 0.0);
            return new INDArray[] {Nd4j.gemm(gradOutput, weight.value(), false, true)};
        }
        INDArray g = relu ? reluBackward(gradOutput) : gradOutput;
        return new INDArray[] {Kernels.denseBackward(x, weight.value(), bias.value(), g, weight.grad(), bias.grad())};
    }

    /**
     * The gradient through the fused ReLU, on the Java side ({@link HostArrays}: cheaper than relu_bp here),
     * masked by the forward's copy of y.
     */
    private INDArray reluBackward(INDArray gradOutput) {
        if (HostArrays.floats(y.dataType())) {
            gf = HostArrays.read(gradOutput, gf);
            HostArrays.reluMask(gf, yf, 0, gf.length);
            return HostArrays.write(gf, gradOutput.shape());
        }
        gd = HostArrays.read(gradOutput, gd);
        HostArrays.reluMask(gd, yd, 0, gd.length);
        return HostArrays.write(gd, gradOutput.shape());
    }

    @Override
    List<Parameters.Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}

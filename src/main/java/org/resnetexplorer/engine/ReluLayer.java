package org.resnetexplorer.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ReLU as a layer of its own (where no Dense, BatchNorm or Add before it computes it), or an Add followed
 * by its ReLU in one pass: y = relu(a + b). Computed on the Java side ({@link HostArrays}); the backward uses
 * the output's sign.
 */
final class ReluLayer extends Layer {
    private final boolean add;
    private long[] shape;
    private boolean floats;
    private float[] sf = new float[0];
    private float[] bf = new float[0];
    private float[] yf = new float[0];
    private float[] gf = new float[0];
    private double[] sd = new double[0];
    private double[] bd = new double[0];
    private double[] yd = new double[0];
    private double[] gd = new double[0];
    private final ReusedArray output = new ReusedArray();
    private final ReusedArray inputGrad = new ReusedArray();

    private ReluLayer(String name, boolean add) {
        super(name);
        this.add = add;
    }

    /** y = max(x, 0). */
    static ReluLayer single(String name) {
        return new ReluLayer(name, false);
    }

    /** y = max(a + b, 0): an Add whose only consumer is a ReLU. */
    static ReluLayer afterAdd(String name) {
        return new ReluLayer(name, true);
    }

    /** Whether this is an Add with its ReLU. */
    boolean adds() {
        return add;
    }

    @Override
    INDArray forward(INDArray[] inputs, boolean training) {
        shape = inputs[0].shape();
        floats = HostArrays.floats(inputs[0].dataType());
        if (floats) {
            sf = HostArrays.read(inputs[0], sf);
            if (add) {
                bf = HostArrays.read(inputs[1], bf);
                for (int i = 0; i < sf.length; i++) {
                    sf[i] += bf[i];
                }
            }
            yf = HostArrays.sized(yf, sf.length);
            HostArrays.relu(sf, yf, 0, sf.length);
            return HostArrays.write(yf, output.of(inputs[0].dataType(), shape));
        }
        sd = HostArrays.read(inputs[0], sd);
        if (add) {
            bd = HostArrays.read(inputs[1], bd);
            for (int i = 0; i < sd.length; i++) {
                sd[i] += bd[i];
            }
        }
        yd = HostArrays.sized(yd, sd.length);
        HostArrays.relu(sd, yd, 0, sd.length);
        return HostArrays.write(yd, output.of(inputs[0].dataType(), shape));
    }

    @Override
    INDArray[] backward(INDArray gradOutput) {
        INDArray gx;
        if (floats) {
            gf = HostArrays.read(gradOutput, gf);
            HostArrays.reluMask(gf, yf, 0, gf.length);
            gx = HostArrays.write(gf, inputGrad.of(gradOutput.dataType(), shape));
        } else {
            gd = HostArrays.read(gradOutput, gd);
            HostArrays.reluMask(gd, yd, 0, gd.length);
            gx = HostArrays.write(gd, inputGrad.of(gradOutput.dataType(), shape));
        }
        return add ? new INDArray[] {gx, gx} : new INDArray[] {gx};
    }

    /** For an Add with its ReLU: the sum before the ReLU, the Add node's own output (a new array). */
    INDArray sum() {
        return floats ? HostArrays.write(sf, shape) : HostArrays.write(sd, shape);
    }
}

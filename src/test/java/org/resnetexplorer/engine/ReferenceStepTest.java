package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.NetworkBuilder;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.ShortcutOption;

/**
 * The first steps of a small residual MLP, computed by the engine (DOUBLE, inside the step workspace, the
 * trainer's optimiser) and independently in plain Java loops in this test: forward pass, softmax cross-entropy,
 * back-propagation and SGD with momentum 0.9 and weight decay on weights only. Losses and every parameter
 * after every step agree within 1e-9.
 */
class ReferenceStepTest {
    private static final double TOLERANCE = 1e-9;
    private static final double RATE = 0.1;
    private static final double MOMENTUM = 0.9;
    private static final double DECAY = 0.01;
    private static final double EPS = 1e-5;
    private static final int STEPS = 3;

    /**
     * A fixed batch of eight 2-D points and their classes. Eight, a power of two, because libnd4j's batchnorm_bp
     * (1.0.0-M2.1) computes 1/N as a float even in DOUBLE: with five examples its input gradient is off by ~1e-8
     * relative, which is not the engine's doing.
     */
    private static final double[][] X = {{0.5, -1.2}, {1.5, 0.3}, {-0.7, 0.8}, {0.2, 2.0}, {-1.1, -0.4},
        {0.9, 0.9}, {-1.6, 0.1}, {0.3, -0.6}};
    private static final int[] LABELS = {0, 2, 1, 1, 0, 2, 1, 0};

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the networks

    /** 2 -> dense1 (4) -> relu1 -> dense2 (4) -> relu2 -> add (+ relu1) -> fc (3) -> output; biases everywhere. */
    private static Network plainNet() {
        NetworkBuilder b = new NetworkBuilder("reference");
        String x = b.add("input", new Input(Shape.flat(2)));
        String h1 = b.add("relu1", relu(), b.add("dense1", new Dense(4, true), x));
        String h2 = b.add("relu2", relu(), b.add("dense2", new Dense(4, true), h1));
        String s = b.add("shortcut", new Shortcut(ShortcutOption.A, 4, 1), h1);
        String a = b.add("add", new Add(), h2, s);
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), a));
        return b.build();
    }

    /**
     * 2 -> dense1 (4, no bias) -> bn1 -> relu1 -> dense2 (4, no bias) -> bn2 -> add (+ relu1) -> relu2 -> fc (3)
     * -> output.
     */
    private static Network normalisedNet() {
        NetworkBuilder b = new NetworkBuilder("reference-bn");
        String x = b.add("input", new Input(Shape.flat(2)));
        String h1 = b.add("relu1", relu(), b.add("bn1", new BatchNorm(), b.add("dense1", new Dense(4, false), x)));
        String n2 = b.add("bn2", new BatchNorm(), b.add("dense2", new Dense(4, false), h1));
        String s = b.add("shortcut", new Shortcut(ShortcutOption.A, 4, 1), h1);
        String a = b.add("relu2", relu(), b.add("add", new Add(), n2, s));
        b.add("output", new Output(3), b.add("fc", new Dense(3, true), a));
        return b.build();
    }

    private static Activation relu() {
        return new Activation(ActivationFunction.RELU);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the tests

    @Test
    @DisplayName("the first steps of a small net reproduce a reference computed independently")
    void residualMlpMatchesReference() throws EngineException {
        compare(plainNet(), ReferenceStepTest::plainStep);
    }

    @Test
    @DisplayName("the first steps of a small net with BatchNorm (batch statistics, biased variance, eps 1e-5) reproduce a"
            + " reference computed independently")
    void normalisedMlpMatchesReference() throws EngineException {
        assertThat(BatchNorm.DEFAULT_EPSILON).as("the epsilon the reference uses").isEqualTo(EPS);
        compare(normalisedNet(), ReferenceStepTest::normalisedStep);
    }

    /** One reference step: fills {@code grads} (by parameter key) and returns the loss. */
    private interface ReferenceStep {
        double lossAndGradients(Map<String, double[]> params, Map<String, double[]> grads);
    }

    private static void compare(Network network, ReferenceStep reference) throws EngineException {
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.DOUBLE, 17);
        List<Parameters.Parameter> layout = compiled.parameters().all();
        double[] initial = compiled.values().toDoubleVector();

        // the reference's own copies of the starting values and its momentum, by "node/role"
        Map<String, double[]> params = new HashMap<>();
        Map<String, double[]> velocity = new HashMap<>();
        for (Parameters.Parameter p : layout) {
            double[] v = new double[(int) p.length()];
            System.arraycopy(initial, (int) p.offset(), v, 0, v.length);
            params.put(key(p), v);
            velocity.put(key(p), new double[v.length]);
        }
        assertThat(params).as("parameters of %s", network.name()).isNotEmpty();

        OptimizerState optimizer = new OptimizerState(compiled.parameters(), Optimizer.SGD, MOMENTUM, DECAY);
        INDArray x = Nd4j.create(X).castTo(DataType.DOUBLE);
        for (int step = 1; step <= STEPS; step++) {
            double engineLoss;
            try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.of(compiled.forward(x, true), LABELS);
                engineLoss = result.loss();
                compiled.backward(result.gradLogits());
                optimizer.update(compiled.values(), compiled.gradients(), RATE);
            }

            Map<String, double[]> grads = new HashMap<>();
            double referenceLoss = reference.lossAndGradients(params, grads);
            for (Parameters.Parameter p : layout) {
                double[] w = params.get(key(p));
                double[] g = grads.get(key(p));
                double[] v = velocity.get(key(p));
                assertThat(g).as("the reference has a gradient for %s", key(p)).isNotNull().hasSameSizeAs(w);
                boolean decays = p.role() == Parameters.Role.WEIGHT;
                for (int i = 0; i < w.length; i++) {
                    double gi = g[i] + (decays ? DECAY * w[i] : 0);
                    v[i] = MOMENTUM * v[i] + gi;
                    w[i] -= RATE * v[i];
                }
            }

            assertThat(engineLoss).as("%s: loss of step %d", network.name(), step)
                    .isCloseTo(referenceLoss, within(TOLERANCE));
            double[] values = compiled.values().toDoubleVector();
            for (Parameters.Parameter p : layout) {
                double[] expected = params.get(key(p));
                for (int i = 0; i < expected.length; i++) {
                    assertThat(values[(int) p.offset() + i]).as("%s: %s[%d] after step %d", network.name(), key(p), i, step)
                            .isCloseTo(expected[i], within(TOLERANCE));
                }
            }
        }
    }

    private static String key(Parameters.Parameter p) {
        return p.node() + "/" + p.role().name().toLowerCase();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the reference computations

    private static double plainStep(Map<String, double[]> p, Map<String, double[]> g) {
        int b = X.length;
        double[][] z1 = dense(X, p.get("dense1/weight"), p.get("dense1/bias"), 4);
        double[][] h1 = relu(z1);
        double[][] z2 = dense(h1, p.get("dense2/weight"), p.get("dense2/bias"), 4);
        double[][] h2 = relu(z2);
        double[][] a = add(h2, h1);
        double[][] z3 = dense(a, p.get("fc/weight"), p.get("fc/bias"), 3);
        double[][] gz3 = new double[b][3];
        double loss = softmaxCrossEntropy(z3, gz3);

        double[][] ga = denseBackward(a, gz3, p.get("fc/weight"), g, "fc", true);
        double[][] gz2 = reluBackward(z2, ga);
        double[][] gh1 = add(ga, denseBackward(h1, gz2, p.get("dense2/weight"), g, "dense2", true));
        denseBackward(X, reluBackward(z1, gh1), p.get("dense1/weight"), g, "dense1", true);
        return loss;
    }

    private static double normalisedStep(Map<String, double[]> p, Map<String, double[]> g) {
        int b = X.length;
        double[][] z1 = dense(X, p.get("dense1/weight"), null, 4);
        Norm n1 = norm(z1, p.get("bn1/gamma"), p.get("bn1/beta"));
        double[][] h1 = relu(n1.y);
        double[][] z2 = dense(h1, p.get("dense2/weight"), null, 4);
        Norm n2 = norm(z2, p.get("bn2/gamma"), p.get("bn2/beta"));
        double[][] s = add(n2.y, h1);
        double[][] a = relu(s);
        double[][] z3 = dense(a, p.get("fc/weight"), p.get("fc/bias"), 3);
        double[][] gz3 = new double[b][3];
        double loss = softmaxCrossEntropy(z3, gz3);

        double[][] gs = reluBackward(s, denseBackward(a, gz3, p.get("fc/weight"), g, "fc", true));
        double[][] gz2 = normBackward(n2, gs, p.get("bn2/gamma"), g, "bn2");
        double[][] gh1 = add(gs, denseBackward(h1, gz2, p.get("dense2/weight"), g, "dense2", false));
        double[][] gz1 = normBackward(n1, reluBackward(n1.y, gh1), p.get("bn1/gamma"), g, "bn1");
        denseBackward(X, gz1, p.get("dense1/weight"), g, "dense1", false);
        return loss;
    }

    /** y = x W + b with W stored row-major as [in, out]. */
    private static double[][] dense(double[][] x, double[] w, double[] bias, int out) {
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < out; j++) {
                double sum = bias == null ? 0 : bias[j];
                for (int i = 0; i < in; i++) {
                    sum += x[r][i] * w[i * out + j];
                }
                y[r][j] = sum;
            }
        }
        return y;
    }

    /** Stores dW (and db) under {@code node}, returns dx. */
    private static double[][] denseBackward(double[][] x, double[][] gy, double[] w, Map<String, double[]> grads,
            String node, boolean bias) {
        int in = x[0].length;
        int out = gy[0].length;
        double[] gw = new double[in * out];
        double[] gb = new double[out];
        double[][] gx = new double[x.length][in];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < out; j++) {
                gb[j] += gy[r][j];
                for (int i = 0; i < in; i++) {
                    gw[i * out + j] += x[r][i] * gy[r][j];
                    gx[r][i] += gy[r][j] * w[i * out + j];
                }
            }
        }
        grads.put(node + "/weight", gw);
        if (bias) {
            grads.put(node + "/bias", gb);
        }
        return gx;
    }

    private static double[][] relu(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = x[r].clone();
            for (int i = 0; i < y[r].length; i++) {
                y[r][i] = Math.max(0, y[r][i]);
            }
        }
        return y;
    }

    /** The gradient through ReLU, given its input (or output: the sign is the same). */
    private static double[][] reluBackward(double[][] input, double[][] gy) {
        double[][] gx = new double[gy.length][];
        for (int r = 0; r < gy.length; r++) {
            gx[r] = new double[gy[r].length];
            for (int i = 0; i < gx[r].length; i++) {
                gx[r][i] = input[r][i] > 0 ? gy[r][i] : 0;
            }
        }
        return gx;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < a[r].length; i++) {
                y[r][i] = a[r][i] + b[r][i];
            }
        }
        return y;
    }

    /** Mean over the batch of -log softmax(z)[label]; writes (softmax - onehot) / B into {@code grad}. */
    private static double softmaxCrossEntropy(double[][] z, double[][] grad) {
        int b = z.length;
        double loss = 0;
        for (int r = 0; r < b; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z[r]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z[r]) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            loss -= z[r][LABELS[r]] - logSum;
            for (int c = 0; c < z[r].length; c++) {
                grad[r][c] = (Math.exp(z[r][c] - logSum) - (c == LABELS[r] ? 1 : 0)) / b;
            }
        }
        return loss / b;
    }

    /** A BatchNorm pass in training mode: its output, the normalised values and the batch statistics. */
    private record Norm(double[][] y, double[][] xhat, double[] var) {
    }

    private static Norm norm(double[][] x, double[] gamma, double[] beta) {
        int b = x.length;
        int f = x[0].length;
        double[] mean = new double[f];
        double[] var = new double[f];
        for (int j = 0; j < f; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / b;
            }
            for (double[] row : x) {
                var[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / b;
            }
        }
        double[][] xhat = new double[b][f];
        double[][] y = new double[b][f];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < f; j++) {
                xhat[r][j] = (x[r][j] - mean[j]) / Math.sqrt(var[j] + EPS);
                y[r][j] = gamma[j] * xhat[r][j] + beta[j];
            }
        }
        return new Norm(y, xhat, var);
    }

    /** dx = gamma / sqrt(var + eps) * (gy - mean(gy) - xhat * mean(gy * xhat)); stores dgamma and dbeta. */
    private static double[][] normBackward(Norm n, double[][] gy, double[] gamma, Map<String, double[]> grads,
            String node) {
        int b = gy.length;
        int f = gy[0].length;
        double[] gGamma = new double[f];
        double[] gBeta = new double[f];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < f; j++) {
                gBeta[j] += gy[r][j];
                gGamma[j] += gy[r][j] * n.xhat[r][j];
            }
        }
        double[][] gx = new double[b][f];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < f; j++) {
                gx[r][j] = gamma[j] / Math.sqrt(n.var[j] + EPS)
                        * (gy[r][j] - gBeta[j] / b - n.xhat[r][j] * gGamma[j] / b);
            }
        }
        grads.put(node + "/gamma", gGamma);
        grads.put(node + "/beta", gBeta);
        return gx;
    }
}


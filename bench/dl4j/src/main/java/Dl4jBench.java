import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Deeplearning4j's ComputationGraph on the four workloads of docs/PERFORMANCE.md, timed like the app's
 * {@code bench} and bench/pytorch_bench.py, so DL4J's figures can stand beside the app's engine and PyTorch.
 * Not part of the app.
 *
 * <p>usage: {@code ./run.sh [--json] [--seconds S] [--warmup S] [--workload NAME]} (one thread:
 * {@code OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1}, {@code -Xmx512m}).
 *
 * <p>One step: draw a batch from a shuffled synthetic dataset, {@code fit(MultiDataSet)} (forward, softmax
 * cross-entropy, backward, update), read the loss ({@code score()}) on the host. DL4J's fit does not count the
 * errors, so unlike the app and PyTorch no error count is computed. Optimiser: DL4J has no plain SGD momentum,
 * so Nesterov momentum 0.9 ({@link Nesterovs}); L2 1e-4 on conv/dense weights only, added to the gradient
 * before the updater (PyTorch's coupled weight decay), not on biases nor BatchNorm. Initialisation as the app's
 * Initialiser (He normal, Xavier normal for the classifier, residual-branch ends of the BN-free MLP scaled by
 * 1/sqrt(blocks)). Metrics (gradient norms, histograms) are not collected: compare with "metrics off".
 *
 * <p>Timing: per workload one graph, trained for the warm-up (default 6 s), then for two timed rounds of a fixed
 * number of steps (the warm-up rate times {@code --seconds}, at least 20); steps/s is the median of the rounds,
 * cpu ms/step the process CPU time (all threads, JIT and GC included) per step.
 *
 * <p>Option A shortcuts are built from stock vertices: the input subsampled by a 1x1 max-pool with stride 2,
 * then concatenated along channels ({@link MergeVertex}) with itself times zero ({@link ScaleVertex}(0)), which
 * appends as many zero channels as the input has (8->16, 16->32).
 *
 * <p>DL4J 1.0.0-M2.1 runs its layers without the oneDNN helpers: they are off unless
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, and even then {@code BaseMKLDNNHelper} looks for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, which nd4j-native 1.0.0-M2.1 ships under another package, so
 * convolutions run as im2col + gemm and BatchNorm as separate ND4J ops. The text output lists the helper of
 * every layer type.
 */
public final class Dl4jBench {
    private static final long SEED = 1;
    private static final int ROUNDS = 2;
    private static final int DATASET_SIZE = 2048;
    private static final double MOMENTUM = 0.9;
    private static final double L2 = 1e-4;
    private static final String[] WORKLOADS = {"mlp-plain-8", "mlp-resnet-32", "cifar-resnet-8", "cifar-plain-20"};

    private Dl4jBench() {
    }

    /** A workload: its graph, batch size and data. */
    private record Spec(String name, int batch, double lr, boolean images) {
        static Spec of(String name) {
            return switch (name) {
                case "mlp-plain-8", "mlp-resnet-32" -> new Spec(name, 64, 0.01, false);
                case "cifar-resnet-8", "cifar-plain-20" -> new Spec(name, 32, 0.05, true);
                default -> throw new IllegalArgumentException("unknown workload " + name);
            };
        }

        ComputationGraph build() {
            ComputationGraphConfiguration conf = switch (name) {
                case "mlp-plain-8" -> mlp(lr, 8, false);
                case "mlp-resnet-32" -> mlp(lr, 32, true);
                case "cifar-resnet-8" -> cnn(lr, 1, true);
                case "cifar-plain-20" -> cnn(lr, 3, false);
                default -> throw new IllegalStateException(name);
            };
            ComputationGraph graph = new ComputationGraph(conf);
            graph.init();
            return graph;
        }
    }

    private static ComputationGraphConfiguration.GraphBuilder base(double lr) {
        return new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(DataType.FLOAT)
                .updater(new Nesterovs(lr, MOMENTUM))
                .l2(L2)          // weights only: l2Bias stays 0, BatchNormalization is not regularised
                .weightInit(WeightInit.RELU)      // as the app's Initialiser: He normal before ReLU, Xavier normal for the classifier
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
    }

    /** Dense(2->32)+ReLU, {@code hidden} Dense(32->32) (+ReLU, or as blocks relu(x + W2 relu(W1 x))), Dense(32->3). */
    private static ComputationGraphConfiguration mlp(double lr, int hidden, boolean residual) {
        final int width = 32;
        ComputationGraphConfiguration.GraphBuilder g = base(lr)
                .addInputs("in")
                .setInputTypes(InputType.feedForward(2))
                .addLayer("stem", new DenseLayer.Builder().nIn(2).nOut(width).activation(Activation.RELU).build(), "in");
        String h = "stem";
        if (residual) {
            int blocks = hidden / 2;
            // as the app's Initialiser: without BatchNorm the branch's last layer is He-initialised / sqrt(blocks)
            NormalDistribution branchEnd = new NormalDistribution(0, Math.sqrt(2.0 / width) / Math.sqrt(blocks));
            for (int b = 0; b < blocks; b++) {
                String p = "b" + b + "_";
                g.addLayer(p + "fc1", new DenseLayer.Builder().nIn(width).nOut(width).activation(Activation.RELU).build(), h)
                        .addLayer(p + "fc2", new DenseLayer.Builder().nIn(width).nOut(width).activation(Activation.IDENTITY)
                                .weightInit(branchEnd).build(), p + "fc1")
                        .addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), h, p + "fc2")
                        .addLayer(p + "relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "add");
                h = p + "relu";
            }
        } else {
            for (int i = 0; i < hidden; i++) {
                g.addLayer("fc" + i, new DenseLayer.Builder().nIn(width).nOut(width).activation(Activation.RELU).build(), h);
                h = "fc" + i;
            }
        }
        return g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(width).nOut(3).activation(Activation.SOFTMAX).hasBias(true).weightInit(WeightInit.XAVIER).build(), h)
                .setOutputs("out")
                .build();
    }

    private static ConvolutionLayer conv3x3(int cout, int stride) {
        return new ConvolutionLayer.Builder(3, 3).stride(stride, stride).padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).nOut(cout).hasBias(false)
                .activation(Activation.IDENTITY).build();
    }

    /** 1x16x16 in: conv3x3(8)+BN+ReLU, three stages of {@code n} basic blocks (8/16/32), GAP, fc(10). */
    private static ComputationGraphConfiguration cnn(double lr, int n, boolean residual) {
        final int width = 8;
        ComputationGraphConfiguration.GraphBuilder g = base(lr)
                .addInputs("in")
                .setInputTypes(InputType.convolutional(16, 16, 1))
                .addLayer("c0", conv3x3(width, 1), "in")
                .addLayer("bn0", new BatchNormalization.Builder().decay(0.9).eps(1e-5).build(), "c0")
                .addLayer("relu0", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn0");
        String h = "relu0";
        int cin = width;
        for (int stage = 0; stage < 3; stage++) {
            int cout = width << stage;
            for (int i = 0; i < n; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                String p = "s" + stage + "b" + i + "_";
                g.addLayer(p + "c1", conv3x3(cout, stride), h)
                        .addLayer(p + "bn1", new BatchNormalization.Builder().decay(0.9).eps(1e-5).build(), p + "c1")
                        .addLayer(p + "relu1", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "bn1")
                        .addLayer(p + "c2", conv3x3(cout, 1), p + "relu1")
                        .addLayer(p + "bn2", new BatchNormalization.Builder().decay(0.9).eps(1e-5).build(), p + "c2");
                String f = p + "bn2";
                if (residual) {
                    String s = h;
                    if (stride != 1) {   // option A: x[:, :, ::2, ::2]
                        g.addLayer(p + "sub", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 1)
                                .stride(stride, stride).convolutionMode(ConvolutionMode.Truncate).build(), s);
                        s = p + "sub";
                    }
                    if (cout != cin) {   // option A: zero channels after the input's
                        if (cout != 2 * cin) {
                            throw new IllegalStateException("option A by concatenation needs cout = 2 cin");
                        }
                        g.addVertex(p + "zero", new ScaleVertex(0.0), s)
                                .addVertex(p + "pad", new MergeVertex(), s, p + "zero");
                        s = p + "pad";
                    }
                    g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), f, s);
                    f = p + "add";
                }
                g.addLayer(p + "out", new ActivationLayer.Builder().activation(Activation.RELU).build(), f);
                h = p + "out";
                cin = cout;
            }
        }
        return g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), h)
                .addLayer("fc", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(cin).nOut(10).activation(Activation.SOFTMAX).hasBias(true).weightInit(WeightInit.XAVIER).build(), "gap")
                .setOutputs("fc")
                .build();
    }

    /** Synthetic data with a fixed seed: three noisy spiral arms (2-D) or ten 16x16 prototypes plus noise. */
    private static final class Data {
        final INDArray x;
        final INDArray y;
        final int batch;
        final boolean images;
        final Random random = new Random(SEED);
        final int[] order = new int[DATASET_SIZE];
        int next = DATASET_SIZE;

        Data(Spec spec) {
            Random r = new Random(SEED);
            int n = DATASET_SIZE;
            batch = spec.batch();
            images = spec.images();
            int classes = images ? 10 : 3;
            int dim = images ? 256 : 2;
            float[] xs = new float[n * dim];
            float[] ys = new float[n * classes];
            float[][] protos = new float[10][256];
            for (float[] p : protos) {
                for (int j = 0; j < p.length; j++) {
                    p[j] = (float) r.nextGaussian();
                }
            }
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(classes);
                ys[i * classes + c] = 1f;
                if (images) {
                    for (int j = 0; j < dim; j++) {
                        xs[i * dim + j] = protos[c][j] + (float) r.nextGaussian();
                    }
                } else {
                    double t = r.nextDouble();
                    double angle = c * 2 * Math.PI / 3 + t * 4 + 0.2 * r.nextGaussian();
                    xs[i * dim] = (float) (t * Math.cos(angle));
                    xs[i * dim + 1] = (float) (t * Math.sin(angle));
                }
            }
            x = Nd4j.create(xs, new long[] {n, dim}, 'c');
            y = Nd4j.create(ys, new long[] {n, classes}, 'c');
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }

        MultiDataSet nextBatch() {
            if (next + batch > order.length) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                next = 0;
            }
            int[] idx = new int[batch];
            System.arraycopy(order, next, idx, 0, batch);
            next += batch;
            INDArray features = Nd4j.pullRows(x, 1, idx);
            if (images) {
                features = features.reshape('c', batch, 1, 16, 16);
            }
            return new MultiDataSet(new INDArray[] {features}, new INDArray[] {Nd4j.pullRows(y, 1, idx)});
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One graph trained through the warm-up and the timed rounds; every step's loss is kept. */
    private static final class Session {
        final ComputationGraph graph;
        final Data data;
        final List<Double> losses = new ArrayList<>();
        int nonFinite;

        Session(Spec spec) {
            graph = spec.build();
            data = new Data(spec);
        }

        void step() {
            graph.fit(data.nextBatch());
            double loss = graph.score();   // the loss, read on the host
            if (!Double.isFinite(loss)) {
                nonFinite++;
            }
            losses.add(loss);
        }

        /** Mean loss of steps [from, to). */
        double meanLoss(int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += losses.get(i);
            }
            return sum / (to - from);
        }
    }

    /** A timed round: {@code steps} more steps of the session's graph. */
    private record Round(int steps, double wallSeconds, double cpuSeconds) {
        double stepsPerSecond() {
            return steps / wallSeconds;
        }

        double cpuMsPerStep() {
            return cpuSeconds * 1000 / steps;
        }
    }

    private static Round timed(Session session, int steps) {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            session.step();
        }
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        return new Round(steps, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9);
    }

    /** Steps for {@code seconds}; returns the rate. */
    private static double warmUp(Session session, double seconds, StringBuilder log) {
        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            session.step();
            if (i == 0) {
                log.append(String.format(Locale.ROOT, "  first step (new graph) %.1f ms%n",
                        (System.nanoTime() - start) / 1e6));
            }
            i++;
        }
        double rate = i / ((System.nanoTime() - start) / 1e9);
        log.append(String.format(Locale.ROOT, "  warm-up: %d steps, %.1f steps/s, loss %.4f -> %.4f, %d params%n",
                i, rate, session.losses.get(0), session.losses.get(i - 1), session.graph.numParams()));
        return rate;
    }

    /** Which oneDNN helper each kind of layer got (DL4J disables them unless -D{@value #HELPERS_OFF}=false). */
    private static String helpers(ComputationGraph graph) {
        java.util.Map<String, String> kinds = new java.util.TreeMap<>();
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            Object helper = layer.getHelper();
            kinds.merge(layer.getClass().getSimpleName(), helper == null ? "none" : helper.getClass().getSimpleName(),
                    (a, b) -> a.equals(b) ? a : a + "/" + b);
        }
        return kinds.toString();
    }

    static final String HELPERS_OFF = "org.eclipse.deeplearning4j.helpers.disable";

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "?";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static void main(String[] args) {
        boolean json = false;
        double seconds = 6;
        double warmup = 6;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--workload" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--json] [--seconds S] [--warmup S] [--workload NAME]");
            }
        }
        String loadBefore = loadAverage();
        // One thread, like the app (Nd4jRuntime) and PyTorch's set_num_threads(1); OMP_NUM_THREADS=1 too.
        Nd4j.getBackend();   // loads the backend's properties, which NativeOpsHolder needs
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);

        List<String> names = only != null ? List.of(only) : List.of(WORKLOADS);
        List<String> rows = new ArrayList<>();
        List<String> jsonRows = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        boolean problems = false;
        for (String name : names) {
            Spec spec = Spec.of(name);
            if (!json) {
                System.out.printf(Locale.ROOT, "%s: warming up %.0f s ...%n", name, warmup);
            }
            log.append(name).append(":\n");
            Session session = new Session(spec);
            log.append("  layer helpers: ").append(helpers(session.graph)).append('\n');
            double rate = warmUp(session, warmup, log);
            int timedFrom = session.losses.size();
            int steps = Math.max(20, (int) Math.round(rate * seconds));
            Round[] rounds = new Round[ROUNDS];
            double[] sps = new double[ROUNDS];
            double[] cpu = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                rounds[r] = timed(session, steps);
                sps[r] = rounds[r].stepsPerSecond();
                cpu[r] = rounds[r].cpuMsPerStep();
                log.append(String.format(Locale.ROOT,
                        "  round %d: %d steps in %.2f s wall, %.2f s cpu: %.2f steps/s, %.3f cpu ms/step%n",
                        r + 1, steps, rounds[r].wallSeconds(), rounds[r].cpuSeconds(), sps[r], cpu[r]));
            }
            int timedTo = session.losses.size();
            int window = Math.max(1, Math.min(10, (timedTo - timedFrom) / 10));
            double firstLoss = session.losses.get(timedFrom);
            double lastLoss = session.losses.get(timedTo - 1);
            double firstMean = session.meanLoss(timedFrom, timedFrom + window);
            double lastMean = session.meanLoss(timedTo - window, timedTo);
            log.append(String.format(Locale.ROOT,
                    "  timed steps: loss first %.4f last %.4f (means of the first and last %d: %.4f -> %.4f)%s%n",
                    firstLoss, lastLoss, window, firstMean, lastMean,
                    session.nonFinite > 0 ? ", NON-FINITE LOSS in " + session.nonFinite + " steps" : ""));
            if (session.nonFinite > 0 || !(lastMean < firstMean)) {
                problems = true;
            }
            double medSps = median(sps);
            rows.add(String.format(Locale.ROOT, "%-16s %-8s %10.2f %10.3f %12.3f   %s | %s   %s",
                    name, "off", medSps, 1000 / medSps, median(cpu),
                    String.format(Locale.ROOT, "%.2f/%.2f", sps[0], sps[1]),
                    String.format(Locale.ROOT, "%.3f/%.3f", cpu[0], cpu[1]),
                    String.format(Locale.ROOT, "%.3f->%.3f (mean %.3f->%.3f)", firstLoss, lastLoss, firstMean, lastMean)));
            jsonRows.add(String.format(Locale.ROOT, "{\"workload\": \"%s\", \"metrics\": false, \"stepsPerSecond\": %.2f}",
                    name, medSps));
        }
        if (json) {
            System.out.println("[" + String.join(", ", jsonRows) + "]");
            System.err.print(log);
            return;
        }
        System.out.print("\n" + log);
        System.out.printf(Locale.ROOT, "%n%-16s %-8s %10s %10s %12s   %s | %s   %s%n", "workload", "metrics", "steps/s",
                "ms/step", "cpu ms/step", "steps/s r1/r2", "cpu ms r1/r2", "loss over the timed steps");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nDL4J ComputationGraph 1.0.0-M2.1 (%s), omp threads %d, peak RSS %s, "
                        + "%s=%s, load average before %s, after %s%s%n",
                Nd4j.getExecutioner().getEnvironmentInformation().getProperty("blas.vendor", "?"),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), peakRss(),
                HELPERS_OFF, System.getProperty(HELPERS_OFF, "true (default)"), loadBefore,
                loadAverage(), problems ? "\nPROBLEM: a loss did not go down or was not finite (see above)" : "");
    }
}

package org.resnetexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.engine.LayerProfile;
import org.resnetexplorer.engine.LearningRateSchedule;
import org.resnetexplorer.engine.Nd4jRuntime;
import org.resnetexplorer.engine.Optimizer;
import org.resnetexplorer.engine.RunResult;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.engine.Trainer;
import org.resnetexplorer.engine.TrainingListener;
import org.resnetexplorer.engine.TrainingSettings;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * {@code bench [--json] [--seconds S] [--workload NAME] [--warmup S]}: trains fixed workloads with the real
 * {@link Trainer} on synthetic data (fixed seed) and prints steps/s with metric collection on (every
 * {@value TrainingSettings#DEFAULT_METRICS_EVERY} steps) and off (only the first and last step). Each workload
 * is warmed up first (ND4J needs several seconds of steady work), then timed over a fixed number of steps, the
 * two modes interleaved. Test evaluation runs only after the last step, outside the timed part, in both modes.
 */
final class BenchCommand implements Command {
    private static final Set<String> OPTIONS = Set.of("--seconds", "--workload", "--warmup", "--threads");
    private static final Set<String> FLAGS = Set.of("--json", "--profile");
    private static final double DEFAULT_SECONDS = 6;
    private static final double DEFAULT_WARMUP = 6;
    private static final int ROUNDS = 2;
    private static final long SEED = 1;

    /** One fixed workload: a template with options, its batch size, learning rate and synthetic data. */
    record Workload(String name, TemplateOptions options, int batch, double learningRate) {
        Network network() {
            return Templates.build(name, options);
        }

        boolean images() {
            return options.input() instanceof Shape.Image;
        }
    }

    static final List<Workload> WORKLOADS = List.of(
            mlp("mlp-plain-8"), mlp("mlp-resnet-32"), cnn("cifar-resnet-8"), cnn("cifar-plain-20"));

    private static Workload mlp(String name) {
        return new Workload(name, TemplateOptions.defaults().withInput(Shape.flat(2)).withClasses(3).withWidth(32)
                .withBatchNorm(false), 64, 0.01);
    }

    private static Workload cnn(String name) {
        return new Workload(name, TemplateOptions.defaults().withInput(Shape.image(1, 16, 16)).withClasses(10).withWidth(8),
                32, 0.05);
    }

    /** What one mode of one workload measured. */
    record Measurement(String workload, boolean metrics, int steps, double seconds, double cpuSeconds,
            long allocatedBytes) {
        double stepsPerSecond() {
            return steps / seconds;
        }

        /** Java heap allocated by the training thread per step (NaN where the JVM cannot tell). */
        double kilobytesPerStep() {
            return allocatedBytes < 0 ? Double.NaN : allocatedBytes / 1024.0 / steps;
        }
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "[--json] [--profile] [--seconds S] [--warmup S] [--workload NAME] [--threads N]";
    }

    @Override
    public String description() {
        return "train fixed workloads (" + String.join(", ", WORKLOADS.stream().map(Workload::name).toList())
                + ") on synthetic data and print steps/s with metric collection on and off";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = Arguments.parse(name(), args, OPTIONS, FLAGS);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("'bench' takes no MODEL: use --workload NAME to run one of "
                    + String.join(", ", WORKLOADS.stream().map(Workload::name).toList()));
        }
        double seconds = positive(parsed, "--seconds", DEFAULT_SECONDS);
        double warmup = positive(parsed, "--warmup", DEFAULT_WARMUP);
        List<Workload> chosen = WORKLOADS;
        if (parsed.option("--workload") != null) {
            String wanted = parsed.option("--workload");
            chosen = WORKLOADS.stream().filter(w -> w.name().equals(wanted)).toList();
            if (chosen.isEmpty()) {
                throw new UsageException("no workload '" + wanted + "': use one of "
                        + String.join(", ", WORKLOADS.stream().map(Workload::name).toList()));
            }
        }
        // one by default: the comparison with PyTorch is thread for thread (bench/compare.sh)
        int threads = TrainCommand.threads(parsed, 1);
        boolean json = parsed.flag("--json");
        boolean profile = parsed.flag("--profile");

        long benchStart = System.nanoTime();
        FirstStep first = firstStep(chosen.get(0), threads);
        List<Measurement> results = new ArrayList<>();
        for (Workload workload : chosen) {
            if (!json) {
                out.printf(Locale.ROOT, "%s: warming up %.0f s ...%n", workload.name(), warmup);
            }
            double rate = warmUp(workload, warmup, threads);
            int steps = Math.max(20, (int) Math.round(rate * seconds / ROUNDS));
            Measurement on = new Measurement(workload.name(), true, 0, 0, 0, 0);
            Measurement off = new Measurement(workload.name(), false, 0, 0, 0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                on = add(on, measure(workload, steps, TrainingSettings.DEFAULT_METRICS_EVERY, threads));
                off = add(off, measure(workload, steps, steps, threads));
            }
            results.add(on);
            results.add(off);
            if (profile && !json) {
                printProfile(workload, steps, out, threads);
            }
        }
        if (json) {
            List<String> items = new ArrayList<>();
            for (Measurement m : results) {
                items.add(String.format(Locale.ROOT, "{\"workload\": \"%s\", \"metrics\": %b, \"stepsPerSecond\": %.2f,"
                        + " \"kilobytesPerStep\": %.1f}", m.workload(), m.metrics(), m.stepsPerSecond(), m.kilobytesPerStep()));
            }
            out.println("[" + String.join(", ", items) + "]");
            return Cli.OK;
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s %-8s %10s %10s %12s %9s %9s%n", "workload", "metrics", "steps/s", "ms/step",
                "cpu ms/step", "overhead", "KB/step");
        for (int i = 0; i < results.size(); i += 2) {
            Measurement on = results.get(i);
            Measurement off = results.get(i + 1);
            double overhead = 100 * (off.stepsPerSecond() / on.stepsPerSecond() - 1);
            for (Measurement m : List.of(on, off)) {
                out.printf(Locale.ROOT, "%-16s %-8s %10.1f %10.3f %12.3f %9s %9.1f%n", m.workload(),
                        m.metrics() ? "on" : "off", m.stepsPerSecond(), 1000 * m.seconds() / m.steps(),
                        1000 * m.cpuSeconds() / m.steps(), m.metrics() ? String.format(Locale.ROOT, "%+.1f%%", overhead) : "",
                        m.kilobytesPerStep());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "first step (%s, cold engine): %.2f s after JVM start, %.2f s after Run%n",
                first.workload(), first.sinceJvmStart(), first.sinceRun());
        out.printf(Locale.ROOT, "peak resident memory (VmHWM): %s; max heap %d MB; %s%n", peakRss(),
                Runtime.getRuntime().maxMemory() >> 20, threads == 1 ? "one compute thread per training thread (set by the"
                        + " engine)" : "convolutions of 2^17 output values or more on " + threads + " threads (--threads)");
        out.printf(Locale.ROOT, "engine: %s, convolutions %s; load average %s; bench took %.0f s%n", Nd4jRuntime.version(),
                Nd4jRuntime.convolutions(), loadAverage(),
                (System.nanoTime() - benchStart) / 1e9);
        out.println("data: synthetic (seed " + SEED + "); SGD momentum 0.9, weight decay 1e-4, lr 0.01 (MLP) / 0.05 (CNN)");
        return Cli.OK;
    }

    private static double positive(Arguments parsed, String option, double fallback) throws UsageException {
        Double value = parsed.doubleOption(option);
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new UsageException(option + " must be more than 0, not " + value);
        }
        return value;
    }

    /**
     * Where the time of a step goes, per kind of layer and direction, and what the measurements at the default
     * interval cost, timed inside the steps (steadier than comparing two runs).
     */
    private static void printProfile(Workload workload, int steps, PrintStream out, int threads) {
        Trainer trainer = new Trainer("bench-profile", workload.network(), dataset(workload),
                settings(workload, steps, TrainingSettings.DEFAULT_METRICS_EVERY));
        trainer.useThreads(threads);
        LayerProfile profile = new LayerProfile();
        trainer.profile(profile);
        check(trainer.run());
        out.printf(Locale.ROOT, "%s: %.2f ms per step (timed per layer, metrics every %d steps), of which:%n",
                workload.name(), profile.millisPerStep(), TrainingSettings.DEFAULT_METRICS_EVERY);
        double layers = 0;
        for (LayerProfile.Row row : profile.perStep()) {
            out.printf(Locale.ROOT, "  %-16s %-8s %4d calls %8.3f ms%n", row.kind(), row.direction(), row.calls(), row.millis());
            layers += row.millis();
        }
        double measuring = profile.millisPerMeasurement() * profile.measuredSteps() / Math.max(1, profile.steps());
        out.printf(Locale.ROOT, "  %-16s %-8s %10s %8.3f ms  (%.2f ms per measured step, %d of %d steps)%n",
                "measurements", "", "", measuring, profile.millisPerMeasurement(), profile.measuredSteps(), profile.steps());
        out.printf(Locale.ROOT, "  %-16s %-8s %10s %8.3f ms%n", "rest of the step", "", "",
                profile.millisPerStep() - layers - measuring);
        out.printf(Locale.ROOT, "  metric overhead, timed in the steps: %.1f%%%n", 100 * profile.measurementOverhead());
    }

    private static Measurement add(Measurement a, Measurement b) {
        return new Measurement(a.workload(), a.metrics(), a.steps() + b.steps(), a.seconds() + b.seconds(),
                a.cpuSeconds() + b.cpuSeconds(), a.allocatedBytes() < 0 || b.allocatedBytes() < 0 ? -1
                        : a.allocatedBytes() + b.allocatedBytes());
    }

    /** How long the very first training step of this process took to finish. */
    private record FirstStep(String workload, double sinceJvmStart, double sinceRun) {
    }

    private static FirstStep firstStep(Workload workload, int threads) {
        long run = System.currentTimeMillis();
        long[] firstAt = {0};
        Trainer trainer = new Trainer("bench-first", workload.network(), dataset(workload), settings(workload, 1, 1));
        trainer.useThreads(threads);
        trainer.addListener(new TrainingListener() {
            @Override
            public void snapshot(TrainingSnapshot snapshot) {
                if (firstAt[0] == 0) {
                    firstAt[0] = System.currentTimeMillis();
                }
            }
        });
        check(trainer.run());
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        return new FirstStep(workload.name(), (firstAt[0] - jvmStart) / 1e3, (firstAt[0] - run) / 1e3);
    }

    /** Trains for {@code seconds} and returns the steps/s of that stretch. */
    private static double warmUp(Workload workload, double seconds, int threads) {
        Trainer trainer = new Trainer("bench-warmup", workload.network(), dataset(workload),
                settings(workload, TrainingSettings.MAX_STEPS, TrainingSettings.DEFAULT_METRICS_EVERY));
        trainer.useThreads(threads);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            timer.schedule(trainer::stop, (long) (seconds * 1000), TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            RunResult result = trainer.run();
            if (result.status() != RunStatus.STOPPED) {
                throw new IllegalStateException(workload.name() + " warm-up ended " + result.status() + ": " + result.message());
            }
            return result.steps() / ((System.nanoTime() - start) / 1e9);
        } finally {
            timer.shutdownNow();
        }
    }

    private static Measurement measure(Workload workload, int steps, int metricsEvery, int threads) {
        Trainer trainer = new Trainer("bench", workload.network(), dataset(workload), settings(workload, steps, metricsEvery));
        trainer.useThreads(threads);
        double cpuBefore = processCpuSeconds();
        long allocatedBefore = allocatedBytes();
        RunResult result = check(trainer.run());
        double cpu = processCpuSeconds() - cpuBefore;
        // compiling and the test evaluations included: a few percent over the run's steps
        long allocated = allocatedBefore < 0 ? -1 : allocatedBytes() - allocatedBefore;
        // the trainer's own figure: steps over the time spent in steps (compiling and test evaluation excluded)
        return new Measurement(workload.name(), metricsEvery < steps, result.steps(), result.steps() / result.stepsPerSecond(),
                cpu, allocated);
    }

    /** Java heap allocated so far by this thread, which runs the trainer (-1 where the JVM cannot tell). */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static RunResult check(RunResult result) {
        if (result.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("bench run ended " + result.status() + ": " + result.message());
        }
        return result;
    }

    static TrainingSettings settings(Workload workload, int steps, int metricsEvery) {
        return new TrainingSettings(steps, workload.batch(), Optimizer.SGD, LearningRateSchedule.constant(workload.learningRate()),
                0.9, 1e-4, SEED, Integer.MAX_VALUE, metricsEvery, 250, 30);
    }

    /**
     * Synthetic data, fixed seed: for the MLPs 2-D points in three noisy spiral arms; for the CNNs ten random
     * 16x16 prototypes plus noise. Real enough that the loss falls; only the throughput matters here.
     */
    static Dataset dataset(Workload workload) {
        Random random = new Random(SEED);
        int train = 2048;
        int test = 250;
        Examples trainSet = workload.images() ? images(random, train) : points(random, train);
        Examples testSet = workload.images() ? images(random, test) : points(random, test);
        int classes = trainSet.classes();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return new Dataset("synthetic-" + (workload.images() ? "images" : "points"), trainSet, testSet, names);
    }

    private static Examples points(Random random, int n) {
        float[] features = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(3);
            double t = random.nextDouble();
            double angle = c * 2 * Math.PI / 3 + t * 4 + 0.2 * random.nextGaussian();
            features[2 * i] = (float) (t * Math.cos(angle));
            features[2 * i + 1] = (float) (t * Math.sin(angle));
            labels[i] = c;
        }
        return new Examples(Shape.flat(2), 3, features, labels);
    }

    private static Examples images(Random random, int n) {
        int size = 16 * 16;
        Random prototypes = new Random(SEED + 1);
        float[][] protos = new float[10][size];
        for (float[] p : protos) {
            for (int j = 0; j < size; j++) {
                p[j] = (float) prototypes.nextGaussian();
            }
        }
        float[] features = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(10);
            for (int j = 0; j < size; j++) {
                features[i * size + j] = protos[c][j] + (float) random.nextGaussian();
            }
            labels[i] = c;
        }
        return new Examples(Shape.image(1, 16, 16), 10, features, labels);
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** VmHWM of this process ("812 MB"), or "unknown" off Linux. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

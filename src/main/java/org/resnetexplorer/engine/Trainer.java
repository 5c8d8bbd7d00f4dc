package org.resnetexplorer.engine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * Trains one network on one dataset, on the thread that calls {@link #run()}. Other threads steer it with
 * {@link #pause()}, {@link #resume()}, {@link #step()}, {@link #stop()} and {@link #setLearningRate}, which
 * take effect between steps. Every {@code metricsEvery} steps it publishes an immutable
 * {@link TrainingSnapshot} to its listeners; nothing in the trainer waits for them. Every {@code evalEvery} steps
 * (and at the last) it evaluates the network in inference mode on the test examples and on a fixed sample of
 * the training examples ({@link TrainingSample}): one evaluation each. A listener that {@link
 * TrainingListener#wantsStates() wants them} also gets the network's trained state before the first step and at
 * every evaluation ({@link NetworkState}), for views that run the network.
 *
 * <p>Same network, data, settings and seed give bit-identical snapshots on the same machine: weights,
 * batches and dropout masks all come from the seed, and ND4J runs on one thread. Trainers may run at once on
 * threads of their own: dropout draws from ND4J's generator of the trainer's thread (ND4J keeps one per thread),
 * seeded as the run starts, so no run draws from another's.
 */
public final class Trainer {
    static final String LOSS_NAN = Texts.get("trainer.loss.nan");
    static final String WEIGHTS_NAN = Texts.get("trainer.weights.nan");
    static final String DIVERGED = Texts.get("trainer.diverged");
    static final String DIVERGED_WITH_BATCH_NORM = Texts.get("trainer.diverged.with.batchnorm");
    /** Examples evaluated at a time, when they fit in memory (see {@link RunMemory#evaluationBatch}). */
    private static final int EVAL_BATCH = 250;

    private final String run;
    private final Network network;
    private final Dataset dataset;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final Object control = new Object();
    private boolean pauseRequested;
    private boolean stopRequested;
    private int singleSteps;
    private volatile RunStatus status = RunStatus.READY;
    private volatile LearningRateSchedule schedule;
    private volatile LayerProfile profile;
    private volatile Semaphore computePermit;
    private volatile NetworkState start;
    private volatile int threads = 1;
    private int evalBatch = EVAL_BATCH;

    public Trainer(String run, Network network, Dataset dataset, TrainingSettings settings) {
        this.run = Objects.requireNonNull(run, "run");
        this.network = Objects.requireNonNull(network, "network");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.schedule = settings.schedule();
    }

    public void addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public String runName() {
        return run;
    }

    public RunStatus status() {
        return status;
    }

    /** Holds the run before its next step (before its first, if it has not started). */
    public void pause() {
        synchronized (control) {
            pauseRequested = true;
            control.notifyAll();
        }
    }

    public void resume() {
        synchronized (control) {
            pauseRequested = false;
            control.notifyAll();
        }
    }

    /** While paused, lets exactly one more step run. */
    public void step() {
        synchronized (control) {
            singleSteps++;
            control.notifyAll();
        }
    }

    /** Ends the run after the current step; it reports STOPPED. */
    public void stop() {
        synchronized (control) {
            stopRequested = true;
            control.notifyAll();
        }
    }

    /** Changes the base learning rate from the next step on (the schedule's milestones and warm-up stay). */
    public void setLearningRate(double rate) {
        schedule = schedule.withBase(rate);
    }

    /**
     * Runs each step holding {@code permit} (set before {@link #run()}): trainers given the same fair permit
     * take turns step by step instead of running at once, so two runs trained side by side (a net and its plain
     * twin) use one core between them and leave the other to the window.
     */
    public void shareComputeWith(Semaphore permit) {
        this.computePermit = permit;
    }

    /**
     * Lets the coming run's large convolutions use up to {@code threads} threads (set before {@link #run()}; 1, the
     * default, for a run that shares the machine with a twin, other runs or a window short of cores). Small layers
     * keep one thread whatever this says, where a second one is slower ({@link ComputeThreads}).
     */
    public void useThreads(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * Starts the coming run (set before {@link #run()}) from {@code state} instead of fresh weights: a state of
     * this trainer's network, e.g. what {@link CarriedState} made of a trained run's weights for an edited network.
     * The optimizer's state (momentum, Adam's moments) starts fresh, as does the schedule: step 0 is step 0. The run
     * is evaluated once before its first step, in a snapshot of step 0 without loss or gradients.
     *
     * @throws IllegalArgumentException if the state is of another network
     */
    public void startFrom(NetworkState state) {
        if (!state.network().equals(network)) {
            throw new IllegalArgumentException("a state of " + state.network().name() + " cannot start a run of "
                    + network.name());
        }
        this.start = state;
    }

    /** Times every layer of the coming run into {@code profile} (set before {@link #run()}; costs a clock read per layer). */
    public void profile(LayerProfile profile) {
        this.profile = profile;
    }

    /**
     * Trains until the steps are done, the run is stopped, or it diverges. Never throws: a failure ends the run
     * with status FAILED and a message.
     */
    public RunResult run() {
        long started = System.nanoTime();
        Progress progress = new Progress();
        try {
            long budget = RunMemory.budget();
            Analysis analysis = checked(network, dataset, settings, budget);
            evalBatch = RunMemory.evaluationBatch(analysis, settings.batch(), EVAL_BATCH, budget);
            Nd4jRuntime.start();
            ComputeThreads.allow(threads);
            Nd4j.getRandom().setSeed(settings.seed());
            CompiledNetwork compiled = CompiledNetwork.compile(analysis, DataType.FLOAT, settings.seed());
            compiled.skipInputGradient(); // training reads no gradient of its input images
            if (start != null) {
                compiled.load(start);
            }
            compiled.profile(profile);
            publish(RunStatus.RUNNING, "");
            return train(compiled, progress, started);
        } catch (EngineException e) {
            return end(progress, RunStatus.FAILED, e.getMessage(), started);
        } catch (OutOfMemoryError e) {
            // JavaCPP refuses native memory beyond its limit (or the heap is full): the network is too large for
            // what is left, which the user can change; not a fault to report as one
            String message = Texts.format("trainer.memory", progress.step, e.getMessage() == null ? e : e.getMessage());
            return end(progress, RunStatus.FAILED, message, started, true);
        } catch (RuntimeException e) {
            String message = Texts.format("trainer.failed", progress.step, e.getMessage() == null ? e : e.getMessage());
            return end(progress, RunStatus.FAILED, message, started);
        } finally {
            ComputeThreads.allow(1); // a pooled thread's next run starts from one thread
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    private RunResult train(CompiledNetwork compiled, Progress progress, long started) {
        OptimizerState optimizer = new OptimizerState(compiled.parameters(), settings.optimizer(), settings.momentum(),
                settings.weightDecay());
        Measurements measurements = new Measurements(compiled, settings.histogramBins());
        Batches batches = new Batches(dataset.train(), settings.seed());
        Examples train = dataset.train();
        Examples test = dataset.test();
        int[] trainSample = TrainingSample.indices(train.size(), settings.testLimit(), settings.seed());
        int[] testExamples = TrainingSample.first(test.size(), settings.testLimit());
        int every = settings.metricsEvery();
        long activeNanos = 0;
        long activeNanosAtSnapshot = 0;
        int stepAtSnapshot = 0;
        int errorsSince = 0;
        int examplesSince = 0;
        boolean states = listeners.stream().anyMatch(TrainingListener::wantsStates);
        if (states) {
            publish(compiled.state(run, 0));
        }
        if (start != null) {
            // a run that continues trained weights is evaluated before its first step: the error the edit left,
            // where the run it continues ended if nothing was changed (no loss or gradients: no step was taken)
            progress.trainError = error(compiled, train, trainSample);
            progress.testError = error(compiled, test, testExamples);
            publish(new TrainingSnapshot(run, 0, settings.steps(), Double.NaN, Double.NaN, progress.trainError,
                    progress.testError, schedule.at(0), 0, List.of(), List.of(), List.of()));
        }
        for (int step = 0; step < settings.steps(); step++) {
            if (!awaitTurn()) {
                return end(progress, RunStatus.STOPPED, Texts.format("trainer.stopped", step), started);
            }
            // trainers sharing a permit take turns, one step each: they use one core between them, and the
            // other stays free for the window
            Semaphore permit = computePermit;
            if (permit != null) {
                permit.acquireUninterruptibly();
            }
            try {
                long stepStart = System.nanoTime();
                double rate = schedule.at(step);
                boolean last = step == settings.steps() - 1;
                boolean evaluate = (step + 1) % settings.evalEvery() == 0 || last;
                // an evaluation is published with a snapshot, so an evaluation step is always measured
                boolean measure = (step + 1) % every == 0 || evaluate || step == 0;
                TrainingSnapshot snapshot = null;
                try (MemoryWorkspace ignored = Nd4jRuntime.stepWorkspace()) {
                    Batches.Batch batch = batches.next(settings.batch(), compiled.dataType());
                    SoftmaxCrossEntropy.Result result = SoftmaxCrossEntropy.of(compiled.forward(batch.features(), true),
                            batch.labels());
                    progress.step = step + 1;
                    progress.loss = result.loss();
                    if (!Double.isFinite(result.loss())) {
                        return diverged(progress, String.format(LOSS_NAN, result.loss(), step + 1), rate, started);
                    }
                    compiled.backward(result.gradLogits());
                    errorsSince += result.errors();
                    examplesSince += batch.labels().length;
                    long measuring = 0;
                    if (measure) {
                        long measureStart = System.nanoTime();
                        snapshot = new TrainingSnapshot(run, step + 1, settings.steps(), result.loss(),
                                (double) errorsSince / examplesSince, Double.NaN, Double.NaN, rate, 0,
                                measurements.gradNorms(), measurements.responseStd(), measurements.residuals());
                        errorsSince = 0;
                        examplesSince = 0;
                        measuring = System.nanoTime() - measureStart;
                    }
                    optimizer.update(compiled.values(), compiled.gradients(), rate);
                    if (measure) {
                        long checkStart = System.nanoTime();
                        if (!Double.isFinite(compiled.values().sumNumber().doubleValue())) {
                            return diverged(progress, String.format(WEIGHTS_NAN, step + 1), rate, started);
                        }
                        measuring += System.nanoTime() - checkStart;
                    }
                    activeNanos += System.nanoTime() - stepStart;
                    if (profile != null) {
                        profile.step(System.nanoTime() - stepStart);
                        if (measure) {
                            profile.measurement(measuring);
                        }
                    }
                }
                // after the step's workspace is closed: each part of the test set then reuses it from its start,
                // where inside the step they piled up in it (1.6 GB for cifar-resnet-20 on 28x28 images)
                if (snapshot != null) {
                    double trainError = Double.NaN;
                    double testError = Double.NaN;
                    if (evaluate) {
                        trainError = error(compiled, train, trainSample);
                        testError = error(compiled, test, testExamples);
                        progress.trainError = trainError;
                        progress.testError = testError;
                        if (states) {
                            publish(compiled.state(run, step + 1));
                        }
                    }
                    // the rate since the previous snapshot: it follows ND4J's warm-up and any change of load
                    progress.stepsPerSecond = (step + 1 - stepAtSnapshot) / ((activeNanos - activeNanosAtSnapshot) / 1e9);
                    stepAtSnapshot = step + 1;
                    activeNanosAtSnapshot = activeNanos;
                    publish(new TrainingSnapshot(run, snapshot.step(), snapshot.totalSteps(), snapshot.loss(),
                            snapshot.batchError(), trainError, testError, rate, progress.stepsPerSecond,
                            snapshot.gradNorms(), snapshot.responseStd(), snapshot.residuals()));
                }
            } finally {
                if (permit != null) {
                    permit.release();
                }
            }
        }
        return end(progress, RunStatus.FINISHED, "finished " + settings.steps() + " steps", started);
    }

    /**
     * Error rate on the given examples in inference mode (BatchNorm's running statistics, no dropout), {@code
     * evalBatch} examples at a time, each part in the step workspace from its start.
     */
    private double error(CompiledNetwork compiled, Examples examples, int[] indices) {
        compiled.profile(null); // a profile times training steps only
        int errors = Batches.errors(compiled, examples, indices, evalBatch);
        compiled.profile(profile);
        return (double) errors / indices.length;
    }

    /**
     * Refuses, before anything is allocated, a run that cannot start: a network that is not valid, that does not
     * take the dataset's examples or predict its classes, or whose parameters and activations at the settings' batch
     * cannot fit in memory (decision 0018). The test and training errors are then measured as many examples at a time
     * as fit, up to 250. {@link #run()} checks the same first; call this before creating a run's
     * files, to refuse the run with nothing written.
     *
     * @throws EngineException saying what is wrong and what to do
     */
    public static void check(Network network, Dataset dataset, TrainingSettings settings) throws EngineException {
        checked(network, dataset, settings, RunMemory.budget());
    }

    /** {@link #check} against a memory budget of {@code budget} bytes; returns the network's analysis. */
    static Analysis checked(Network network, Dataset dataset, TrainingSettings settings, long budget)
            throws EngineException {
        Analysis analysis = Analysis.of(network);
        CompiledNetwork.requireValid(analysis);
        Shape input = analysis.inputShape().orElseThrow();
        int classes = analysis.classes().orElseThrow();
        if (!input.equals(dataset.shape())) {
            throw new EngineException(Texts.format("trainer.wrong.input", network.name(), input, dataset.name(),
                    dataset.shape()));
        }
        if (classes != dataset.classes()) {
            throw new EngineException(Texts.format("trainer.wrong.classes", network.name(), classes, dataset.name(),
                    dataset.classes()));
        }
        RunMemory.check(network.name(), analysis, settings.batch(), budget);
        return analysis;
    }

    /**
     * Waits while paused (unless a single step is granted); false when the run must stop. The listeners hear of a
     * pause or a resume after the lock is released: a listener that waits for a thread steering the run (the FX
     * thread pressing Step) cannot deadlock with it. Only the trainer's thread publishes, so they hear it in order.
     */
    private boolean awaitTurn() {
        while (true) {
            Turn turn = nextTurn();
            switch (turn) {
                case ANNOUNCE_PAUSE -> publish(RunStatus.PAUSED, ""); // then wait for the next turn
                case ANNOUNCE_RESUME -> {
                    publish(RunStatus.RUNNING, "");
                    return true;
                }
                case STEP -> {
                    return true;
                }
                case STOP -> {
                    return false;
                }
            }
        }
    }

    /** What the next step may do, waiting under the lock while paused; announces nothing itself. */
    private Turn nextTurn() {
        synchronized (control) {
            while (!stopRequested && pauseRequested && singleSteps == 0) {
                if (status != RunStatus.PAUSED) {
                    return Turn.ANNOUNCE_PAUSE;
                }
                try {
                    control.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (stopRequested) {
                return Turn.STOP;
            }
            if (pauseRequested) {
                singleSteps--;
                return Turn.STEP;
            }
            return status == RunStatus.PAUSED ? Turn.ANNOUNCE_RESUME : Turn.STEP;
        }
    }

    /** The outcome of {@link #nextTurn}. */
    private enum Turn {
        /** Paused: tell the listeners, then wait. */
        ANNOUNCE_PAUSE,
        /** Resumed after a pause: tell the listeners, then step. */
        ANNOUNCE_RESUME,
        STEP,
        STOP
    }

    private RunResult diverged(Progress progress, String what, double rate, long started) {
        return end(progress, RunStatus.DIVERGED, divergedAdvice(network, what, rate), started);
    }

    /**
     * Why the run stopped ({@code what}) and what to try, by what the network has: a lower rate (it was
     * {@code rate}) always; BatchNorm only where it has none, else a warm-up.
     */
    static String divergedAdvice(Network network, String what, double rate) {
        boolean normalised = network.nodes().stream().anyMatch(n -> n.layer() instanceof BatchNorm);
        return String.format(normalised ? DIVERGED_WITH_BATCH_NORM : DIVERGED, what,
                String.format(java.util.Locale.ROOT, "%.3g", rate));
    }

    private RunResult end(Progress progress, RunStatus end, String message, long started) {
        return end(progress, end, message, started, false);
    }

    /** @param outOfMemory the run ended because the memory left could not hold it */
    private RunResult end(Progress progress, RunStatus end, String message, long started, boolean outOfMemory) {
        publish(end, message);
        return new RunResult(run, end, message, progress.step, progress.loss, progress.trainError,
                progress.testError, progress.stepsPerSecond, (System.nanoTime() - started) / 1e9, outOfMemory);
    }

    private void publish(RunStatus next, String message) {
        status = next;
        for (TrainingListener listener : listeners) {
            listener.status(run, next, message);
        }
    }

    private void publish(NetworkState state) {
        for (TrainingListener listener : listeners) {
            if (listener.wantsStates()) {
                listener.state(state);
            }
        }
    }

    private void publish(TrainingSnapshot snapshot) {
        for (TrainingListener listener : listeners) {
            listener.snapshot(snapshot);
        }
    }

    /** The latest figures of the run, for its result. */
    private static final class Progress {
        int step;
        double loss = Double.NaN;
        double trainError = Double.NaN;
        double testError = Double.NaN;
        double stepsPerSecond;
    }
}

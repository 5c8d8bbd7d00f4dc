package org.resnetexplorer.engine;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.resnetexplorer.i18n.Texts;

/**
 * Starting ND4J the way this app needs it: native memory capped (JavaCPP frees native buffers only when the
 * Java objects are collected, and the cap makes it collect in time), one compute thread (faster than two at
 * these sizes, and it leaves a core for the UI), and one workspace per training step, reused every step.
 */
public final class Nd4jRuntime {
    /** Native memory JavaCPP may hold before it asks the garbage collector to free buffers. */
    private static final String MAX_BYTES = "768m";
    /**
     * The whole process's resident memory JavaCPP allows before it refuses native allocations: the Java heap's
     * own limit on top of 1.5 GB. A fixed 1.5 GB counted the heap too, so a window whose heap had grown (long
     * runs' measurements, many windows in one test JVM) could no longer allocate a training step.
     */
    static final long NATIVE_HEADROOM = 1536L << 20;
    private static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyMirroring(MirroringPolicy.FULL)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    private static volatile boolean ready;

    private Nd4jRuntime() {
    }

    /**
     * Loads ND4J (1-3 s the first time) and sets it up; later calls return at once. Call it early, off the UI
     * thread, so the first training step starts quickly, and again on each thread that trains (one compute
     * thread per training thread).
     *
     * @throws IllegalStateException if ND4J cannot load its native library, saying what the machine needs
     */
    public static void start() {
        load();
        // OpenMP's thread count belongs to the calling thread: ND4J sets it to the core count on the thread that
        // loads it, other threads start from OpenMP's default, and setMaxThreads does not reach oneDNN. Two
        // threads spinning over tiny tensors made convolutions 5-100x slower on a busy 2-core machine.
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        ComputeThreads.reset();
    }

    private static synchronized void load() {
        if (ready) {
            return;
        }
        if (System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxbytes", MAX_BYTES);
        }
        if (System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxphysicalbytes",
                    Long.toString(Runtime.getRuntime().maxMemory() + NATIVE_HEADROOM));
        }
        try {
            Nd4j.create(1);
        } catch (LinkageError | RuntimeException e) {
            throw new IllegalStateException(Texts.format("nd4jRuntime.cannot.start", e), e);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        // OpenBLAS keeps its own thread pool, for every thread
        Nd4j.factory().blas().setMaxThreads(1);
        // ND4J calls System.gc() every few seconds to free native buffers that only the GC releases; the engine
        // keeps its arrays in workspaces, and in the app those full collections stopped the window for 120-200 ms
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        ready = true;
    }

    static final String STEP_WORKSPACE = "resnet-explorer-step";

    /** Opens the workspace of one training step on this thread; everything made inside dies with it. */
    static MemoryWorkspace stepWorkspace() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP, STEP_WORKSPACE);
    }

    /**
     * Frees this thread's step workspace, at the end of a run. Not destroyAllWorkspacesForCurrentThread: that
     * also calls System.gc(), a full collection that stopped the app's window for 160-320 ms at every run's end.
     */
    static void releaseThreadMemory() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(STEP_WORKSPACE)) {
            Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(STEP_WORKSPACE).destroyWorkspace();
        }
    }

    /** What runs the float convolutions: "oneDNN 2.5.2", or libnd4j where oneDNN is not there (decision 0042). */
    public static String convolutions() {
        return OneDnnConvolution.version();
    }

    /** "ND4J 1.0.0-M2.1 (linux-x86_64-onednn-avx2)": what run.json records. */
    public static String version() {
        Package p = Nd4j.class.getPackage();
        String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "1.0.0-M2.1";
        String build = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("blas.vendor", "");
        return "ND4J " + version + (build.isEmpty() ? "" : " (" + build + ")");
    }
}

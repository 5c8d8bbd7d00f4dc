package org.resnetexplorer.engine;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads a training thread's convolutions use: one, unless the run was allowed more ({@link
 * Trainer#useThreads}: a run training alone) and the convolution is large enough that a second thread pays for
 * itself. OpenMP's thread count, which libnd4j and oneDNN follow, belongs to the calling thread, so it is set
 * before each convolution call, and only when it changes (decision 0041 has the measurements).
 */
final class ComputeThreads {
    /**
     * Output values of one convolution call (batch x out channels x output pixels) from which it runs on the
     * allowed threads: 2^17. oneDNN shares a call's output among the threads. Measured on 2 cores, forward and
     * backward (decision 0041): calls of 2^15 values or fewer ran at 0.6-1.6x on two threads (0.75x typically:
     * OpenMP's start and join cost as much as the work saves), calls of 2^16 at 0.8-1.6x, and a whole network of
     * such calls (cifar-plain-20 at batch 32) gained nothing reliable; calls of 2^17 or more ran at 0.9-2.8x (1.6x
     * typically), and cifar-resnet-20 of width 16 on 28x28 images 1.4x. The system property {@code
     * resnetexplorer.threadsFrom} sets another threshold, for measuring the rule (0: every convolution).
     */
    static final long MIN_OUTPUT_VALUES = Long.getLong("resnetexplorer.threadsFrom", 1L << 17);

    /** Per training thread: the threads its run may use, and what OpenMP is set to now. */
    private static final ThreadLocal<int[]> STATE = ThreadLocal.withInitial(() -> new int[] {1, 1});

    private ComputeThreads() {
    }

    /** Lets the calling thread's convolutions use up to {@code threads} threads (1 puts it back to one). */
    static void allow(int threads) {
        STATE.get()[0] = Math.max(1, threads);
        use(1);
    }

    /** What {@link #allow} gave the calling thread. */
    static int allowed() {
        return STATE.get()[0];
    }

    /** The threads OpenMP is set to on the calling thread, as far as this class set it. */
    static int current() {
        return STATE.get()[1];
    }

    /** Sets OpenMP for a convolution call of this many output values, on the calling thread. */
    static void forConvolution(long outputValues) {
        int[] state = STATE.get();
        use(state[0] > 1 && outputValues >= MIN_OUTPUT_VALUES ? state[0] : 1);
    }

    /** Records that {@link Nd4jRuntime#start} has just set the calling thread's OpenMP to one thread. */
    static void reset() {
        STATE.get()[1] = 1;
    }

    private static void use(int threads) {
        int[] state = STATE.get();
        if (state[1] != threads) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            state[1] = threads;
        }
    }
}

package org.resnetexplorer.experiments;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an experiment's runs train on when several train at once: the one class below the window that
 * creates threads (decision 0025). Daemon threads, so a command or the window may end while runs train; named
 * after the experiment, so a thread dump says whose they are. Each trainer sets its own thread to one compute
 * thread ({@code Nd4jRuntime.start}), so {@code jobs} threads use {@code jobs} cores.
 */
final class RunThreads {
    private RunThreads() {
    }

    /** A pool of {@code jobs} threads named "experiment ID run 1", "... run 2"; the caller shuts it down. */
    static ExecutorService pool(String experiment, int jobs) {
        AtomicInteger made = new AtomicInteger();
        return Executors.newFixedThreadPool(jobs, work -> {
            Thread thread = new Thread(work, "experiment " + experiment + " run " + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}

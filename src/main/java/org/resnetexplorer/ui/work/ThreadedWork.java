package org.resnetexplorer.ui.work;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link BackgroundWork} on daemon threads: the only class of the window that creates threads. */
final class ThreadedWork implements BackgroundWork {
    static final ThreadedWork INSTANCE = new ThreadedWork();
    /** How long an idle {@link #inOrder} thread waits for more work before it ends. */
    private static final long IDLE_SECONDS = 10;

    private ThreadedWork() {
    }

    @Override
    public void start(String name, Runnable work) {
        daemon(name, work).start();
    }

    @Override
    public Executor inOrder(String name) {
        // no thread kept while idle; at most one, so the work runs one piece at a time, in order
        return new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                work -> daemon(name, work));
    }

    @Override
    public void atExit(String name, Runnable work) {
        Runtime.getRuntime().addShutdownHook(new Thread(work, name));
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}

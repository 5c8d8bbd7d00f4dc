package org.resnetexplorer.ui.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * {@link BackgroundWork} for tests: runs each piece of work at once on the caller's thread, so what it does is
 * done when the call returns; remembers the names of the work it was given, in order.
 */
public final class SameThreadWork implements BackgroundWork {
    private final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void start(String name, Runnable work) {
        names.add(name);
        work.run();
    }

    @Override
    public Executor inOrder(String name) {
        return work -> start(name, work);
    }

    @Override
    public void atExit(String name, Runnable work) {
        names.add(name);
    }

    /** The names of the work given so far, in order ("autosave", "dataset-loader", ...). */
    public List<String> names() {
        return List.copyOf(names);
    }
}

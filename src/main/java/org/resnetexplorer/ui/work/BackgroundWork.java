package org.resnetexplorer.ui.work;

import java.util.concurrent.Executor;

/**
 * The one way the window runs work off the FX thread (decision 0014): loading a dataset, training, an experiment,
 * autosaving, painting and exporting charts. The window is given one ({@link #threads()} in the app); a test can
 * give it {@code SameThreadWork}, which runs everything at once on the caller's thread. Nothing else in the window
 * creates a thread or an executor (ArchUnit holds it).
 *
 * <p>Work started here must not touch the scene graph: it hands its results back with
 * {@code Platform.runLater}, a JavaFX {@code Task}'s handlers, or a snapshot queue.
 */
public interface BackgroundWork {
    /** Background threads: each piece of work on a daemon thread named after it, so the app may quit meanwhile. */
    static BackgroundWork threads() {
        return ThreadedWork.INSTANCE;
    }

    /** Runs {@code work} once on a thread of its own named {@code name} (a JavaFX {@code Task} is such work). */
    void start(String name, Runnable work);

    /**
     * An executor that runs what it is given one at a time, in the order given, on a thread named {@code name}
     * (the autosave's writes, a chart pane's paintings). The thread ends when idle; nothing needs shutting down.
     */
    Executor inOrder(String name);

    /** Runs {@code work} when the JVM exits, however it exits (a benchmark's last report). */
    void atExit(String name, Runnable work);
}

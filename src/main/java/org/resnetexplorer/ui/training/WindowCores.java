package org.resnetexplorer.ui.training;

/**
 * How many of the machine's cores the window's training takes (decision 0025): the window keeps one for itself
 * (drawing, the charts), so an experiment trains up to (cores - 1) runs at once, at least one; a network and its
 * plain twin train on a core each where there are three or more, and take turns on one core where there are two.
 * Each run trains on one core (one compute thread, decision 0006), except a run training alone, whose large
 * convolutions may use every core the window does not keep (decision 0041).
 */
public final class WindowCores {
    private WindowCores() {
    }

    /** The cores of this machine (as the JVM sees them: a container's limit counts). */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** How many of an experiment's runs train at once in the window on a machine of {@code cores} cores. */
    public static int experimentJobs(int cores) {
        return trainingCores(cores);
    }

    /** The cores the window's training may use between its runs: all but the window's own, at least one. */
    public static int trainingCores(int cores) {
        return Math.max(1, cores - 1);
    }

    /** Whether a network and its plain twin each train on a core of their own (else they take turns on one). */
    public static boolean twinOnItsOwnCore(int cores) {
        return cores >= 3;
    }
}

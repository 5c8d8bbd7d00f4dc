package org.resnetexplorer.experiments;

/** Where a study says how far it has come, on the runner's thread. */
@FunctionalInterface
public interface StudyProgress {
    /** Reports nothing. */
    StudyProgress NONE = (done, what) -> { };

    /**
     * @param done the share measured, from 0 to 1
     * @param what what it measures now, a short text in the user's language (e.g. "resnet-20: row 4 of 21")
     */
    void report(double done, String what);
}

package org.resnetexplorer.engine;

/** Where a training run is. FINISHED, STOPPED, DIVERGED and FAILED are final. */
public enum RunStatus {
    READY, RUNNING, PAUSED, FINISHED, STOPPED, DIVERGED, FAILED
}

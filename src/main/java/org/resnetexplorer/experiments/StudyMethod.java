package org.resnetexplorer.experiments;

import org.resnetexplorer.engine.EngineException;

/**
 * A kind of study: checks a preset's study when the preset is read, then measures the trained runs. One instance per
 * preset read ({@link Studies#method}), so it may keep its settings in fields.
 */
public interface StudyMethod {
    /**
     * Reads the settings and checks that they and the experiment's runs suit this study.
     *
     * @throws ExperimentFileException naming the preset, the field and the problem
     */
    void check(Experiment experiment) throws ExperimentFileException;

    /**
     * Measures, on the runner's thread, after every run has ended. Reports progress through {@code in.progress()}
     * and returns what it has measured so far once {@code in.stopped()} says so.
     *
     * @throws EngineException if a network cannot be compiled or run
     */
    StudyResult measure(StudyInput in) throws EngineException;
}

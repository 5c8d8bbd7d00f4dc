package org.resnetexplorer.experiments;

import java.util.List;

/** What a study measured: the figures its claims are checked on, its lines of text, and what its charts draw. */
public interface StudyResult {
    /** A study figure of a run ({@link Claim.Figure#study()}), NaN where this study has none for it. */
    double figure(String run, Claim.Figure figure);

    /**
     * The measured figures as lines of text in {@code language} ("en" or "zh"), as the {@code experiment} command
     * prints them after the runs and the window's experiment panel shows them.
     */
    List<String> lines(String language);

    /** The engine's records of the measurement, for the study's pictures (the charts package draws them). */
    List<Object> findings();
}

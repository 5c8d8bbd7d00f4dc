/**
 * The paper's experiments as presets: files (in {@code assets/presets/}) naming the runs, data, settings and the
 * claim each one checks, and the runner that trains the runs (several at once on threads of its own, decision 0025)
 * and tests the claims on the figures they produce. Uses the graph model, the engine and the datasets; imports no
 * JavaFX.
 */
package org.resnetexplorer.experiments;

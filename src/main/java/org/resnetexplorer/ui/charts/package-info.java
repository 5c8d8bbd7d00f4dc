/**
 * The live charts of the app window: error curves, per-layer gradient norms and residual responses of every
 * run compared, drawn by the Java2D {@code charts} classes (the same drawing {@code train --png} writes) into
 * images shown on the FX thread, at most once per pulse and only for the visible tab; and their export as PNG
 * and CSV. {@link org.resnetexplorer.ui.charts.ChartsPane} is what the main window hosts.
 */
package org.resnetexplorer.ui.charts;

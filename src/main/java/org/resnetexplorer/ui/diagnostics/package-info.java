/**
 * Measurements and warm-ups, not features: the start-up rehearsal of the first run (WarmUp), and the frame
 * statistics bench/ui.sh asks for. Uses the training, the charts and the background work.
 */
package org.resnetexplorer.ui.diagnostics;

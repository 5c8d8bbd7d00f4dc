/**
 * The Experiments menu and panel: the paper's experiments in miniature run in the window (decision 0010). Uses the
 * training folder's run list and snapshot queue, the charts, the dialogs and the background work.
 */
package org.resnetexplorer.ui.experiments;

/**
 * How the window runs work off the FX thread: {@link org.resnetexplorer.ui.work.BackgroundWork}, the one seam that
 * starts threads (decision 0014), and its implementation. Depends on nothing of the app.
 */
package org.resnetexplorer.ui.work;

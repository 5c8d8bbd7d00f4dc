/**
 * How the window looks and speaks: theme, text size, presentation mode and full screen (decision 0011), and the
 * language chosen at start (decision 0012). Restyles the charts and the editor.
 */
package org.resnetexplorer.ui.appearance;

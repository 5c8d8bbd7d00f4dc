/**
 * How the main window shares its room: the side panels that step aside (by hand, or on their own when the window
 * is narrow), the graph above the charts, and the views that give the charts the whole window (maximised, charts
 * only, presentation). It arranges nodes the shell hands it and uses no other folder (UiFolderRulesTest).
 */
package org.resnetexplorer.ui.layout;

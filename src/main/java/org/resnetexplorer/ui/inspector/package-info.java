/**
 * The properties of the selection: a layer's settings, edited as new networks, and a block's shortcut. Uses the
 * training folder for its number messages only.
 */
package org.resnetexplorer.ui.inspector;

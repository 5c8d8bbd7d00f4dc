/**
 * The desktop app, and the only package that imports JavaFX. It shows the graph model and drives the engine
 * through background services; the scene graph is touched only on the FX thread.
 */
package org.resnetexplorer.ui;

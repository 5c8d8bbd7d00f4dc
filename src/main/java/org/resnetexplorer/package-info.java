/**
 * ResNet Explorer: compose plain and residual networks, train them small on the CPU, and see why skip
 * connections work. Packages by layer: graph (pure model), engine (ND4J), data, cli (headless commands) and
 * ui (the only package that imports JavaFX); {@link org.resnetexplorer.Launcher} chooses between ui and cli.
 */
package org.resnetexplorer;

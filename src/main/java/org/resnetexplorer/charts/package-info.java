/**
 * The charts, drawn with Java2D: the app shows them and the headless {@code train --png} writes them, from the
 * same code, with no display needed. Depends on engine snapshots and the JDK; never on JavaFX.
 */
package org.resnetexplorer.charts;

/**
 * The training engine: compiles a validated graph into layers written on ND4J operations (forward and
 * backward side by side), trains it, and measures what the charts show. Imports no JavaFX; depends on graph
 * and data.
 */
package org.resnetexplorer.engine;

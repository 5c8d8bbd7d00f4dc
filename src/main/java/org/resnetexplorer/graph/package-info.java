/**
 * The pure model of a network: layer specs (records), the network DAG with its residual blocks, validation,
 * shape inference, parameter and multiply-add counts, the paper's templates and the JSON file format.
 * Depends on nothing of this project and imports neither JavaFX nor ND4J (an ArchUnit test keeps it so).
 */
package org.resnetexplorer.graph;

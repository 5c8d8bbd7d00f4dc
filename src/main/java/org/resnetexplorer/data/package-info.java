/**
 * Datasets as plain float arrays: the 2-D toy sets generated in code, the bundled Fashion-MNIST subset, and
 * readers for IDX (MNIST, Fashion-MNIST), CIFAR-10 binary batches and CSV files. Entry point: {@link
 * org.resnetexplorer.data.Datasets}. Depends on graph (for Shape) and the JDK only: no tensor library, no JavaFX.
 */
package org.resnetexplorer.data;

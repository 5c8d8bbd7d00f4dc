package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.NetworkState;

/**
 * What {@code train --png} writes about what the trained network computes, beside the charts of its
 * measurements: for 2-D data its decision regions; for images its predictions, confusion matrix and feature maps.
 */
final class RunPictures {
    private RunPictures() {
    }

    /**
     * Writes the pictures of the network's final {@code state} on {@code dataset} into {@code folder}, each
     * {@code width x height} points; returns the files written.
     *
     * @throws IOException naming the file that could not be written
     */
    static List<Path> write(NetworkState state, Dataset dataset, Path folder, int width, int height)
            throws IOException {
        List<Path> written = new ArrayList<>();
        DecisionRegionsPicture.write(state, dataset, folder, width, height).ifPresent(written::add);
        written.addAll(PredictionPictures.write(state, dataset, folder, width, height));
        FeatureMapFile.write(state, dataset, folder, width, height).ifPresent(written::add);
        return written;
    }
}

package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.FeatureMapPicture;
import org.resnetexplorer.charts.TestImage;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.BlockMaps;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Shape;

/**
 * {@code feature-maps.png} of {@code train --png} on images: the first test image's maps x, F(x) and x + F(x) at the
 * network's middle block (where the maps are neither the input's pixels nor the last few pooled values; the window's
 * view shows every block).
 */
final class FeatureMapFile {
    static final String NAME = "feature-maps.png";

    private FeatureMapFile() {
    }

    /** Writes the picture if the data are images and the network has blocks; returns the file written, if any. */
    static Optional<Path> write(NetworkState state, Dataset dataset, Path folder, int width, int height)
            throws IOException {
        if (!(dataset.shape() instanceof Shape.Image) || dataset.test().size() == 0) {
            return Optional.empty();
        }
        TestImage image = TestImage.of(dataset, 0);
        List<BlockMaps> blocks;
        try {
            blocks = BlockMaps.of(NetworkProbe.of(state), image.values());
        } catch (EngineException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        BlockMaps middle = blocks.get((blocks.size() - 1) / 2);
        FeatureMapPicture.Content content = new FeatureMapPicture.Content(image, state.step(),
                List.of(new FeatureMapPicture.Panel(state.run(), blocks.size(), middle)));
        return Optional.of(ChartFiles.write(FeatureMapPicture.render(content, width, height, 1, ChartStyle.LIGHT),
                folder.resolve(NAME)));
    }
}

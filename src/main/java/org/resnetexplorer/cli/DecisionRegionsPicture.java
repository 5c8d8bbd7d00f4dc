package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.DecisionRegionsChart;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.i18n.Texts;

/** {@code decision-regions.png} of {@code train --png}: the trained network's regions over 2-D data, test points too. */
final class DecisionRegionsPicture {
    static final String PANEL = Texts.get("decisionRegionsView.panel");

    private DecisionRegionsPicture() {
    }

    /**
     * Writes the picture into {@code folder} if the dataset is 2-D; empty for images.
     *
     * @throws IOException naming the file that could not be written, or why the network could not run
     */
    static Optional<Path> write(NetworkState state, Dataset dataset, Path folder, int width, int height)
            throws IOException {
        if (!DecisionRegions.Grid.fits(dataset)) {
            return Optional.empty();
        }
        DecisionRegions.Grid grid = DecisionRegions.Grid.over(dataset);
        DecisionRegions regions;
        try {
            regions = DecisionRegions.compute(NetworkProbe.of(state), grid);
        } catch (EngineException e) {
            throw new IOException("could not run the trained network for " + DecisionRegionsChart.FILE + ": "
                    + e.getMessage(), e);
        }
        String title = String.format(PANEL, state.run(), state.step());
        return Optional.of(ChartFiles.write(DecisionRegionsChart.render(DecisionRegionsChart.TITLE, dataset, grid,
                List.of(new DecisionRegionsChart.Panel(title, regions)), new DecisionRegionsChart.Options(true, false),
                width, height, 1, ChartStyle.LIGHT), folder.resolve(DecisionRegionsChart.FILE)));
    }
}

package org.resnetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.charts.ConfusionMatrixChart;
import org.resnetexplorer.charts.PredictionGallery;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Shape;

/**
 * {@code predictions.png} and {@code confusion-matrix.png} of {@code train --png} on image data: the trained
 * network's predictions on the first test images (errors first) and their confusion matrix, as the window's
 * Predictions and Confusion matrix tabs draw them.
 */
final class PredictionPictures {
    static final String PREDICTIONS = "predictions.png";
    static final String CONFUSION_MATRIX = "confusion-matrix.png";

    private PredictionPictures() {
    }

    /** Writes both pictures for a run on images; nothing for 2-D data. Returns the files written. */
    static List<Path> write(NetworkState state, Dataset dataset, Path folder, int width, int height) throws IOException {
        if (!(dataset.shape() instanceof Shape.Image)) {
            return List.of();
        }
        Predictions predictions;
        try {
            predictions = Predictions.of(NetworkProbe.of(state), state.run(), dataset.test(),
                    Predictions.FIRST_TEST_EXAMPLES);
        } catch (EngineException e) {
            throw new IOException("could not run the trained network on the test images: " + e.getMessage(), e);
        }
        PredictionGallery.Page page = new PredictionGallery.Page(state.run(), predictions, dataset, -1,
                predictions.order(-1, false), 0);
        ConfusionMatrixChart.Content matrix = new ConfusionMatrixChart.Content(state.run(), predictions.step(),
                predictions.confusion(), dataset.classNames(), false);
        return List.of(
                ChartFiles.write(PredictionGallery.render(page, width, height, 1, ChartStyle.LIGHT), folder.resolve(PREDICTIONS)),
                ChartFiles.write(ConfusionMatrixChart.render(matrix, width, height, 1, ChartStyle.LIGHT),
                        folder.resolve(CONFUSION_MATRIX)));
    }
}
